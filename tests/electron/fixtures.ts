import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ElectronApplication,
  type Page,
  _electron as electron,
  test as base,
  expect,
} from '@playwright/test';

/** The built app as Electron runs it: package.json's main (out/main/index.js) from the root. */
const root = join(import.meta.dirname, '..', '..');

/** What every smoke test goes through: the app's accessible names (tests/e2e/app.ts). */
export const PASSPHRASE = 'a lantern in the long hallway';

export function ui(page: Page) {
  return {
    passphrase: page.getByLabel('Passphrase', { exact: true }),
    confirmPassphrase: page.getByLabel('Confirm passphrase', { exact: true }),
    createButton: page.getByRole('button', { name: 'Create journal', exact: true }),
    savedCodeButton: page.getByRole('button', {
      name: 'I have saved my recovery code',
      exact: true,
    }),
    unlockButton: page.getByRole('button', { name: 'Unlock', exact: true }),
    lockButton: page.getByRole('button', { name: 'Lock journal', exact: true }),
    newEntry: page.getByRole('button', { name: 'New entry', exact: true }),
    editor: page.getByRole('textbox', { name: 'Entry', exact: true }),
    saved: page.getByRole('status').filter({ hasText: /^Saved$/ }),
  };
}

export async function createJournal(page: Page): Promise<void> {
  const screen = ui(page);
  await screen.passphrase.fill(PASSPHRASE);
  await screen.confirmPassphrase.fill(PASSPHRASE);
  await screen.createButton.click();
  await page.getByRole('checkbox').check();
  await screen.savedCodeButton.click();
  await expect(screen.lockButton).toBeVisible();
}

interface Fixtures {
  journalDir: string;
  electronApp: ElectronApplication;
  /** The app's one window, loaded. */
  window: Page;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture names from this pattern.
  journalDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'lean-on-electron-journal-'));
    try {
      await use(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },

  electronApp: async ({ journalDir }, use, testInfo) => {
    // A profile of its own: the test neither reads nor writes the user's settings, and the
    // single-instance lock (kept in the profile) never meets a Lean On the user has open.
    const profile = await mkdtemp(join(tmpdir(), 'lean-on-electron-profile-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined) env[key] = value;
    }
    // Never the dev server, never a journal chosen outside the test, never Node mode.
    delete env.ELECTRON_RENDERER_URL;
    delete env.LEAN_ON_JOURNAL;
    delete env.ELECTRON_RUN_AS_NODE;
    env.XDG_CONFIG_HOME = join(profile, 'config');
    // Playwright starts Electron without Chromium's OS sandbox (chromiumSandbox: false), as CI
    // runs as root where it cannot work; the window's own `sandbox` preference is unaffected.
    const app = await electron.launch({
      args: [root, '--journal', journalDir, `--user-data-dir=${join(profile, 'user-data')}`],
      cwd: root,
      env,
    });
    const output: string[] = [];
    app.process().stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    app.process().stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    try {
      await use(app);
    } finally {
      await app.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
      if (output.length > 0 && testInfo.status !== testInfo.expectedStatus)
        await testInfo.attach('electron output', {
          body: output.join(''),
          contentType: 'text/plain',
        });
    }
  },

  /**
   * The window, with the offline promise checked: no request of any page may go to the network
   * or to file://, and no page error may go unnoticed.
   */
  window: async ({ electronApp }, use, testInfo) => {
    const leaks: string[] = [];
    const pageErrors: string[] = [];
    electronApp.context().on('request', (request) => {
      const { protocol } = new URL(request.url());
      if (['http:', 'https:', 'ws:', 'wss:', 'file:', 'ftp:'].includes(protocol))
        leaks.push(request.url());
    });
    const window = await electronApp.firstWindow();
    window.on('pageerror', (error) => pageErrors.push(error.message));
    await window.waitForLoadState('domcontentloaded');
    try {
      await use(window);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus && !window.isClosed())
        await testInfo.attach('window', {
          body: await window.screenshot(),
          contentType: 'image/png',
        });
    }
    expect(leaks, 'requests that left the app').toEqual([]);
    expect(pageErrors, 'page errors').toEqual([]);
  },
});

export { expect };
