import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESTORE_MARKER } from '../../src/core/restore-in-place';
import {
  PASSPHRASE,
  call,
  createTestJournal,
  entryInput,
  failCode,
  openRawDatabase,
  serviceFor,
  sha256File,
  tempDir,
} from './helpers';

/** A locked journal of `count` entries, a verified backup of it, and its raw key. */
async function journalWithBackup(count = 40) {
  const { dir, service } = await createTestJournal();
  for (let i = 0; i < count; i++) {
    await call(
      service,
      'createEntry',
      entryInput(`entry ${i}: ${'a quiet river morning '.repeat(20)}`),
    );
  }
  const backup = join(tempDir(), 'journal.leanon-backup');
  await call(service, 'createBackup', { out: backup });
  const { hexKey } = await call(service, 'getRawKey', { passphrase: PASSPHRASE });
  const ids = (await call(service, 'listEntries', { limit: 200 })).entries.map((e) => e.id).sort();
  service.close();
  return { dir, backup, hexKey, ids, dbPath: join(dir, 'journal.db') };
}

/** Flips bytes in the middle of a page of the entries table that is not its root. */
function damageEntryLeaf(dbPath: string, hexKey: string): void {
  const db = openRawDatabase(dbPath, hexKey);
  const pages = db
    .prepare(
      "SELECT pageno FROM dbstat WHERE name = 'entries' AND pagetype = 'leaf' ORDER BY pageno",
    )
    .pluck()
    .all() as number[];
  db.close();
  expect(pages.length).toBeGreaterThan(2);
  const page = pages[1]!;
  const fd = openSync(dbPath, 'r+');
  const bytes = Buffer.alloc(64);
  const at = (page - 1) * 4096 + 1500;
  readSync(fd, bytes, 0, bytes.length, at);
  for (let i = 0; i < bytes.length; i++) bytes[i] = bytes[i]! ^ 0x5a;
  writeSync(fd, bytes, 0, bytes.length, at);
  closeSync(fd);
}

describe('a damaged journal opened read-only', () => {
  it('exports every entry the damage spared, counts the rest, and writes nothing', async () => {
    const { dir, hexKey, ids, dbPath } = await journalWithBackup();
    damageEntryLeaf(dbPath, hexKey);
    const before = sha256File(dbPath);
    const service = serviceFor(dir);
    expect(await failCode(service, 'unlock', { passphrase: PASSPHRASE })).toBe('CORRUPT');
    const status = await call(service, 'unlock', { passphrase: PASSPHRASE, readOnly: true });
    expect(status).toMatchObject({ state: 'unlocked', readOnly: true });

    // The list reads past the damage, a page at a time, in the order entries were written.
    const listedIds: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { entries: Array<{ id: string }>; nextCursor: string | null } = await call(
        service,
        'listEntries',
        cursor ? { limit: 7, cursor } : { limit: 7 },
      );
      listedIds.push(...page.entries.map((entry) => entry.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(listedIds.length).toBeGreaterThan(0);
    expect(listedIds.length).toBeLessThan(ids.length);
    for (const id of listedIds) expect(ids).toContain(id);

    const out = join(tempDir(), 'salvage.json');
    const result = await call(service, 'exportJournal', { format: 'json', out });
    expect(result.unreadable).toBeGreaterThan(0);
    expect(result.entryCount).toBeGreaterThan(0);
    expect(result.entryCount).toBeLessThan(ids.length);
    expect(result.entryCount).toBe(listedIds.length);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as {
      entryCount: number;
      unreadable: number;
      entries: Array<{ id: string; text: string }>;
    };
    expect(exported.entryCount).toBe(result.entryCount);
    expect(exported.unreadable).toBe(result.unreadable);
    for (const entry of exported.entries) {
      expect(ids).toContain(entry.id);
      expect(entry.text).toMatch(/^entry \d+: a quiet river morning/);
    }

    const zip = join(tempDir(), 'salvage.zip');
    const markdown = await call(service, 'exportJournal', { format: 'markdown', out: zip });
    expect(markdown.entryCount).toBe(result.entryCount);

    const html = join(tempDir(), 'salvage.html');
    expect(await failCode(service, 'exportJournal', { format: 'html', out: html })).toBe(
      'INVALID_INPUT',
    );
    const backup = join(tempDir(), 'damaged.leanon-backup');
    expect(await failCode(service, 'createBackup', { out: backup })).toBe('INVALID_INPUT');
    expect(existsSync(backup)).toBe(false);
    expect(await failCode(service, 'createEntry', entryInput('new words'))).toBe('IO_ERROR');
    await call(service, 'lock');
    expect(sha256File(dbPath)).toBe(before);
  });
});

describe('restoring a backup in the place of a damaged journal', () => {
  it('checks the passphrase first, keeps the damaged files, and opens with every entry', async () => {
    const { dir, backup, hexKey, ids, dbPath } = await journalWithBackup();
    damageEntryLeaf(dbPath, hexKey);
    const damaged = sha256File(dbPath);
    const service = serviceFor(dir);
    expect(await failCode(service, 'unlock', { passphrase: PASSPHRASE })).toBe('CORRUPT');

    expect(
      await failCode(service, 'restoreFromBackup', {
        path: backup,
        passphrase: 'not the one at all',
      }),
    ).toBe('WRONG_PASSPHRASE');
    expect(sha256File(dbPath)).toBe(damaged);
    expect(readdirSync(dir).sort()).toEqual(['journal.db', 'keyring.json']);

    const restored = await call(service, 'restoreFromBackup', {
      path: backup,
      passphrase: PASSPHRASE,
    });
    expect(restored.entryCount).toBe(ids.length);
    expect(restored.damagedKeptIn).toMatch(/replaced-/);
    expect(sha256File(join(restored.damagedKeptIn!, 'journal.db'))).toBe(damaged);
    expect(existsSync(join(restored.damagedKeptIn!, 'keyring.json'))).toBe(true);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);

    await call(service, 'unlock', { passphrase: PASSPHRASE });
    const back = (await call(service, 'listEntries', { limit: 200 })).entries.map((e) => e.id);
    expect(back.sort()).toEqual(ids);
  });

  it('refuses to replace a journal that opens normally', async () => {
    const { dir, backup } = await journalWithBackup(3);
    const service = serviceFor(dir);
    await call(service, 'unlock', { passphrase: PASSPHRASE });
    const before = sha256File(join(dir, 'journal.db'));
    expect(
      await failCode(service, 'restoreFromBackup', { path: backup, passphrase: PASSPHRASE }),
    ).toBe('INVALID_INPUT');
    expect(sha256File(join(dir, 'journal.db'))).toBe(before);
  });

  it('finishes a swap that a crash interrupted, losing neither journal', async () => {
    const { dir, backup, ids } = await journalWithBackup(5);
    // Stage what a restore prepares, then stop after the old database was moved aside.
    const staging = join(dir, '.restoring-test');
    const keptIn = join(dir, 'replaced-test');
    const scratch = join(tempDir(), 'restored');
    const service = serviceFor(scratch);
    await call(service, 'restoreFromBackup', { path: backup, passphrase: PASSPHRASE });
    cpSync(scratch, staging, { recursive: true });
    const old = sha256File(join(dir, 'journal.db'));
    writeFileSync(join(dir, RESTORE_MARKER), JSON.stringify({ staging, keptIn }));
    mkdirSync(keptIn);
    renameSync(join(dir, 'journal.db'), join(keptIn, 'journal.db'));

    const reopened = serviceFor(dir);
    expect(reopened.journal.state()).toBe('locked');
    expect(existsSync(join(dir, RESTORE_MARKER))).toBe(false);
    expect(existsSync(staging)).toBe(false);
    expect(sha256File(join(keptIn, 'journal.db'))).toBe(old);
    expect(existsSync(join(keptIn, 'keyring.json'))).toBe(true);
    await call(reopened, 'unlock', { passphrase: PASSPHRASE });
    expect((await call(reopened, 'listEntries', {})).entries.map((e) => e.id).sort()).toEqual(ids);
  });
});
