import { describe, expect, it } from 'vitest';
import { getEntry } from '../../src/core/entries';
import { readImport } from '../../src/core/import';
import { call, tempDir } from './helpers';
import {
  importJournal,
  importPath,
  journalErrorOf,
  nodeTypes,
  writeJson,
} from './fixtures/import/helpers';

function jrnlEntry(extra: Record<string, unknown> = {}) {
  return {
    title: 'Told my manager I was overloaded.',
    body: 'She moved two *tickets* to Sam.\n# not a heading\n- not a list',
    date: '2024-03-31',
    time: '21:15',
    tags: ['@work', '@Boundaries'],
    starred: false,
    ...extra,
  };
}

function jrnlExport(entries: unknown[]) {
  return { tags: { '@work': 1, '@Boundaries': 1 }, entries };
}

describe('jrnl import', () => {
  it('imports local times in the importer’s zone, plain text kept literal, @tags as themes', async () => {
    const { db, files, service } = await importJournal();
    const path = writeJson(files, 'journal.json', jrnlExport([jrnlEntry({ starred: true })]));

    const { parsed, plan, result } = importPath(db, path, { timeZone: 'Europe/Berlin' });

    expect(parsed.format).toBe('jrnl');
    expect(plan.themes).toEqual([
      { key: 'work', tag: 'work', kind: 'new', label: 'work', entries: 1 },
      {
        key: 'boundaries',
        tag: 'Boundaries',
        kind: 'existing',
        themeId: 'boundaries',
        themeLabel: 'Boundaries',
        entries: 1,
      },
    ]);
    const entry = getEntry(db, result.entryIds[0]!);
    // 21:15 in Berlin on the day summer time began (UTC+2).
    expect(entry).toMatchObject({
      title: 'Told my manager I was overloaded.',
      entryDate: '2024-03-31',
      createdAt: Date.parse('2024-03-31T19:15:00Z'),
      createdTimeZone: 'Europe/Berlin',
      starred: true,
    });
    // Each line is its own paragraph, as plain text always is in the journal.
    expect(entry.text).toBe('She moved two *tickets* to Sam.\n\n# not a heading\n\n- not a list');
    expect(nodeTypes(entry.doc)).not.toContain('heading');
    expect(nodeTypes(entry.doc)).not.toContain('list');
    expect(entry.themes.map((theme) => theme.id).sort()).toEqual(['boundaries', 'work']);

    const hits = await call(service, 'search', { query: 'overloaded' });
    expect(hits.hits.map((hit) => hit.id)).toEqual([entry.id]);
    const work = await call(service, 'listEntries', { themes: ['work'] });
    expect(work.entries).toHaveLength(1);
  });

  it('skips entries without a usable date, defaults a missing time, and reports both', () => {
    const dir = writeJson(
      tempDir(),
      'journal.json',
      jrnlExport([
        jrnlEntry({ date: undefined }),
        jrnlEntry({ date: '2024-02-30' }),
        jrnlEntry({ time: undefined, title: 'No time' }),
        jrnlEntry({ title: undefined, body: undefined }),
        jrnlEntry({ title: 'Only a title', body: undefined, tags: 'not a list' }),
      ]),
    );
    const parsed = readImport(dir, { timeZone: 'UTC' });
    expect(parsed.skipped.map((problem) => problem.index)).toEqual([1, 2, 4]);
    expect(parsed.skipped[1]!.message).toContain('its date “2024-02-30” is not a YYYY-MM-DD date');
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0]!.message).toContain('so it was given 09:00');
    const noTime = parsed.entries.find((entry) => entry.title === 'No time')!;
    expect(noTime.createdAt).toBe(Date.parse('2024-03-31T09:00:00Z'));
    const onlyTitle = parsed.entries.find((entry) => entry.title === 'Only a title')!;
    expect(onlyTitle).toMatchObject({ body: { kind: 'plain', text: '' }, tags: [] });
  });

  it('treats two identical entries as one, and keeps different ones written the same minute', async () => {
    const { files } = await importJournal();
    const path = writeJson(
      files,
      'journal.json',
      jrnlExport([jrnlEntry(), jrnlEntry(), jrnlEntry({ body: 'A second thought.' })]),
    );
    const parsed = readImport(path, { timeZone: 'UTC' });
    expect(parsed.entries.map((entry) => entry.index)).toEqual([1, 3]);
    expect(parsed.skipped.map((problem) => problem.message)).toEqual([
      'Entry 2 (2024-03-31) in “journal.json”: it is the same as entry 1 (2024-03-31) in “journal.json”; it was skipped.',
    ]);
  });

  it('reads an empty jrnl export as zero entries', async () => {
    const { files } = await importJournal();
    const path = writeJson(files, 'journal.json', { tags: {}, entries: [] });
    const parsed = readImport(path);
    expect(parsed).toMatchObject({ format: 'jrnl', entries: [], skipped: [] });
  });

  it('moves a title too long for the journal into the body instead of cutting it', async () => {
    const { files } = await importJournal();
    const long = `${'long '.repeat(120)}end.`;
    const path = writeJson(
      files,
      'journal.json',
      jrnlExport([jrnlEntry({ title: long, body: 'rest' })]),
    );
    const [entry] = readImport(path).entries;
    expect(entry!.title).toBe('');
    expect(entry!.body.text).toBe(`${long.trim()}\n\nrest`);
  });

  it('refuses a Day One export chosen as jrnl', async () => {
    const { files } = await importJournal();
    const path = writeJson(files, 'Journal.json', {
      metadata: { version: '1.0' },
      entries: [{ uuid: 'X', creationDate: '2024-01-01T00:00:00Z', text: 'hi' }],
    });
    expect(journalErrorOf(() => readImport(path, { format: 'jrnl' })).message).toBe(
      '“Journal.json” looks like a Day One export, not a jrnl export; import it as Day One.',
    );
  });
});
