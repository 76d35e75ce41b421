import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeFileThroughTemp } from '../../src/core/export/output';
import { ZipWriter, assertSafeZipName } from '../../src/core/export/zip';
import {
  type ZipEntry,
  ZipFormatError,
  entryDataOffset,
  looksLikeZip,
  readEntryBytes,
  readZipDirectory,
} from '../../src/core/zip/read';
import { zipArchive } from './fixtures/import/helpers';
import { tempDir } from './helpers';

const haveUnzip = spawnSync('unzip', ['-v'], { encoding: 'utf8' }).status === 0;
const LIMITS = { maxEntries: 100_000, maxDirectoryBytes: 64 * 1024 * 1024 };

function writeZip(path: string, fill: (zip: ZipWriter) => void): number {
  return writeFileThroughTemp(path, (sink) => {
    const zip = new ZipWriter(sink);
    fill(zip);
    return zip.finish();
  }).value;
}

function readBack(path: string): Map<string, Buffer> {
  const fd = openSync(path, 'r');
  try {
    const size = statSync(path).size;
    const files = new Map<string, Buffer>();
    for (const entry of readZipDirectory(fd, size, LIMITS)) {
      files.set(entry.name, readEntryBytes(fd, size, entry));
    }
    return files;
  } finally {
    closeSync(fd);
  }
}

describe('zip writer and reader', () => {
  it('writes stored, deflated and streamed files that unzip and our reader both accept', () => {
    const path = join(tempDir(), 'mixed.zip');
    const text = Buffer.from('Ärger und Freude 🌱\n'.repeat(500));
    const random = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 251));
    const streamed = [Buffer.from('part one, '), Buffer.from('part two')];
    const streamedAll = Buffer.concat(streamed);
    const size = writeZip(path, (zip) => {
      zip.addFile('notes/ärger.md', text, { compress: true, modifiedAt: Date.UTC(2024, 4, 1) });
      zip.addFile('random.bin', random);
      zip.addFile('empty.txt', Buffer.alloc(0), { compress: true });
      zip.addStoredStream(
        'stream.txt',
        { size: streamedAll.length, crc: crc32(streamedAll) },
        streamed,
      );
    });
    expect(statSync(path).size).toBe(size);
    const files = readBack(path);
    expect([...files.keys()]).toEqual(['notes/ärger.md', 'random.bin', 'empty.txt', 'stream.txt']);
    expect(files.get('notes/ärger.md')).toEqual(text);
    expect(files.get('random.bin')).toEqual(random);
    expect(files.get('empty.txt')).toEqual(Buffer.alloc(0));
    expect(files.get('stream.txt')).toEqual(streamedAll);
    // Deflate was used where it helps.
    expect(size).toBeLessThan(text.length);
    if (haveUnzip) {
      const check = spawnSync('unzip', ['-t', path], { encoding: 'utf8' });
      expect(check.stdout).toContain('No errors detected');
      const content = spawnSync('unzip', ['-p', path, 'notes/ärger.md']);
      expect(content.stdout).toEqual(text);
    }
  });

  it('switches to ZIP64 past 65,535 files', () => {
    const path = join(tempDir(), 'many.zip');
    const count = 70_000;
    writeZip(path, (zip) => {
      for (let n = 0; n < count; n += 1) zip.addFile(`f${n}.md`, Buffer.from(String(n)));
    });
    const fd = openSync(path, 'r');
    try {
      const entries = readZipDirectory(fd, statSync(path).size, LIMITS);
      expect(entries).toHaveLength(count);
      expect(entries[count - 1]!.name).toBe(`f${count - 1}.md`);
    } finally {
      closeSync(fd);
    }
    const bytes = readFileSync(path);
    expect(bytes.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBeGreaterThan(0);
    if (haveUnzip) {
      const listing = spawnSync('unzip', ['-l', path], { encoding: 'utf8', maxBuffer: 64 << 20 });
      expect(listing.stdout).toMatch(/70000 files/);
    }
  });

  it('refuses names that could escape the folder they unpack into, and duplicates', () => {
    for (const name of ['../x', 'a/../../x', '/etc/passwd', 'a\\b', 'C:evil', '', 'a//b', './x']) {
      expect(() => assertSafeZipName(name), name).toThrow();
    }
    expect(() => assertSafeZipName('2024-01-01-fine.md')).not.toThrow();
    const zip = new ZipWriter(() => undefined);
    zip.addFile('Same.md', Buffer.from('1'));
    expect(() => zip.addFile('same.md', Buffer.from('2'))).toThrow(/Duplicate/);
  });

  it('fails a streamed file whose bytes differ from what its header promised', () => {
    const zip = new ZipWriter(() => undefined);
    expect(() =>
      zip.addStoredStream('db', { size: 3, crc: crc32(Buffer.from('abc')) }, [Buffer.from('abd')]),
    ).toThrow(/changed/);
  });

  it('reports cut-short and damaged archives as ZipFormatError', () => {
    const path = join(tempDir(), 'ok.zip');
    writeZip(path, (zip) => zip.addFile('a.txt', Buffer.from('hello'.repeat(100))));
    const whole = readFileSync(path);
    const cut = join(tempDir(), 'cut.zip');
    for (const length of [0, 10, 21, whole.length - 30, whole.length - 1]) {
      writeFileSync(cut, whole.subarray(0, length));
      const fd = openSync(cut, 'r');
      try {
        expect(() => {
          const entries = readZipDirectory(fd, length, LIMITS);
          for (const entry of entries) entryDataOffset(fd, length, entry);
        }, `cut at ${length}`).toThrow(ZipFormatError);
      } finally {
        closeSync(fd);
      }
    }
  });

  it('unpacks only what the directory promises, and refuses what it cannot check', () => {
    const dir = tempDir();
    const text = 'a line of a journal\n'.repeat(200);
    /** Reads the only entry of `bytes`, after `change` has had its way with the directory entry. */
    const readOnly = (bytes: Buffer, change: (entry: ZipEntry) => void = () => undefined) => {
      const path = join(dir, 'one.zip');
      writeFileSync(path, bytes);
      expect(looksLikeZip(bytes)).toBe(true);
      const fd = openSync(path, 'r');
      try {
        const [entry] = readZipDirectory(fd, bytes.length, LIMITS);
        change(entry!);
        return readEntryBytes(fd, bytes.length, entry!).toString();
      } finally {
        closeSync(fd);
      }
    };
    const problemOf = (read: () => unknown) => {
      try {
        read();
      } catch (error) {
        expect(error).toBeInstanceOf(ZipFormatError);
        return (error as ZipFormatError).problem;
      }
      throw new Error('expected a ZipFormatError');
    };
    const packed = zipArchive([{ name: 'a.txt', data: text }]);
    expect(readOnly(packed)).toBe(text);
    // Bytes after the end record, as some tools leave, do not hide the directory.
    expect(readOnly(Buffer.concat([packed, Buffer.from('trailing')]))).toBe(text);
    // A size that lies stops unpacking at the lie; a CRC that lies is caught.
    const liar = zipArchive([{ name: 'a.txt', data: text, recordedSize: 20 }]);
    expect(problemOf(() => readOnly(liar))).toBe('damaged');
    const stored = zipArchive([{ name: 'a.txt', data: text, stored: true }]);
    const flipped = Buffer.from(stored);
    flipped[stored.indexOf('a line') + 2] = 0x41;
    expect(problemOf(() => readOnly(flipped))).toBe('damaged');
    expect(problemOf(() => readOnly(stored, (entry) => (entry.flags |= 1)))).toBe('encrypted');
    expect(problemOf(() => readOnly(stored, (entry) => (entry.method = 12)))).toBe(
      'unsupported-method',
    );
    // A packed size far above the unpacked one is refused before anything is read.
    expect(problemOf(() => readOnly(stored, (entry) => (entry.size = 1)))).toBe('damaged');
    expect(
      problemOf(() => readOnly(packed, (entry) => (entry.localHeaderOffset = packed.length))),
    ).toBe('damaged');
    const tooMany = join(dir, 'many.zip');
    writeFileSync(tooMany, packed);
    const fd = openSync(tooMany, 'r');
    try {
      expect(
        problemOf(() =>
          readZipDirectory(fd, packed.length, { maxEntries: 0, maxDirectoryBytes: 1 }),
        ),
      ).toBe('too-large');
    } finally {
      closeSync(fd);
    }
    expect(looksLikeZip(Buffer.from('{"entries"'))).toBe(false);
  });
});
