import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { MINIMUM_KDF } from '../../src/core/kdf';
import { startCoreWorker, type CoreWorker } from '../../src/core/worker/host';
import { PASSPHRASE, doc, tempDir } from './helpers';

const ENTRY = fileURLToPath(new URL('../../src/core/worker/entry.ts', import.meta.url));
let running: CoreWorker | null = null;

afterEach(async () => {
  await running?.close();
  running = null;
});

async function start(dir: string): Promise<CoreWorker> {
  running = await startCoreWorker(
    ENTRY,
    { journalDir: dir, kdf: MINIMUM_KDF },
    { execArgv: ['--import', 'tsx'] },
  );
  return running;
}

describe('core worker', () => {
  it('runs the journal off the caller’s thread with progress events and typed results', async () => {
    const core = await start(tempDir());
    const labels: string[] = [];
    const created = await core.request('createJournal', { passphrase: PASSPHRASE }, (event) =>
      labels.push(event.label),
    );
    expect(created.ok).toBe(true);
    expect(labels.length).toBeGreaterThan(0);

    const entry = await core.client.createEntry({
      title: 'Worker',
      doc: doc('From the worker thread'),
      timeZone: 'UTC',
    });
    expect((await core.client.getEntry({ id: entry.id })).text).toBe('From the worker thread');
  });

  it('keeps calls in order, so a call sent during unlock sees the journal open', async () => {
    const dir = tempDir();
    const core = await start(dir);
    await core.client.createJournal({ passphrase: PASSPHRASE });
    await core.client.lock({});
    const [unlocked, themes] = await Promise.all([
      core.request('unlock', { passphrase: PASSPHRASE }),
      core.request('listThemes', {}),
    ]);
    expect(unlocked.ok).toBe(true);
    expect(themes.ok).toBe(true);
  });

  it('returns errors as values and rejects typed calls with the same code', async () => {
    const core = await start(tempDir());
    const locked = await core.request('listEntries', {});
    expect(locked).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'LOCKED' }) as unknown,
    });
    const unknown = await core.request('dropEverything', {});
    expect(unknown).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'INVALID_INPUT' }) as unknown,
    });
    const invalid = await core.request('unlock', { passphrase: 42 });
    expect(invalid).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'INVALID_INPUT' }) as unknown,
    });
    await expect(core.client.unlock({ passphrase: 'nothing here yet' })).rejects.toMatchObject({
      code: 'NO_JOURNAL',
    });
  });

  it('answers INTERNAL, not silence, once the worker has stopped', async () => {
    const core = await start(tempDir());
    await core.close();
    running = null;
    const after = await core.request('getStatus', {});
    expect(after).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'INTERNAL' }) as unknown,
    });
  });

  it('runs a backup in a thread of its own while saves go on, and stops it on lock', async () => {
    const dir = tempDir();
    const core = await start(dir);
    await core.client.createJournal({ passphrase: PASSPHRASE });
    await core.client.createEntry({
      title: 'First',
      doc: doc('Before the backup'),
      timeZone: 'UTC',
    });
    const folder = tempDir();
    const out = join(folder, 'journal.leanon-backup');

    const finished: string[] = [];
    const backup = core.client.createBackup({ out }).then((value) => {
      finished.push('backup');
      return value;
    });
    const saved = core.client
      .createEntry({ title: 'Second', doc: doc('Written during the backup'), timeZone: 'UTC' })
      .then(() => finished.push('save'));
    await Promise.all([backup, saved]);
    // The save did not wait for the backup's thread to start, copy and verify.
    expect(finished).toEqual(['save', 'backup']);
    expect((await backup).entryCount).toBeGreaterThanOrEqual(1);
    expect(existsSync(out)).toBe(true);

    // Locking while a backup runs stops it: an error, no file, no scratch files left.
    const second = join(folder, 'stopped.leanon-backup');
    const stopped = core.request('createBackup', { out: second });
    await core.client.lock({});
    expect(await stopped).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'LOCKED' }) as unknown,
    });
    expect(existsSync(second)).toBe(false);
    expect(readdirSync(folder)).toEqual(['journal.leanon-backup']);
  });

  it('makes the day’s automatic backup in the background once a folder is chosen', async () => {
    const dir = tempDir();
    const core = await start(dir);
    await core.client.createJournal({ passphrase: PASSPHRASE });
    await core.client.createEntry({ title: 'Kept', doc: doc('Backed up daily'), timeZone: 'UTC' });
    expect((await core.client.getBackupStatus({})).automatic).toMatchObject({
      folder: null,
      keep: 14,
      last: null,
    });
    const folder = join(tempDir(), 'backups');
    await core.client.updateSettings({ automaticBackupFolder: folder, automaticBackupKeep: 3 });
    const last = await waitForLastRun(core);
    expect(last).toMatchObject({ ok: true, created: true, message: null });
    expect(existsSync(last.path!)).toBe(true);
    expect(readdirSync(folder)).toEqual([last.path!.split(/[\\/]/).pop()]);

    // Unlocking again the same day finds today's backup and makes no other.
    await core.client.lock({});
    await core.client.unlock({ passphrase: PASSPHRASE });
    const again = await waitForLastRun(core, last.at);
    expect(again).toMatchObject({ ok: true, created: false, path: last.path });
    expect(readdirSync(folder)).toHaveLength(1);
  });

  it('notes a failed automatic backup without failing the unlock', async () => {
    const dir = tempDir();
    const core = await start(dir);
    await core.client.createJournal({ passphrase: PASSPHRASE });
    // A file where the folder should be: the backup can't be made there.
    const blocker = join(tempDir(), 'not-a-folder');
    await import('node:fs').then((fs) => fs.writeFileSync(blocker, 'x'));
    await core.client.updateSettings({ automaticBackupFolder: blocker });
    const last = await waitForLastRun(core);
    expect(last.ok).toBe(false);
    expect(last.message).toMatch(/automatic backup was not made/);
    expect((await core.client.getStatus({})).state).toBe('unlocked');
  });
});

/** Polls the backup status until a run newer than `after` has been noted. */
async function waitForLastRun(core: CoreWorker, after?: string) {
  for (let i = 0; i < 600; i++) {
    const { automatic } = await core.client.getBackupStatus({});
    if (automatic.last && automatic.last.at !== after && !automatic.running) return automatic.last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no automatic backup was noted within 30 s');
}
