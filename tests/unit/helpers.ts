import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach } from 'vitest';
import type { MethodName, MethodOutput } from '../../src/shared/contract';
import { MINIMUM_KDF } from '../../src/core/kdf';
import { JournalService } from '../../src/core/service';
import { plainTextToDoc } from '../../src/core/text';

export const PASSPHRASE = 'correct horse battery';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

/** A fresh folder under the system temp dir, removed after the test. */
export function tempDir(prefix = 'lean-on-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A service over a folder, closed after the test. Uses OWASP's minimum KDF to keep tests quick. */
export function serviceFor(dir: string): JournalService {
  const service = new JournalService(dir, { kdf: MINIMUM_KDF });
  cleanups.push(() => service.close());
  return service;
}

/** Calls a method and returns its value, failing the test with the error's code otherwise. */
export async function call<K extends MethodName>(
  service: JournalService,
  method: K,
  input: unknown = {},
): Promise<MethodOutput<K>> {
  const result = await service.call(method, input);
  if (!result.ok)
    throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Calls a method that must fail and returns the error's code. */
export async function failCode(service: JournalService, method: MethodName, input: unknown = {}) {
  const result = await service.call(method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error.code;
}

/** A new, unlocked, encrypted journal in a temp folder. */
export async function createTestJournal(): Promise<{
  dir: string;
  service: JournalService;
  recoveryCode: string;
}> {
  const dir = tempDir();
  const service = serviceFor(dir);
  const { recoveryCode } = await call(service, 'createJournal', { passphrase: PASSPHRASE });
  return { dir, service, recoveryCode };
}

export function doc(text: string): unknown {
  return JSON.parse(plainTextToDoc(text).json);
}

export const TZ = 'Europe/Berlin';

/** SHA-256 of a file's bytes, to prove an operation left it untouched. */
export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Opens journal.db the way the stock SQLCipher 4 shell would: nothing but the raw key. */
export function openRawDatabase(path: string, hexKey: string): Database.Database {
  const db = new Database(path, { fileMustExist: true });
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${hexKey}'"`);
  cleanups.push(() => {
    if (db.open) db.close();
  });
  return db;
}

/** The input of a new entry holding `text`, written in TZ. */
export function entryInput(text: string, extra: Record<string, unknown> = {}) {
  return { title: '', doc: doc(text), timeZone: TZ, ...extra };
}

/** The paragraph "see <label>", its label linking to `url`. */
export function linkDoc(url: string, label: string): unknown {
  type Doc = { root: { children: Array<{ children: unknown[] }> } };
  const result = doc('see ') as Doc;
  const labelText = (doc(label) as Doc).root.children[0]!.children;
  const link = { type: 'link', version: 1, url, rel: null, target: null, title: null };
  result.root.children[0]!.children.push({
    ...link,
    direction: null,
    format: '',
    indent: 0,
    children: labelText,
  });
  return result;
}

/** Flips one byte in the middle of the given 1-based page. */
export function damagePage(path: string, page: number, pageSize = 4096): void {
  const fd = openSync(path, 'r+');
  const at = (page - 1) * pageSize + 1000;
  const byte = Buffer.alloc(1);
  readSync(fd, byte, 0, 1, at);
  byte[0] = byte[0]! ^ 0xff;
  writeSync(fd, byte, 0, 1, at);
  closeSync(fd);
}

/** The first page of a table or index, read with the raw key. */
export function rootPageOf(dbPath: string, hexKey: string, name: string): number {
  const db = openRawDatabase(dbPath, hexKey);
  const page = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(name);
  db.close();
  return page as number;
}

/**
 * A real, small tmpfs of `size` (as mount takes it: "3m"), only where this process may mount
 * one (root on Linux, as in CI); otherwise the reason, for the test's skip line.
 */
export function mountSmallDisk(
  size: string,
  prefix = 'lean-on-full-disk-',
): { dir: string; unmount: () => void } | { reason: string } {
  if (process.platform !== 'linux') return { reason: 'tmpfs mounts need Linux' };
  if (process.getuid?.() !== 0) return { reason: 'mounting a tmpfs needs root' };
  const dir = tempDir(prefix);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], {
      stdio: 'pipe',
    });
  } catch (error) {
    return { reason: `mount -t tmpfs failed: ${(error as Error).message.split('\n')[0]}` };
  }
  return { dir, unmount: () => execFileSync('umount', ['-l', dir]) };
}
