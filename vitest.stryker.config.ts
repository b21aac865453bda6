import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// Mutation runs test the core in-process: tests that spawn the command line or a host in a child
// process would run the unmutated sources (or fail on the instrumentation) and only cost time.
export default defineConfig({ test: { ...base.test, include: ['shared/**/*.test.ts', 'db/**/*.test.ts'] } });
