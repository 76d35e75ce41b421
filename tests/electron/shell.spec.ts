import type { WebContents, WebPreferences } from 'electron';
import { PASSPHRASE, createJournal, expect, test, ui } from './fixtures';

/**
 * Present at run time in Electron 45 (shell/browser/api/electron_api_web_contents.cc binds
 * getLastWebPreferences) but left out of its published typings.
 */
type WithLastPreferences = WebContents & { getLastWebPreferences(): WebPreferences | null };

// The desktop shell itself, which the web preview cannot show: the window's hardening as
// Electron reports it, a journal's first run, writing and locking, and locking on suspend.

test('the window opens from app:// with the hardened web preferences', async ({
  electronApp,
  window,
}) => {
  await expect(ui(window).createButton).toBeVisible();
  expect(new URL(window.url()).protocol).toBe('app:');

  // getLastWebPreferences reports what Electron applied (WebContentsPreferences::
  // SaveLastPreferences), not what was asked for; nodeIntegrationInWorker is not among them.
  const actual = await electronApp.evaluate(({ BrowserWindow }) => {
    const windows = BrowserWindow.getAllWindows();
    const contents = windows[0]?.webContents as WithLastPreferences | undefined;
    const preferences = contents?.getLastWebPreferences();
    return {
      windows: windows.length,
      url: contents?.getURL() ?? '',
      preferences: preferences && {
        contextIsolation: preferences.contextIsolation,
        sandbox: preferences.sandbox,
        webSecurity: preferences.webSecurity,
        nodeIntegration: preferences.nodeIntegration,
        nodeIntegrationInSubFrames: preferences.nodeIntegrationInSubFrames,
        allowRunningInsecureContent: preferences.allowRunningInsecureContent,
        experimentalFeatures: preferences.experimentalFeatures,
        webviewTag: preferences.webviewTag,
      },
    };
  });
  expect(actual.windows).toBe(1);
  expect(new URL(actual.url).protocol).toBe('app:');
  expect(actual.preferences).toEqual({
    contextIsolation: true,
    sandbox: true,
    webSecurity: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
  });

  // The page itself has no Node: the preload's bridge is all it gets.
  const pageGlobals = await window.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    journal: typeof (globalThis as { journal?: unknown }).journal,
  }));
  expect(pageGlobals).toEqual({ require: 'undefined', process: 'undefined', journal: 'object' });
});

test('first run: create the journal, write an entry, lock, unlock and find it', async ({
  window,
}) => {
  const screen = ui(window);
  await createJournal(window);

  await screen.newEntry.click();
  await screen.editor.click();
  await window.keyboard.type('Asked for a lift to the station.');
  await expect(screen.saved).toBeVisible();

  await screen.lockButton.click();
  await expect(screen.unlockButton).toBeVisible();
  await expect(screen.passphrase).toBeVisible();
  await expect(window.getByText('Asked for a lift to the station.')).toHaveCount(0);

  await screen.passphrase.fill(PASSPHRASE);
  await screen.unlockButton.click();
  await expect(screen.lockButton).toBeVisible();
  await window.getByRole('region', { name: 'Entries' }).getByRole('option').first().click();
  await expect(screen.editor).toHaveText('Asked for a lift to the station.');
});

test('the journal locks when the system suspends', async ({ electronApp, window }) => {
  const screen = ui(window);
  await createJournal(window);
  await screen.newEntry.click();
  await screen.editor.click();
  await window.keyboard.type('Written just before the lid closed');

  await electronApp.evaluate(({ powerMonitor }) => {
    powerMonitor.emit('suspend');
  });

  await expect(screen.unlockButton).toBeVisible();
  await expect(screen.lockButton).toHaveCount(0);
  await expect(window.getByText('Written just before the lid closed')).toHaveCount(0);

  // What was typed was saved before the lock.
  await screen.passphrase.fill(PASSPHRASE);
  await screen.unlockButton.click();
  await window.getByRole('region', { name: 'Entries' }).getByRole('option').first().click();
  await expect(screen.editor).toHaveText('Written just before the lid closed');
});

test('the menu locks, and so does the screen locking', async ({ electronApp, window }) => {
  const screen = ui(window);
  await createJournal(window);
  // The menu item is the same command the window's own Lock button performs.
  await electronApp.evaluate(({ Menu }) => {
    const find = (items: Electron.MenuItem[]): Electron.MenuItem | undefined => {
      for (const item of items) {
        if (item.label === 'Lock Journal') return item;
        const inner = item.submenu && find(item.submenu.items);
        if (inner) return inner;
      }
      return undefined;
    };
    const lock = find(Menu.getApplicationMenu()?.items ?? []);
    if (!lock) throw new Error('No Lock Journal item in the menu.');
    (lock.click as () => void)();
  });
  await expect(screen.unlockButton).toBeVisible();

  await screen.passphrase.fill(PASSPHRASE);
  await screen.unlockButton.click();
  await expect(screen.lockButton).toBeVisible();
  await electronApp.evaluate(({ powerMonitor }) => {
    powerMonitor.emit('lock-screen');
  });
  await expect(screen.unlockButton).toBeVisible();
});

test('the window cannot navigate away or open other windows', async ({ electronApp, window }) => {
  await expect(ui(window).createButton).toBeVisible();
  const before = window.url();
  await window.evaluate(
    "window.open('https://example.org/', '_blank'); location.href = 'https://example.org/';",
  );
  // Give a navigation time to start if it were allowed.
  await window.waitForTimeout(500);
  expect(window.url()).toBe(before);
  expect(
    await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length),
  ).toBe(1);
});
