import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A small streaming ZIP writer (PKWARE APPNOTE 6.3), written here rather than taken from a
 * library because exports must handle more than 65,535 files (ZIP64) and databases larger than
 * memory, which the small zip libraries do not. Entries are either deflated in one piece (small
 * files such as Markdown notes) or stored and streamed (a database), always with their sizes and
 * CRC known before the local header is written, so no data descriptors are needed.
 */

export const ZIP_SIGNATURES = {
  localHeader: 0x04034b50,
  centralHeader: 0x02014b50,
  endOfCentral: 0x06054b50,
  zip64EndOfCentral: 0x06064b50,
  zip64Locator: 0x07064b50,
} as const;

export const ZIP_METHOD_STORED = 0;
export const ZIP_METHOD_DEFLATE = 8;
export const ZIP64_EXTRA_ID = 0x0001;

const MAX_U16 = 0xffff;
const MAX_U32 = 0xffffffff;
/** Bit 11: file names are UTF-8. */
const FLAG_UTF8 = 0x0800;
/** "Made by" Unix, so that unzip applies the permissions below; spec version 4.5 (ZIP64). */
const MADE_BY = (3 << 8) | 45;
const VERSION_ZIP64 = 45;
const VERSION_DEFLATE = 20;
const VERSION_STORED = 10;
/** Regular file, readable and writable by its owner only: exports hold private writing. */
const EXTERNAL_ATTRIBUTES = (0o100600 << 16) >>> 0;

/** Receives the archive's bytes in order. */
export type ByteSink = (bytes: Uint8Array) => void;

export interface ZipFileOptions {
  /** Deflate the bytes; off for data that does not compress, such as an encrypted database. */
  compress?: boolean;
  /** Milliseconds since the epoch; shown as the file's date when unpacked. */
  modifiedAt?: number;
}

interface CentralRecord {
  name: Buffer;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  time: number;
  date: number;
}

/** MS-DOS date and time, in local time as unzip expects; 1980 is the earliest it can say. */
function dosDateTime(ms: number): { time: number; date: number } {
  const when = new Date(ms);
  if (Number.isNaN(when.getTime()) || when.getFullYear() < 1980) {
    return { time: 0, date: (1 << 5) | 1 };
  }
  const year = Math.min(when.getFullYear(), 2107);
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}

/** Names are relative, forward-slashed, and never climb out of the folder they unpack into. */
export function assertSafeZipName(name: string): void {
  const parts = name.split('/');
  if (
    name.length === 0 ||
    name.startsWith('/') ||
    name.includes('\\') ||
    name.includes('\0') ||
    /^[A-Za-z]:/.test(name) ||
    parts.some((part) => part === '' || part === '.' || part === '..')
  ) {
    throw new Error(`Unsafe name for a zip entry: ${JSON.stringify(name)}`);
  }
}

export class ZipWriter {
  private readonly sink: ByteSink;
  private readonly records: CentralRecord[] = [];
  private readonly names = new Set<string>();
  private offset = 0;
  private finished = false;

  constructor(sink: ByteSink) {
    this.sink = sink;
  }

  /** Bytes written so far. */
  get size(): number {
    return this.offset;
  }

  /** Adds a file whose bytes are all in memory. */
  addFile(name: string, data: Uint8Array, options: ZipFileOptions = {}): void {
    const compressed = options.compress ? deflateRawSync(data, { level: 6 }) : null;
    // Deflate can make incompressible data larger; such a file is stored instead.
    const useDeflate = compressed !== null && compressed.length < data.length;
    const body = useDeflate ? compressed : data;
    this.writeLocalHeader(name, {
      method: useDeflate ? ZIP_METHOD_DEFLATE : ZIP_METHOD_STORED,
      crc: crc32(data),
      size: data.length,
      compressedSize: body.length,
      modifiedAt: options.modifiedAt ?? Date.now(),
    });
    this.emit(body);
  }

  /**
   * Adds a stored (uncompressed) file streamed in chunks, whose size and CRC-32 the caller
   * measured beforehand. Throws if the chunks do not match, since the header already promised
   * them; the caller then discards the whole archive.
   */
  addStoredStream(
    name: string,
    expected: { size: number; crc: number },
    chunks: Iterable<Uint8Array>,
    options: Omit<ZipFileOptions, 'compress'> = {},
  ): void {
    this.writeLocalHeader(name, {
      method: ZIP_METHOD_STORED,
      crc: expected.crc,
      size: expected.size,
      compressedSize: expected.size,
      modifiedAt: options.modifiedAt ?? Date.now(),
    });
    let size = 0;
    let crc = 0;
    for (const chunk of chunks) {
      size += chunk.length;
      crc = crc32(chunk, crc);
      this.emit(chunk);
    }
    if (size !== expected.size || crc !== expected.crc) {
      throw new Error(`The contents of ${name} changed while they were being archived.`);
    }
  }

  /** Writes the central directory; the archive is complete once this returns. */
  finish(): number {
    if (this.finished) throw new Error('The zip archive is already finished.');
    this.finished = true;
    const centralOffset = this.offset;
    for (const record of this.records) this.emit(centralHeader(record));
    const centralSize = this.offset - centralOffset;
    const count = this.records.length;
    const needsZip64 = count >= MAX_U16 || centralSize >= MAX_U32 || centralOffset >= MAX_U32;
    if (needsZip64) {
      const zip64EndOffset = this.offset;
      const end64 = Buffer.alloc(56);
      end64.writeUInt32LE(ZIP_SIGNATURES.zip64EndOfCentral, 0);
      end64.writeBigUInt64LE(44n, 4);
      end64.writeUInt16LE(MADE_BY, 12);
      end64.writeUInt16LE(VERSION_ZIP64, 14);
      end64.writeUInt32LE(0, 16);
      end64.writeUInt32LE(0, 20);
      end64.writeBigUInt64LE(BigInt(count), 24);
      end64.writeBigUInt64LE(BigInt(count), 32);
      end64.writeBigUInt64LE(BigInt(centralSize), 40);
      end64.writeBigUInt64LE(BigInt(centralOffset), 48);
      this.emit(end64);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(ZIP_SIGNATURES.zip64Locator, 0);
      locator.writeUInt32LE(0, 4);
      locator.writeBigUInt64LE(BigInt(zip64EndOffset), 8);
      locator.writeUInt32LE(1, 16);
      this.emit(locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(ZIP_SIGNATURES.endOfCentral, 0);
    end.writeUInt16LE(0, 4);
    end.writeUInt16LE(0, 6);
    end.writeUInt16LE(Math.min(count, MAX_U16), 8);
    end.writeUInt16LE(Math.min(count, MAX_U16), 10);
    end.writeUInt32LE(Math.min(centralSize, MAX_U32), 12);
    end.writeUInt32LE(Math.min(centralOffset, MAX_U32), 16);
    end.writeUInt16LE(0, 20);
    this.emit(end);
    return this.offset;
  }

  private writeLocalHeader(
    name: string,
    entry: {
      method: number;
      crc: number;
      size: number;
      compressedSize: number;
      modifiedAt: number;
    },
  ): void {
    if (this.finished) throw new Error('The zip archive is already finished.');
    assertSafeZipName(name);
    // Some file systems fold case: two names differing only by case would overwrite each other.
    const folded = name.normalize('NFC').toLowerCase();
    if (this.names.has(folded)) throw new Error(`Duplicate zip entry: ${name}`);
    this.names.add(folded);
    const nameBytes = Buffer.from(name.normalize('NFC'), 'utf8');
    const { time, date } = dosDateTime(entry.modifiedAt);
    const zip64 = entry.size >= MAX_U32 || entry.compressedSize >= MAX_U32;
    const extra = zip64 ? zip64Extra([entry.size, entry.compressedSize]) : Buffer.alloc(0);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(ZIP_SIGNATURES.localHeader, 0);
    header.writeUInt16LE(versionNeeded(entry.method, zip64), 4);
    header.writeUInt16LE(FLAG_UTF8, 6);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    header.writeUInt32LE(entry.crc >>> 0, 14);
    header.writeUInt32LE(zip64 ? MAX_U32 : entry.compressedSize, 18);
    header.writeUInt32LE(zip64 ? MAX_U32 : entry.size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(extra.length, 28);
    this.records.push({
      name: nameBytes,
      method: entry.method,
      crc: entry.crc >>> 0,
      compressedSize: entry.compressedSize,
      size: entry.size,
      offset: this.offset,
      time,
      date,
    });
    this.emit(header);
    this.emit(nameBytes);
    this.emit(extra);
  }

  private emit(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.sink(bytes);
    this.offset += bytes.length;
  }
}

function versionNeeded(method: number, zip64: boolean): number {
  if (zip64) return VERSION_ZIP64;
  return method === ZIP_METHOD_DEFLATE ? VERSION_DEFLATE : VERSION_STORED;
}

function zip64Extra(values: number[]): Buffer {
  const extra = Buffer.alloc(4 + values.length * 8);
  extra.writeUInt16LE(ZIP64_EXTRA_ID, 0);
  extra.writeUInt16LE(values.length * 8, 2);
  values.forEach((value, index) => extra.writeBigUInt64LE(BigInt(value), 4 + index * 8));
  return extra;
}

function centralHeader(record: CentralRecord): Buffer {
  // Only the fields that overflow 32 bits move into the ZIP64 extra, in this order (APPNOTE 4.5.3).
  const overflow = [record.size, record.compressedSize, record.offset].filter(
    (value) => value >= MAX_U32,
  );
  const zip64 = overflow.length > 0;
  const extra = zip64 ? zip64Extra(overflow) : Buffer.alloc(0);
  const header = Buffer.alloc(46);
  header.writeUInt32LE(ZIP_SIGNATURES.centralHeader, 0);
  header.writeUInt16LE(MADE_BY, 4);
  header.writeUInt16LE(versionNeeded(record.method, zip64), 6);
  header.writeUInt16LE(FLAG_UTF8, 8);
  header.writeUInt16LE(record.method, 10);
  header.writeUInt16LE(record.time, 12);
  header.writeUInt16LE(record.date, 14);
  header.writeUInt32LE(record.crc, 16);
  header.writeUInt32LE(Math.min(record.compressedSize, MAX_U32), 20);
  header.writeUInt32LE(Math.min(record.size, MAX_U32), 24);
  header.writeUInt16LE(record.name.length, 28);
  header.writeUInt16LE(extra.length, 30);
  header.writeUInt16LE(0, 32);
  header.writeUInt16LE(0, 34);
  header.writeUInt16LE(0, 36);
  header.writeUInt32LE(EXTERNAL_ATTRIBUTES, 38);
  header.writeUInt32LE(Math.min(record.offset, MAX_U32), 42);
  return Buffer.concat([header, record.name, extra]);
}
