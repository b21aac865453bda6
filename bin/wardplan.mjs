#!/usr/bin/env node
// The command line runs its TypeScript sources through tsx, so `npx wardplan` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv);
