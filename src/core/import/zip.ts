import { closeSync, fstatSync } from 'node:fs';
import { type ZipEntry, ZipFormatError, readEntryBytes, readZipDirectory } from '../zip/read';
import { lowerFirst } from './collect';
import { invalid, openForReading } from './decode';
import type { ImportLimits } from './limits';

export { type ZipEntry, looksLikeZip } from '../zip/read';

/**
 * An export packed as a zip (Day One's may also hold gigabytes of photos): the shared reader
 * (../zip/read.ts) reads its directory and only the entries asked for; this names the archive
 * and the entry in what it says when one cannot be read.
 */

/** Each entry takes at least 46 bytes of the directory. */
const MIN_DIRECTORY_BYTES_PER_ENTRY = 46;

function listEntries(fd: number, fileSize: number, name: string, limits: ImportLimits) {
  try {
    return readZipDirectory(fd, fileSize, {
      maxDirectoryBytes: limits.maxZipDirectoryBytes,
      maxEntries: Math.floor(limits.maxZipDirectoryBytes / MIN_DIRECTORY_BYTES_PER_ENTRY),
    });
  } catch (error) {
    if (!(error instanceof ZipFormatError)) throw error;
    if (error.problem === 'too-large') {
      throw invalid(`“${name}” lists more files than Lean On reads.`, error);
    }
    throw invalid(`“${name}” is not a complete zip archive; it may be damaged.`, error);
  }
}

function readEntry(fd: number, fileSize: number, entry: ZipEntry, name: string): Buffer {
  try {
    return readEntryBytes(fd, fileSize, entry);
  } catch (error) {
    if (!(error instanceof ZipFormatError)) throw error;
    const where = `“${entry.name}” in “${name}”`;
    if (error.problem === 'encrypted') {
      throw invalid(`${where} is password-protected; export it again without a password.`, error);
    }
    if (error.problem === 'unsupported-method') {
      throw invalid(
        `${where} is compressed in a way Lean On cannot read (method ${entry.method}).`,
        error,
      );
    }
    throw invalid(`${where} is damaged (${lowerFirst(error.message)}).`, error);
  }
}

/** Opens a zip, runs `use` with its entries, and always closes it. */
export function withZip<T>(
  path: string,
  name: string,
  limits: ImportLimits,
  use: (entries: ZipEntry[], read: (entry: ZipEntry) => Buffer) => T,
): T {
  const fd = openForReading(path, name);
  try {
    const fileSize = fstatSync(fd).size;
    return use(listEntries(fd, fileSize, name, limits), (entry) =>
      readEntry(fd, fileSize, entry, name),
    );
  } finally {
    closeSync(fd);
  }
}
