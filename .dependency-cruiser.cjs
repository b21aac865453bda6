/**
 * The layer table of docs/architecture.md, enforced: `npm run lint:layers` (part of `npm test`)
 * fails on any import that points from the general to the specific, or across hosts.
 */
const NODE_ONLY = ['core'];
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ runs anywhere: only shared/ and pure packages (zod, i18next), no Node built-ins, no other layer.',
      severity: 'error',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^shared/', '(^|/)node_modules/zod/', '(^|/)node_modules/i18next/'] },
    },
    {
      name: 'db-is-the-core',
      comment: 'db/ is the Node core: it never reaches up into a host or the renderer.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: ['^cli/', '^server/', '^electron/', '^renderer/', '^bench/'] },
    },
    {
      name: 'server-is-a-host',
      comment: 'server/ hosts (browser host, hub, dashboard) use the core and shared/, never the command line or Electron.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: ['^cli/', '^electron/', '^renderer/', '^bench/'] },
    },
    {
      name: 'cli-is-a-host',
      comment: 'cli/ may start the servers but never imports Electron or the renderer.',
      severity: 'error',
      from: { path: '^cli/' },
      to: { path: ['^electron/', '^renderer/', '^bench/'] },
    },
    {
      name: 'electron-is-a-host',
      comment: 'electron/ uses the core and shared/, not the other hosts.',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: ['^cli/', '^server/', '^renderer/', '^bench/'] },
    },
    {
      name: 'renderer-only-shared',
      comment: 'renderer/ runs in the browser: it talks to the core only through the API, so it imports shared/ and browser packages only.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^db/', '^cli/', '^server/', '^electron/', '^bench/'] },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: NODE_ONLY },
    },
    {
      name: 'test-support-only-in-tests',
      comment: 'test/ helpers are for tests; product code never depends on them.',
      severity: 'error',
      from: { path: '^(shared|db|cli|server|electron|renderer)/', pathNot: '\\.(test|spec)\\.tsx?$' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      comment: 'Cycles make layers meaningless and start-up order fragile.',
      severity: 'error',
      from: { path: '^(shared|db|cli|server|electron|renderer)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules', '^dist', '\\.stryker-tmp'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
