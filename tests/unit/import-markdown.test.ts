import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEntry } from '../../src/core/entries';
import { readImport } from '../../src/core/import';
import { splitFrontMatter } from '../../src/core/import/front-matter';
import { call, tempDir } from './helpers';
import { importJournal, importPath, nodeTypes, writeFile } from './fixtures/import/helpers';

describe('front matter', () => {
  it('reads scalars, quoted strings, [lists], - item lists and comma strings', () => {
    const result = splitFrontMatter(
      [
        '---',
        'date: 2024-05-06',
        'title: "A \\"quoted\\" title: with a colon"',
        "themes: [Work, \"Rest, and play\", 'It''s fine']",
        '---',
        '',
        'Body',
      ].join('\n'),
    );
    expect(result).toEqual({
      ok: true,
      frontMatter: {
        date: '2024-05-06',
        title: 'A "quoted" title: with a colon',
        themes: ['Work', 'Rest, and play', "It's fine"],
      },
      body: 'Body',
    });
    const listed = splitFrontMatter(
      "---\ntitle: 'Single'   # a comment\ntags:\n  - one\n  - 'two'\nlayout: post\nextra:\n  nested: value\n---\nBody",
    );
    expect(listed).toMatchObject({
      ok: true,
      frontMatter: { date: null, title: 'Single', themes: ['one', 'two'] },
    });
    expect(splitFrontMatter('---\nthemes: work, rest ,  \n---\n')).toMatchObject({
      frontMatter: { themes: ['work', 'rest'] },
    });
  });

  it('leaves text without front matter alone', () => {
    expect(splitFrontMatter('# Title\n\n---\n\ntext')).toEqual({
      ok: true,
      frontMatter: null,
      body: '# Title\n\n---\n\ntext',
    });
  });

  it('refuses what it does not read, with the line number', () => {
    expect(splitFrontMatter('---\ntitle: x\n')).toEqual({
      ok: false,
      line: 1,
      reason: 'the front matter that starts on line 1 never ends with ---',
    });
    expect(splitFrontMatter('---\ntitle: ok\njust words\n---\n')).toMatchObject({
      ok: false,
      line: 3,
    });
    expect(splitFrontMatter('---\ntitle: "unclosed\n---\n')).toMatchObject({ ok: false, line: 2 });
    expect(splitFrontMatter('---\ntitle: a\ntitle: b\n---\n')).toMatchObject({
      ok: false,
      line: 3,
      reason: '“title” is given twice',
    });
    expect(splitFrontMatter('---\nthemes: [a, [b]]\n---\n')).toMatchObject({ ok: false, line: 2 });
    expect(splitFrontMatter('---\ntitle:\n  - a\n---\n')).toMatchObject({ ok: false, line: 2 });
    expect(splitFrontMatter('---\ntitle: |\n  block\n---\n')).toMatchObject({ ok: false, line: 2 });
  });
});

describe('Markdown folder import', () => {
  it('imports every .md file below the folder with its front matter, name or file date', async () => {
    const { db, files, service } = await importJournal();
    const root = join(files, 'Notes');
    writeFile(
      root,
      'a.md',
      '---\ndate: 2024-05-06T21:30:00+02:00\ntitle: Asked for a hand\nthemes: [asking for HELP, Moving]\n---\n\nI asked **Jo** to help me move. ![the van](https://example.org/van.jpg)\n',
    );
    writeFile(
      root,
      '2023/2023-12-24 Christmas.md',
      '# Christmas eve\n\nQuiet and *good*.\n\n- cocoa\n',
    );
    const undated = writeFile(root, '2023/loose thought.markdown', 'Just a thought, no date.');
    utimesSync(undated, new Date('2022-02-02T12:00:00Z'), new Date('2022-02-02T12:00:00Z'));
    writeFile(root, '.obsidian/config.md', 'hidden');
    writeFile(root, 'notes.txt', 'not markdown');

    const { parsed, plan, result } = importPath(db, root, { timeZone: 'Europe/Berlin' });

    expect(parsed.format).toBe('markdown');
    expect(parsed.entries.map((entry) => entry.file)).toEqual([
      'Notes/2023/2023-12-24 Christmas.md',
      'Notes/2023/loose thought.markdown',
      'Notes/a.md',
    ]);
    expect(plan.themes.map((theme) => [theme.tag, theme.kind])).toEqual([
      ['asking for HELP', 'existing'],
      ['Moving', 'new'],
    ]);
    const [christmas, loose, asked] = result.entryIds.map((id) => getEntry(db, id));
    expect(asked).toMatchObject({
      title: 'Asked for a hand',
      entryDate: '2024-05-06',
      createdAt: Date.parse('2024-05-06T19:30:00Z'),
      createdTimeZone: 'Europe/Berlin',
    });
    expect(asked!.text).toBe('I asked Jo to help me move. [Image: the van]');
    expect(JSON.stringify(asked!.doc)).not.toContain('example.org');
    expect(asked!.themes.map((theme) => theme.id)).toEqual(['asking-for-help', 'moving']);
    expect(christmas).toMatchObject({ title: 'Christmas eve', entryDate: '2023-12-24' });
    expect(christmas!.text).toBe('Quiet and good.\n\ncocoa');
    expect(nodeTypes(christmas!.doc)).toContain('list');
    expect(loose).toMatchObject({
      title: '',
      entryDate: '2022-02-02',
      createdAt: Date.parse('2022-02-02T12:00:00Z'),
    });

    const moving = await call(service, 'listEntries', { themes: ['moving'] });
    expect(moving.entries.map((entry) => entry.id)).toEqual([asked!.id]);
    const hits = await call(service, 'search', { query: 'cocoa' });
    expect(hits.hits.map((hit) => hit.id)).toEqual([christmas!.id]);
  });

  it('skips files it cannot read and says why, importing the rest', () => {
    const root = join(tempDir(), 'Journal');
    writeFile(root, 'good.md', '---\ntags:\n  - calm\n---\nfine');
    writeFile(root, 'latin1.md', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    writeFile(root, 'binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    writeFile(root, 'bad-front.md', '---\ntitle: ok\nnot a key line\n---\nbody');
    writeFile(root, 'bad-date.md', '---\ndate: the fifth of May\n---\nstill imported');
    const parsed = readImport(root, { timeZone: 'UTC' });
    expect(parsed.entries.map((entry) => entry.file)).toEqual([
      'Journal/bad-date.md',
      'Journal/good.md',
    ]);
    expect(parsed.skipped.map((problem) => problem.file)).toEqual([
      'Journal/bad-front.md',
      'Journal/binary.md',
      'Journal/latin1.md',
    ]);
    expect(parsed.skipped[0]!.message).toBe(
      'Entry 2 in “Journal/bad-front.md”: its front matter cannot be read (line 3: it is not a “key: value” line); it was skipped.',
    );
    expect(parsed.skipped[1]!.message).toContain('it looks like a binary file, not text');
    expect(parsed.skipped[2]!.message).toContain('is not UTF-8 text');
    expect(parsed.warnings.map((warning) => warning.message)).toEqual([
      'Entry 1 in “Journal/bad-date.md”: its date “the fifth of May” is not a date Lean On can read, so it was ignored.',
    ]);
    expect(parsed.entries[1]!.tags).toEqual(['calm']);
  });

  it('reads an empty folder as zero entries, with a note', () => {
    const root = join(tempDir(), 'Empty');
    writeFile(root, 'readme.txt', 'nothing here');
    const parsed = readImport(root);
    expect(parsed.entries).toEqual([]);
    expect(parsed.warnings.map((warning) => warning.message)).toEqual([
      '“Empty”: it holds no Markdown (.md) files.',
    ]);
  });

  it('imports a single .md file, and reads a date-only front matter in the importer’s zone', () => {
    const path = writeFile(tempDir(), 'entry.md', '---\ndate: 2024-01-15\n---\nمرحبا 🌱');
    const [entry] = readImport(path, { timeZone: 'Pacific/Auckland' }).entries;
    expect(entry).toMatchObject({
      file: 'entry.md',
      entryDate: '2024-01-15',
      timeZone: 'Pacific/Auckland',
      createdAt: Date.parse('2024-01-14T23:00:00Z'),
      body: { kind: 'markdown', text: 'مرحبا 🌱' },
    });
  });
});
