import { closeSync, fstatSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import { type ImportLimits, formatSize } from './limits';
import { invalid, openForReading, readAt } from './decode';

/**
 * Just enough of ZIP (PKWARE APPNOTE 6.3) to take a few small files out of an archive that may
 * also hold gigabytes of photos: only the table of contents at the end and the files asked for
 * are read, never the whole archive, and every size is checked before anything is unpacked.
 */

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const MAX_COMMENT = 0xffff;
const ENCRYPTED = 0x1;
const STORED = 0;
const DEFLATED = 8;

export interface ZipMember {
  name: string;
  compression: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

/** Bytes that start every zip archive (a local file header, or an empty archive's end). */
export function looksLikeZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05);
}

function u64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

interface Directory {
  offset: number;
  size: number;
  count: number;
}

function findDirectory(fd: number, fileSize: number, name: string): Directory {
  const damaged = () => invalid(`“${name}” is not a complete zip archive; it may be damaged.`);
  const tailLength = Math.min(fileSize, 22 + MAX_COMMENT);
  const tail = readAt(fd, fileSize - tailLength, tailLength, name);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) throw damaged();
  const end = fileSize - tailLength + at;
  let count = tail.readUInt16LE(at + 10);
  let size = tail.readUInt32LE(at + 12);
  let offset = tail.readUInt32LE(at + 16);
  if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && end >= 20) {
    const locator = readAt(fd, end - 20, 20, name);
    if (locator.readUInt32LE(0) === ZIP64_LOCATOR) {
      const record = readAt(fd, u64(locator, 8), 56, name);
      if (record.readUInt32LE(0) !== ZIP64_EOCD) throw damaged();
      count = u64(record, 32);
      size = u64(record, 40);
      offset = u64(record, 48);
    }
  }
  if (offset + size > fileSize) throw damaged();
  return { offset, size, count };
}

/** Sizes that did not fit 32 bits live in the zip64 extra field, in this order. */
function applyZip64(extra: Buffer, member: ZipMember): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + length) return Number.MAX_SAFE_INTEGER;
        const value = u64(extra, field);
        field += 8;
        return value;
      };
      if (member.size === 0xffffffff) member.size = next();
      if (member.compressedSize === 0xffffffff) member.compressedSize = next();
      if (member.headerOffset === 0xffffffff) member.headerOffset = next();
      return;
    }
    at += 4 + length;
  }
}

const nameDecoder = new TextDecoder('utf-8');

/** The archive's table of contents. */
export function listZip(fd: number, name: string, limits: ImportLimits): ZipMember[] {
  const { size: fileSize } = fstatSync(fd);
  const directory = findDirectory(fd, fileSize, name);
  if (directory.size > limits.maxZipDirectoryBytes) {
    throw invalid(
      `“${name}” lists more files than Lean On reads (its table of contents is ${formatSize(directory.size)}).`,
    );
  }
  const table = readAt(fd, directory.offset, directory.size, name);
  const members: ZipMember[] = [];
  let at = 0;
  while (at + 46 <= table.length && table.readUInt32LE(at) === CENTRAL_HEADER) {
    const nameLength = table.readUInt16LE(at + 28);
    const extraLength = table.readUInt16LE(at + 30);
    const commentLength = table.readUInt16LE(at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > table.length) break;
    const member: ZipMember = {
      name: nameDecoder.decode(table.subarray(at + 46, at + 46 + nameLength)),
      flags: table.readUInt16LE(at + 8),
      compression: table.readUInt16LE(at + 10),
      crc: table.readUInt32LE(at + 16),
      compressedSize: table.readUInt32LE(at + 20),
      size: table.readUInt32LE(at + 24),
      headerOffset: table.readUInt32LE(at + 42),
    };
    applyZip64(table.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), member);
    members.push(member);
    at = next;
  }
  if (members.length !== directory.count && directory.count !== 0xffff) {
    throw invalid(`“${name}”’s table of contents is damaged.`);
  }
  return members;
}

/**
 * One member's bytes, checked against the size and checksum the archive records. The caller has
 * already checked that recorded size against its limits; unpacking stops at it, so an archive
 * that lies about a size cannot make it use more memory.
 */
export function readZipMember(fd: number, member: ZipMember, name: string): Buffer {
  const where = `“${member.name}” in “${name}”`;
  if (member.flags & ENCRYPTED) {
    throw invalid(`${where} is password-protected; export it again without a password.`);
  }
  if (member.compression !== STORED && member.compression !== DEFLATED) {
    throw invalid(
      `${where} is compressed in a way Lean On cannot read (method ${member.compression}).`,
    );
  }
  const header = readAt(fd, member.headerOffset, 30, name);
  if (header.readUInt32LE(0) !== LOCAL_HEADER) throw invalid(`${where} is damaged.`);
  const start = member.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  // Deflate never grows data by more than a few bytes per 16 KB block.
  if (member.compressedSize > member.size + 1024 + member.size / 100) {
    throw invalid(`${where} is damaged: it is larger packed than unpacked.`);
  }
  const packed = readAt(fd, start, member.compressedSize, name);
  let bytes: Buffer;
  if (member.compression === STORED) {
    bytes = packed;
  } else {
    try {
      bytes = inflateRawSync(packed, { maxOutputLength: Math.max(1, member.size) });
    } catch (error) {
      throw invalid(`${where} is damaged and could not be unpacked.`, error);
    }
  }
  if (bytes.length !== member.size || crc32(bytes) !== member.crc) {
    throw invalid(`${where} is damaged: its contents do not match the archive’s record of them.`);
  }
  return bytes;
}

/** Opens a zip, runs `use` with its members, and always closes it. */
export function withZip<T>(
  path: string,
  name: string,
  limits: ImportLimits,
  use: (members: ZipMember[], read: (member: ZipMember) => Buffer) => T,
): T {
  const fd = openForReading(path, name);
  try {
    return use(listZip(fd, name, limits), (member) => readZipMember(fd, member, name));
  } finally {
    closeSync(fd);
  }
}
