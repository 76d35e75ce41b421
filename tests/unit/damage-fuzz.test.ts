import { cpSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, JournalError, type Result } from '../../src/shared/errors';
import type { Entry, EntryPage } from '../../src/shared/types';
import { salvageEntries } from '../../src/core/integrity';
import { MINIMUM_KDF } from '../../src/core/kdf';
import { JournalService } from '../../src/core/service';
import { PASSPHRASE, call, createTestJournal, entryInput, tempDir } from './helpers';

const ROUNDS = 200;
const ENTRIES = 50;

/** mulberry32: small, seedable, good enough to place damage. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'river lantern quiet morning letter garden thunder paper window orchard'.split(' ');

function entryText(index: number): string {
  const words = Array.from({ length: 150 + index * 7 }, (_, i) => WORDS[(i * 7 + index) % 10]);
  return `entry ${index}: ${words.join(' ')}`;
}

type Outcome = { stage: 'unlock' | 'list' | 'get' | 'ok'; code?: string; notice?: boolean };

function expectKnownError(error: unknown, context: string): string {
  if (!(error instanceof JournalError)) {
    throw new Error(`${context}: not a JournalError: ${String(error)}`, { cause: error });
  }
  expect(ERROR_CODES, context).toContain(error.code);
  expect(error.code, context).not.toBe('INTERNAL');
  return error.code;
}

/** Lists every live entry, page by page; returns their ids or the error code. */
async function listAll(service: JournalService): Promise<{ ids: string[] } | { code: string }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (;;) {
    const result: Result<EntryPage> = await service.call('listEntries', { limit: 20, cursor });
    if (!result.ok) return { code: result.error.code };
    ids.push(...result.value.entries.map((entry) => entry.id));
    cursor = result.value.nextCursor;
    if (!cursor) return { ids };
  }
}

function damage(dir: string, random: () => number): string {
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const roll = random();
  if (roll < 0.55) {
    const path = join(dir, 'journal.db');
    const bytes = readFileSync(path);
    const count = between(1, 16);
    const offsets: number[] = [];
    for (let i = 0; i < count; i++) {
      const offset = between(0, bytes.length - 1);
      bytes[offset] = bytes[offset]! ^ between(1, 255);
      offsets.push(offset);
    }
    writeFileSync(path, bytes);
    return `flipped ${count} bytes of journal.db at ${offsets.join(',')}`;
  }
  if (roll < 0.8) {
    const path = join(dir, 'journal.db');
    const length = between(0, statSync(path).size - 1);
    truncateSync(path, length);
    return `cut journal.db to ${length} bytes`;
  }
  const path = join(dir, 'keyring.json');
  const kind = between(0, 2);
  if (kind === 0) {
    rmSync(path);
    return 'removed keyring.json';
  }
  const bytes = readFileSync(path);
  if (kind === 1) {
    const length = between(0, bytes.length - 1);
    truncateSync(path, length);
    return `cut keyring.json to ${length} bytes`;
  }
  const offset = between(0, bytes.length - 1);
  bytes[offset] = bytes[offset]! ^ between(1, 255);
  writeFileSync(path, bytes);
  return `flipped byte ${offset} of keyring.json`;
}

describe('a damaged journal', () => {
  it('fails with a known error or reads back exactly, never silently less', async () => {
    const seed = Number(process.env.DAMAGE_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`damage fuzz seed ${seed} (rerun with DAMAGE_FUZZ_SEED=${seed})`);
    const random = prng(seed);

    const { dir, service } = await createTestJournal();
    const originals = new Map<string, Entry>();
    for (let index = 0; index < ENTRIES; index++) {
      const entry = await call(service, 'createEntry', {
        ...entryInput(entryText(index)),
        title: `Day ${index}`,
      });
      originals.set(entry.id, entry);
    }
    service.close();

    const tally = new Map<string, number>();
    const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
    const root = tempDir('lean-on-fuzz-');
    for (let round = 0; round < ROUNDS; round++) {
      const copy = join(root, String(round));
      cpSync(dir, copy, { recursive: true });
      const what = damage(copy, random);
      const context = `seed ${seed}, round ${round}: ${what}`;
      const outcome = await tryToRead(copy, originals, context);
      const key = outcome.code
        ? `${outcome.stage} failed: ${outcome.code}`
        : outcome.notice
          ? 'read everything, with a notice'
          : 'read everything';
      count(key);
      rmSync(copy, { recursive: true, force: true });
    }
    const lines = [...tally].sort().map(([key, n]) => `  ${n.toString().padStart(3)}  ${key}`);
    console.log(`damage fuzz, ${ROUNDS} rounds (seed ${seed}):\n${lines.join('\n')}`);
  }, 120_000);
});

async function tryToRead(
  dir: string,
  originals: Map<string, Entry>,
  context: string,
): Promise<Outcome> {
  const service = new JournalService(dir, { kdf: MINIMUM_KDF });
  try {
    let notices: string[];
    try {
      notices = (await service.journal.unlock(PASSPHRASE)).notices;
    } catch (error) {
      const code = expectKnownError(error, context);
      expect(code, `${context}: damage reported as a wrong passphrase`).not.toBe(
        'WRONG_PASSPHRASE',
      );
      const readOnly = code === 'CORRUPT' ? await readOnlyRescue(service, originals, context) : '';
      const detail = process.env.DAMAGE_FUZZ_VERBOSE ? ` ${(error as Error).message}` : '';
      return { stage: 'unlock', code: `${code}${detail}${readOnly}` };
    }
    const listed = await listAll(service);
    if ('code' in listed) {
      expect(listed.code, context).not.toBe('INTERNAL');
      return { stage: 'list', code: listed.code };
    }
    for (const id of listed.ids) {
      const result = await service.call('getEntry', { id });
      if (!result.ok) {
        expect(result.error.code, context).not.toBe('INTERNAL');
        return { stage: 'get', code: result.error.code };
      }
      const original = originals.get(id);
      expect(original, `${context}: an entry that was never written`).toBeDefined();
      expect(result.value.title, context).toBe(original!.title);
      expect(result.value.doc, context).toEqual(original!.doc);
    }
    if (listed.ids.length < originals.size) {
      expect(notices.length, `${context}: entries missing without a word`).toBeGreaterThan(0);
    }
    return { stage: 'ok', notice: notices.length > 0 };
  } finally {
    service.close();
  }
}

/** After CORRUPT: what a read-only open still reads, which must match what was written. */
async function readOnlyRescue(
  service: JournalService,
  originals: Map<string, Entry>,
  context: string,
): Promise<string> {
  try {
    await service.journal.unlock(PASSPHRASE, undefined, { readOnly: true });
  } catch (error) {
    return ` (read-only: ${expectKnownError(error, `${context}, read-only`)})`;
  }
  const listed = await listAll(service);
  if ('code' in listed) {
    expect(listed.code, `${context}, read-only`).not.toBe('INTERNAL');
    // What an export of a damaged journal does: entry by entry, past the damaged pages.
    const salvage = salvageEntries(service.journal.db, (entry) => {
      expect(entry.doc, `${context}, salvaged`).toEqual(originals.get(entry.id)?.doc);
    });
    const share = salvage.read === originals.size ? 'all' : salvage.read > 0 ? 'some' : 'no';
    return ` (read-only: list fails, salvage reads ${share} entries)`;
  }
  let readable = 0;
  for (const id of listed.ids) {
    const result = await service.call('getEntry', { id });
    if (!result.ok) {
      expect(result.error.code, `${context}, read-only`).not.toBe('INTERNAL');
      continue;
    }
    expect(result.value.doc, `${context}, read-only`).toEqual(originals.get(id)?.doc);
    readable++;
  }
  return ` (read-only: opens, ${readable === originals.size ? 'all' : 'some'} entries read)`;
}
