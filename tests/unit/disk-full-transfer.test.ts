import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestJournal, entryInput, mountSmallDisk, tempDir } from './helpers';

// A full disk in the middle of an import, an export or a backup: a plain error, the journal as
// it was, and nothing half-written left behind. SQLite's page limit stands in for a full disk
// inside the journal (it reports SQLITE_FULL exactly as one does); exports and backups are
// written to a real, small tmpfs where this process may mount one.

/** About 30 KB of words per entry. */
function longText(i: number): string {
  return `Entry ${i}. ${'I carried the shopping up four flights rather than ask. '.repeat(550)}`;
}

/** About 30 KB of made-up words that do not compress away in a zip: the same on every run. */
function noisyText(i: number): string {
  // mulberry32, seeded by the entry's number.
  let seed = (i + 1) * 0x9e3779b9;
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const words: string[] = [];
  for (let length = 0; length < 30_000;) {
    let word = '';
    const size = 2 + Math.floor(next() * 7);
    for (let k = 0; k < size; k++) word += 'abcdefghijklmnopqrstuvwxyz'[Math.floor(next() * 26)];
    words.push(word);
    length += word.length + 1;
  }
  return words.join(' ');
}

function dayOneExport(count: number) {
  return {
    metadata: { version: '1.0' },
    entries: Array.from({ length: count }, (_, i) => ({
      uuid: `FULLDISK${String(i).padStart(4, '0')}`,
      creationDate: `2023-05-${String((i % 28) + 1).padStart(2, '0')}T08:00:00Z`,
      timeZone: 'Europe/London',
      text: longText(i),
      tags: ['Stairs'],
    })),
  };
}

describe('a full disk during an import', () => {
  it('rolls the whole import back with a plain error, and imports it all once there is room', async () => {
    const { service } = await createTestJournal();
    const path = join(tempDir(), 'Journal.json');
    writeFileSync(path, JSON.stringify(dayOneExport(40)));
    const preview = await call(service, 'previewImport', { path });
    expect(preview.counts.add).toBe(40);

    const db = service.journal.db;
    const pages = db.pragma('page_count', { simple: true }) as number;
    // Room for a few of the entries, not for all 1.2 MB of them.
    db.pragma(`max_page_count = ${pages + 40}`);
    const failed = await service.call('applyImport', {
      previewId: preview.previewId,
      createThemes: true,
    });
    expect(failed.ok ? null : failed.error.code).toBe('IO_ERROR');
    expect(failed.ok ? '' : failed.error.message).toMatch(
      /^Importing “Journal\.json” stopped at .*disk is full.*Nothing was imported/,
    );
    // One transaction: not one entry, theme or source record of it was kept.
    expect((await call(service, 'listEntries', {})).entries).toEqual([]);
    expect((await call(service, 'listThemes')).some((theme) => theme.label === 'Stairs')).toBe(
      false,
    );
    expect(db.prepare('SELECT count(*) FROM import_sources').pluck().get()).toBe(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The journal still takes ordinary saves that fit.
    await call(service, 'createEntry', entryInput('Still here.'));

    db.pragma('max_page_count = 1073741823');
    const again = await call(service, 'previewImport', { path });
    const applied = await call(service, 'applyImport', {
      previewId: again.previewId,
      createThemes: true,
    });
    expect(applied.added).toBe(40);
    expect((await call(service, 'listEntries', { limit: 100 })).entries).toHaveLength(41);
  });
});

const probe = mountSmallDisk('1m', 'lean-on-full-export-');
if ('reason' in probe) {
  console.log(`skipped: the full-disk export and backup test, because ${probe.reason}`);
} else {
  probe.unmount();
}
const unmounts: Array<() => void> = [];
afterEach(() => {
  while (unmounts.length > 0) unmounts.pop()!();
});

describe('exports and backups onto a disk that fills up', () => {
  it.skipIf('reason' in probe)(
    'fail with a plain error, leave no partial file behind, and change nothing in the journal',
    async () => {
      const disk = mountSmallDisk('1m', 'lean-on-full-export-');
      if ('reason' in disk) throw new Error(disk.reason);
      unmounts.push(disk.unmount);
      const { service } = await createTestJournal();
      // About 2.4 MB of entries: more than the 1 MB disk holds in any form, zipped too.
      for (let i = 0; i < 80; i++) await call(service, 'createEntry', entryInput(noisyText(i)));
      const before = (await call(service, 'listEntries', { limit: 100 })).entries;

      const attempts = [
        { method: 'exportJournal', input: { format: 'json', out: join(disk.dir, 'all.json') } },
        {
          method: 'exportJournal',
          input: { format: 'markdown', out: join(disk.dir, 'entries.zip'), container: 'zip' },
        },
        {
          method: 'exportJournal',
          input: { format: 'markdown', out: join(disk.dir, 'entries') },
        },
        { method: 'exportJournal', input: { format: 'html', out: join(disk.dir, 'print.html') } },
        { method: 'createBackup', input: { out: join(disk.dir, 'journal.leanon-backup') } },
      ] as const;
      for (const { method, input } of attempts) {
        const result = await service.call(method, input);
        expect(result.ok ? null : result.error.code, `${method} ${input.out}`).toBe('IO_ERROR');
        expect(result.ok ? '' : result.error.message, input.out).toMatch(/disk is full/);
        expect(existsSync(input.out), input.out).toBe(false);
        // No temp file either: the disk is as empty as before.
        expect(readdirSync(disk.dir), input.out).toEqual([]);
      }

      expect((await call(service, 'listEntries', { limit: 100 })).entries).toEqual(before);
      expect(service.journal.db.pragma('integrity_check', { simple: true })).toBe('ok');
    },
  );
});
