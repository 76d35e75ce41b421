import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyConnectionSettings, openEncrypted } from '../../src/core/db/database';
import { migrate, schemaVersion } from '../../src/core/db/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../src/core/db/migrations';
import { tempDir } from './helpers';

function freshDatabase() {
  const key = randomBytes(32);
  const path = join(tempDir(), 'journal.db');
  const db = openEncrypted(path, key, { create: true });
  return { db, key, path };
}

describe('migrations', () => {
  it('are numbered in tens, strictly increasing', () => {
    const versions = MIGRATIONS.map((step) => step.version);
    expect(versions.every((version) => version % 10 === 0)).toBe(true);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
    expect(LATEST_VERSION).toBe(versions[versions.length - 1]);
  });

  it('bring an empty database to the latest version with the built-in themes', () => {
    const { db } = freshDatabase();
    expect(migrate(db)).toBe(LATEST_VERSION);
    const themes = db.prepare('SELECT id FROM themes ORDER BY sort_order').pluck().all();
    expect(themes).toHaveLength(8);
    db.close();
  });

  // One test per older version: a journal left at each step upgrades with its data intact.
  for (const [index, step] of MIGRATIONS.slice(0, -1).entries()) {
    it(`upgrade a journal left at version ${step.version}`, () => {
      const { db, key, path } = freshDatabase();
      migrate(db, MIGRATIONS.slice(0, index + 1));
      expect(schemaVersion(db)).toBe(step.version);
      db.prepare(
        `INSERT INTO entries (id, title, doc, text, word_count, entry_date, created_at, created_tz,
           updated_at, updated_tz) VALUES ('7d9f3f2e-7a4c-4c8e-9a52-2b1b7d3f0a11', 'Old', '{}',
           'kept through the upgrade', 4, '2020-01-01', 1, 'UTC', 1, 'UTC')`,
      ).run();
      db.close();

      const reopened = openEncrypted(path, key, { create: false });
      expect(migrate(reopened)).toBe(LATEST_VERSION);
      const found = reopened
        .prepare(
          `SELECT e.title FROM entries_fts f JOIN entries e ON e.seq = f.rowid WHERE entries_fts MATCH 'upgrade'`,
        )
        .pluck()
        .all();
      expect(found).toEqual(['Old']);
      reopened.close();
    });
  }

  it('roll back every step of a failing upgrade', () => {
    const { db } = freshDatabase();
    migrate(db, MIGRATIONS.slice(0, 1));
    const broken = [
      ...MIGRATIONS,
      {
        version: LATEST_VERSION + 10,
        name: 'broken',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(schemaVersion(db)).toBe(MIGRATIONS[0]!.version);
    expect(
      db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'entries_fts'`).pluck().get(),
    ).toBe(0);
    db.close();
  });

  it('opens every connection in SQLCipher 4 format with durable settings', () => {
    const { db, key, path } = freshDatabase();
    migrate(db);
    db.close();
    const reopened = openEncrypted(path, key, { create: false });
    expect(reopened.pragma('cipher', { simple: true })).toBe('sqlcipher');
    expect(String(reopened.pragma('legacy', { simple: true }))).toBe('4');
    applyConnectionSettings(reopened);
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(reopened.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(reopened.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(reopened.pragma('secure_delete', { simple: true })).toBe(1);
    expect(reopened.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    reopened.close();
    const wrongKey = () => openEncrypted(path, randomBytes(32), { create: false });
    expect(wrongKey).toThrow(expect.objectContaining({ code: 'CORRUPT' }));
  });
});
