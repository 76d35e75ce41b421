import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyBackup } from '../../src/core/backup';
import { automaticBackupName, runAutomaticBackup } from '../../src/core/backup-auto';
import { PASSPHRASE, TZ, call, createTestJournal, doc, tempDir } from './helpers';

const DAY_MS = 24 * 60 * 60 * 1000;

function shortIdOf(service: Awaited<ReturnType<typeof createTestJournal>>['service']): string {
  const id = service.journal.db
    .prepare(`SELECT value FROM meta WHERE key = 'journal_id'`)
    .pluck()
    .get() as string;
  return id.replace(/-/g, '').slice(0, 8);
}

describe('automatic backups', () => {
  it('makes at most one verified backup per local day', async () => {
    const { service } = await createTestJournal();
    await call(service, 'createEntry', { title: 'one', doc: doc('first'), timeZone: TZ });
    const folder = join(tempDir(), 'backups');
    const morning = new Date('2024-05-01T07:00:00Z');
    const first = runAutomaticBackup(service.journal, folder, { now: morning, timeZone: 'UTC' });
    expect(first.created).not.toBeNull();
    expect(first.path).toBe(join(folder, automaticBackupName('2024-05-01', shortIdOf(service))));
    expect(readdirSync(folder)).toEqual([
      `lean-on-backup-2024-05-01-${shortIdOf(service)}.leanon-backup`,
    ]);
    const verified = await verifyBackup(first.path, { passphrase: PASSPHRASE });
    expect(verified).toMatchObject({ databaseChecked: true, manifest: { entryCount: 1 } });

    await call(service, 'createEntry', { title: 'two', doc: doc('second'), timeZone: TZ });
    const bytesBefore = statSync(first.path).size;
    const evening = runAutomaticBackup(service.journal, folder, {
      now: new Date('2024-05-01T21:00:00Z'),
      timeZone: 'UTC',
    });
    expect(evening.created).toBeNull();
    expect(evening.path).toBe(first.path);
    expect(readdirSync(folder)).toHaveLength(1);
    expect(statSync(first.path).size).toBe(bytesBefore);

    const nextDay = runAutomaticBackup(service.journal, folder, {
      now: new Date('2024-05-02T00:30:00Z'),
      timeZone: 'UTC',
    });
    expect(nextDay.created?.manifest.entryCount).toBe(2);
    expect(readdirSync(folder)).toHaveLength(2);
  });

  it('takes the day from the given time zone', async () => {
    const { service } = await createTestJournal();
    const folder = tempDir();
    // 23:30 UTC on 1 May is already 2 May in Berlin and still 1 May in New York.
    const now = new Date('2024-05-01T23:30:00Z');
    const berlin = runAutomaticBackup(service.journal, folder, { now, timeZone: 'Europe/Berlin' });
    expect(berlin.path).toContain('lean-on-backup-2024-05-02-');
    const newYork = runAutomaticBackup(service.journal, folder, {
      now,
      timeZone: 'America/New_York',
    });
    expect(newYork.path).toContain('lean-on-backup-2024-05-01-');
    expect(newYork.created).not.toBeNull();
  });

  it('keeps only the newest N of its own backups, and touches nothing else', async () => {
    const { service } = await createTestJournal();
    const other = await createTestJournal();
    const folder = tempDir();
    const shortId = shortIdOf(service);
    const foreign = [
      'notes.txt',
      `lean-on-backup-2000-01-01-${shortId}.leanon-backup.bak`,
      `my-lean-on-backup-2000-01-01-${shortId}.leanon-backup`,
      'lean-on-backup-2000-01-01.leanon-backup',
    ];
    for (const name of foreign) writeFileSync(join(folder, name), 'not made by the app');
    mkdirSync(join(folder, `lean-on-backup-1999-01-01-${shortId}.leanon-backup`));

    // Another journal's automatic backups in the same folder are not this journal's to prune.
    const otherBackup = runAutomaticBackup(other.service.journal, folder, {
      now: new Date('2000-06-01T12:00:00Z'),
      timeZone: 'UTC',
    });

    const start = Date.parse('2024-03-01T12:00:00Z');
    const pruned: string[] = [];
    for (let day = 0; day < 9; day += 1) {
      const result = runAutomaticBackup(service.journal, folder, {
        now: new Date(start + day * DAY_MS),
        timeZone: 'UTC',
        keep: 4,
      });
      expect(result.created).not.toBeNull();
      pruned.push(...result.pruned);
    }
    const ours = readdirSync(folder)
      .filter((name) => name.startsWith('lean-on-backup-2024-'))
      .sort();
    expect(ours).toEqual(
      ['2024-03-06', '2024-03-07', '2024-03-08', '2024-03-09'].map(
        (day) => `lean-on-backup-${day}-${shortId}.leanon-backup`,
      ),
    );
    expect(pruned).toHaveLength(5);
    expect(pruned[0]).toContain('2024-03-01');
    for (const name of foreign) expect(readdirSync(folder)).toContain(name);
    expect(readdirSync(folder)).toContain(`lean-on-backup-1999-01-01-${shortId}.leanon-backup`);
    expect(readdirSync(folder)).toContain(basename(otherBackup.path));
    for (const name of ours) {
      await expect(verifyBackup(join(folder, name))).resolves.toMatchObject({
        databaseChecked: false,
      });
    }

    // Lowering keep prunes on the next run even when today's backup already exists.
    const again = runAutomaticBackup(service.journal, folder, {
      now: new Date(start + 8 * DAY_MS),
      timeZone: 'UTC',
      keep: 2,
    });
    expect(again.created).toBeNull();
    expect(again.pruned).toHaveLength(2);
    expect(
      readdirSync(folder).filter((name) => name.startsWith('lean-on-backup-2024-')),
    ).toHaveLength(2);
  });

  it('clears its own abandoned scratch files, and refuses to keep none', async () => {
    const { service } = await createTestJournal();
    const folder = tempDir();
    const shortId = shortIdOf(service);
    const stale = `.lean-on-backup-2024-01-01-${shortId}.leanon-backup.123.456.tmp`;
    const fresh = `.lean-on-backup-2024-01-02-${shortId}.leanon-backup.123.789.tmp`;
    writeFileSync(join(folder, stale), 'left by a crash');
    writeFileSync(join(folder, fresh), 'maybe still being written');
    const old = new Date(Date.parse('2024-01-01T00:00:00Z'));
    utimesSync(join(folder, stale), old, old);
    runAutomaticBackup(service.journal, folder, { now: new Date() });
    expect(readdirSync(folder)).not.toContain(stale);
    expect(readdirSync(folder)).toContain(fresh);
    expect(() => runAutomaticBackup(service.journal, folder, { keep: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});
