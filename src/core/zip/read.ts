import { readSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import {
  ZIP64_EXTRA_ID,
  ZIP_METHOD_DEFLATE,
  ZIP_METHOD_STORED,
  ZIP_SIGNATURES,
} from '../export/zip';

/**
 * Reads ZIP archives (PKWARE APPNOTE 6.3, ZIP64 included): Lean On's own backups and Markdown
 * exports, and other apps' exports. Only the directory at the end and the entries asked for are
 * read, never the whole archive. Every offset and length read from the file is checked against
 * the file's size before use, and every size against the caller's limits before anything is
 * unpacked, so a damaged or hostile file fails with ZipFormatError, never with an out-of-range
 * read, a huge allocation or a zip bomb.
 */

/** Why an archive was refused: callers that explain it to a person word each differently. */
export type ZipProblem = 'damaged' | 'too-large' | 'encrypted' | 'unsupported-method';

export class ZipFormatError extends Error {
  constructor(
    message: string,
    readonly problem: ZipProblem = 'damaged',
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ZipFormatError';
  }
}

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export interface ZipDirectoryLimits {
  maxEntries: number;
  maxDirectoryBytes: number;
}

const MAX_U16 = 0xffff;
const MAX_U32 = 0xffffffff;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;
const FLAG_ENCRYPTED = 0x0001;
/** Set when sizes and CRC follow the data instead of the local header. */
const FLAG_DATA_DESCRIPTOR = 0x0008;

/** Bytes that start every zip archive (a local file header, or an empty archive's end). */
export function looksLikeZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05);
}

/** Reads exactly `length` bytes at `position`, or throws: a short read means the file was cut. */
export function readExactly(fd: number, length: number, position: number): Buffer {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const got = readSync(fd, buffer, read, length - read, position + read);
    if (got === 0) throw new ZipFormatError('The file ends sooner than its directory says.');
    read += got;
  }
  return buffer;
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new ZipFormatError('A size in the file is impossibly large.');
  }
  return Number(value);
}

interface EndRecord {
  count: number;
  directorySize: number;
  directoryOffset: number;
  /** Where the directory must end: at the ZIP64 end record, or at the end record. */
  directoryLimit: number;
}

/**
 * The end record: the one whose comment reaches exactly to the end of the file, or failing
 * that (some tools append bytes) the last one whose comment fits in the file.
 */
function findEnd(fd: number, fileSize: number): EndRecord {
  if (fileSize < END_SIZE) throw new ZipFormatError('The file is too short to be a zip.');
  const tailLength = Math.min(fileSize, END_SIZE + MAX_COMMENT);
  const tailStart = fileSize - tailLength;
  const tail = readExactly(fd, tailLength, tailStart);
  let fits = -1;
  let exact = -1;
  for (let at = tailLength - END_SIZE; at >= 0 && exact < 0; at -= 1) {
    if (tail.readUInt32LE(at) !== ZIP_SIGNATURES.endOfCentral) continue;
    const end = at + END_SIZE + tail.readUInt16LE(at + 20);
    if (end === tailLength) exact = at;
    else if (end < tailLength && fits < 0) fits = at;
  }
  const at = exact >= 0 ? exact : fits;
  if (at < 0) {
    throw new ZipFormatError('The zip directory is missing; the file was probably cut short.');
  }
  const endOffset = tailStart + at;
  const count = tail.readUInt16LE(at + 10);
  const directorySize = tail.readUInt32LE(at + 12);
  const directoryOffset = tail.readUInt32LE(at + 16);
  if (count !== MAX_U16 && directorySize !== MAX_U32 && directoryOffset !== MAX_U32) {
    return { count, directorySize, directoryOffset, directoryLimit: endOffset };
  }
  return findZip64End(fd, endOffset);
}

function findZip64End(fd: number, endOffset: number): EndRecord {
  if (endOffset < 20 + 56) throw new ZipFormatError('The ZIP64 directory is missing.');
  const locator = readExactly(fd, 20, endOffset - 20);
  if (locator.readUInt32LE(0) !== ZIP_SIGNATURES.zip64Locator) {
    throw new ZipFormatError('The ZIP64 directory is missing.');
  }
  const recordOffset = safeNumber(locator.readBigUInt64LE(8));
  if (recordOffset + 56 > endOffset - 20)
    throw new ZipFormatError('The ZIP64 directory is damaged.');
  const record = readExactly(fd, 56, recordOffset);
  if (record.readUInt32LE(0) !== ZIP_SIGNATURES.zip64EndOfCentral) {
    throw new ZipFormatError('The ZIP64 directory is damaged.');
  }
  return {
    count: safeNumber(record.readBigUInt64LE(32)),
    directorySize: safeNumber(record.readBigUInt64LE(40)),
    directoryOffset: safeNumber(record.readBigUInt64LE(48)),
    directoryLimit: recordOffset,
  };
}

/** Replaces the 32-bit fields that overflowed with their 64-bit values from the ZIP64 extra. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    const body = at + 4;
    if (body + length > extra.length)
      throw new ZipFormatError('An entry’s extra field is damaged.');
    if (id === ZIP64_EXTRA_ID) {
      let field = body;
      const next = (): number => {
        if (field + 8 > body + length) throw new ZipFormatError('An entry’s ZIP64 field is short.');
        const value = safeNumber(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.size === MAX_U32) entry.size = next();
      if (entry.compressedSize === MAX_U32) entry.compressedSize = next();
      if (entry.localHeaderOffset === MAX_U32) entry.localHeaderOffset = next();
    }
    at = body + length;
  }
}

/** The entries of the archive, from its central directory. */
export function readZipDirectory(
  fd: number,
  fileSize: number,
  limits: ZipDirectoryLimits,
): ZipEntry[] {
  const end = findEnd(fd, fileSize);
  if (end.count > limits.maxEntries || end.directorySize > limits.maxDirectoryBytes) {
    throw new ZipFormatError('The zip holds more than expected.', 'too-large');
  }
  if (end.directoryOffset + end.directorySize > end.directoryLimit) {
    throw new ZipFormatError('The zip directory points outside the file.');
  }
  const directory = readExactly(fd, end.directorySize, end.directoryOffset);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let index = 0; index < end.count; index += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== ZIP_SIGNATURES.centralHeader) {
      throw new ZipFormatError('The zip directory is damaged.');
    }
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > directory.length) throw new ZipFormatError('The zip directory is damaged.');
    const entry: ZipEntry = {
      name: directory.toString('utf8', nameStart, extraStart),
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      crc: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    applyZip64Extra(entry, directory.subarray(extraStart, extraStart + extraLength));
    entries.push(entry);
    at = next;
  }
  if (at !== directory.length) throw new ZipFormatError('The zip directory is damaged.');
  return entries;
}

/**
 * Where an entry's bytes start, after checking its local header agrees with the directory:
 * same name, method, CRC and sizes, and the bytes end before the directory begins.
 */
export function entryDataOffset(fd: number, fileSize: number, entry: ZipEntry): number {
  if (entry.localHeaderOffset + 30 > fileSize)
    throw new ZipFormatError('An entry points outside the file.');
  const header = readExactly(fd, 30, entry.localHeaderOffset);
  if (header.readUInt32LE(0) !== ZIP_SIGNATURES.localHeader) {
    throw new ZipFormatError('An entry’s header is damaged.');
  }
  const nameLength = header.readUInt16LE(26);
  const extraLength = header.readUInt16LE(28);
  const start = entry.localHeaderOffset + 30 + nameLength + extraLength;
  if (start + entry.compressedSize > fileSize) throw new ZipFormatError('An entry is cut short.');
  const name = readExactly(fd, nameLength, entry.localHeaderOffset + 30).toString('utf8');
  const method = header.readUInt16LE(8);
  const flags = header.readUInt16LE(6);
  const crc = header.readUInt32LE(14);
  const compressedSize = header.readUInt32LE(18);
  const size = header.readUInt32LE(22);
  const sizesAgree =
    (flags & FLAG_DATA_DESCRIPTOR) !== 0 ||
    (crc === entry.crc &&
      (compressedSize === MAX_U32 || compressedSize === entry.compressedSize) &&
      (size === MAX_U32 || size === entry.size));
  if (name !== entry.name || method !== entry.method || !sizesAgree) {
    throw new ZipFormatError('An entry’s header disagrees with the zip directory.');
  }
  return start;
}

/**
 * One entry's bytes, unpacked and checked against the size and CRC the directory records. The
 * caller has already checked that recorded size against its limits; unpacking stops at it, so
 * an archive that lies about a size cannot make this use more memory.
 */
export function readEntryBytes(fd: number, fileSize: number, entry: ZipEntry): Buffer {
  if (entry.flags & FLAG_ENCRYPTED) {
    throw new ZipFormatError('The entry is password-protected.', 'encrypted');
  }
  if (entry.method !== ZIP_METHOD_STORED && entry.method !== ZIP_METHOD_DEFLATE) {
    throw new ZipFormatError(
      `The entry is packed with method ${entry.method}.`,
      'unsupported-method',
    );
  }
  // Deflate never grows data by more than a few bytes per 16 KB block.
  if (entry.compressedSize > entry.size + 1024 + entry.size / 100) {
    throw new ZipFormatError('The entry is larger packed than unpacked.');
  }
  const packed = readExactly(fd, entry.compressedSize, entryDataOffset(fd, fileSize, entry));
  let bytes = packed;
  if (entry.method === ZIP_METHOD_DEFLATE) {
    try {
      bytes = inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      throw new ZipFormatError('The entry could not be unpacked.', 'damaged', { cause: error });
    }
  }
  if (bytes.length !== entry.size || crc32(bytes) !== entry.crc) {
    throw new ZipFormatError('The entry’s contents do not match the zip’s record of them.');
  }
  return bytes;
}

/** An entry's stored bytes in chunks, read straight from the file. */
export function* storedChunks(
  fd: number,
  start: number,
  length: number,
  chunkSize = 1024 * 1024,
): Generator<Buffer> {
  for (let done = 0; done < length;) {
    const size = Math.min(chunkSize, length - done);
    yield readExactly(fd, size, start + done);
    done += size;
  }
}
