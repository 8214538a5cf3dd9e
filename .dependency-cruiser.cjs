/** The architecture rules CI enforces (see STYLE.md). */
const frameworks = '^node_modules/(@nestjs|@mikro-orm|ioredis|bullmq|chromadb|@langchain|express|passport|better-sse)';
// Test support: a module's testing/ entry (its in-memory ports) and the fixtures specs build
// documents from. The build leaves them out (.swcrc), so production code must not need them.
const testSupport = '^libs/[^/]+/src/(testing/|.*__fixtures__/|.*\\.fixture\\.ts$)';
const specs = '\\.(spec|int-spec)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'domain-imports-no-framework',
      comment: 'Domain code (and the shared kernel) is plain TypeScript: no framework, ORM, queue, store or model client.',
      severity: 'error',
      from: { path: ['^libs/[^/]+/src/domain/', '^libs/kernel/'] },
      to: { path: frameworks },
    },
    {
      name: 'modules-meet-through-index',
      comment: 'A feature module (its specs too) reaches another only through its index.ts, or its testing/index.ts from test support.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/([^/]+)/src/.+', pathNot: ['^libs/$1/', '^libs/[^/]+/src/(testing/)?index\\.ts$'] },
    },
    {
      name: 'production-code-needs-no-test-support',
      comment: 'Fakes and fixtures are left out of the build; only specs and other test support import them.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: [specs, testSupport] },
      to: { path: testSupport },
    },
    {
      name: 'apps-use-libs-through-index',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^libs/[^/]+/src/.+', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'web-features-stay-apart',
      comment: 'A web feature never imports another feature; app/ composes them (bulletproof-react).',
      severity: 'error',
      from: { path: '^apps/web/src/features/([^/]+)/' },
      to: { path: '^apps/web/src/(features/|app/)', pathNot: '^apps/web/src/features/$1/' },
    },
    {
      name: 'web-shared-code-knows-no-feature',
      comment: 'lib/ and components/ serve every feature, so they import none.',
      severity: 'error',
      from: { path: '^apps/web/src/(lib|components)/' },
      to: { path: '^apps/web/src/(features|app)/' },
    },
    {
      name: 'web-speaks-only-http',
      comment: 'The web app reaches the server through its HTTP contract, never its code.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(libs|apps/(api|worker))/' },
    },
    {
      name: 'imports-resolve',
      comment: 'An import the cruiser cannot resolve (a path alias it does not read) would slip past every rule above.',
      severity: 'error',
      from: { path: '^(apps|libs)/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^libs/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
