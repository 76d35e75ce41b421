import { AxeBuilder } from '@axe-core/playwright';
import { type Locator, type Page } from '@playwright/test';
import { type Bridge, expect } from './fixtures';
import { callApi } from './http';

// What every end-to-end spec does through the app's accessible names: create and unlock a
// journal, scan a screen with axe, ask the core for its state.

export const GOOD_PASSPHRASE = 'a lantern in the long hallway';
export const NEW_PASSPHRASE = 'seven quiet kettles on the hob';
export const RECOVERY_CODE = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/;

/** Zero axe violations, or a failure that names each rule and the elements that break it. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
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
export async function coreState(bridge: Bridge): Promise<string> {
  const response = await callApi(bridge, 'getStatus');
  const result = JSON.parse(response.body) as { ok: boolean; value?: { state: string } };
  return result.value?.state ?? 'error';
}

/** Calls the core through the bridge and returns the value; fails the test on an error. */
export async function coreCall<T>(bridge: Bridge, method: string, input: unknown = {}): Promise<T> {
  const result = JSON.parse((await callApi(bridge, method, input)).body) as {
    ok: boolean;
    value: T;
    error?: unknown;
  };
  expect(result.ok, `${method} failed: ${JSON.stringify(result.error)}`).toBe(true);
  return result.value;
}

/** A stored document of one paragraph, as the editor saves it. */
export function paragraphDoc(text: string): unknown {
  const node = { version: 1, direction: null, format: '', indent: 0 };
  const leaf = { type: 'text', version: 1, detail: 0, format: 0, mode: 'normal', style: '', text };
  const paragraph = { ...node, type: 'paragraph', textFormat: 0, textStyle: '', children: [leaf] };
  return { root: { ...node, type: 'root', children: [paragraph] } };
}

/** The text of an element labelled `Recovery code`, whether it is a field or plain text. */
export async function recoveryCodeText(code: Locator): Promise<string> {
  const isField = (await code.and(code.page().locator('input, textarea')).count()) > 0;
  const text = isField ? await code.inputValue() : await code.textContent();
  return (text ?? '').trim();
}

export function screens(page: Page) {
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
export async function createJournal(page: Page, scan = false): Promise<string> {
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

export async function unlock(page: Page, passphrase: string): Promise<void> {
  const ui = screens(page);
  await ui.passphrase.fill(passphrase);
  await ui.unlockButton.click();
}
