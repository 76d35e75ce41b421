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
});
