import { cpSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JournalError } from '../../src/shared/errors';
import { MINIMUM_KDF } from '../../src/core/kdf';
import { JournalService } from '../../src/core/service';
import {
  PASSPHRASE,
  call,
  createTestJournal,
  damagePage,
  entryInput,
  failCode,
  rootPageOf,
  sha256File,
  tempDir,
} from './helpers';

/** A locked journal of a few entries, and its raw key. */
async function lockedJournal(entries = 12) {
  const { dir, service } = await createTestJournal();
  for (let i = 0; i < entries; i++) {
    await call(service, 'createEntry', entryInput(`entry ${i} about rivers and lanterns ${i}`));
  }
  const { hexKey } = await call(service, 'getRawKey', { passphrase: PASSPHRASE });
  service.close();
  return { dir, hexKey, dbPath: join(dir, 'journal.db') };
}

function openService(dir: string): JournalService {
  return new JournalService(dir, { kdf: MINIMUM_KDF });
}

async function unlockError(service: JournalService, readOnly = false): Promise<JournalError> {
  try {
    await service.journal.unlock(PASSPHRASE, undefined, { readOnly });
  } catch (error) {
    if (error instanceof JournalError) return error;
    throw error;
  }
  throw new Error('unlock unexpectedly succeeded');
}

describe('checks on open', () => {
  it('rebuilds a damaged search index, says so, and keeps every entry', async () => {
    const { dir, hexKey, dbPath } = await lockedJournal();
    damagePage(dbPath, rootPageOf(dbPath, hexKey, 'entries_fts_data'), 4096);
    const service = openService(dir);
    const { notices } = await service.journal.unlock(PASSPHRASE);
    expect(notices.join(' ')).toMatch(/search index is damaged.*rebuilt/);
    expect((await call(service, 'listEntries', { limit: 50 })).entries).toHaveLength(12);
    expect((await call(service, 'search', { query: 'lanterns' })).hits.length).toBeGreaterThan(0);
    const db = service.journal.db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    service.close();

    const again = openService(dir);
    expect((await again.journal.unlock(PASSPHRASE)).notices).toEqual([]);
    again.close();
  });

  it('tells the window what opening found, through the contract', async () => {
    const { dir, hexKey, dbPath } = await lockedJournal();
    damagePage(dbPath, rootPageOf(dbPath, hexKey, 'entries_fts_data'), 4096);
    const service = openService(dir);
    const status = await call(service, 'unlock', { passphrase: PASSPHRASE });
    expect(status.state).toBe('unlocked');
    expect(status.notices?.join(' ')).toMatch(/search index is damaged.*rebuilt/);
    await call(service, 'lock');
    // A clean open says nothing.
    expect(await call(service, 'unlock', { passphrase: PASSPHRASE })).not.toHaveProperty('notices');
    service.close();
  });

  it('refuses damaged entries with CORRUPT and changes nothing', async () => {
    const { dir, hexKey, dbPath } = await lockedJournal();
    damagePage(dbPath, rootPageOf(dbPath, hexKey, 'entries'));
    const before = sha256File(dbPath);
    const service = openService(dir);
    const error = await unlockError(service);
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toMatch(/read-only/);
    expect(sha256File(dbPath)).toBe(before);
  });

  it('refuses a journal cut short, without calling it a wrong passphrase', async () => {
    const { dir, dbPath } = await lockedJournal();
    for (const cut of [4096 * 3, 4096 * 3 + 517]) {
      const copy = join(tempDir(), 'j');
      cpSync(dir, copy, { recursive: true });
      truncateSync(join(copy, 'journal.db'), Math.min(cut, statSync(dbPath).size - 1));
      expect((await unlockError(openService(copy))).code).toBe('CORRUPT');
    }
  });

  it('replays a leftover WAL without calling it damage', async () => {
    const { dir, service } = await createTestJournal();
    for (let i = 0; i < 5; i++) await call(service, 'createEntry', entryInput(`kept ${i}`));
    // A copy taken while the journal is open is what a crash leaves: the last writes in the WAL.
    const copy = join(tempDir(), 'crashed');
    cpSync(dir, copy, { recursive: true });
    service.close();
    expect(statSync(join(copy, 'journal.db-wal')).size).toBeGreaterThan(0);
    const reopened = openService(copy);
    expect((await reopened.journal.unlock(PASSPHRASE)).notices).toEqual([]);
    expect((await call(reopened, 'listEntries', {})).entries).toHaveLength(5);
    reopened.close();
  });
});

describe('the full check on demand', () => {
  it('is skipped at open above the size limit, and checkNow then repairs', async () => {
    const { dir, hexKey, dbPath } = await lockedJournal();
    damagePage(dbPath, rootPageOf(dbPath, hexKey, 'entries_fts_data'));
    const service = new JournalService(dir, { kdf: MINIMUM_KDF, fullCheckMaxBytes: 0 });
    expect((await service.journal.unlock(PASSPHRASE)).notices).toEqual([]);
    expect(service.journal.checkNow().join(' ')).toMatch(/search index is damaged.*rebuilt/);
    expect(service.journal.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await call(service, 'search', { query: 'rivers' })).hits).toHaveLength(12);
    expect(service.journal.checkNow()).toEqual([]);
    service.close();
  });

  it('runs as a call with progress: repairs an index, then finds nothing', async () => {
    const { dir, hexKey, dbPath } = await lockedJournal();
    damagePage(dbPath, rootPageOf(dbPath, hexKey, 'entries_fts_data'));
    const service = new JournalService(dir, { kdf: MINIMUM_KDF, fullCheckMaxBytes: 0 });
    await call(service, 'unlock', { passphrase: PASSPHRASE });
    const steps: string[] = [];
    const first = await service.call('checkJournal', {}, (_fraction, label) => steps.push(label));
    expect(first.ok && first.value.notices.join(' ')).toMatch(/search index is damaged.*rebuilt/);
    expect(steps).toContain('Checking the whole journal');
    expect(await call(service, 'checkJournal', {})).toEqual({ notices: [] });
    expect((await call(service, 'search', { query: 'lanterns' })).hits).toHaveLength(12);
    service.close();
  });

  it('reports damaged entries in a large journal as CORRUPT and changes nothing', async () => {
    const { dir, hexKey, dbPath } = await lockedJournal();
    damagePage(dbPath, rootPageOf(dbPath, hexKey, 'entries'));
    // Too large for the check on open: the damage goes unseen until the full check.
    const service = new JournalService(dir, { kdf: MINIMUM_KDF, fullCheckMaxBytes: 0 });
    await call(service, 'unlock', { passphrase: PASSPHRASE });
    const before = sha256File(dbPath);
    const result = await service.call('checkJournal', {});
    expect(result.ok ? null : result.error.code).toBe('CORRUPT');
    expect(result.ok ? '' : result.error.message).toMatch(/read-only/);
    service.close();
    expect(sha256File(dbPath)).toBe(before);
  });

  it('is refused for a journal opened read-only', async () => {
    const { dir } = await lockedJournal(2);
    const service = openService(dir);
    await service.journal.unlock(PASSPHRASE, undefined, { readOnly: true });
    expect(await failCode(service, 'checkJournal')).toBe('LOCKED');
    service.close();
  });
});

describe('read-only open', () => {
  it('opens damaged entries read-only, reads what it can, and writes nothing', async () => {
    const { dir, hexKey, dbPath } = await lockedJournal();
    damagePage(dbPath, rootPageOf(dbPath, hexKey, 'entries_fts_data'));
    damagePage(dbPath, rootPageOf(dbPath, hexKey, 'themes'));
    const before = sha256File(dbPath);
    const service = openService(dir);
    expect((await unlockError(service)).code).toBe('CORRUPT');
    const { notices } = await service.journal.unlock(PASSPHRASE, undefined, { readOnly: true });
    expect(service.journal.readOnly).toBe(true);
    expect(notices.join(' ')).toMatch(/could not be read \(themes\)/);
    const listed = await call(service, 'listEntries', { limit: 50 });
    expect(listed.entries).toHaveLength(12);
    const write = await service.call('createEntry', entryInput('new words'));
    expect(write.ok ? null : write.error.code).toBe('IO_ERROR');
    service.close();
    expect(sha256File(dbPath)).toBe(before);
  });
});
