import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, statSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { JournalError } from '../shared/errors';
import { DATABASE_FILE } from './db/database';
import { type ByteSink, ZIP_METHOD_STORED, ZIP_SIGNATURES, ZipWriter } from './export/zip';
import {
  type ZipEntry,
  ZipFormatError,
  entryDataOffset,
  readExactly,
  readZipDirectory,
  storedChunks,
} from './zip/read';
import {
  type BackupManifest,
  type BackupPart,
  MANIFEST_FILE,
  damaged,
  parseManifest,
} from './backup-manifest';
import { KEYRING_FILE, type Keyring, parseKeyring } from './keyring';

/**
 * The backup container (docs/backup-format.md): a ZIP archive whose parts are stored
 * uncompressed, in this order: the manifest, keyring.json, journal.db. Unzipped, it is a journal
 * folder that the app (or the stock SQLCipher shell, with the raw key) opens as it is.
 */

const MAX_MANIFEST_BYTES = 64 * 1024;
const MAX_KEYRING_BYTES = 1024 * 1024;

export interface FileDigest {
  size: number;
  sha256: string;
  crc: number;
}

/** One pass over a file for both checks: SHA-256 for the manifest, CRC-32 for the zip. */
export function digestFile(path: string): FileDigest {
  const fd = openSync(path, 'r');
  try {
    const hash = createHash('sha256');
    let crc = 0;
    const size = fstatSync(fd).size;
    for (const chunk of storedChunks(fd, 0, size)) {
      hash.update(chunk);
      crc = crc32(chunk, crc);
    }
    return { size, sha256: hash.digest('hex'), crc };
  } finally {
    closeSync(fd);
  }
}

function* fileChunks(path: string, size: number): Generator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    yield* storedChunks(fd, 0, size);
  } finally {
    closeSync(fd);
  }
}

/** Writes the archive: manifest, keyring, database (streamed from `databasePath`). */
export function writeBackupContainer(
  sink: ByteSink,
  parts: {
    manifest: BackupManifest;
    keyringBytes: Buffer;
    databasePath: string;
    databaseDigest: FileDigest;
  },
): void {
  const zip = new ZipWriter(sink);
  const modifiedAt = Date.parse(parts.manifest.createdAt);
  zip.addFile(MANIFEST_FILE, Buffer.from(`${JSON.stringify(parts.manifest, null, 2)}\n`), {
    modifiedAt,
  });
  zip.addFile(KEYRING_FILE, parts.keyringBytes, { modifiedAt });
  zip.addStoredStream(
    DATABASE_FILE,
    parts.databaseDigest,
    fileChunks(parts.databasePath, parts.databaseDigest.size),
    { modifiedAt },
  );
  zip.finish();
}

const notABackup = (detail = 'This file is not a Lean On backup.') =>
  new JournalError('NOT_A_JOURNAL', detail);

/** Runs `read`, reporting the zip reader's structural failures as a damaged backup. */
function asDamage<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ZipFormatError) {
      throw damaged(error.message.replace(/\.$/, '').toLowerCase());
    }
    throw error;
  }
}

/** Where a stored part's bytes start in the file, after checking the zip agrees about it. */
function locate(
  fd: number,
  size: number,
  entries: ReadonlyMap<string, ZipEntry>,
  name: string,
): { entry: ZipEntry; start: number } {
  const entry = entries.get(name);
  if (!entry) throw damaged(`${name} is missing`);
  if (entry.method !== ZIP_METHOD_STORED || entry.compressedSize !== entry.size) {
    throw damaged(`${name} was repacked by another program`);
  }
  return { entry, start: entryDataOffset(fd, size, entry) };
}

/** A small part's bytes, checked against the zip's CRC-32. */
function readSmallPart(
  fd: number,
  size: number,
  entries: ReadonlyMap<string, ZipEntry>,
  name: string,
  maxBytes: number,
): Buffer {
  const { entry, start } = locate(fd, size, entries, name);
  if (entry.size > maxBytes) throw damaged(`${name} is far larger than it can be`);
  const bytes = readExactly(fd, entry.size, start);
  if (crc32(bytes) !== entry.crc) throw damaged(`${name} does not match its checksum`);
  return bytes;
}

function openForReading(path: string): number {
  try {
    if (statSync(path).isDirectory()) {
      throw new JournalError('INVALID_INPUT', `“${path}” is a folder, not a backup file.`);
    }
    return openSync(path, 'r');
  } catch (error) {
    if (error instanceof JournalError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new JournalError('NOT_FOUND', `There is no backup file at “${path}”.`);
    }
    throw new JournalError('IO_ERROR', `The backup file “${path}” could not be read.`, {
      cause: error,
    });
  }
}

function readEntries(fd: number, size: number): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  for (const entry of readZipDirectory(fd, size, {
    maxEntries: 16,
    maxDirectoryBytes: 64 * 1024,
  })) {
    if (entries.has(entry.name)) throw new ZipFormatError('A part appears twice.');
    entries.set(entry.name, entry);
  }
  return entries;
}

/** An open backup file whose structure and manifest have been checked; its parts not yet. */
export class BackupContainer {
  readonly manifest: BackupManifest;
  private readonly fd: number;
  private readonly size: number;
  private readonly entries: ReadonlyMap<string, ZipEntry>;

  private constructor(
    fd: number,
    size: number,
    manifest: BackupManifest,
    entries: ReadonlyMap<string, ZipEntry>,
  ) {
    this.fd = fd;
    this.size = size;
    this.manifest = manifest;
    this.entries = entries;
  }

  /**
   * Opens and identifies a backup. A file that is not one is NOT_A_JOURNAL; a file that is one
   * but is cut short or damaged anywhere is CORRUPT.
   */
  static open(path: string): BackupContainer {
    const fd = openForReading(path);
    try {
      return asDamage(() => BackupContainer.read(fd));
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  private static read(fd: number): BackupContainer {
    const size = fstatSync(fd).size;
    const start = identify(fd, size);
    let entries: Map<string, ZipEntry>;
    try {
      entries = readEntries(fd, size);
    } catch (error) {
      // A zip that does not start like a backup, and whose directory does not name a manifest
      // either, is some other file; one that starts like a backup is a damaged backup.
      if (start === 'other-zip') throw notABackup('This is a zip file, but not a Lean On backup.');
      throw error;
    }
    if (start === 'other-zip' && !entries.has(MANIFEST_FILE)) {
      throw notABackup('This is a zip file, but not a Lean On backup.');
    }
    const manifest = parseManifest(
      readSmallPart(fd, size, entries, MANIFEST_FILE, MAX_MANIFEST_BYTES),
    );
    return new BackupContainer(fd, size, manifest, entries);
  }

  close(): void {
    closeSync(this.fd);
  }

  private part(name: BackupPart['name']): BackupPart {
    return this.manifest.parts.find((part) => part.name === name)!;
  }

  /** The keyring's exact bytes and its parsed form, checked against the manifest's SHA-256. */
  readKeyring(): { bytes: Buffer; keyring: Keyring } {
    const bytes = asDamage(() =>
      readSmallPart(this.fd, this.size, this.entries, KEYRING_FILE, MAX_KEYRING_BYTES),
    );
    const part = this.part(KEYRING_FILE);
    if (bytes.length !== part.size || sha256(bytes) !== part.sha256) {
      throw damaged('keyring.json does not match its checksum');
    }
    let keyring: Keyring;
    try {
      keyring = parseKeyring(bytes.toString('utf8'));
    } catch (error) {
      if (error instanceof JournalError && error.code === 'NEWER_VERSION') throw error;
      throw damaged('its keyring.json is unreadable');
    }
    if (keyring.journalId !== this.manifest.journalId) {
      throw damaged('its keyring belongs to another journal');
    }
    return { bytes, keyring };
  }

  /**
   * Streams the database part to `write`, checking its size, CRC-32 and SHA-256 once all of it
   * has passed; the caller must discard what it wrote if this throws.
   */
  copyDatabase(
    write: (chunk: Buffer) => void,
    onBytes?: (done: number, total: number) => void,
  ): void {
    asDamage(() => {
      const { entry, start } = locate(this.fd, this.size, this.entries, DATABASE_FILE);
      const part = this.part(DATABASE_FILE);
      if (entry.size !== part.size) throw damaged('journal.db has the wrong size');
      const hash = createHash('sha256');
      let crc = 0;
      let done = 0;
      for (const chunk of storedChunks(this.fd, start, entry.size)) {
        hash.update(chunk);
        crc = crc32(chunk, crc);
        write(chunk);
        done += chunk.length;
        onBytes?.(done, entry.size);
      }
      if (crc !== entry.crc || hash.digest('hex') !== part.sha256) {
        throw damaged('journal.db does not match its checksum');
      }
    });
  }

  /** Reads every part and checks every checksum; writes nothing. */
  checkParts(): void {
    this.readKeyring();
    this.copyDatabase(() => undefined);
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Tells "not a backup at all" from "a backup, damaged": a backup starts with a zip header
 * naming the manifest. A file that starts so, or is a cut-short prefix of such a start, is a
 * backup; a zip that starts otherwise is one only if its directory names a manifest.
 */
function identify(fd: number, size: number): 'backup' | 'other-zip' {
  if (size === 0) throw damaged('the file is empty');
  const expected = Buffer.alloc(4);
  expected.writeUInt32LE(ZIP_SIGNATURES.localHeader, 0);
  const name = Buffer.from(MANIFEST_FILE, 'utf8');
  const head = readExactly(fd, Math.min(size, 30 + name.length), 0);
  const signature = head.subarray(0, Math.min(4, head.length));
  if (!signature.equals(expected.subarray(0, signature.length))) throw notABackup();
  if (head.length < 30) throw damaged('the file was cut short');
  const nameRead = head.subarray(30);
  if (
    head.readUInt16LE(26) !== name.length ||
    !name.subarray(0, nameRead.length).equals(nameRead)
  ) {
    return 'other-zip';
  }
  if (nameRead.length < name.length) throw damaged('the file was cut short');
  return 'backup';
}

/** Writes all of `bytes` to `fd` at the current position. */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length;) {
    written += writeSync(fd, bytes, written, bytes.length - written);
  }
}
