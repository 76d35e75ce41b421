import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEntry } from '../../src/core/entries';
import { applyImport, planImport, readImport } from '../../src/core/import';
import { deleteTheme } from '../../src/core/themes';
import { LIMITS } from '../../src/shared/limits';
import { call, entryInput, tempDir } from './helpers';
import {
  importJournal,
  importPath,
  journalErrorOf,
  snapshot,
  writeFile,
  writeJson,
} from './fixtures/import/helpers';

function dayOne(count: number, tags: string[] = ['Imported']) {
  return {
    metadata: { version: '1.0' },
    entries: Array.from({ length: count }, (_, i) => ({
      uuid: `UUID${String(i + 1).padStart(4, '0')}`,
      creationDate: `2022-01-${String(i + 1).padStart(2, '0')}T10:00:00Z`,
      timeZone: 'Europe/London',
      text: `Entry number ${i + 1} about gardening`,
      tags,
      starred: i === 0,
    })),
  };
}

describe('applying an import', () => {
  it('imports the same file twice without creating duplicates', async () => {
    const { db, files, service } = await importJournal();
    const path = writeJson(files, 'Journal.json', dayOne(3));
    const first = importPath(db, path);
    expect(first.result).toMatchObject({ added: 3, duplicates: 0, createdThemeIds: ['imported'] });

    const again = importPath(db, path);
    expect(again.plan.counts).toMatchObject({ add: 0, duplicates: 3, newThemes: 0 });
    expect(again.plan.duplicates.map((duplicate) => duplicate.existingEntryId)).toEqual(
      first.result.entryIds,
    );
    expect(again.result).toMatchObject({ added: 0, duplicates: 3, createdThemeIds: [] });
    expect((await call(service, 'listEntries', {})).entries).toHaveLength(3);
    const themes = await call(service, 'listThemes');
    expect(themes.filter((theme) => theme.label === 'Imported')).toHaveLength(1);
    expect(themes.find((theme) => theme.id === 'imported')?.entryCount).toBe(3);
  });

  it('looks sources up by key and by entry, never by scanning the table', async () => {
    const { db } = await importJournal();
    const plan = (query: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as Array<{ detail: string }>)
        .map((row) => row.detail)
        .join('; ');
    expect(
      plan("SELECT entry_seq FROM import_sources WHERE format = 'jrnl' AND source_id = 'x'"),
    ).toMatch(/SEARCH import_sources USING PRIMARY KEY/);
    // Deleting an entry finds its sources through this index.
    expect(plan('SELECT 1 FROM import_sources WHERE entry_seq = 1')).toMatch(
      /SEARCH import_sources USING COVERING INDEX import_sources_by_entry/,
    );
  });

  it('skips an entry another import added between the preview and applying it', async () => {
    const { db, files } = await importJournal();
    const path = writeJson(files, 'Journal.json', dayOne(2));
    const plan = planImport(db, readImport(path));
    importPath(db, path);
    const result = applyImport(db, plan);
    expect(result).toMatchObject({ added: 0, duplicates: 2 });
  });

  it('converts each entry while applying, skipping one that cannot become a document', async () => {
    const { db, files } = await importJournal();
    const path = writeJson(files, 'Journal.json', dayOne(3));
    const plan = planImport(db, readImport(path));
    // The preview keeps the export's text, not a document for every entry as well.
    expect(plan.add.map((planned) => planned.doc)).toEqual([undefined, undefined, undefined]);
    // Only large bodies are converted while previewing; one that fails when it is written
    // after all is skipped like those the preview finds, and counted with them.
    plan.add[1]!.entry.body = { kind: 'plain', text: 'x'.repeat(LIMITS.docMaxBytes + 1) };
    const result = applyImport(db, plan);
    expect(result).toMatchObject({ added: 2, duplicates: 0, skipped: 1 });
    expect(getEntry(db, result.entryIds[1]!).text).toBe('Entry number 3 about gardening');
  });

  it('imports an entry again once the one it made is deleted for good', async () => {
    const { db, files, service } = await importJournal();
    const path = writeJson(files, 'Journal.json', dayOne(1));
    const [id] = importPath(db, path).result.entryIds;
    await call(service, 'trashEntry', { id });
    // In the trash it still counts as imported.
    expect(importPath(db, path).result.added).toBe(0);
    await call(service, 'deleteEntryForever', { id });
    expect(db.prepare('SELECT count(*) FROM import_sources').pluck().get()).toBe(0);
    expect(importPath(db, path).result.added).toBe(1);
  });

  it('rolls everything back when an entry fails halfway, and names that entry', async () => {
    const { db, files, service } = await importJournal();
    await call(service, 'createEntry', entryInput('written in the app before the import'));
    const before = snapshot(db);
    const path = writeJson(files, 'Journal.json', dayOne(5, ['Brand new theme']));
    const plan = planImport(db, readImport(path, { timeZone: 'UTC' }));
    expect(plan.counts.add).toBe(5);
    // The fourth insert fails inside SQLite, after three entries and a new theme were written.
    db.exec(`CREATE TEMP TRIGGER fail_fourth BEFORE INSERT ON main.entries
      WHEN NEW.text LIKE 'Entry number 4 %' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);

    const error = journalErrorOf(() => applyImport(db, plan));

    expect(error.message).toBe(
      'Importing “Journal.json” stopped at entry 4 (2022-01-04, id UUID0004) in “Journal.json”: simulated failure. Nothing was imported; the journal is as it was.',
    );
    expect(snapshot(db)).toEqual(before);
    db.exec('DROP TRIGGER temp.fail_fourth');
    expect(applyImport(db, plan).added).toBe(5);
  });

  it('reports progress while applying', async () => {
    const { db, files } = await importJournal();
    const path = writeJson(files, 'Journal.json', dayOne(4));
    const plan = planImport(db, readImport(path));
    const fractions: number[] = [];
    applyImport(db, plan, { onProgress: (fraction) => fractions.push(fraction ?? -1) });
    expect(fractions).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('leaves unmatched tags off when asked not to create themes', async () => {
    const { db, files } = await importJournal();
    const path = writeJson(files, 'Journal.json', dayOne(1, ['trust', 'Nowhere']));
    const { result } = importPath(db, path, { createThemes: false });
    expect(result.createdThemeIds).toEqual([]);
    expect(getEntry(db, result.entryIds[0]!).themes).toEqual([{ id: 'trust', source: 'manual' }]);
  });

  it('refuses a plan whose theme was deleted after the preview, changing nothing', async () => {
    const { db, files, service } = await importJournal();
    await call(service, 'createTheme', { label: 'Garden' });
    const path = writeJson(files, 'Journal.json', dayOne(2, ['garden']));
    const plan = planImport(db, readImport(path));
    expect(plan.themes).toMatchObject([{ kind: 'existing', themeId: 'garden' }]);
    deleteTheme(db, 'garden');
    const before = snapshot(db);
    const error = journalErrorOf(() => applyImport(db, plan));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('“Garden” was removed after this import was previewed');
    expect(snapshot(db)).toEqual(before);
  });

  it('imports a 10 MB entry whole, and reports one over the limit instead of importing it', async () => {
    const { db, files, service } = await importJournal();
    const paragraph = `${'a quiet steady sentence about rest '.repeat(28)}\n\n`;
    const tenMegabytes = paragraph.repeat(Math.ceil((10 * 1024 * 1024) / paragraph.length));
    const overLimit = 'x'.repeat(LIMITS.docMaxBytes + 1);
    const path = writeJson(files, 'Journal.json', {
      metadata: { version: '1.0' },
      entries: [
        {
          uuid: 'BIG',
          creationDate: '2024-01-01T10:00:00Z',
          timeZone: 'UTC',
          text: `${tenMegabytes}needle`,
        },
        { uuid: 'HUGE', creationDate: '2024-01-02T10:00:00Z', timeZone: 'UTC', text: overLimit },
      ],
    });
    const { plan, result } = importPath(db, path);
    expect(plan.skipped.map((problem) => problem.message)).toEqual([
      'Entry 2 (2024-01-02, id HUGE) in “Journal.json”: it holds 33 MB of text, more than the 32 MB an entry can hold; it was skipped.',
    ]);
    expect(result.added).toBe(1);
    const entry = getEntry(db, result.entryIds[0]!);
    expect(entry.text.length).toBeGreaterThan(10 * 1024 * 1024);
    expect(entry.text.endsWith('needle')).toBe(true);
    const hits = await call(service, 'search', { query: 'needle' });
    expect(hits.hits.map((hit) => hit.id)).toEqual([entry.id]);
  });
});

describe('files that cannot be imported', () => {
  it('says what is wrong with each, naming it', () => {
    const dir = tempDir();
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['broken.json', '{"entries": [', /^“broken\.json” is not valid JSON: .+\.$/],
      ['empty.json', '', /^“empty\.json” is empty\.$/],
      [
        'latin1.json',
        Buffer.from('{"entries": [], "x": "caf\xe9"}', 'latin1'),
        /^“latin1\.json” is not UTF-8 text/,
      ],
      [
        'utf16.json',
        Buffer.from('\ufeff{"entries": []}', 'utf16le'),
        /^“utf16\.json” is UTF-16 text; save it as UTF-8/,
      ],
      ['list.json', '[1, 2, 3]', /^Lean On cannot tell what kind of export “list\.json” is/],
    ];
    for (const [name, content, message] of cases) {
      const error = journalErrorOf(() => readImport(writeFile(dir, name, content)));
      expect({ name, code: error.code }).toEqual({ name, code: 'INVALID_INPUT' });
      expect(error.message).toMatch(message);
    }
  });

  it('refuses a file larger than it reads before reading it, and a path that is not there', () => {
    const dir = tempDir();
    const path = writeJson(dir, 'Journal.json', dayOne(20));
    expect(
      journalErrorOf(() => readImport(path, { limits: { maxFileBytes: 1024 } })).message,
    ).toMatch(/^“Journal\.json” is \d+ KB; Lean On reads files of up to 1 KB\.$/);
    const missing = journalErrorOf(() => readImport(join(dir, 'nope.json')));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toBe('There is no file or folder called “nope.json”.');
  });

  it('refuses an export with more entries than it imports at once', () => {
    const path = writeJson(tempDir(), 'Journal.json', dayOne(3));
    expect(journalErrorOf(() => readImport(path, { limits: { maxEntries: 2 } })).message).toBe(
      '“Journal.json” holds 3 entries; Lean On imports at most 2 at a time.',
    );
  });
});
