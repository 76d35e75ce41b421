import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup, verifyBackup } from '../../src/core/backup';
import { restoreBackup } from '../../src/core/backup-restore';
import type { Keyring } from '../../src/core/keyring';
import { entryDataOffset, readExactly, readZipDirectory } from '../../src/core/zip/read';
import type { JournalService } from '../../src/core/service';
import { markdownToDoc } from '../../src/core/text';
import type { Entry, EntryPage, Theme } from '../../src/shared/types';
import { startFixture, watchLines } from './child';
import {
  PASSPHRASE,
  TZ,
  call,
  createTestJournal,
  failCode,
  openRawDatabase,
  serviceFor,
  sha256File,
  tempDir,
} from './helpers';

const haveUnzip = spawnSync('unzip', ['-v'], { encoding: 'utf8' }).status === 0;

function mdDoc(markdown: string): unknown {
  return JSON.parse(markdownToDoc(markdown).json) as unknown;
}

async function seed(service: JournalService) {
  const own = await call(service, 'createTheme', { label: 'Sleep', color: '#224466' });
  for (let n = 0; n < 30; n += 1) {
    await call(service, 'createEntry', {
      title: `Entry ${n}`,
      doc: mdDoc(`Some **words** for entry ${n}, with ümlauts and 🌱.`),
      timeZone: TZ,
      starred: n % 5 === 0,
      themes: n % 3 === 0 ? [{ id: own.id, source: 'manual' }] : [],
    });
  }
  const trashed = await call(service, 'createEntry', {
    title: 'trashed',
    doc: mdDoc('in the trash'),
    timeZone: TZ,
  });
  await call(service, 'trashEntry', { id: trashed.id });
}

/** Every entry (trash included) in full, and every theme, as the app would read them. */
async function snapshot(service: JournalService): Promise<{ entries: Entry[]; themes: Theme[] }> {
  const entries: Entry[] = [];
  for (const trash of [false, true]) {
    let cursor: string | null = null;
    do {
      const page: EntryPage = await call(service, 'listEntries', {
        trash,
        limit: 500,
        cursor: cursor ?? undefined,
      });
      for (const summary of page.entries)
        entries.push(await call(service, 'getEntry', { id: summary.id }));
      cursor = page.nextCursor;
    } while (cursor);
  }
  return { entries, themes: await call(service, 'listThemes') };
}

/** The journal.db part of a backup, copied out to its own file. */
function extractDatabase(backup: string, out: string): void {
  const fd = openSync(backup, 'r');
  try {
    const size = statSync(backup).size;
    const entry = readZipDirectory(fd, size, { maxEntries: 16, maxDirectoryBytes: 65536 }).find(
      (candidate) => candidate.name === 'journal.db',
    )!;
    writeFileSync(out, readExactly(fd, entry.size, entryDataOffset(fd, size, entry)));
  } finally {
    closeSync(fd);
  }
}

describe('encrypted backups', () => {
  it('backs up an open journal into one verified file, and the journal stays open', async () => {
    const { dir, service } = await createTestJournal();
    await seed(service);
    const out = join(tempDir(), 'journal.leanon-backup');
    const steps: string[] = [];
    const result = createBackup(service.journal, out, {
      onProgress: (done, total, step) => steps.push(`${done}/${total} ${step}`),
    });
    expect(result.encrypted).toBe(true);
    expect(result.bytes).toBe(statSync(out).size);
    expect(result.manifest).toMatchObject({
      format: 'lean-on-backup',
      version: 1,
      entryCount: 31,
      journalId: (JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8')) as Keyring).journalId,
    });
    expect(result.manifest.parts.map((part) => part.name).sort()).toEqual([
      'journal.db',
      'keyring.json',
    ]);
    expect(steps).toEqual(['0/3 snapshot', '1/3 package', '2/3 verify', '3/3 done']);
    expect(readdirSync(join(out, '..'))).toEqual(['journal.leanon-backup']);
    expect((await call(service, 'getStatus')).state).toBe('unlocked');
    await call(service, 'createEntry', {
      title: 'after',
      doc: mdDoc('still writable'),
      timeZone: TZ,
    });
    if (haveUnzip) {
      const check = spawnSync('unzip', ['-t', out], { encoding: 'utf8' });
      expect(check.stdout).toContain('No errors detected');
    }
  });

  it('encrypts the copy with the journal’s key: the wrong key fails, the right key reads it', async () => {
    const { service } = await createTestJournal();
    await seed(service);
    const { hexKey } = await call(service, 'getRawKey', { passphrase: PASSPHRASE });
    const out = join(tempDir(), 'b.leanon-backup');
    createBackup(service.journal, out);
    const copy = join(tempDir(), 'copy.db');
    extractDatabase(out, copy);
    expect(readFileSync(copy).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(readFileSync(out).includes(Buffer.from('ümlauts'))).toBe(false);
    expect(readFileSync(out).includes(Buffer.from('Entry 1'))).toBe(false);

    const wrong = openRawDatabase(copy, 'ab'.repeat(32));
    expect(() => wrong.prepare('SELECT count(*) FROM entries').get()).toThrow(
      expect.objectContaining({ code: 'SQLITE_NOTADB' }),
    );
    const right = openRawDatabase(copy, hexKey);
    expect(right.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(31);
    expect(right.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('restores into a new folder that unlocks with the passphrase, holding the same entries and themes', async () => {
    const { service } = await createTestJournal();
    await seed(service);
    const before = await snapshot(service);
    const out = join(tempDir(), 'b.leanon-backup');
    createBackup(service.journal, out);

    const target = join(tempDir(), 'restored', 'journal');
    const restored = restoreBackup(out, target);
    expect(restored.dir).toBe(target);
    expect(readdirSync(target).sort()).toEqual(['journal.db', 'keyring.json']);
    const again = serviceFor(target);
    expect((await call(again, 'getStatus')).state).toBe('locked');
    expect(await failCode(again, 'unlock', { passphrase: 'not the passphrase' })).toBe(
      'WRONG_PASSPHRASE',
    );
    await call(again, 'unlock', { passphrase: PASSPHRASE });
    expect(await snapshot(again)).toEqual(before);
    expect(again.journal.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await call(again, 'search', { query: 'ümlauts' })).hits.length).toBeGreaterThan(0);
  });

  it('restores a journal that the recovery code opens too', async () => {
    const { service, recoveryCode } = await createTestJournal();
    await seed(service);
    const before = await snapshot(service);
    const out = join(tempDir(), 'b.leanon-backup');
    createBackup(service.journal, out);
    const target = join(tempDir(), 'restored');
    restoreBackup(out, target);
    const again = serviceFor(target);
    await call(again, 'unlockWithRecoveryCode', {
      recoveryCode,
      newPassphrase: 'a new passphrase after all',
    });
    expect(await snapshot(again)).toEqual(before);
    await call(again, 'lock');
    await call(again, 'unlock', { passphrase: 'a new passphrase after all' });
  });

  it('verifies with a passphrase, a recovery code or the raw key, and says which secret is wrong', async () => {
    const { service, recoveryCode } = await createTestJournal();
    await seed(service);
    const { hexKey } = await call(service, 'getRawKey', { passphrase: PASSPHRASE });
    const out = join(tempDir(), 'b.leanon-backup');
    createBackup(service.journal, out);

    expect(await verifyBackup(out)).toMatchObject({
      databaseChecked: false,
      manifest: { entryCount: 31 },
    });
    expect((await verifyBackup(out, { passphrase: PASSPHRASE })).databaseChecked).toBe(true);
    expect(
      (await verifyBackup(out, { recoveryCode: recoveryCode.toLowerCase() })).databaseChecked,
    ).toBe(true);
    expect((await verifyBackup(out, { key: hexKey })).databaseChecked).toBe(true);
    expect((await verifyBackup(out, { key: Buffer.from(hexKey, 'hex') })).databaseChecked).toBe(
      true,
    );
    await expect(verifyBackup(out, { passphrase: 'wrong passphrase' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    await expect(
      verifyBackup(out, { recoveryCode: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA' }),
    ).rejects.toMatchObject({
      code: 'WRONG_RECOVERY_CODE',
    });
    await expect(verifyBackup(out, { key: 'cd'.repeat(32) })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    await expect(verifyBackup(out, { key: 'not hex' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(readdirSync(join(out, '..'))).toEqual(['b.leanon-backup']);
  });

  it('backs up consistently while another process keeps writing to the journal', async () => {
    const { dir, service } = await createTestJournal();
    const child = startFixture('save-loop.ts', [dir, PASSPHRASE]);
    const watch = watchLines(child);
    let snapshotCount: number;
    try {
      await watch.until((lines) => lines.filter((line) => line.startsWith('create')).length >= 40);
      const createdBefore = watch.lines.filter((line) => line.startsWith('create')).length;
      const out = join(tempDir(), 'busy.leanon-backup');
      const result = createBackup(service.journal, out);
      const linesAtEnd = watch.lines.length;
      await watch.until((lines) => lines.length >= linesAtEnd + 20);
      expect(result.manifest.entryCount).toBeGreaterThanOrEqual(createdBefore);
      snapshotCount = result.manifest.entryCount;

      const target = join(tempDir(), 'restored');
      restoreBackup(out, target);
      const again = serviceFor(target);
      await call(again, 'unlock', { passphrase: PASSPHRASE });
      const db = again.journal.db;
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(
        result.manifest.entryCount,
      );
      expect(() =>
        db.prepare(`INSERT INTO entries_fts (entries_fts) VALUES ('integrity-check')`).run(),
      ).not.toThrow();
    } finally {
      child.kill('SIGKILL');
      await watch.exited;
    }
    // The writer went on after the backup, so the live journal has more than the snapshot.
    const live = service.journal.db.prepare('SELECT count(*) FROM entries').pluck().get() as number;
    expect(live).toBeGreaterThan(snapshotCount);
  });

  it('refuses to restore into a folder that holds anything, and leaves it untouched', async () => {
    const { service } = await createTestJournal();
    const out = join(tempDir(), 'b.leanon-backup');
    createBackup(service.journal, out);

    const used = tempDir();
    writeFileSync(join(used, 'holiday.jpg'), 'photo');
    expect(() => restoreBackup(out, used)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(readdirSync(used)).toEqual(['holiday.jpg']);

    // An existing journal is never overwritten, not even by its own backup.
    const { dir: otherJournal } = await createTestJournal();
    const keyringBefore = sha256File(join(otherJournal, 'keyring.json'));
    expect(() => restoreBackup(out, otherJournal)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(sha256File(join(otherJournal, 'keyring.json'))).toBe(keyringBefore);

    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    expect(() => restoreBackup(out, file)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );

    // An empty folder (system litter aside) is fine, and so is what a crashed restore left.
    const empty = tempDir();
    writeFileSync(join(empty, '.DS_Store'), '');
    restoreBackup(out, empty);
    expect(readdirSync(empty).sort()).toEqual(['.DS_Store', 'journal.db', 'keyring.json']);
    const crashed = tempDir();
    writeFileSync(join(crashed, '.creating'), '');
    writeFileSync(join(crashed, 'journal.db'), 'half a database');
    restoreBackup(out, crashed);
    const again = serviceFor(crashed);
    await call(again, 'unlock', { passphrase: PASSPHRASE });
  });

  it('leaves an existing file in place when a backup fails, and refuses a locked journal', async () => {
    const { service } = await createTestJournal();
    const folder = tempDir();
    const out = join(folder, 'b.leanon-backup');
    writeFileSync(out, 'last week’s backup');
    expect(() =>
      createBackup(service.journal, out, {
        onProgress: (_done, _total, step) => {
          if (step === 'verify') throw new Error('power cut');
        },
      }),
    ).toThrow('power cut');
    expect(readFileSync(out, 'utf8')).toBe('last week’s backup');
    expect(readdirSync(folder)).toEqual(['b.leanon-backup']);

    expect(() => createBackup(service.journal, join(folder, 'missing', 'b.leanon-backup'))).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    mkdirSync(join(folder, 'a-folder'));
    expect(() => createBackup(service.journal, join(folder, 'a-folder'))).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    await call(service, 'lock');
    expect(() => createBackup(service.journal, join(folder, 'c.leanon-backup'))).toThrow(
      expect.objectContaining({ code: 'LOCKED' }),
    );
    expect(existsSync(join(folder, 'c.leanon-backup'))).toBe(false);
  });
});
