import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  GOOD_PASSPHRASE,
  coreCall,
  createJournal,
  expectAccessible,
  paragraphDoc,
  screens,
  unlock,
} from './app';

// A journal damaged on disk: the unlock screen says it is damage (not the passphrase) and
// offers what can be done; read-only, the entries the damage spared are read and exported;
// a backup restored in its place opens with every entry, and the damaged files are kept.

const ENTRIES = 40;

/** Damages a leaf page of the entries table (see support/damage-entries.ts). */
function damageEntries(journalDir: string, hexKey: string): void {
  const output = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'tests/e2e/support/damage-entries.ts',
      join(journalDir, 'journal.db'),
      hexKey,
    ],
    { encoding: 'utf8' },
  );
  expect(output).toMatch(/^damaged page \d+/);
}

function recoveryUi(page: Page) {
  const remedies = page.getByRole('region', { name: 'What you can do' });
  return {
    remedies,
    openReadOnly: remedies.getByRole('button', { name: 'Open read-only', exact: true }),
    banner: page.getByRole('region', { name: 'This journal is damaged and open read-only' }),
    entries: page.getByRole('navigation', { name: 'Entries that can be read' }),
    exportButton: page.getByRole('button', { name: 'Export what can be read…', exact: true }),
    restoreButton: page.getByRole('button', { name: 'Restore from a backup…', exact: true }),
    restoreForm: page.getByRole('form', { name: 'Restore from a backup' }),
  };
}

test('a damaged journal: told apart from a wrong passphrase, read, exported, and restored', async ({
  page,
  appUrl,
  bridge,
}) => {
  const work = mkdtempSync(join(tmpdir(), 'lean-on-e2e-recovery-'));
  try {
    await page.goto(appUrl);
    await createJournal(page);
    for (let i = 0; i < ENTRIES; i++) {
      await coreCall(bridge, 'createEntry', {
        title: `Evening ${i}`,
        doc: paragraphDoc(`Evening ${i}: I asked for a hand with the boxes. `.repeat(12)),
        timeZone: 'UTC',
      });
    }
    const backup = join(work, 'before.leanon-backup');
    await coreCall(bridge, 'createBackup', { out: backup });
    const { hexKey } = await coreCall<{ hexKey: string }>(bridge, 'getRawKey', {
      passphrase: GOOD_PASSPHRASE,
    });
    const ui = screens(page);
    await ui.lockButton.click();
    await expect(ui.unlockButton).toBeVisible();
    damageEntries(bridge.journalDir, hexKey);
    const damagedBytes = readFileSync(join(bridge.journalDir, 'journal.db'));

    // Unlocking says the file is damaged, not that the passphrase is wrong, and offers remedies.
    await unlock(page, GOOD_PASSPHRASE);
    await expect(ui.alert).toContainText('could not be read');
    await expect(ui.alert).toContainText('Your passphrase is not the problem');
    const recovery = recoveryUi(page);
    await expect(recovery.remedies).toBeVisible();
    await expectAccessible(page, 'unlock screen with damage remedies');
    await page.screenshot({
      path: join('tmp', 'screenshots', 'damage-remedies.png'),
      fullPage: true,
    });

    // Read-only: the entries the damage spared can be read.
    await recovery.openReadOnly.click();
    await expect(recovery.banner).toBeVisible();
    const listed = recovery.entries.getByRole('button');
    await expect(listed.first()).toBeVisible();
    await listed.first().click();
    await expect(page.getByRole('article')).toContainText('I asked for a hand with the boxes.');
    await expectAccessible(page, 'read-only window');
    await page.screenshot({
      path: join('tmp', 'screenshots', 'read-only-window.png'),
      fullPage: true,
    });

    // Export what can be read: entry by entry past the damage, with the loss counted.
    await recovery.exportButton.click();
    const dialog = page.getByRole('dialog', { name: 'Export what can be read', exact: true });
    await expect(dialog.getByRole('radio', { name: 'Printable page (HTML)' })).toHaveCount(0);
    await dialog.getByRole('radio', { name: 'JSON (everything, in a documented format)' }).check();
    const salvaged = join(work, 'salvaged.json');
    await dialog.getByLabel('Save to (full path)', { exact: true }).fill(salvaged);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.getByRole('button', { name: 'I understand, export', exact: true }).click();
    await expect(dialog.getByRole('status').filter({ hasText: /Damage kept/ })).toBeVisible();
    const exported = JSON.parse(readFileSync(salvaged, 'utf8')) as {
      entryCount: number;
      unreadable: number;
    };
    expect(exported.entryCount).toBeGreaterThan(0);
    expect(exported.entryCount).toBeLessThan(ENTRIES);
    expect(exported.unreadable).toBeGreaterThan(0);
    await expectAccessible(page, 'salvage export dialog');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    expect(readFileSync(join(bridge.journalDir, 'journal.db')).equals(damagedBytes)).toBe(true);

    // Restore the backup in the journal's place: a wrong passphrase first changes nothing.
    await recovery.restoreButton.click();
    const form = recovery.restoreForm;
    await form.getByLabel('Backup file (full path)', { exact: true }).fill(backup);
    await form.getByLabel('Backup’s passphrase', { exact: true }).fill('not the right one at all');
    await form.getByRole('button', { name: 'Restore this backup', exact: true }).click();
    await expect(form.getByRole('alert')).toBeVisible();
    expect(readFileSync(join(bridge.journalDir, 'journal.db')).equals(damagedBytes)).toBe(true);
    await form.getByLabel('Backup’s passphrase', { exact: true }).fill(GOOD_PASSPHRASE);
    await expectAccessible(page, 'restore form');
    await form.getByRole('button', { name: 'Restore this backup', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /is now your journal/ })).toContainText(
      'replaced-',
    );
    await unlock(page, GOOD_PASSPHRASE);
    // The click only starts the unlock: wait until the journal is open before asking the core.
    await expect(screens(page).lockButton).toBeVisible();
    const all = await coreCall<{ entries: unknown[] }>(bridge, 'listEntries', { limit: 100 });
    expect(all.entries).toHaveLength(ENTRIES);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
