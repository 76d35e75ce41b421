import { AxeBuilder } from '@axe-core/playwright';
import { type Locator, type Page } from '@playwright/test';
import { type Bridge, expect, test } from './fixtures';
import { callApi } from './http';

// The lock screens end to end: create, recovery code, lock, unlock, recovery, by their
// accessible names only, with an axe scan of every screen and state a user can reach.

const GOOD_PASSPHRASE = 'a lantern in the long hallway';
const NEW_PASSPHRASE = 'seven quiet kettles on the hob';
const RECOVERY_CODE = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/;

/** Zero axe violations, or a failure that names each rule and the elements that break it. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect(found, `axe violations on the ${screen}`).toEqual([]);
}

/** The journal's state according to the core itself, not the screen. */
async function coreState(bridge: Bridge): Promise<string> {
  const response = await callApi(bridge, 'getStatus');
  const result = JSON.parse(response.body) as { ok: boolean; value?: { state: string } };
  return result.value?.state ?? 'error';
}

/** The text of an element labelled `Recovery code`, whether it is a field or plain text. */
async function recoveryCodeText(code: Locator): Promise<string> {
  const isField = (await code.and(code.page().locator('input, textarea')).count()) > 0;
  const text = isField ? await code.inputValue() : await code.textContent();
  return (text ?? '').trim();
}

function screens(page: Page) {
  return {
    passphrase: page.getByLabel('Passphrase', { exact: true }),
    confirmPassphrase: page.getByLabel('Confirm passphrase', { exact: true }),
    createButton: page.getByRole('button', { name: 'Create journal', exact: true }),
    recoveryCode: page.getByLabel('Recovery code', { exact: true }),
    savedButton: page.getByRole('button', { name: 'I have saved my recovery code', exact: true }),
    unlockButton: page.getByRole('button', { name: 'Unlock', exact: true }),
    forgotButton: page.getByRole('button', { name: 'Forgot your passphrase?', exact: true }),
    newPassphrase: page.getByLabel('New passphrase', { exact: true }),
    confirmNewPassphrase: page.getByLabel('Confirm new passphrase', { exact: true }),
    recoverButton: page.getByRole('button', { name: 'Unlock with recovery code', exact: true }),
    lockButton: page.getByRole('button', { name: 'Lock journal', exact: true }),
    // Only an alert with words in it: an empty live region waiting for a message does not count.
    alert: page.getByRole('alert').filter({ hasText: /\S/ }),
  };
}

/** Creates the journal through the first-run screen; returns the recovery code it showed. */
async function createJournal(page: Page, scan = false): Promise<string> {
  const ui = screens(page);
  await ui.passphrase.fill(GOOD_PASSPHRASE);
  await ui.confirmPassphrase.fill(GOOD_PASSPHRASE);
  await ui.createButton.click();
  await expect(ui.recoveryCode).toBeVisible();
  const code = await recoveryCodeText(ui.recoveryCode);
  expect(code).toMatch(RECOVERY_CODE);
  if (scan) await expectAccessible(page, 'recovery code screen');
  await page.getByRole('checkbox').check();
  await ui.savedButton.click();
  await expect(ui.lockButton).toBeVisible();
  return code;
}

async function unlock(page: Page, passphrase: string): Promise<void> {
  const ui = screens(page);
  await ui.passphrase.fill(passphrase);
  await ui.unlockButton.click();
}

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
