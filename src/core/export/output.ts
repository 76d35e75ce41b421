import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { JournalError } from '../../shared/errors';
import { fsyncFolder } from '../atomic-file';
import type { ByteSink } from './zip';

/** Writes are gathered into chunks of this size: one system call per chunk, not per entry. */
const WRITE_CHUNK = 1024 * 1024;

/** A hidden name beside the target, on the same file system, so the final rename is atomic. */
export function tempPathFor(path: string, purpose = 'tmp'): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.${purpose}`);
}

/** Node's file-system failures as the journal's own errors, in words a person can act on. */
export function fileError(error: unknown, path: string): unknown {
  if (error instanceof JournalError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  // Only the file system's own failures (ENOSPC, EACCES, ...) are translated; SQLite's and
  // anything else pass through to be told apart upstream (damage is not a write failure).
  if (typeof code !== 'string' || !code.startsWith('E')) return error;
  switch (code) {
    case 'ENOSPC':
      return new JournalError('IO_ERROR', 'The disk is full; free some space and try again.', {
        cause: error,
      });
    case 'ENOENT':
    case 'ENOTDIR':
      return new JournalError('INVALID_INPUT', `The folder for “${path}” does not exist.`, {
        cause: error,
      });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new JournalError('IO_ERROR', `Lean On is not allowed to write to “${path}”.`, {
        cause: error,
      });
    default:
      return new JournalError('IO_ERROR', `“${path}” could not be written.`, { cause: error });
  }
}

export interface WriteThroughTempOptions {
  /** Runs on the complete, synced temp file; throwing here discards it and keeps the target. */
  beforeRename?: (tempPath: string) => void;
}

/**
 * Writes a file through a temp name: the target holds either its old content or the complete
 * new file, never a partial one. The temp file is synced before the rename and the folder
 * after it, as in writeFileAtomic, but the content is streamed rather than held in memory.
 */
export function writeFileThroughTemp<T>(
  path: string,
  write: (sink: ByteSink) => T,
  options: WriteThroughTempOptions = {},
): { value: T; bytes: number } {
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new JournalError('INVALID_INPUT', `“${path}” is a folder; choose a file name.`);
  }
  const temp = tempPathFor(path);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx', 0o600);
    const open = fd;
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    let bytes = 0;
    const flush = () => {
      if (pendingBytes === 0) return;
      const chunk = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
      let written = 0;
      while (written < chunk.length) {
        written += writeSync(open, chunk, written, chunk.length - written);
      }
      pending = [];
      pendingBytes = 0;
    };
    const sink: ByteSink = (chunk) => {
      bytes += chunk.length;
      if (chunk.length >= WRITE_CHUNK) {
        flush();
        pending.push(chunk);
        pendingBytes = chunk.length;
        flush();
        return;
      }
      // The sink's caller may reuse its buffer, so small chunks are copied.
      pending.push(Buffer.from(chunk));
      pendingBytes += chunk.length;
      if (pendingBytes >= WRITE_CHUNK) flush();
    };
    const value = write(sink);
    flush();
    fsyncSync(open);
    closeSync(open);
    fd = null;
    options.beforeRename?.(temp);
    renameSync(temp, path);
    fsyncFolder(dirname(path));
    return { value, bytes };
  } catch (error) {
    if (fd !== null) closeSync(fd);
    rmSync(temp, { force: true });
    throw fileError(error, path);
  }
}

/**
 * Fills a new folder through a temp folder renamed into place at the end, so a failed export
 * never leaves a half-filled folder under the chosen name. An existing folder is used only if
 * empty: an export never mixes into, or replaces, anything already there.
 */
export function writeFolderThroughTemp<T>(path: string, fill: (folder: string) => T): T {
  const existedEmpty = assertEmptyOrMissingFolder(path);
  const temp = tempPathFor(path);
  try {
    mkdirSync(temp, { mode: 0o700 });
    const value = fill(temp);
    if (existedEmpty) rmdirSync(path);
    renameSync(temp, path);
    fsyncFolder(dirname(path));
    return value;
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw fileError(error, path);
  }
}

/** True when the folder exists and is empty; throws when it holds anything. */
export function assertEmptyOrMissingFolder(path: string): boolean {
  if (!existsSync(path)) return false;
  if (!statSync(path).isDirectory()) {
    throw new JournalError('INVALID_INPUT', `“${path}” is a file; choose a new or empty folder.`);
  }
  if (readdirSync(path).length > 0) {
    throw new JournalError(
      'INVALID_INPUT',
      `The folder “${path}” is not empty; choose a new or empty folder so nothing is overwritten.`,
    );
  }
  return true;
}
