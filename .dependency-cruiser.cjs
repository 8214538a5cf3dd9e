/** The architecture rules CI enforces (see STYLE.md). */
const frameworks = '^node_modules/(@nestjs|@mikro-orm|ioredis|bullmq|chromadb|@langchain|express|passport|better-sse)';

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
      comment: 'A feature module reaches another only through its index.ts.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/([^/]+)/src/.+', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
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
      name: 'no-circular',
      severity: 'error',
      from: { path: '^libs/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(\\.spec\\.ts|\\.int-spec\\.ts|__fixtures__)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
