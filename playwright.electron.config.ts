import { defineConfig } from '@playwright/test';

/**
 * Electron smoke tests (tests/electron): the real desktop shell, launched by Playwright's
 * _electron over a fresh temp journal and profile per test. Run through `npm run test:electron`,
 * which reports them skipped where no Electron binary is installed.
 */
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/electron',
  globalSetup: './tests/electron/global-setup.ts',
  // One Electron at a time: each runs Chromium, the core worker and Argon2id.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 90_000,
  expect: { timeout: 15_000 },
});
