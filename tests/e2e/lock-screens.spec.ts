import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import {
  RECOVERY_CODE,
  recoveryCodeText,
  GOOD_PASSPHRASE,
  NEW_PASSPHRASE,
  expectAccessible,
  coreState,
  screens,
  createJournal,
  unlock,
} from './app';

// The lock screens end to end: create, recovery code, lock, unlock, recovery, by their
// accessible names only, with an axe scan of every screen and state a user can reach.

test('first run: create, lock, refuse a wrong passphrase, unlock', async ({
  page,
  appUrl,
  bridge,
  requests,
}) => {
  const ui = screens(page);
  await page.goto(appUrl);
  await expect(ui.createButton).toBeVisible();
  await expectAccessible(page, 'create screen');

  await ui.passphrase.fill('short');
  await ui.confirmPassphrase.fill('short');
  await ui.createButton.click();
  await expect(ui.alert).toBeVisible();
  await expect(ui.recoveryCode).toHaveCount(0);
  await expect.poll(() => coreState(bridge)).toBe('no-journal');
  await expectAccessible(page, 'create screen with its refusal');

  await createJournal(page, true);
  await expect.poll(() => coreState(bridge)).toBe('unlocked');
  await expectAccessible(page, 'main screen');

  await ui.lockButton.click();
  await expect(ui.unlockButton).toBeVisible();
  await expect.poll(() => coreState(bridge)).toBe('locked');
  await expectAccessible(page, 'unlock screen');

  await unlock(page, 'not the passphrase at all');
  await expect(ui.alert).toBeVisible();
  await expect(ui.lockButton).toHaveCount(0);
  await expect.poll(() => coreState(bridge)).toBe('locked');
  await expectAccessible(page, 'unlock screen with its error');

  await unlock(page, GOOD_PASSPHRASE);
  await expect(ui.lockButton).toBeVisible();
  await expect.poll(() => coreState(bridge)).toBe('unlocked');

  expect(requests.length).toBeGreaterThan(0);
  for (const url of requests.filter((url) => !url.startsWith('data:'))) {
    expect(new URL(url).origin).toBe(bridge.origin);
  }
});

test('Ctrl/Cmd+L locks the journal', async ({ page, appUrl, bridge }) => {
  const ui = screens(page);
  await page.goto(appUrl);
  await createJournal(page);

  await page.keyboard.press('ControlOrMeta+L');
  await expect(ui.unlockButton).toBeVisible();
  await expect.poll(() => coreState(bridge)).toBe('locked');

  await unlock(page, GOOD_PASSPHRASE);
  await expect(ui.lockButton).toBeVisible();
});

test('a forgotten passphrase is replaced with the recovery code', async ({
  page,
  appUrl,
  bridge,
}) => {
  const ui = screens(page);
  await page.goto(appUrl);
  const code = await createJournal(page);
  await ui.lockButton.click();

  await ui.forgotButton.click();
  await expect(ui.recoverButton).toBeVisible();
  await expectAccessible(page, 'recovery form');

  const wrongCode = code.startsWith('0') ? code.replace(/^0/, '1') : code.replace(/^./, '0');
  await ui.recoveryCode.fill(wrongCode);
  await ui.newPassphrase.fill(NEW_PASSPHRASE);
  await ui.confirmNewPassphrase.fill(NEW_PASSPHRASE);
  await ui.recoverButton.click();
  await expect(ui.alert).toBeVisible();
  await expect(ui.lockButton).toHaveCount(0);
  await expectAccessible(page, 'recovery form with its error');

  await ui.recoveryCode.fill(code);
  await ui.newPassphrase.fill(NEW_PASSPHRASE);
  await ui.confirmNewPassphrase.fill(NEW_PASSPHRASE);
  await ui.recoverButton.click();
  await expect(ui.lockButton).toBeVisible();
  await expect.poll(() => coreState(bridge)).toBe('unlocked');

  await ui.lockButton.click();
  await expect(ui.unlockButton).toBeVisible();
  await unlock(page, GOOD_PASSPHRASE);
  await expect(ui.alert).toBeVisible();
  await expect(ui.lockButton).toHaveCount(0);

  await unlock(page, NEW_PASSPHRASE);
  await expect(ui.lockButton).toBeVisible();
});

test('the recovery code can be copied, saved as a text file and printed', async ({
  page,
  context,
  appUrl,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(appUrl).origin,
  });
  // Chromium's print dialog would block the page: count the calls instead.
  await page.addInitScript({
    content: 'window.printCalls = 0; window.print = () => { window.printCalls += 1; };',
  });
  const ui = screens(page);
  await page.goto(appUrl);
  await ui.passphrase.fill(GOOD_PASSPHRASE);
  await ui.confirmPassphrase.fill(GOOD_PASSPHRASE);
  await ui.createButton.click();
  await expect(ui.recoveryCode).toBeVisible();
  const code = await recoveryCodeText(ui.recoveryCode);
  expect(code).toMatch(RECOVERY_CODE);

  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(code);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as text file', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('lean-on-recovery-code.txt');
  const saved = await readFile(await download.path(), 'utf8');
  expect(saved).toContain(code);
  expect(saved).toContain('Forgot your passphrase?');

  await page.getByRole('button', { name: 'Print', exact: true }).click();
  expect(await page.evaluate('window.printCalls')).toBe(1);
  // On paper: the code and its explanation, without the buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(ui.recoveryCode).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy', exact: true })).toBeHidden();
  await expect(ui.savedButton).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // The code is confirmed before the journal opens.
  await expect(ui.savedButton).toBeVisible();
  await page.getByRole('checkbox').check();
  await ui.savedButton.click();
  await expect(ui.lockButton).toBeVisible();
});
