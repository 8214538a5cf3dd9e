import { defineConfig } from '@playwright/test';

// Browser tests against the real product: test/web/support/global-setup.ts builds it, starts
// PostgreSQL, Redis and Chroma on free ports, the API (which serves the built app) and the
// worker, and seeds the demo organisation. Chromium is Debian's (`apt-get install chromium`);
// Playwright's own browser downloads are not reachable here.
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.web-spec\.ts$/,
  globalSetup: './support/global-setup.ts',
  // One worker: the API, the worker and the databases share the same two cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: '../../test-results/web',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      // Root needs --no-sandbox; without the background-networking flags Chromium keeps
      // reaching for Google's hosts, which this closed network refuses.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
