import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackup, verifyBackup } from '../../src/core/backup';
import { restoreBackup } from '../../src/core/backup-restore';
import { writeFileThroughTemp } from '../../src/core/export/output';
import { ZipWriter } from '../../src/core/export/zip';
import { type ZipEntry, entryDataOffset, readZipDirectory } from '../../src/core/zip/read';
import type { ErrorCode } from '../../src/shared/errors';
import { PASSPHRASE, TZ, call, createTestJournal, doc, tempDir } from './helpers';

interface Layout {
  entries: Array<ZipEntry & { dataStart: number }>;
  endOfCentral: number;
}

let original: Buffer;
let journalDb: Buffer;
let layout: Layout;

function entry(name: string) {
  return layout.entries.find((candidate) => candidate.name === name)!;
}

beforeAll(async () => {
  const { dir, service } = await createTestJournal();
  for (let n = 0; n < 20; n += 1) {
    await call(service, 'createEntry', { title: `t${n}`, doc: doc(`words ${n}`), timeZone: TZ });
  }
  const out = join(tempDir(), 'source.leanon-backup');
  createBackup(service.journal, out);
  original = readFileSync(out);
  journalDb = readFileSync(join(dir, 'journal.db'));
  const fd = openSync(out, 'r');
  try {
    const entries = readZipDirectory(fd, original.length, {
      maxEntries: 16,
      maxDirectoryBytes: 65536,
    });
    layout = {
      entries: entries.map((zipEntry) => ({
        ...zipEntry,
        dataStart: entryDataOffset(fd, original.length, zipEntry),
      })),
      endOfCentral: original.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])),
    };
  } finally {
    closeSync(fd);
  }
});

async function codeOf(promise: Promise<unknown>): Promise<ErrorCode | 'OK'> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return (error as { code: ErrorCode }).code;
  }
}

function restoreCode(file: string, target: string): ErrorCode | 'OK' {
  try {
    restoreBackup(file, target);
    return 'OK';
  } catch (error) {
    return (error as { code: ErrorCode }).code;
  }
}

/** Checks a damaged file is refused as `expected` by verify (with and without the passphrase) and restore, which writes nothing. */
async function expectRefused(
  bytes: Buffer,
  expected: ErrorCode,
  label: string,
  withPassphrase = true,
) {
  const folder = tempDir();
  const file = join(folder, 'damaged.leanon-backup');
  writeFileSync(file, bytes);
  expect(await codeOf(verifyBackup(file)), `verify, ${label}`).toBe(expected);
  if (withPassphrase) {
    expect(
      await codeOf(verifyBackup(file, { passphrase: PASSPHRASE })),
      `verify with passphrase, ${label}`,
    ).toBe(expected);
  }
  const target = join(folder, 'restored');
  expect(restoreCode(file, target), `restore, ${label}`).toBe(expected);
  expect(existsSync(target), `restore left a folder, ${label}`).toBe(false);
}

function flipped(position: number, mask = 0x01): Buffer {
  const copy = Buffer.from(original);
  copy[position] = copy[position]! ^ mask;
  return copy;
}

describe('damaged backups are refused as damage, never as a wrong passphrase', () => {
  it('accepts the intact file, so the refusals below are about the damage', async () => {
    const folder = tempDir();
    const file = join(folder, 'intact.leanon-backup');
    writeFileSync(file, original);
    expect((await verifyBackup(file, { passphrase: PASSPHRASE })).databaseChecked).toBe(true);
    expect(restoreCode(file, join(folder, 'restored'))).toBe('OK');
  });

  it('refuses a file cut short anywhere as CORRUPT', async () => {
    const lengths = [0, 1, 3, 4, 10, 29, 30, 45, 49, 60, 200, 2000];
    const size = original.length;
    lengths.push(Math.floor(size / 2), size - 4096, size - 100, size - 23, size - 22, size - 1);
    for (const length of lengths) {
      await expectRefused(
        original.subarray(0, length),
        'CORRUPT',
        `cut to ${length} of ${size}`,
        length > 1000,
      );
    }
  });

  it('refuses a flipped bit in any part or in the zip structure as CORRUPT', async () => {
    const positions: Array<[number, string]> = [];
    for (const part of layout.entries) {
      for (const fraction of [0, 0.25, 0.5, 0.75, 0.999]) {
        positions.push([
          part.dataStart + Math.floor(part.size * fraction),
          `${part.name} data ${fraction}`,
        ]);
      }
      const header = part.localHeaderOffset;
      positions.push(
        [header + 14, `${part.name} local crc`],
        [header + 18, `${part.name} local size`],
      );
      positions.push([header + 30 + 2, `${part.name} local name`]);
    }
    const db = entry('journal.db');
    for (let at = db.dataStart; at < db.dataStart + db.size; at += 4099) {
      positions.push([at, `journal.db at ${at}`]);
    }
    // The keyring's wrapped key: damage there must not read as a wrong passphrase.
    const keyring = entry('keyring.json');
    const keyringText = original
      .subarray(keyring.dataStart, keyring.dataStart + keyring.size)
      .toString();
    positions.push([
      keyring.dataStart + keyringText.indexOf('"ciphertext"') + 16,
      'keyring ciphertext',
    ]);
    const central = original.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    let record = central;
    while (record >= 0 && record < layout.endOfCentral) {
      positions.push(
        [record + 16, 'central crc'],
        [record + 20, 'central compressed size'],
        [record + 24, 'central size'],
        [record + 42, 'central offset'],
        [record + 46, 'central name'],
      );
      record = original.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), record + 4);
    }
    const end = layout.endOfCentral;
    positions.push(
      [end + 10, 'end count'],
      [end + 12, 'end directory size'],
      [end + 16, 'end directory offset'],
    );
    expect(positions.length).toBeGreaterThan(40);
    for (const [position, label] of positions) {
      await expectRefused(
        flipped(position),
        'CORRUPT',
        `${label} (byte ${position})`,
        label.startsWith('keyring'),
      );
    }
  });

  it('says NOT_A_JOURNAL for other kinds of file, and names a missing file or a folder', async () => {
    const folder = tempDir();
    const cases: Array<[string, Buffer]> = [
      ['random.bin', randomBytes(70_000)],
      ['notes.txt', Buffer.from('Dear diary,\nnot a backup.\n')],
      ['journal.db', journalDb],
      ['keyring.json', Buffer.from('{"format":"lean-on-keyring"}')],
    ];
    for (const [name, bytes] of cases) {
      const file = join(folder, name);
      writeFileSync(file, bytes);
      expect(await codeOf(verifyBackup(file)), name).toBe('NOT_A_JOURNAL');
      expect(restoreCode(file, join(folder, `${name}-restored`)), name).toBe('NOT_A_JOURNAL');
    }
    const otherZip = join(folder, 'photos.zip');
    writeFileThroughTemp(otherZip, (sink) => {
      const zip = new ZipWriter(sink);
      zip.addFile('holiday.jpg', randomBytes(1000));
      zip.addFile('journal.db', randomBytes(1000));
      zip.finish();
    });
    expect(await codeOf(verifyBackup(otherZip))).toBe('NOT_A_JOURNAL');
    expect(await codeOf(verifyBackup(join(folder, 'nothing-here')))).toBe('NOT_FOUND');
    const aFolder = join(folder, 'a-folder');
    mkdirSync(aFolder);
    expect(await codeOf(verifyBackup(aFolder))).toBe('INVALID_INPUT');
    expect(restoreCode(aFolder, join(folder, 'restored'))).toBe('INVALID_INPUT');
  });

  it('says NEWER_VERSION for a backup from a newer app, and restores nothing', async () => {
    const manifest = entry('lean-on-backup.json');
    const manifestJson = JSON.parse(
      original.subarray(manifest.dataStart, manifest.dataStart + manifest.size).toString(),
    ) as Record<string, unknown>;
    const keyring = entry('keyring.json');
    const db = entry('journal.db');
    const repack = (changes: Record<string, unknown>) => {
      const folder = tempDir();
      const file = join(folder, 'newer.leanon-backup');
      writeFileThroughTemp(file, (sink) => {
        const zip = new ZipWriter(sink);
        zip.addFile(
          'lean-on-backup.json',
          Buffer.from(JSON.stringify({ ...manifestJson, ...changes })),
        );
        zip.addFile(
          'keyring.json',
          original.subarray(keyring.dataStart, keyring.dataStart + keyring.size),
        );
        zip.addFile('journal.db', original.subarray(db.dataStart, db.dataStart + db.size));
        zip.finish();
      });
      return { folder, file };
    };
    const sameAgain = repack({});
    expect((await verifyBackup(sameAgain.file, { passphrase: PASSPHRASE })).databaseChecked).toBe(
      true,
    );
    for (const changes of [{ version: 2 }, { schemaVersion: 999_999 }]) {
      const { folder, file } = repack(changes);
      const target = join(folder, 'restored');
      expect(restoreCode(file, target)).toBe('NEWER_VERSION');
      expect(existsSync(target)).toBe(false);
    }
    expect(await codeOf(verifyBackup(repack({ version: 2 }).file))).toBe('NEWER_VERSION');
    expect(
      await codeOf(verifyBackup(repack({ entryCount: 5 }).file, { passphrase: PASSPHRASE })),
    ).toBe('CORRUPT');
    expect(await codeOf(verifyBackup(repack({ parts: 'none' }).file))).toBe('CORRUPT');
  });
});
