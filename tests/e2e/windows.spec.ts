import { type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { type Bridge, expect, test } from './fixtures';
import { callApi } from './http';
import { GOOD_PASSPHRASE, createJournal, expectAccessible, screens } from './app';

// What happens around one window: the journal locked from another, two windows saving the same
// entry, and an entry whose stored formatting this version cannot read. Nothing typed is lost.

function ui(page: Page) {
  return {
    newEntry: page.getByRole('button', { name: 'New entry', exact: true }),
    editor: page.getByRole('textbox', { name: 'Entry', exact: true }),
    saved: page.getByRole('status').filter({ hasText: /^Saved$/ }),
    rows: page.getByRole('region', { name: 'Entries' }).getByRole('option'),
  };
}

async function api<T>(bridge: Bridge, method: string, input: unknown = {}): Promise<T> {
  const response = await callApi(bridge, method, input);
  const result = JSON.parse(response.body) as { ok: boolean; value: T; error?: unknown };
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}

interface StoredEntry {
  id: string;
  text: string;
  doc: unknown;
  version: number;
}

async function onlyEntry(bridge: Bridge): Promise<StoredEntry> {
  const page = await api<{ entries: Array<{ id: string }> }>(bridge, 'listEntries', {});
  expect(page.entries).toHaveLength(1);
  return api<StoredEntry>(bridge, 'getEntry', { id: page.entries[0]!.id });
}

test('writing kept through a lock from elsewhere is saved after unlocking here', async ({
  page,
  appUrl,
  bridge,
}) => {
  await page.goto(appUrl);
  await createJournal(page);
  const main = ui(page);
  await main.newEntry.click();
  await main.editor.click();
  await page.keyboard.type('Written while another window locked the journal');
  // Another window locks the journal before this one's pause-in-typing save.
  await api(bridge, 'lock');

  const dialog = page.getByRole('dialog', { name: 'Your journal was locked' });
  await expect(dialog).toBeVisible();
  await expect(main.editor).toHaveText('Written while another window locked the journal');
  await expectAccessible(page, 'locked-elsewhere dialog');

  await dialog.getByLabel('Passphrase', { exact: true }).fill('not the passphrase at all');
  await dialog.getByRole('button', { name: 'Unlock and save' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: /\S/ })).toBeVisible();
  await dialog.getByLabel('Passphrase', { exact: true }).fill(GOOD_PASSPHRASE);
  await dialog.getByRole('button', { name: 'Unlock and save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(main.saved).toBeVisible();
  expect((await onlyEntry(bridge)).text).toBe('Written while another window locked the journal');

  // With nothing unsaved, the next call finds the journal locked and the window lets go of it.
  await api(bridge, 'lock');
  await main.rows.first().click();
  await expect(screens(page).unlockButton).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'another window' })).toBeVisible();
  await expect(page.getByText('Written while another window')).toHaveCount(0);
});

test('a window coming back into view notices that the journal was locked', async ({
  page,
  appUrl,
  bridge,
}) => {
  await page.goto(appUrl);
  await createJournal(page);
  await api(bridge, 'lock');
  await page.evaluate(`window.dispatchEvent(new Event('focus'))`);
  await expect(screens(page).unlockButton).toBeVisible();
});

test('two windows saving one entry: a conflict, then keep mine or reload theirs', async ({
  context,
  page,
  appUrl,
  bridge,
}) => {
  await page.goto(appUrl);
  await createJournal(page);
  const first = ui(page);
  await first.newEntry.click();
  await first.editor.click();
  await page.keyboard.type('Shared beginning.');
  await expect(first.saved).toBeVisible();

  const other = await context.newPage();
  await other.goto(appUrl);
  const second = ui(other);
  await second.rows.first().click();
  await expect(second.editor).toHaveText('Shared beginning.');

  await page.keyboard.type(' First window.');
  await expect(first.saved).toBeVisible();
  await expect.poll(async () => (await onlyEntry(bridge)).text).toContain('First window.');

  await second.editor.click();
  await other.keyboard.press('ControlOrMeta+End');
  await other.keyboard.type(' Second window.');
  const conflict = other.getByRole('alert').filter({ hasText: 'changed in another window' });
  await expect(conflict).toBeVisible();
  await expectAccessible(other, 'conflict notice');
  // Nothing was overwritten while the person decides.
  expect((await onlyEntry(bridge)).text).toBe('Shared beginning. First window.');

  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(second.saved).toBeVisible();
  expect((await onlyEntry(bridge)).text).toBe('Shared beginning. Second window.');

  // The first window is now behind: its next save conflicts, and it loads the stored version.
  await page.bringToFront();
  await first.editor.click();
  await page.keyboard.type(' Late.');
  const firstConflict = page.getByRole('alert').filter({ hasText: 'changed in another window' });
  await expect(firstConflict).toBeVisible();
  await firstConflict.getByRole('button', { name: 'Reload stored version' }).click();
  await expect(first.editor).toHaveText('Shared beginning. Second window.');
  expect((await onlyEntry(bridge)).text).toBe('Shared beginning. Second window.');
});

test('an entry this version cannot read is shown as text and changed only on request', async ({
  page,
  appUrl,
  bridge,
}) => {
  await page.goto(appUrl);
  await createJournal(page);
  const main = ui(page);
  await main.newEntry.click();
  await main.editor.click();
  await page.keyboard.type('Words that must survive');
  await expect(main.saved).toBeVisible();
  const { id } = await onlyEntry(bridge);

  // As if a newer Lean On had stored a kind of block this one does not know.
  const future = {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children: [] },
        { type: 'sketch-from-the-future', version: 7, strokes: [] },
      ],
    },
  };
  const stored = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'tests/e2e/support/store-doc.ts', bridge.journalDir, id],
    { input: JSON.stringify({ passphrase: GOOD_PASSPHRASE, doc: future }), encoding: 'utf8' },
  );
  expect(stored.status, stored.stderr).toBe(0);

  await page.reload();
  await main.rows.first().click();
  await expect(page.getByRole('alert').filter({ hasText: 'can’t read' })).toBeVisible();
  await expect(page.getByRole('document', { name: 'Entry text' })).toHaveText(
    'Words that must survive',
  );
  await expect(main.editor).toHaveCount(0);
  await expectAccessible(page, 'unreadable entry');
  // Opening it changed nothing; neither does leaving it.
  await main.newEntry.click();
  expect((await onlyEntry(bridge)).doc).toEqual(future);

  await main.rows.first().click();
  await page.getByRole('button', { name: 'Edit as plain text' }).click();
  await expect(main.editor).toHaveText('Words that must survive');
  expect((await onlyEntry(bridge)).doc).toEqual(future);
  await main.editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(', now as plain text.');
  await expect(main.saved).toBeVisible();
  expect((await onlyEntry(bridge)).text).toBe('Words that must survive, now as plain text.');
});
