// Mutation testing of the code that guards trust and figures. Not part of `npm test` (too slow for
// CI): run `npm run test:mutation`, or one file with `npx stryker run --mutate db/bundle/verify.ts`.
// Equivalent mutants are marked in the source with `// Stryker disable next-line <mutator>: <reason>`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.stryker.config.ts', related: true },
  coverageAnalysis: 'perTest',
  mutate: ['shared/rules/**/*.ts', 'db/bundle/**/*.ts', 'db/sync/**/*.ts', 'db/keys/**/*.ts', 'db/write.ts', '!**/*.test.ts'],
  ignorePatterns: ['dist', 'test-results', 'playwright-report', 'reports', '.stryker-tmp', '*.db', '*.db-*'],
  concurrency: 2,
  timeoutMS: 30000,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
};
