import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  PASSPHRASE,
  call,
  createTestJournal,
  entryInput,
  mountSmallDisk,
  serviceFor,
} from './helpers';

/** About 60 KB of words: a few of these fill a small disk quickly. */
function longText(i: number): string {
  return `Entry ${i}. ${'I kept the lists and the worry to myself again today. '.repeat(1100)}`;
}

describe('a full disk during a save', () => {
  it('fails the save with a plain error, keeps the journal whole, and saves on retry', async () => {
    const { service } = await createTestJournal();
    const entry = await call(service, 'createEntry', entryInput('A short first version.'));
    // SQLite's own page limit reports SQLITE_FULL exactly as a full disk does.
    const db = service.journal.db;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);

    const failed = await service.call(
      'updateEntry',
      entryInput(longText(1), { id: entry.id, baseVersion: entry.version }),
    );
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.error.code).toBe('IO_ERROR');
    expect(failed.error.message).toMatch(/disk is full/);

    // Nothing half-written: the entry is as it was and the file checks clean.
    const kept = await call(service, 'getEntry', { id: entry.id });
    expect(kept.text).toBe('A short first version.');
    expect(kept.version).toBe(entry.version);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    // Space again: the same save, retried, goes through.
    db.pragma('max_page_count = 1073741823');
    const saved = await call(
      service,
      'updateEntry',
      entryInput(longText(1), { id: entry.id, baseVersion: entry.version }),
    );
    expect(saved.version).toBe(entry.version + 1);
    expect((await call(service, 'getEntry', { id: entry.id })).text).toBe(longText(1));
  });
});

const disk = mountSmallDisk('3m');
const unmounts: Array<() => void> = [];
afterEach(() => {
  while (unmounts.length > 0) unmounts.pop()!();
});
if ('reason' in disk) {
  console.log(`skipped: the real full-disk test, because ${disk.reason}`);
} else {
  disk.unmount();
}

describe('a journal on a disk that fills up', () => {
  it.skipIf('reason' in disk)(
    'refuses the save that does not fit, loses no saved entry, and saves once space is freed',
    async () => {
      const mounted = mountSmallDisk('3m');
      if ('reason' in mounted) throw new Error(mounted.reason);
      unmounts.push(mounted.unmount);
      const dir = join(mounted.dir, 'journal');
      mkdirSync(dir);
      const service = serviceFor(dir);
      await call(service, 'createJournal', { passphrase: PASSPHRASE });
      // Most of the disk goes to a file of someone else's; deleting it frees the space.
      const filler = join(mounted.dir, 'filler');
      writeFileSync(filler, Buffer.alloc(1024 * 1024));

      const saved: string[] = [];
      let failure: { code: string; message: string } | null = null;
      for (let i = 0; i < 60 && !failure; i++) {
        const result = await service.call('createEntry', entryInput(longText(i)));
        if (result.ok) saved.push(result.value.id);
        else failure = result.error;
      }
      expect(saved.length).toBeGreaterThan(0);
      expect(failure?.code).toBe('IO_ERROR');
      expect(failure?.message).toMatch(/disk is full|could not be written/);

      // Every entry whose save was confirmed is there, after closing and opening again.
      service.close();
      rmSync(filler);
      const reopened = serviceFor(dir);
      await call(reopened, 'unlock', { passphrase: PASSPHRASE });
      const listed = await call(reopened, 'listEntries', { limit: 200 });
      expect(listed.entries.map((entry) => entry.id).sort()).toEqual([...saved].sort());
      expect(reopened.journal.db.pragma('integrity_check', { simple: true })).toBe('ok');
      // With space freed, the save that failed goes through.
      const retried = await call(reopened, 'createEntry', entryInput(longText(99)));
      expect((await call(reopened, 'getEntry', { id: retried.id })).text).toBe(longText(99));
      reopened.close();
    },
  );
});
