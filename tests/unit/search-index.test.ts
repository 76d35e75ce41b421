import { describe, expect, it, vi } from 'vitest';
import { flushSearchIndex, hasPendingIndexWork } from '../../src/core/search-index';
import {
  PASSPHRASE,
  call,
  createTestJournal,
  doc,
  openRawDatabase,
  serviceFor,
  TZ,
} from './helpers';
import { decryptedPages } from './pages';

function ftsIntact(service: Awaited<ReturnType<typeof createTestJournal>>['service']): boolean {
  try {
    service.journal.db
      .prepare(`INSERT INTO entries_fts (entries_fts) VALUES ('integrity-check')`)
      .run();
    return true;
  } catch {
    return false;
  }
}

async function edited() {
  const journal = await createTestJournal();
  const entry = await call(journal.service, 'createEntry', {
    title: 'Before',
    doc: doc('I kept the umbrella to myself.'),
    timeZone: TZ,
  });
  const updated = await call(journal.service, 'updateEntry', {
    id: entry.id,
    baseVersion: entry.version,
    doc: doc('I lent my sister the raincoat.'),
    timeZone: TZ,
  });
  return { ...journal, entry: updated };
}

describe('deferred search indexing of edits', () => {
  it('notes an edit instead of reindexing on every save', async () => {
    const { service } = await edited();
    expect(hasPendingIndexWork(service.journal.db)).toBe(true);
  });

  it('searches the latest text, never the replaced one, right after a save', async () => {
    const { service, entry } = await edited();
    expect(
      (await call(service, 'search', { query: 'raincoat' })).hits.map((hit) => hit.id),
    ).toEqual([entry.id]);
    expect((await call(service, 'search', { query: 'umbrella' })).hits).toEqual([]);
    expect(hasPendingIndexWork(service.journal.db)).toBe(false);
    expect(ftsIntact(service)).toBe(true);
  });

  it('folds edits into the index once typing pauses', async () => {
    const { service } = await edited();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const entry = await call(service, 'createEntry', { doc: doc('first draft'), timeZone: TZ });
      await call(service, 'updateEntry', {
        id: entry.id,
        baseVersion: 1,
        doc: doc('second draft'),
        timeZone: TZ,
      });
      vi.advanceTimersByTime(1000);
      expect(hasPendingIndexWork(service.journal.db)).toBe(true);
      vi.advanceTimersByTime(1500);
      expect(hasPendingIndexWork(service.journal.db)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
    expect(ftsIntact(service)).toBe(true);
  });

  it('keeps the index whole when an entry with a pending edit is deleted for good', async () => {
    const { service, entry } = await edited();
    await call(service, 'trashEntry', { id: entry.id });
    await call(service, 'deleteEntryForever', { id: entry.id });
    expect(hasPendingIndexWork(service.journal.db)).toBe(false);
    expect(ftsIntact(service)).toBe(true);
    expect((await call(service, 'search', { query: 'umbrella' })).hits).toEqual([]);
  });

  it('does not note anything when only the star or date changes', async () => {
    const { service } = await createTestJournal();
    const entry = await call(service, 'createEntry', { doc: doc('unchanged words'), timeZone: TZ });
    await call(service, 'updateEntry', {
      id: entry.id,
      baseVersion: 1,
      starred: true,
      entryDate: '2024-05-06',
      timeZone: TZ,
    });
    expect(hasPendingIndexWork(service.journal.db)).toBe(false);
  });

  it('indexes on lock, and on the next open after a crash left work noted', async () => {
    const { dir, service, entry } = await edited();
    const { hexKey } = await call(service, 'getRawKey', { passphrase: PASSPHRASE });
    await call(service, 'lock', {});
    const raw = openRawDatabase(`${dir}/journal.db`, hexKey);
    expect(raw.prepare('SELECT count(*) FROM fts_pending').pluck().get()).toBe(0);
    // What a crash between a save and its reindexing leaves behind:
    raw.prepare(`UPDATE entries SET text = 'I asked for a lift' WHERE id = ?`).run(entry.id);
    expect(raw.prepare('SELECT count(*) FROM fts_pending').pluck().get()).toBe(1);
    raw.close();

    const reopened = serviceFor(dir);
    await call(reopened, 'unlock', { passphrase: PASSPHRASE });
    expect(hasPendingIndexWork(reopened.journal.db)).toBe(false);
    expect(ftsIntact(reopened)).toBe(true);
    expect(flushSearchIndex(reopened.journal.db)).toBe(0);
  });

  it('scrubs the replaced words from the file, even for someone holding the key', async () => {
    const secret = 'umbrellasecretword';
    const { dir, service } = await createTestJournal();
    const entry = await call(service, 'createEntry', {
      doc: doc(`I never said ${secret} out loud.`),
      timeZone: TZ,
    });
    await call(service, 'updateEntry', {
      id: entry.id,
      baseVersion: 1,
      doc: doc('I said it out loud.'),
      timeZone: TZ,
    });
    const { hexKey } = await call(service, 'getRawKey', { passphrase: PASSPHRASE });
    await call(service, 'lock', {});
    expect(decryptedPages(`${dir}/journal.db`, hexKey).includes(Buffer.from(secret))).toBe(false);
  });
});
