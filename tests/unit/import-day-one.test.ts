import { describe, expect, it } from 'vitest';
import { getEntry } from '../../src/core/entries';
import { readImport } from '../../src/core/import';
import { call } from './helpers';
import {
  importJournal,
  importPath,
  journalErrorOf,
  nodeTypes,
  writeFile,
  writeJson,
  zipArchive,
} from './fixtures/import/helpers';

const PHOTO_ID = '4B5F1D7A9C2E4E0F8A6B3C1D2E3F4A5B';
const PHOTO_MD5 = '9e107d9d372bb6826bd81d3542a419d6';

function dayOneEntry(extra: Record<string, unknown> = {}) {
  return {
    uuid: 'A1B2C3D4E5F60718293A4B5C6D7E8F90',
    creationDate: '2023-05-01T22:30:00Z',
    modifiedDate: '2023-05-02T08:00:00Z',
    timeZone: 'Asia/Tokyo',
    text: '# A day off\\!\n\nI asked Mia for help \\(finally\\)\\. It was **fine**\\.\n\n- tea\n- walk',
    tags: ['Asking for help', 'Garden'],
    starred: true,
    ...extra,
  };
}

function dayOneExport(entries: unknown[]) {
  return { metadata: { version: '1.0' }, entries };
}

describe('Day One import', () => {
  it('imports entries with their dates, zone, star, title, Markdown and themes', async () => {
    const { db, files, service } = await importJournal();
    const path = writeJson(files, 'Journal.json', dayOneExport([dayOneEntry()]));

    const { plan, result } = importPath(db, path);

    expect(plan.counts).toMatchObject({ read: 1, add: 1, duplicates: 0, skipped: 0, newThemes: 1 });
    expect(plan.themes.map((theme) => [theme.tag, theme.kind])).toEqual([
      ['Asking for help', 'existing'],
      ['Garden', 'new'],
    ]);
    expect(result.added).toBe(1);
    expect(result.createdThemeIds).toEqual(['garden']);
    const entry = getEntry(db, result.entryIds[0]!);
    expect(entry).toMatchObject({
      title: 'A day off!',
      createdAt: Date.parse('2023-05-01T22:30:00Z'),
      updatedAt: Date.parse('2023-05-02T08:00:00Z'),
      createdTimeZone: 'Asia/Tokyo',
      updatedTimeZone: 'Asia/Tokyo',
      // 22:30 UTC is the next morning in Tokyo.
      entryDate: '2023-05-02',
      starred: true,
    });
    expect(entry.themes).toEqual([
      { id: 'asking-for-help', source: 'manual' },
      { id: 'garden', source: 'manual' },
    ]);
    // The escapes are undone, the heading is the title and not repeated, the list is a list.
    expect(entry.text).toBe('I asked Mia for help (finally). It was fine.\n\ntea\n\nwalk');
    expect(nodeTypes(entry.doc)).toContain('list');

    const hits = await call(service, 'search', { query: 'finally' });
    expect(hits.hits.map((hit) => hit.id)).toEqual([entry.id]);
    const garden = await call(service, 'listEntries', { themes: ['garden'] });
    expect(garden.entries.map((summary) => summary.id)).toEqual([entry.id]);
    const themes = await call(service, 'listThemes');
    expect(themes.find((theme) => theme.id === 'asking-for-help')?.entryCount).toBe(1);
  });

  it('keeps escaped Markdown characters literal instead of formatting them', async () => {
    const { db, files } = await importJournal();
    const text = '\\*not italic\\* and 1\\-2 and \\# not a heading\n\n\\- not a list';
    const path = writeJson(files, 'Journal.json', dayOneExport([dayOneEntry({ text })]));
    const { result } = importPath(db, path);
    const entry = getEntry(db, result.entryIds[0]!);
    expect(entry.title).toBe('');
    expect(entry.text).toBe('*not italic* and 1-2 and # not a heading\n\n- not a list');
    expect(nodeTypes(entry.doc)).not.toContain('list');
  });

  it('replaces photos with visible placeholders, never links or URLs', async () => {
    const { db, files } = await importJournal();
    const text = `Morning light ![](dayone-moment://${PHOTO_ID}) and ![](dayone-moment://UNKNOWN1)\n\n![](dayone-moment:/video/VID1)(see)`;
    const photos = [{ identifier: PHOTO_ID, md5: PHOTO_MD5, type: 'jpeg' }];
    const videos = [{ identifier: 'VID1', md5: 'abc123', type: 'mov' }];
    const path = writeJson(
      files,
      'Journal.json',
      dayOneExport([dayOneEntry({ text, photos, videos })]),
    );
    const { result } = importPath(db, path);
    const entry = getEntry(db, result.entryIds[0]!);
    expect(entry.text).toBe(
      `Morning light [Photo: ${PHOTO_MD5}.jpeg] and [Photo: UNKNOWN1]\n\n[Video: abc123.mov] (see)`,
    );
    const stored = JSON.stringify(entry.doc);
    expect(stored).not.toContain('dayone');
    expect(stored).not.toMatch(/"url"/);
    expect(nodeTypes(entry.doc)).not.toContain('link');
  });

  it('reads a zip with several journals and a photos folder, without reading the photos', async () => {
    const { db, files, service } = await importJournal();
    const journal = dayOneExport([dayOneEntry({ text: 'from the first journal', tags: [] })]);
    const travel = dayOneExport([
      dayOneEntry({
        uuid: 'TRAVEL000000000000000000000000001',
        text: 'Lisbon trip',
        tags: ['Travel'],
      }),
    ]);
    const archive = zipArchive([
      { name: 'Journal.json', data: JSON.stringify(journal) },
      { name: 'Travel.json', data: JSON.stringify(travel) },
      // A photo whose record is broken: reading it would fail, so it must never be read.
      { name: `photos/${PHOTO_MD5}.jpeg`, data: 'not really a jpeg', recordedSize: 3 },
      { name: '__MACOSX/._Journal.json', data: 'resource fork' },
    ]);
    const path = writeFile(files, 'export.zip', archive);

    const { parsed, result } = importPath(db, path);

    expect(parsed.format).toBe('day-one');
    expect(parsed.entries.map((entry) => entry.file)).toEqual([
      'export.zip/Journal.json',
      'export.zip/Travel.json',
    ]);
    expect(result.added).toBe(2);
    const travelHits = await call(service, 'search', { query: 'lisbon' });
    expect(travelHits.hits).toHaveLength(1);
    expect(travelHits.hits[0]!.themes).toEqual([{ id: 'travel', source: 'manual' }]);
  });

  it('reports entries with missing fields and imports the rest', async () => {
    const { db, files } = await importJournal();
    const entries = [
      dayOneEntry({ uuid: 'GOOD1', text: 'kept' }),
      dayOneEntry({ uuid: 'NODATE', creationDate: undefined }),
      dayOneEntry({ uuid: 'BADDATE', creationDate: 'yesterday' }),
      'not an object',
      dayOneEntry({ uuid: undefined, text: 'no uuid but kept' }),
      dayOneEntry({ uuid: 'NOZONE', timeZone: undefined, text: 'no zone' }),
      dayOneEntry({ uuid: 'NOTEXT', text: undefined, tags: undefined, starred: undefined }),
      dayOneEntry({ uuid: 'BADTEXT', text: 42 }),
    ];
    const path = writeJson(files, 'Journal.json', dayOneExport(entries));
    const parsed = readImport(path, { timeZone: 'America/New_York' });
    expect(parsed.entries.map((entry) => entry.index)).toEqual([1, 5, 6, 7]);
    expect(parsed.skipped.map((problem) => problem.message)).toEqual([
      'Entry 2 (id NODATE) in “Journal.json”: it has no creation date; it was skipped.',
      'Entry 3 (id BADDATE) in “Journal.json”: its creation date “yesterday” is not a date; it was skipped.',
      'Entry 4 in “Journal.json”: it is not an entry object; it was skipped.',
      'Entry 8 (id BADTEXT) in “Journal.json”: its text is not text; it was skipped.',
    ]);
    const noZone = parsed.entries.find((entry) => entry.sourceId === 'NOZONE')!;
    expect(noZone.timeZone).toBe('America/New_York');
    expect(noZone.entryDate).toBe('2023-05-01');
    expect(parsed.warnings.map((warning) => warning.index)).toEqual([5, 6]);
    expect(parsed.warnings[1]!.message).toContain('America/New_York');
    const empty = parsed.entries.find((entry) => entry.sourceId === 'NOTEXT')!;
    expect(empty).toMatchObject({ title: '', body: { text: '' }, tags: [], starred: false });

    const { result } = importPath(db, path);
    expect(result).toMatchObject({ added: 4, skipped: 4 });
  });

  it('keeps the first of two entries with the same uuid and reports the second', async () => {
    const { db, files } = await importJournal();
    const path = writeJson(
      files,
      'Journal.json',
      dayOneExport([
        dayOneEntry({ uuid: 'SAME', text: 'first' }),
        dayOneEntry({ uuid: 'SAME', text: 'second' }),
      ]),
    );
    const { plan, result } = importPath(db, path);
    expect(plan.skipped.map((problem) => problem.message)).toEqual([
      'Entry 2 (2023-05-02, id SAME) in “Journal.json”: it has the same uuid as entry 1 (2023-05-02, id SAME) in “Journal.json”; it was skipped.',
    ]);
    expect(result.added).toBe(1);
    expect(getEntry(db, result.entryIds[0]!).text).toBe('first');
  });

  it('imports an export with no entries as nothing, without an error', async () => {
    const { db, files } = await importJournal();
    const path = writeJson(files, 'Journal.json', dayOneExport([]));
    const { plan, result } = importPath(db, path);
    expect(plan.counts).toEqual({ read: 0, add: 0, duplicates: 0, skipped: 0, newThemes: 0 });
    expect(result.added).toBe(0);
  });

  it('keeps emoji and right-to-left text exactly', async () => {
    const { db, files, service } = await importJournal();
    const text = '# שלום 🌱\n\nمرحبا بالعالم، اليوم كان جيدا 😀\n\nעברית וגם English 👩‍👩‍👧';
    const path = writeJson(
      files,
      'Journal.json',
      dayOneExport([dayOneEntry({ text, tags: ['🌿 calm', 'تأمل'] })]),
    );
    const { plan, result } = importPath(db, path);
    const entry = getEntry(db, result.entryIds[0]!);
    expect(entry.title).toBe('שלום 🌱');
    expect(entry.text).toBe('مرحبا بالعالم، اليوم كان جيدا 😀\n\nעברית וגם English 👩‍👩‍👧');
    expect(plan.themes.map((theme) => theme.tag)).toEqual(['🌿 calm', 'تأمل']);
    const hits = await call(service, 'search', { query: 'بالعالم' });
    expect(hits.hits.map((hit) => hit.id)).toEqual([entry.id]);
    expect(entry.themes).toHaveLength(2);
  });

  it('refuses a jrnl export chosen as Day One, naming what it looks like', async () => {
    const { files } = await importJournal();
    const path = writeJson(files, 'jrnl.json', {
      tags: {},
      entries: [
        { title: 'Hi.', body: '', date: '2024-01-01', time: '09:00', tags: [], starred: false },
      ],
    });
    const error = journalErrorOf(() => readImport(path, { format: 'day-one' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe(
      '“jrnl.json” looks like a jrnl export, not a Day One export; import it as jrnl.',
    );
  });

  it('refuses a zip without a Day One journal, and a damaged JSON inside a zip', async () => {
    const { files } = await importJournal();
    const notes = writeFile(files, 'notes.zip', zipArchive([{ name: 'a.txt', data: 'hello' }]));
    expect(journalErrorOf(() => readImport(notes)).message).toContain(
      'Lean On cannot tell what kind of export “notes.zip” is',
    );
    expect(journalErrorOf(() => readImport(notes, { format: 'day-one' })).message).toBe(
      '“notes.zip” is not a Day One export: it holds no Day One journal (.json file).',
    );
    const broken = writeFile(
      files,
      'broken.zip',
      zipArchive([{ name: 'Journal.json', data: '{"entries": [' }]),
    );
    expect(journalErrorOf(() => readImport(broken)).message).toMatch(
      /^“broken\.zip\/Journal\.json” is not valid JSON: /,
    );
  });

  it('refuses zip bombs and archives that lie about sizes before unpacking them', async () => {
    const { files } = await importJournal();
    // 64 MB of spaces inside valid JSON packs into a few kilobytes.
    const bomb = `{"metadata":{"version":"1.0"},"entries":[]${' '.repeat(64 * 1024 * 1024)}}`;
    const bombPath = writeFile(
      files,
      'bomb.zip',
      zipArchive([{ name: 'Journal.json', data: bomb }]),
    );
    const error = journalErrorOf(() =>
      readImport(bombPath, { limits: { maxFileBytes: 8 * 1024 * 1024 } }),
    );
    expect(error.message).toBe(
      '“Journal.json” in “bomb.zip” would unpack to 65 MB; Lean On reads files of up to 8 MB.',
    );
    const totals = journalErrorOf(() =>
      readImport(bombPath, { limits: { maxZipTotalBytes: 16 * 1024 * 1024 } }),
    );
    expect(totals.message).toContain(
      'would unpack to 65 MB; Lean On reads up to 16 MB from one archive',
    );

    const liar = writeFile(
      files,
      'liar.zip',
      zipArchive([
        {
          name: 'Journal.json',
          data: JSON.stringify(dayOneExport([dayOneEntry()])),
          recordedSize: 20,
        },
      ]),
    );
    expect(journalErrorOf(() => readImport(liar)).message).toMatch(
      /^“Journal\.json” in “liar\.zip” is damaged/,
    );
    const truncated = writeFile(
      files,
      'cut.zip',
      zipArchive([{ name: 'Journal.json', data: '{}' }]).subarray(0, 40),
    );
    expect(journalErrorOf(() => readImport(truncated)).message).toBe(
      '“cut.zip” is not a complete zip archive; it may be damaged.',
    );
  });
});
