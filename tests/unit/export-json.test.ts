import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEntry } from '../../src/core/entries';
import { countEntries, entryPages } from '../../src/core/export/entry-source';
import { type JsonExport, exportJson } from '../../src/core/export/json';
import { listPrompts } from '../../src/core/prompts';
import type { JournalService } from '../../src/core/service';
import { markdownToDoc } from '../../src/core/text';
import { listThemes } from '../../src/core/themes';
import { TZ, call, createTestJournal, tempDir } from './helpers';

function mdDoc(markdown: string): unknown {
  return JSON.parse(markdownToDoc(markdown).json) as unknown;
}

async function seed(service: JournalService) {
  const own = await call(service, 'createTheme', { label: 'Ärger', color: '#A0522D' });
  const prompt = listPrompts('boundaries')[0]!;
  const a = await call(service, 'createEntry', {
    title: 'Prompted',
    doc: mdDoc('# Title\n\nSome **bold** text and [a link](https://example.org).'),
    timeZone: TZ,
    entryDate: '2023-12-31',
    promptId: prompt.id,
    starred: true,
    themes: [
      { id: own.id, source: 'manual' },
      { id: 'trust', source: 'suggested' },
    ],
  });
  const b = await call(service, 'createEntry', {
    title: 'Edited later, elsewhere',
    doc: mdDoc('first version'),
    timeZone: 'Asia/Tokyo',
  });
  await call(service, 'updateEntry', {
    id: b.id,
    baseVersion: b.version,
    doc: mdDoc('second version, with 🌱 and “quotes” and \\ backslashes'),
    timeZone: 'America/Los_Angeles',
  });
  const c = await call(service, 'createEntry', {
    title: 'In the trash',
    doc: mdDoc('gone but not forgotten'),
    timeZone: TZ,
  });
  await call(service, 'trashEntry', { id: c.id });
  return { own, prompt, ids: [a.id, b.id, c.id] };
}

describe('JSON export', () => {
  it('is lossless: every entry, the trash included, matches what the core reads', async () => {
    const { service } = await createTestJournal();
    const { own, prompt, ids } = await seed(service);
    const db = service.journal.db;
    const out = join(tempDir(), 'journal.json');
    const result = exportJson(db, { out, now: new Date('2024-06-01T10:00:00Z') });
    expect(result).toMatchObject({
      format: 'json',
      container: 'file',
      entryCount: 3,
      encrypted: false,
    });
    const parsed = JSON.parse(readFileSync(out, 'utf8')) as JsonExport;
    expect(parsed.format).toBe('lean-on-export');
    expect(parsed.version).toBe(1);
    expect(parsed.exportedAt).toBe('2024-06-01T10:00:00.000Z');
    expect(parsed.journal.id).toBe(
      db.prepare(`SELECT value FROM meta WHERE key = 'journal_id'`).pluck().get(),
    );
    expect(parsed.journal.schemaVersion).toBe(db.pragma('user_version', { simple: true }));
    expect(parsed.entryCount).toBe(3);
    expect(parsed.entries.map((entry) => entry.id).sort()).toEqual([...ids].sort());

    for (const exported of parsed.entries) {
      const stored = getEntry(db, exported.id);
      expect(exported).toMatchObject({
        id: stored.id,
        title: stored.title,
        entryDate: stored.entryDate,
        createdAt: stored.createdAt,
        createdTimeZone: stored.createdTimeZone,
        updatedAt: stored.updatedAt,
        updatedTimeZone: stored.updatedTimeZone,
        starred: stored.starred,
        promptId: stored.promptId,
        deletedAt: stored.deletedAt,
        version: stored.version,
        wordCount: stored.wordCount,
        text: stored.text,
      });
      expect(exported.doc).toEqual(stored.doc);
      expect(exported.themes.map(({ id, source }) => ({ id, source }))).toEqual(stored.themes);
      for (const theme of exported.themes) expect(theme.addedAt).toBeGreaterThan(0);
    }
    const prompted = parsed.entries.find((entry) => entry.promptId !== null)!;
    expect(prompted.promptText).toBe(prompt.text);
    expect(prompted.themes.map((theme) => theme.source).sort()).toEqual([
      'manual',
      'prompt',
      'suggested',
    ]);
    const edited = parsed.entries.find((entry) => entry.version === 2)!;
    expect(edited.createdTimeZone).toBe('Asia/Tokyo');
    expect(edited.updatedTimeZone).toBe('America/Los_Angeles');
    expect(edited.text).toContain('🌱 and “quotes” and \\ backslashes');
    expect(parsed.entries.filter((entry) => entry.deletedAt !== null)).toHaveLength(1);

    const themes = listThemes(db);
    expect(
      parsed.themes.map(({ id, label, color, description, builtIn }) => ({
        id,
        label,
        color,
        description,
        builtIn,
      })),
    ).toEqual(
      themes.map(({ id, label, color, description, builtIn }) => ({
        id,
        label,
        color,
        description,
        builtIn,
      })),
    );
    expect(parsed.themes.find((theme) => theme.id === own.id)).toMatchObject({
      label: 'Ärger',
      color: '#A0522D',
      builtIn: false,
    });
  });

  it('streams hundreds of entries in pages, in a file that is one valid JSON value', async () => {
    const { service } = await createTestJournal();
    const created = new Set<string>();
    for (let n = 0; n < 450; n += 1) {
      const entry = await call(service, 'createEntry', {
        title: `n${n}`,
        doc: mdDoc(`entry ${n}`),
        timeZone: TZ,
        entryDate: '2024-01-01',
      });
      created.add(entry.id);
      if (n % 50 === 0) await call(service, 'trashEntry', { id: entry.id });
    }
    const progress: number[] = [];
    const out = join(tempDir(), 'big.json');
    exportJson(service.journal.db, { out, onProgress: (done) => progress.push(done) });
    const parsed = JSON.parse(readFileSync(out, 'utf8')) as JsonExport;
    expect(parsed.entries).toHaveLength(450);
    expect(new Set(parsed.entries.map((entry) => entry.id))).toEqual(created);
    expect(progress).toEqual([0, 200, 400, 450]);
  });

  it('pages by date without skipping or repeating entries that share a day and a moment', async () => {
    const { service } = await createTestJournal();
    const db = service.journal.db;
    const now = Date.now();
    for (let n = 0; n < 95; n += 1) {
      await call(service, 'createEntry', {
        title: `n${n}`,
        doc: mdDoc('x'),
        timeZone: TZ,
        entryDate: n % 2 === 0 ? '2024-01-01' : '2024-01-02',
      });
    }
    // Same creation instant for all: within a day, only seq tells them apart.
    db.prepare('UPDATE entries SET created_at = ?').run(now);
    const seen: string[] = [];
    for (const page of entryPages(db, {}, 7)) {
      expect(page.length).toBeLessThanOrEqual(7);
      seen.push(...page.map((entry) => `${entry.entryDate}/${entry.seq}`));
    }
    expect(seen).toHaveLength(95);
    expect(new Set(seen).size).toBe(95);
    expect(
      [...seen].sort((a, b) => {
        const [dayA, seqA] = a.split('/');
        const [dayB, seqB] = b.split('/');
        return dayA!.localeCompare(dayB!) || Number(seqA) - Number(seqB);
      }),
    ).toEqual(seen);
    expect(countEntries(db, { from: '2024-01-02', to: '2024-01-02' })).toBe(47);
  });

  it('keeps going past an unreadable stored document, keeping its text', async () => {
    const { service } = await createTestJournal();
    const entry = await call(service, 'createEntry', {
      title: 'Damaged',
      doc: mdDoc('words that survive'),
      timeZone: TZ,
    });
    service.journal.db
      .prepare('UPDATE entries SET doc = ? WHERE id = ?')
      .run('{"root": [', entry.id);
    const out = join(tempDir(), 'journal.json');
    exportJson(service.journal.db, { out });
    const [exported] = (JSON.parse(readFileSync(out, 'utf8')) as JsonExport).entries;
    expect(exported).toMatchObject({ id: entry.id, doc: null, text: 'words that survive' });
  });

  it('writes an empty journal as valid JSON, and replaces an older export whole', async () => {
    const { service } = await createTestJournal();
    const folder = tempDir();
    const out = join(folder, 'journal.json');
    writeFileSync(out, 'an older export');
    exportJson(service.journal.db, { out });
    const parsed = JSON.parse(readFileSync(out, 'utf8')) as JsonExport;
    expect(parsed.entries).toEqual([]);
    expect(parsed.entryCount).toBe(0);
    expect(parsed.themes.length).toBeGreaterThan(0);
    expect(readdirSync(folder)).toEqual(['journal.json']);
  });
});
