import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: Debian's Chromium (never a downloaded browser) against the web preview
 * bridge (npm run start:web), one bridge and one temp journal per test (tests/e2e/fixtures.ts).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  // Screenshots of failures land here; it is gitignored and nothing else is written.
  outputDir: 'test-results',
  // Build once, so that no bridge started by a test finds out/ stale and rebuilds.
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: true,
  // Each test runs a browser, a bridge and Argon2id; more than two at once only adds contention.
  workers: Math.min(2, availableParallelism()),
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'off',
    video: 'off',
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
