import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callApi } from './http';
import {
  GOOD_PASSPHRASE,
  NEW_PASSPHRASE,
  RECOVERY_CODE,
  coreState,
  createJournal,
  expectAccessible,
  recoveryCodeText,
  screens,
  unlock,
} from './app';

// Settings and About, opened from the window's header: the auto-lock choice, a new passphrase,
// a new recovery code (the old one refused), the journal's folder, and About's quiet line that
// the app is not a crisis service. Every dialog and state gets an axe scan.

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

function settingsUi(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
  return {
    dialog,
    openButton: page.getByRole('button', { name: 'Settings', exact: true }),
    closeButton: dialog.getByRole('button', { name: 'Close', exact: true }),
    lockAfter: dialog.getByLabel('Lock after', { exact: true }),
    currentPassphrase: dialog.getByLabel('Current passphrase', { exact: true }),
    newPassphrase: dialog.getByLabel('New passphrase', { exact: true }),
    confirmNewPassphrase: dialog.getByLabel('Confirm new passphrase', { exact: true }),
    changeButton: dialog.getByRole('button', { name: 'Change passphrase', exact: true }),
    passphrase: dialog.getByLabel('Passphrase', { exact: true }),
    makeCodeButton: dialog.getByRole('button', { name: 'Make a new recovery code', exact: true }),
    recoveryCode: dialog.getByLabel('Recovery code', { exact: true }),
    doneButton: dialog.getByRole('button', { name: 'Done', exact: true }),
    alert: dialog.getByRole('alert').filter({ hasText: /\S/ }),
    status: (text: string | RegExp) => dialog.getByRole('status').filter({ hasText: text }),
  };
}

async function openSettings(page: Page) {
  const ui = settingsUi(page);
  await ui.openButton.click();
  await expect(ui.dialog).toBeVisible();
  return ui;
}

async function lockAndUnlock(page: Page, passphrase: string) {
  const ui = screens(page);
  await ui.lockButton.click();
  await expect(ui.unlockButton).toBeVisible();
  await unlock(page, passphrase);
  await expect(ui.lockButton).toBeVisible();
}

test('the auto-lock choice is saved at once and kept after lock and unlock', async ({
  page,
  appUrl,
  bridge,
}) => {
  await page.goto(appUrl);
  await createJournal(page);
  const ui = await openSettings(page);
  await expect(ui.lockAfter.locator('option:checked')).toHaveText('5 minutes');
  await expect(ui.lockAfter.locator('option')).toHaveText([
    '1 minute',
    '5 minutes',
    '15 minutes',
    '30 minutes',
    '1 hour',
    'Never',
  ]);
  // The web preview has no file manager to open; the folder is shown as text.
  await expect(ui.dialog).toContainText(bridge.journalDir);
  await expect(ui.dialog.getByRole('button', { name: 'Show in folder' })).toHaveCount(0);
  await expectAccessible(page, 'settings dialog');

  await ui.lockAfter.selectOption({ label: '30 minutes' });
  await expect(ui.status(/30 minutes/)).toBeVisible();
  const saved = JSON.parse((await callApi(bridge, 'getSettings')).body) as unknown;
  expect(saved).toMatchObject({ ok: true, value: { autoLockMinutes: 30 } });

  // Escape closes the dialog and gives focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(ui.dialog).toBeHidden();
  await expect(ui.openButton).toBeFocused();

  await lockAndUnlock(page, GOOD_PASSPHRASE);
  await openSettings(page);
  await expect(ui.lockAfter.locator('option:checked')).toHaveText('30 minutes');

  await ui.lockAfter.selectOption({ label: 'Never' });
  await expect(ui.status(/no longer locks on a timer/)).toBeVisible();
  await ui.closeButton.click();
  await expect(ui.dialog).toBeHidden();
  await expect(ui.openButton).toBeFocused();
  await lockAndUnlock(page, GOOD_PASSPHRASE);
  await openSettings(page);
  await expect(ui.lockAfter.locator('option:checked')).toHaveText('Never');
});

test('automatic backups: off at first, on with a folder, made and checked, then off again', async ({
  page,
  appUrl,
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'lean-on-e2e-backups-'));
  try {
    await page.goto(appUrl);
    await createJournal(page);
    const ui = await openSettings(page);
    const section = ui.dialog.getByRole('region', { name: 'Automatic backups' });
    await expect(section).toContainText('Off. Choose a folder');
    const field = section.getByLabel('Backup folder (full path)', { exact: true });
    const keep = section.getByLabel('Backups to keep', { exact: true });
    await expect(keep).toHaveValue('14');

    // A relative path and a count out of range are refused where they were typed.
    await field.fill('backups');
    await section.getByRole('button', { name: 'Turn on automatic backups' }).click();
    await expect(section.getByRole('alert')).toContainText('full path');
    await expect(field).toBeFocused();
    await field.fill(folder);
    await keep.fill('0');
    await section.getByRole('button', { name: 'Turn on automatic backups' }).click();
    await expect(section.getByRole('alert')).toContainText('from 1 to 365');
    await expect(keep).toBeFocused();
    await keep.fill('7');
    await section.getByRole('button', { name: 'Turn on automatic backups' }).click();
    await expect(ui.status(/keeping the newest 7/)).toBeVisible();
    // The first backup is made at once, in the background, and its check is reported.
    await expect(ui.status(/Last backup made and checked/)).toBeVisible({ timeout: 30_000 });
    expect(readdirSync(folder)).toEqual([
      expect.stringMatching(/^lean-on-backup-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.leanon-backup$/),
    ]);
    await expectAccessible(page, 'settings with automatic backups on');

    // Unlocking again the same day makes no second one.
    await ui.closeButton.click();
    await lockAndUnlock(page, GOOD_PASSPHRASE);
    await openSettings(page);
    await expect(section.getByLabel('Backups to keep', { exact: true })).toHaveValue('7');
    await expect(
      ui.status(/Today’s backup was already there|Last backup made and checked/),
    ).toBeVisible({ timeout: 30_000 });
    expect(readdirSync(folder)).toHaveLength(1);

    await section.getByRole('button', { name: 'Turn off' }).click();
    await expect(ui.status(/Automatic backups are off/)).toBeVisible();
    expect(readdirSync(folder)).toHaveLength(1);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the passphrase is changed: a wrong current one is refused, then the new one unlocks', async ({
  page,
  appUrl,
  bridge,
}) => {
  await page.goto(appUrl);
  await createJournal(page);
  const ui = await openSettings(page);

  await ui.currentPassphrase.fill('not the passphrase at all');
  await ui.newPassphrase.fill(NEW_PASSPHRASE);
  await ui.confirmNewPassphrase.fill(NEW_PASSPHRASE);
  await ui.changeButton.click();
  await expect(ui.alert).toBeVisible();
  await expect(ui.currentPassphrase).toBeFocused();
  await expect(ui.currentPassphrase).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'settings dialog with a wrong current passphrase');

  await ui.currentPassphrase.fill(GOOD_PASSPHRASE);
  await expect(ui.alert).toHaveCount(0);
  await ui.changeButton.click();
  await expect(
    ui.status('Your passphrase is changed. Use the new one next time you unlock.'),
  ).toBeVisible();
  await expect(ui.currentPassphrase).toHaveValue('');
  await expect(ui.newPassphrase).toHaveValue('');
  await expect(ui.confirmNewPassphrase).toHaveValue('');
  await expectAccessible(page, 'settings dialog after changing the passphrase');
  await ui.closeButton.click();
  await expect(ui.dialog).toBeHidden();

  const lock = screens(page);
  await lock.lockButton.click();
  await expect(lock.unlockButton).toBeVisible();
  await unlock(page, GOOD_PASSPHRASE);
  await expect(lock.alert).toBeVisible();
  await expect(lock.lockButton).toHaveCount(0);
  expect(await coreState(bridge)).toBe('locked');

  await unlock(page, NEW_PASSPHRASE);
  await expect(lock.lockButton).toBeVisible();
  await expect.poll(() => coreState(bridge)).toBe('unlocked');
});

test('a new recovery code works on the forgotten-passphrase path and the old one does not', async ({
  page,
  appUrl,
  bridge,
}) => {
  await page.goto(appUrl);
  const oldCode = await createJournal(page);
  const ui = await openSettings(page);

  await ui.passphrase.fill('not the passphrase at all');
  await ui.makeCodeButton.click();
  await expect(ui.alert).toBeVisible();
  await expect(ui.recoveryCode).toHaveCount(0);

  await ui.passphrase.fill(GOOD_PASSPHRASE);
  await ui.makeCodeButton.click();
  await expect(ui.recoveryCode).toBeVisible();
  const newCode = await recoveryCodeText(ui.recoveryCode);
  expect(newCode).toMatch(RECOVERY_CODE);
  expect(newCode).not.toBe(oldCode);
  await expectAccessible(page, 'settings dialog showing a new recovery code');

  // Done drops the code from the dialog; the form to make another comes back.
  await ui.doneButton.click();
  await expect(ui.recoveryCode).toHaveCount(0);
  await expect(ui.dialog.getByRole('button', { name: 'Copy', exact: true })).toHaveCount(0);
  await expect(ui.passphrase).toHaveValue('');
  await expect(ui.makeCodeButton).toBeFocused();
  await ui.closeButton.click();
  await expect(ui.dialog).toBeHidden();

  const lock = screens(page);
  await lock.lockButton.click();
  await lock.forgotButton.click();
  await expect(lock.recoverButton).toBeVisible();
  await lock.recoveryCode.fill(oldCode);
  await lock.newPassphrase.fill(NEW_PASSPHRASE);
  await lock.confirmNewPassphrase.fill(NEW_PASSPHRASE);
  await lock.recoverButton.click();
  await expect(lock.alert).toBeVisible();
  await expect(lock.lockButton).toHaveCount(0);
  expect(await coreState(bridge)).toBe('locked');

  await lock.recoveryCode.fill(newCode);
  await lock.newPassphrase.fill(NEW_PASSPHRASE);
  await lock.confirmNewPassphrase.fill(NEW_PASSPHRASE);
  await lock.recoverButton.click();
  await expect(lock.lockButton).toBeVisible();
  await expect.poll(() => coreState(bridge)).toBe('unlocked');

  await lockAndUnlock(page, NEW_PASSPHRASE);
});

test('About shows the version, that Lean On is not a crisis service, and the licences', async ({
  page,
  appUrl,
  bridge,
}) => {
  await page.goto(appUrl);
  await createJournal(page);
  const openButton = page.getByRole('button', { name: 'About', exact: true });
  await openButton.click();
  const dialog = page.getByRole('dialog', { name: 'About Lean On', exact: true });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(version);
  await expect(dialog).toContainText('Lean On is a private journal, not a crisis service.');
  await expect(dialog).toContainText(
    'If you are in danger or thinking about ending your life, contact your local emergency number or a crisis line now.',
  );
  await expect(dialog).toContainText(bridge.journalDir);

  const licences = dialog.getByRole('region', { name: 'Open-source licences', exact: true });
  await expect(licences).toBeVisible();
  await expect(licences.getByText('react-dom', { exact: true })).toBeVisible();
  await expect(licences.getByText('lexical', { exact: true })).toBeVisible();
  await expect(dialog).toContainText('MIT');
  await expectAccessible(page, 'about dialog');

  // The list scrolls from the keyboard.
  await licences.focus();
  await expect(licences).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(openButton).toBeFocused();
});

test('the whole journal is checked on demand, with progress, and the result said', async ({
  page,
  appUrl,
}) => {
  await page.goto(appUrl);
  await createJournal(page);
  const ui = await openSettings(page);
  const section = ui.dialog.getByRole('region', { name: 'Check for damage', exact: true });
  const checkButton = section.getByRole('button', { name: 'Check the whole journal', exact: true });
  await expect(section).not.toContainText('damage found');
  await checkButton.click();
  await expect(ui.status('Every page was read: no damage found.')).toBeVisible();
  await expect(checkButton).toBeFocused();
  await section.screenshot({ path: 'test-results/settings-check.png' });
  await expectAccessible(page, 'settings dialog after a check');
});
