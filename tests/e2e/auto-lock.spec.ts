import { expect, test } from './fixtures';
import { callApi } from './http';
import { GOOD_PASSPHRASE, coreState, createJournal, screens, unlock } from './app';

// Auto-lock after the idle time the person chose (five minutes unless they changed it), with
// the page's clock driven by the test rather than waited for.

test('the journal locks itself after five idle minutes, saving what was typed first', async ({
  page,
  appUrl,
  bridge,
}) => {
  await page.clock.install();
  await page.goto(appUrl);
  await createJournal(page);
  const ui = screens(page);
  const editor = page.getByRole('textbox', { name: 'Entry', exact: true });
  await page.getByRole('button', { name: 'New entry', exact: true }).click();
  await editor.click();
  await page.keyboard.type('Left open on the kitchen table');

  await page.clock.fastForward('04:00');
  await expect(ui.lockButton).toBeVisible();
  // Any activity starts the count again.
  await page.keyboard.type(', then');
  await page.clock.fastForward('04:00');
  await expect(ui.lockButton).toBeVisible();
  expect(await coreState(bridge)).toBe('unlocked');

  await page.clock.fastForward('01:30');
  await expect(ui.unlockButton).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'locked itself' })).toBeVisible();
  expect(await coreState(bridge)).toBe('locked');
  await expect(page.getByText('Left open on the kitchen table')).toHaveCount(0);

  await unlock(page, GOOD_PASSPHRASE);
  await page.getByRole('region', { name: 'Entries' }).getByRole('option').first().click();
  await expect(editor).toHaveText('Left open on the kitchen table, then');
});

test('with auto-lock set to never, the journal stays open', async ({ page, appUrl, bridge }) => {
  await page.clock.install();
  await page.goto(appUrl);
  await createJournal(page);
  const response = await callApi(bridge, 'updateSettings', { autoLockMinutes: 0 });
  expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { autoLockMinutes: 0 } });
  const ui = screens(page);
  // The window reads the setting when it opens: lock and unlock to pick it up.
  await ui.lockButton.click();
  await unlock(page, GOOD_PASSPHRASE);
  // Settings shows the choice once the window has read it.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByLabel('Lock after')).toHaveValue('0');
  await page.keyboard.press('Escape');
  await page.clock.fastForward('02:00:00');
  // A lock would have started at once; give it real time to show before checking it did not.
  await page.waitForTimeout(1000);
  await expect(ui.lockButton).toBeVisible();
  expect(await coreState(bridge)).toBe('unlocked');
});
