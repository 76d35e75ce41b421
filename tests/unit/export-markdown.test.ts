import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../src/core/export/markdown';
import { FileNamer, slugify } from '../../src/core/export/file-names';
import { entryDataOffset, readExactly, readZipDirectory } from '../../src/core/zip/read';
import { listPrompts } from '../../src/core/prompts';
import { markdownToDoc } from '../../src/core/text';
import type { JournalService } from '../../src/core/service';
import { TZ, call, createTestJournal, tempDir } from './helpers';

const haveUnzip = spawnSync('unzip', ['-v'], { encoding: 'utf8' }).status === 0;

const RICH_MARKDOWN = [
  '# A heading',
  '',
  '## Smaller heading',
  '',
  'Some **bold**, *italic*, ~~struck~~ and `code` words, with [a link](https://example.com/path?q=1) and [mail](mailto:someone@example.com).',
  '',
  '> Quoted words from someone kind',
  '',
  '- first point',
  '- second point',
  '    - nested point',
  '',
  '1. one',
  '2. two',
  '',
  'A last paragraph.',
].join('\n');

function richDoc(markdown = RICH_MARKDOWN): unknown {
  return JSON.parse(markdownToDoc(markdown).json) as unknown;
}

/** Front matter as a map of raw YAML values; values written as JSON strings are decoded. */
function parseFrontMatter(file: string): { fields: Map<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n\n?([\s\S]*)$/.exec(file);
  if (!match) throw new Error(`No front matter in:\n${file}`);
  const fields = new Map<string, unknown>();
  let listKey: string | null = null;
  for (const line of match[1]!.split('\n')) {
    const item = /^ {2}- (.*)$/.exec(line);
    if (item && listKey) {
      (fields.get(listKey) as unknown[]).push(JSON.parse(item[1]!));
      continue;
    }
    const [, key, raw] = /^([a-z]+):\s?(.*)$/.exec(line) ?? [];
    if (!key) throw new Error(`Unexpected front matter line: ${line}`);
    if (raw === '') {
      fields.set(key, []);
      listKey = key;
    } else {
      listKey = null;
      fields.set(key, raw!.startsWith('"') || raw === '[]' ? JSON.parse(raw!) : raw);
    }
  }
  return { fields, body: match[2]! };
}

async function seed(service: JournalService) {
  const prompt = listPrompts('trust')[0]!;
  const own = await call(service, 'createTheme', { label: 'Grief & loss' });
  const rich = await call(service, 'createEntry', {
    title: 'A hard day',
    doc: richDoc(),
    timeZone: TZ,
    entryDate: '2024-05-01',
    promptId: prompt.id,
    starred: true,
    themes: [{ id: own.id, source: 'manual' }],
  });
  const plain = await call(service, 'createEntry', {
    title: '',
    doc: richDoc('Only a few plain words today.'),
    timeZone: 'America/New_York',
    entryDate: '2024-05-02',
  });
  const trashed = await call(service, 'createEntry', {
    title: 'Thrown away',
    doc: richDoc('Not for export.'),
    timeZone: TZ,
    entryDate: '2024-05-03',
  });
  await call(service, 'trashEntry', { id: trashed.id });
  return { prompt, own, rich, plain, trashed };
}

describe('Markdown export', () => {
  it('writes front matter with every field and a faithful body', async () => {
    const { service } = await createTestJournal();
    const { prompt, rich, plain } = await seed(service);
    const out = join(tempDir(), 'notes');
    const result = exportMarkdown(service.journal.db, { out });
    expect(result).toMatchObject({
      format: 'markdown',
      container: 'folder',
      entryCount: 2,
      encrypted: false,
    });
    expect(readdirSync(out).sort()).toEqual([
      '2024-05-01-a-hard-day.md',
      '2024-05-02-only-a-few-plain-words-today.md',
    ]);

    const { fields, body } = parseFrontMatter(
      readFileSync(join(out, '2024-05-01-a-hard-day.md'), 'utf8'),
    );
    expect([...fields.keys()]).toEqual([
      'date',
      'title',
      'themes',
      'prompt',
      'starred',
      'created',
      'updated',
      'id',
    ]);
    expect(fields.get('date')).toBe('2024-05-01');
    expect(fields.get('title')).toBe('A hard day');
    expect(fields.get('themes')).toEqual(['Trust', 'Grief & loss']);
    expect(fields.get('prompt')).toBe(prompt.text);
    expect(fields.get('starred')).toBe('true');
    expect(fields.get('id')).toBe(rich.id);
    const created = fields.get('created') as string;
    expect(created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
    expect(Date.parse(created)).toBe(Math.floor(rich.createdAt / 1000) * 1000);
    expect(Date.parse(fields.get('updated') as string)).toBe(
      Math.floor(rich.updatedAt / 1000) * 1000,
    );

    for (const piece of [
      '# A heading',
      '## Smaller heading',
      '**bold**',
      '*italic*',
      '~~struck~~',
      '`code`',
      '[a link](https://example.com/path?q=1)',
      '[mail](mailto:someone@example.com)',
      '> Quoted words from someone kind',
      '- first point',
      '    - nested point',
      '1. one',
      '2. two',
    ]) {
      expect(body).toContain(piece);
    }
    // Read back through the core's own Markdown import, the body is the same document.
    expect(JSON.parse(markdownToDoc(body).json)).toEqual(rich.doc);

    const other = parseFrontMatter(
      readFileSync(join(out, '2024-05-02-only-a-few-plain-words-today.md'), 'utf8'),
    );
    expect(other.fields.get('title')).toBe('');
    expect(other.fields.get('themes')).toEqual([]);
    expect(other.fields.has('prompt')).toBe(false);
    expect(other.fields.get('starred')).toBe('false');
    expect(other.fields.get('created')).toMatch(/-0[45]:00$/);
    expect(other.body.trim()).toBe(plain.text);
  });

  it('escapes front matter values so YAML reads them back exactly', async () => {
    const { service } = await createTestJournal();
    const title = 'She said: "no" \\ #not-a-comment\u2028next – ünï 🌱';
    await call(service, 'createEntry', {
      title,
      doc: richDoc('x'),
      timeZone: TZ,
      entryDate: '2024-01-01',
    });
    const out = join(tempDir(), 'notes');
    exportMarkdown(service.journal.db, { out });
    const [name] = readdirSync(out);
    const text = readFileSync(join(out, name!), 'utf8');
    const titleLine = text.split('\n').find((line) => line.startsWith('title: '))!;
    expect(titleLine).not.toContain('\u2028');
    expect(JSON.parse(titleLine.slice('title: '.length))).toBe(title);
  });

  it('writes the same files into a zip, which unzip accepts', async () => {
    const { service } = await createTestJournal();
    await seed(service);
    const folder = join(tempDir(), 'notes');
    exportMarkdown(service.journal.db, { out: folder });
    const zipPath = join(tempDir(), 'notes.zip');
    const result = exportMarkdown(service.journal.db, { out: zipPath });
    expect(result).toMatchObject({ container: 'zip', entryCount: 2, encrypted: false });
    expect(statSync(zipPath).size).toBe(result.bytes);

    const fd = openSync(zipPath, 'r');
    try {
      const size = statSync(zipPath).size;
      const entries = readZipDirectory(fd, size, { maxEntries: 100, maxDirectoryBytes: 1 << 20 });
      expect(entries.map((entry) => entry.name).sort()).toEqual(readdirSync(folder).sort());
      for (const entry of entries) {
        const start = entryDataOffset(fd, size, entry);
        const raw = readExactly(fd, entry.compressedSize, start);
        const bytes = entry.method === 8 ? inflateRawSync(raw) : raw;
        expect(bytes.toString('utf8')).toBe(readFileSync(join(folder, entry.name), 'utf8'));
      }
    } finally {
      closeSync(fd);
    }
    if (haveUnzip) {
      const check = spawnSync('unzip', ['-t', zipPath], { encoding: 'utf8' });
      expect(check.stdout).toContain('No errors detected');
    }
  });

  it('still exports an entry whose stored document cannot be read, from its plain text', async () => {
    const { service } = await createTestJournal();
    const entry = await call(service, 'createEntry', {
      title: 'Damaged',
      doc: richDoc('words that survive'),
      timeZone: TZ,
      entryDate: '2024-01-01',
    });
    service.journal.db
      .prepare('UPDATE entries SET doc = ? WHERE id = ?')
      .run('{"root":{"type":"root","children":[{"type":"no-such-node"}]}}', entry.id);
    const out = join(tempDir(), 'notes');
    expect(exportMarkdown(service.journal.db, { out }).entryCount).toBe(1);
    const { body } = parseFrontMatter(readFileSync(join(out, '2024-01-01-damaged.md'), 'utf8'));
    expect(body.trim()).toBe('words that survive');
  });

  it('gives safe, unique, readable names to hostile and colliding titles', async () => {
    const { service } = await createTestJournal();
    const titles = [
      'a/b\\c:d*e?f"g<h>i|j',
      '../../etc/passwd',
      '..',
      '🌱🌻🌸',
      'x'.repeat(400),
      'Ж'.repeat(400),
      'Same title',
      'Same title',
      'same TITLE',
      'CON',
      'Tränen & Straße',
      'trailing dot.',
      '\u0000\u0007control',
    ];
    for (const title of titles) {
      await call(service, 'createEntry', {
        title: title.slice(0, 500),
        doc: richDoc('body'),
        timeZone: TZ,
        entryDate: '2024-02-29',
      });
    }
    const out = join(tempDir(), 'notes');
    exportMarkdown(service.journal.db, { out });
    const names = readdirSync(out);
    expect(names).toHaveLength(titles.length);
    const folded = new Set(names.map((name) => name.toLowerCase()));
    expect(folded.size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^2024-02-29-[\p{L}\p{M}\p{N}]+(-[\p{L}\p{M}\p{N}]+)*\.md$/u);
      expect(name).not.toContain('..');
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(150);
    }
    expect(names).toContain('2024-02-29-etc-passwd.md');
    expect(names).toContain('2024-02-29-same-title.md');
    expect(names).toContain('2024-02-29-same-title-2.md');
    expect(names).toContain('2024-02-29-same-title-3.md');
    expect(names).toContain('2024-02-29-tränen-straße.md');
    expect(names).toContain(`2024-02-29-${'x'.repeat(60)}.md`);
    // Emoji-only and dots-only titles fall back to the body's first words.
    expect(names.filter((name) => name.startsWith('2024-02-29-body'))).toHaveLength(2);
  });

  it('slugs stay within bytes and never start or end with a hyphen', () => {
    expect(slugify('  --Hello,   World!--  ')).toBe('hello-world');
    expect(slugify('日本語のタイトル'.repeat(20)).length).toBeLessThanOrEqual(60);
    expect(Buffer.byteLength(slugify('𝔘'.repeat(100)))).toBeLessThanOrEqual(120);
    expect(slugify('🌱')).toBe('');
    const namer = new FileNamer('.md');
    expect(namer.next('2024-01-01', 'A')).toBe('2024-01-01-a.md');
    expect(namer.next('2024-01-01', 'a')).toBe('2024-01-01-a-2.md');
    expect(namer.next('2024-01-01', 'a-2')).toBe('2024-01-01-a-2-2.md');
    expect(namer.next('../../x', '')).toBe('x-entry.md');
  });

  it('reports progress page by page and includes every entry once', async () => {
    const { service } = await createTestJournal();
    const ids = new Set<string>();
    for (let n = 0; n < 430; n += 1) {
      const entry = await call(service, 'createEntry', {
        title: `Day ${n % 3}`,
        doc: richDoc(`Entry number ${n}`),
        timeZone: TZ,
        entryDate: `2024-03-${String((n % 28) + 1).padStart(2, '0')}`,
      });
      ids.add(entry.id);
    }
    const progress: Array<[number, number]> = [];
    const out = join(tempDir(), 'notes');
    const result = exportMarkdown(service.journal.db, {
      out,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(result.entryCount).toBe(430);
    expect(progress[0]).toEqual([0, 430]);
    expect(progress[progress.length - 1]).toEqual([430, 430]);
    expect(progress.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < progress.length; i += 1) {
      expect(progress[i]![0]).toBeGreaterThan(progress[i - 1]![0]);
    }
    const exported = readdirSync(out).map((name) => {
      const { fields } = parseFrontMatter(readFileSync(join(out, name), 'utf8'));
      return fields.get('id') as string;
    });
    expect(new Set(exported)).toEqual(ids);
  });

  it('never leaves a partial export under the chosen name, and never writes into a used folder', async () => {
    const { service } = await createTestJournal();
    for (let n = 0; n < 250; n += 1) {
      await call(service, 'createEntry', { title: `t${n}`, doc: richDoc('x'), timeZone: TZ });
    }
    const parent = tempDir();
    const failing = () => {
      throw new Error('disk pulled out');
    };
    for (const out of [join(parent, 'notes'), join(parent, 'notes.zip')]) {
      expect(() =>
        exportMarkdown(service.journal.db, {
          out,
          onProgress: (done) => {
            if (done > 0) failing();
          },
        }),
      ).toThrow();
      expect(existsSync(out)).toBe(false);
    }
    expect(readdirSync(parent)).toEqual([]);

    const used = join(parent, 'used');
    mkdirSync(used);
    writeFileSync(join(used, 'mine.txt'), 'keep me');
    expect(() => exportMarkdown(service.journal.db, { out: used })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(readdirSync(used)).toEqual(['mine.txt']);

    const empty = join(parent, 'empty');
    mkdirSync(empty);
    expect(exportMarkdown(service.journal.db, { out: empty }).entryCount).toBe(250);
    expect(readdirSync(empty)).toHaveLength(250);
  });
});
