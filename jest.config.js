// Unit specs run without services; integration and e2e specs share one throw-away stack
// (PostgreSQL, Redis, Chroma on free ports) that test/setup/global-setup.mjs starts; the
// redis-cluster project runs the Redis-heavy ones again on a Redis Cluster beside it.
const swc = [
  '@swc/jest',
  {
    swcrc: false,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^@app/testing/(.*)$': '<rootDir>/libs/$1/src/testing', '^@app/(.*)$': '<rootDir>/libs/$1/src' },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
};

module.exports = {
  // On two cores Jest would run every suite inside its own process (in band), which keeps each file's modules and
  // the Nest apps it booted until the heap runs out; with a limit it runs them in a worker that it
  // replaces between files once the worker holds more than this.
  workerIdleMemoryLimit: '1536MB',
  // Per-project testTimeout does not reach hooks; set once here (unit specs finish far sooner).
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts', '<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.mjs',
      globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
    },
    {
      // The specs that exercise Redis (chat's slots, stop signals and cache, the queue and file
      // events, rate limits, account changes) again, against a three-node Redis Cluster.
      ...shared,
      displayName: 'redis-cluster',
      testMatch: ['<rootDir>/test/e2e/{chat,files,operations}.e2e-spec.ts', '<rootDir>/libs/**/{redis-stream-slots,cached-active-accounts,redis-eviction-policy}.int-spec.ts'],
      setupFiles: ['<rootDir>/test/setup/use-redis-cluster.cjs'],
      globalSetup: '<rootDir>/test/setup/global-setup-redis-cluster.mjs',
      globalTeardown: '<rootDir>/test/setup/global-teardown-redis-cluster.mjs',
    },
  ],
};
