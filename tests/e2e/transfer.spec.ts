import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { type Bridge, expect, test as base } from './fixtures';
import { callApi, rawRequest } from './http';
import { coreCall, createJournal, expectAccessible, screens } from './app';

// Import, export and backup through their dialogs in the web preview, where paths are typed:
// a jrnl export previewed (counts, tags and themes, the entry it cannot read) and imported,
// then previewed again as already in the journal; a broken file refused with the core's own
// words; Markdown, JSON and an encrypted backup written to disk and read back. Every state of
// each dialog gets an axe scan.

const test = base.extend<{ tempDir: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture names from this pattern.
  tempDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'lean-on-transfer-'));
    try {
      await use(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
});

/** What `jrnl --export json` writes: three readable entries and one without a date. */
const JRNL_EXPORT = {
  tags: { '@work': 2, '@trust': 1, '@rest': 1 },
  entries: [
    {
      date: '2024-05-01',
      time: '08:30',
      title: 'Asked Sam to cover the Friday shift.',
      body: 'I drafted the message three times before sending it.',
      tags: ['@work'],
      starred: false,
    },
    {
      date: '2024-05-03',
      time: '19:10',
      title: 'Mum offered to help with the move.',
      body: 'I said yes before I could talk myself out of it.',
      tags: ['@trust'],
      starred: true,
    },
    {
      date: '2024-05-04',
      time: '21:00',
      title: 'A quiet evening.',
      body: 'Left the dishes for the morning and read instead.',
      tags: ['@work', '@rest'],
      starred: false,
    },
    { title: 'A page with no date.', body: 'Written somewhere, some time.', tags: [] },
  ],
};

async function writeJrnlExport(dir: string): Promise<string> {
  const path = join(dir, 'journal.json');
  await writeFile(path, JSON.stringify(JRNL_EXPORT, null, 2), 'utf8');
  return path;
}

function importUi(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Import entries', exact: true });
  return {
    dialog,
    openButton: page.getByRole('button', { name: 'Import', exact: true }),
    formats: dialog.getByRole('group', { name: 'Import from', exact: true }),
    format: (name: string) => dialog.getByRole('radio', { name, exact: true }),
    path: dialog.getByLabel('File or folder path', { exact: true }),
    previewButton: dialog.getByRole('button', { name: 'Preview', exact: true }),
    importButton: dialog.getByRole('button', { name: /^Import \d+ entr(y|ies)$/ }),
    createThemes: dialog.getByRole('checkbox', {
      name: 'Create new themes for these tags',
      exact: true,
    }),
    notes: dialog.getByRole('region', { name: 'Problems and warnings', exact: true }),
    doneButton: dialog.getByRole('button', { name: 'Done', exact: true }),
    alert: dialog.getByRole('alert').filter({ hasText: /\S/ }),
  };
}

async function previewFile(page: Page, path: string) {
  const ui = importUi(page);
  await ui.openButton.click();
  await expect(ui.dialog).toBeVisible();
  await ui.format('jrnl').check();
  await ui.path.fill(path);
  await ui.previewButton.click();
  return ui;
}

function exportUi(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Export your journal', exact: true });
  return {
    dialog,
    openButton: page.getByRole('button', { name: 'Export', exact: true }),
    kind: (name: string) => dialog.getByRole('radio', { name, exact: true }),
    saveTo: dialog.getByLabel('Save to (full path)', { exact: true }),
    exportButton: dialog.getByRole('button', { name: 'Export', exact: true }),
    warning: dialog.getByRole('group', { name: 'Exported files aren’t encrypted', exact: true }),
    understood: dialog.getByRole('button', { name: 'I understand, export', exact: true }),
    backupPath: dialog.getByLabel('Backup file (full path)', { exact: true }),
    backupButton: dialog.getByRole('button', { name: 'Make a backup', exact: true }),
    status: (text: string | RegExp) => dialog.getByRole('status').filter({ hasText: text }),
  };
}

/** Puts the jrnl entries into the journal through the contract, without the Import dialog. */
/** Imports a jrnl export through the core's contract, as the dialog would; returns how many. */
async function importThroughApi(bridge: Bridge, path: string, createThemes = true) {
  const { previewId } = await coreCall<{ previewId: string }>(bridge, 'previewImport', {
    path,
    format: 'jrnl',
  });
  const { added } = await coreCall<{ added: number }>(bridge, 'applyImport', {
    previewId,
    createThemes,
  });
  return added;
}

test('a jrnl export is previewed, imported with new themes, and not imported twice', async ({
  page,
  appUrl,
  bridge,
  tempDir,
}) => {
  const file = await writeJrnlExport(tempDir);
  await page.goto(appUrl);
  await createJournal(page);
  const entries = page.getByRole('region', { name: 'Entries' }).getByRole('option');
  const themesNav = page.getByRole('navigation', { name: 'Themes' });
  await expect(entries).toHaveCount(0);

  const ui = importUi(page);
  await ui.openButton.click();
  await expect(ui.dialog).toBeVisible();
  await expect(ui.formats.getByRole('radio')).toHaveCount(5);
  await expectAccessible(page, 'import dialog');
  await ui.format('jrnl').check();
  await ui.path.fill(file);
  await expectAccessible(page, 'import dialog with a path');
  await ui.previewButton.click();

  await expect(ui.dialog).toContainText('3 entries to add, 1 that can’t be read');
  await expect(ui.dialog).toContainText('4 entries found');
  // trust matches the built-in theme; work and rest are new, and made unless unticked.
  const matched = ui.dialog.getByRole('list', { name: 'Tags that match your themes' });
  await expect(matched.getByRole('listitem')).toHaveCount(1);
  await expect(matched).toContainText('trust');
  await expect(matched).toContainText('Trust');
  const fresh = ui.dialog.getByRole('list', { name: 'Tags that are new to your journal' });
  await expect(fresh.getByRole('listitem')).toHaveText(['work (2 entries)', 'rest (1 entry)']);
  await expect(ui.createThemes).toBeChecked();
  await expect(ui.notes).toContainText('it has no date');
  await expect(ui.notes).toHaveAttribute('tabindex', '0');
  await expect(ui.importButton).toHaveText('Import 3 entries');
  await expect(ui.importButton).toBeEnabled();
  await expectAccessible(page, 'import preview');

  // Nothing is written by a preview.
  await expect(entries).toHaveCount(0);
  const listed = await coreCall<{ entries: unknown[] }>(bridge, 'listEntries', {});
  expect(listed.entries).toHaveLength(0);

  await ui.importButton.click();
  await expect(ui.dialog).toContainText('3 entries were added to your journal.');
  await expect(ui.dialog).toContainText('1 couldn’t be read and was left out.');
  await expect(ui.dialog).toContainText('2 new themes were made from tags.');
  await expect(ui.doneButton).toBeFocused();
  await expectAccessible(page, 'import finished');
  await ui.doneButton.click();
  await expect(ui.dialog).toBeHidden();

  await expect(entries).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'Entries' })).toContainText(
    'Mum offered to help with the move.',
  );
  await expect(themesNav.getByRole('button', { name: /^work 2$/ })).toBeVisible();
  await expect(themesNav.getByRole('button', { name: /^rest 1$/ })).toBeVisible();
  await expect(themesNav.getByRole('button', { name: /^Trust 1$/ })).toBeVisible();

  // The same file again: everything readable is already here, so there is nothing to import.
  await previewFile(page, file);
  await expect(ui.dialog).toContainText(
    'No new entries to add, 3 already in your journal, 1 that can’t be read',
  );
  await expect(ui.importButton).toHaveText('Import 0 entries');
  await expect(ui.importButton).toBeDisabled();
  await expectAccessible(page, 'import preview with nothing new');
  await page.keyboard.press('Escape');
  await expect(ui.dialog).toBeHidden();
  await expect(entries).toHaveCount(3);
});

test('a file that is not valid JSON is refused with the core’s own message', async ({
  page,
  appUrl,
  tempDir,
}) => {
  const broken = join(tempDir, 'broken.json');
  await writeFile(broken, '{ "entries": [ { "date": "2024-05-01", ', 'utf8');
  await page.goto(appUrl);
  await createJournal(page);

  const ui = await previewFile(page, broken);
  await expect(ui.alert).toContainText('“broken.json” is not valid JSON');
  await expect(ui.importButton).toHaveCount(0);
  await expectAccessible(page, 'import dialog with an error');

  // A relative path is caught before it is sent: the core reads only full paths.
  await ui.path.fill('broken.json');
  await expect(ui.alert).toHaveCount(0);
  await ui.previewButton.click();
  await expect(ui.alert).toContainText('Give the full path');
  await expect(ui.path).toBeFocused();

  await ui.dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(ui.dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Entries' }).getByRole('option')).toHaveCount(0);
});

test('entries export as Markdown files and JSON, and into an encrypted backup', async ({
  page,
  appUrl,
  bridge,
  tempDir,
}) => {
  await page.goto(appUrl);
  await createJournal(page);
  expect(await importThroughApi(bridge, await writeJrnlExport(tempDir))).toBe(3);
  // The journal stays unlocked in the core; a reload shows what the contract just added.
  await page.reload();
  await expect(screens(page).lockButton).toBeVisible();
  await expect(page.getByRole('region', { name: 'Entries' }).getByRole('option')).toHaveCount(3);

  const ui = exportUi(page);
  await ui.openButton.click();
  await expect(ui.dialog).toBeVisible();
  await expect(ui.kind('Markdown files')).toBeChecked();
  await expect(ui.kind('As a folder')).toBeChecked();
  await expectAccessible(page, 'export dialog');

  await ui.kind('Printable page (HTML)').check();
  await expect(ui.dialog.getByLabel('From', { exact: true })).toBeVisible();
  await expect(ui.dialog.getByLabel('To', { exact: true })).toBeVisible();
  const about = ui.dialog.getByLabel('Only entries about', { exact: true });
  await expect(about.locator('option:checked')).toHaveText('All themes');
  await expect(about.locator('option', { hasText: 'work' })).toHaveCount(1);
  await expectAccessible(page, 'export dialog, printable page');

  // Markdown, one file per entry, into a new folder; the warning comes first, once.
  await ui.kind('Markdown files').check();
  await ui.kind('As a folder').check();
  const folder = join(tempDir, 'markdown');
  await ui.saveTo.fill(folder);
  await ui.exportButton.click();
  await expect(ui.warning).toBeVisible();
  await expect(ui.warning).toContainText('Anyone who has them can read your entries');
  await expect(ui.warning).toBeFocused();
  await expectAccessible(page, 'export warning');
  await ui.understood.click();
  await expect(ui.status(`Exported 3 entries to ${folder}.`)).toBeVisible();
  await expectAccessible(page, 'export finished');

  const files = (await readdir(folder)).sort();
  expect(files).toEqual([
    '2024-05-01-asked-sam-to-cover-the-friday-shift.md',
    '2024-05-03-mum-offered-to-help-with-the-move.md',
    '2024-05-04-a-quiet-evening.md',
  ]);
  const first = await readFile(join(folder, files[0]!), 'utf8');
  expect(first).toContain('date: 2024-05-01');
  expect(first).toContain('title: "Asked Sam to cover the Friday shift."');
  expect(first).toContain('  - "work"');
  expect(first).toContain('I drafted the message three times before sending it.');

  // JSON, complete: no second warning in the same dialog.
  await ui.kind('JSON (everything, in a documented format)').check();
  const jsonPath = join(tempDir, 'lean-on-export.json');
  await ui.saveTo.fill(jsonPath);
  await ui.exportButton.click();
  await expect(ui.status(`Exported 3 entries to ${jsonPath}.`)).toBeVisible();
  await expect(ui.warning).toHaveCount(0);
  const exported = JSON.parse(await readFile(jsonPath, 'utf8')) as {
    format: string;
    entryCount: number;
    entries: Array<{ entryDate: string; text: string; starred: boolean }>;
  };
  expect(exported.format).toBe('lean-on-export');
  expect(exported.entryCount).toBe(3);
  expect(exported.entries.map((entry) => entry.entryDate).sort()).toEqual([
    '2024-05-01',
    '2024-05-03',
    '2024-05-04',
  ]);
  expect(exported.entries.find((entry) => entry.starred)?.text).toContain(
    'I said yes before I could talk myself out of it.',
  );

  // The encrypted backup: one file, its size said.
  const backupPath = join(tempDir, 'lean-on-backup-test.leanon-backup');
  await ui.backupPath.fill(backupPath);
  await ui.backupButton.click();
  await expect(ui.status(/^Backup saved: /)).toContainText(backupPath);
  await expect(ui.status(/^Backup saved: /)).toContainText('3 entries');
  const backup = await stat(backupPath);
  expect(backup.size).toBeGreaterThan(0);
  // A zip whose first part is the manifest (docs/backup-format.md).
  const head = (await readFile(backupPath)).subarray(0, 49).toString('latin1');
  expect(head.startsWith('PK')).toBe(true);
  expect(head).toContain('lean-on-backup.json');
  await expectAccessible(page, 'backup finished');

  await ui.dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(ui.dialog).toBeHidden();
});

test('a long backup shows what it is doing and how far it has got', async ({
  page,
  appUrl,
  bridge,
  tempDir,
}) => {
  await page.goto(appUrl);
  await createJournal(page);
  // Enough writing that copying and checking the backup takes a visible moment.
  const many = {
    tags: {},
    entries: Array.from({ length: 4000 }, (_, i) => ({
      date: `20${String(10 + (i % 14)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 9}`,
      time: '21:00',
      title: `Evening ${i}`,
      body: `Evening ${i}. ${'I let my sister carry the heavy box, and said thank you. '.repeat(15)}`,
      tags: [],
      starred: false,
    })),
  };
  const file = join(tempDir, 'many.json');
  await writeFile(file, JSON.stringify(many), 'utf8');
  expect(await importThroughApi(bridge, file, false)).toBe(4000);

  // Every progress bar the page shows is noted, with its label.
  // (A string, run in the page: the tests' own TypeScript has no DOM.)
  await page.evaluate(`(() => {
    const seen = [];
    window.seenProgress = seen;
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('progress')) {
        seen.push(bar.getAttribute('aria-label') + '|' + (bar.getAttribute('value') ?? 'unknown'));
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  })()`);
  const ui = exportUi(page);
  await ui.openButton.click();
  const backupPath = join(tempDir, 'long.leanon-backup');
  await ui.backupPath.fill(backupPath);
  await ui.backupButton.click();
  await expect(ui.status(/^Backup saved: /)).toContainText('4,000 entries');
  const seen = await page.evaluate<string[]>('window.seenProgress');
  const labels = new Set(seen.map((entry) => entry.split('|')[0]));
  expect(
    [...labels].some((label) =>
      /Copying the journal|Packing the backup|Checking the backup opens/.test(label ?? ''),
    ),
  ).toBe(true);
  // Once done, no bar is left behind.
  await expect(ui.dialog.locator('progress')).toHaveCount(0);
});

test('the bridge streams a call’s progress before its result to a caller that asks', async ({
  bridge,
  tempDir,
}) => {
  const create = await callApi(bridge, 'createJournal', {
    passphrase: 'a lantern in the long hallway',
  });
  expect(create.status).toBe(200);
  const response = await rawRequest(bridge, {
    method: 'POST',
    path: '/api/call',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/x-ndjson',
      Authorization: `Bearer ${bridge.token}`,
    },
    body: JSON.stringify({
      method: 'createBackup',
      input: { out: join(tempDir, 'b.leanon-backup') },
    }),
  });
  expect(response.headers['content-type']).toBe('application/x-ndjson');
  const lines = response.body
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const last = lines.pop();
  expect(last).toMatchObject({ result: { ok: true, value: { encrypted: true } } });
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line).toMatchObject({
      progress: { method: 'createBackup', label: expect.any(String) as unknown },
    });
  }
});
