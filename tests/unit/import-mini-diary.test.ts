import { describe, expect, it } from 'vitest';
import { getEntry } from '../../src/core/entries';
import { readImport } from '../../src/core/import';
import { call, tempDir } from './helpers';
import {
  importJournal,
  importPath,
  journalErrorOf,
  nodeTypes,
  writeFile,
  writeJson,
} from './fixtures/import/helpers';

function miniDiaryExport(entries: Record<string, unknown>) {
  return {
    metadata: {
      application: 'Mini Diary',
      version: '3.3.0',
      dateUpdated: '2024-04-02T10:00:00.000Z',
    },
    entries,
  };
}

describe('Mini Diary import', () => {
  it('imports each day’s entry with its title and Markdown text', async () => {
    const { db, files, service } = await importJournal();
    const path = writeJson(
      files,
      'mini-diary.json',
      miniDiaryExport({
        '2024-04-01': {
          dateUpdated: 'Tue Apr 02 2024 09:30:00 GMT+0200 (Central European Summer Time)',
          title: 'Said no to the extra shift',
          text: 'It felt **strange**, then *good*.\n\n1. rest\n2. read',
        },
        '2024-04-02': { dateUpdated: '2024-04-02T20:00:00.000Z', title: '', text: 'Quiet day 🌧️' },
      }),
    );

    const { parsed, result } = importPath(db, path, { timeZone: 'Europe/Berlin' });

    expect(parsed.format).toBe('mini-diary');
    expect(result.added).toBe(2);
    const first = getEntry(db, result.entryIds[0]!);
    expect(first).toMatchObject({
      title: 'Said no to the extra shift',
      entryDate: '2024-04-01',
      createdAt: Date.parse('2024-04-01T10:00:00Z'),
      updatedAt: Date.parse('2024-04-02T07:30:00Z'),
      createdTimeZone: 'Europe/Berlin',
      starred: false,
      themes: [],
    });
    expect(first.text).toBe('It felt strange, then good.\n\nrest\n\nread');
    expect(nodeTypes(first.doc)).toContain('list');
    const hits = await call(service, 'search', { query: 'quiet' });
    expect(hits.hits.map((hit) => hit.entryDate)).toEqual(['2024-04-02']);
  });

  it('skips keys that are not dates and values that are not entries', () => {
    const path = writeJson(
      tempDir(),
      'mini-diary.json',
      miniDiaryExport({
        '2024-13-01': { title: 'bad month', text: '' },
        someday: { title: 'bad key', text: '' },
        '2024-01-02': 'not an object',
        '2024-01-03': { dateUpdated: 'never' },
        '2024-01-04': { title: 'good', text: 'kept', dateUpdated: 'not a date' },
      }),
    );
    const parsed = readImport(path, { timeZone: 'UTC' });
    expect(parsed.skipped.map((problem) => problem.message)).toEqual([
      'Entry 1 (2024-13-01) in “mini-diary.json”: its key “2024-13-01” is not a YYYY-MM-DD date; it was skipped.',
      'Entry 2 (someday) in “mini-diary.json”: its key “someday” is not a YYYY-MM-DD date; it was skipped.',
      'Entry 3 (2024-01-02) in “mini-diary.json”: it is not an entry object; it was skipped.',
      'Entry 4 (2024-01-03) in “mini-diary.json”: it has neither a title nor a text; it was skipped.',
    ]);
    expect(parsed.entries).toHaveLength(1);
    // An unreadable dateUpdated falls back to the entry's own time.
    expect(parsed.entries[0]!.updatedAt).toBe(parsed.entries[0]!.createdAt);
  });

  it('reads an empty diary as zero entries, with or without a byte-order mark', () => {
    const path = writeJson(tempDir(), 'mini-diary.json', miniDiaryExport({}));
    expect(readImport(path)).toMatchObject({ format: 'mini-diary', entries: [], skipped: [] });
    const withBom = writeFile(
      tempDir(),
      'bom.json',
      `\uFEFF${JSON.stringify(miniDiaryExport({ '2024-01-01': { title: 'a', text: 'b' } }))}`,
    );
    expect(readImport(withBom).entries.map((entry) => entry.title)).toEqual(['a']);
  });

  it('refuses a Mini Diary file chosen as Day One, and JSON that is no export at all', () => {
    const dir = tempDir();
    const path = writeJson(dir, 'mini-diary.json', miniDiaryExport({}));
    expect(journalErrorOf(() => readImport(path, { format: 'day-one' })).message).toBe(
      '“mini-diary.json” looks like a Mini Diary export, not a Day One export; import it as Mini Diary.',
    );
    const other = writeJson(dir, 'settings.json', { theme: 'dark' });
    const unknown = journalErrorOf(() => readImport(other));
    expect(unknown.code).toBe('INVALID_INPUT');
    expect(unknown.message).toMatch(
      /^Lean On cannot tell what kind of export “settings\.json” is; /,
    );
    expect(journalErrorOf(() => readImport(other, { format: 'mini-diary' })).message).toBe(
      '“settings.json” is not a Mini Diary export: it has no “entries” object keyed by date.',
    );
  });
});
