import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { progressOn } from '../../src/cli/progress';
import { planBackupImport, readLeanOnBackup } from '../../src/core/import/lean-on-backup';
import { markdownToDoc } from '../../src/core/text';
import type { JournalService } from '../../src/core/service';
import type { Entry } from '../../src/shared/types';
import {
  PASSPHRASE,
  call,
  createTestJournal,
  damagePage,
  rootPageOf,
  serviceFor,
  tempDir,
} from './helpers';

// The transfer commands (import, export, backup, restore) run for real, as a person or a
// script would run them, against encrypted journals made with the tests' cheaper KDF.

const CLI = fileURLToPath(new URL('../../src/cli/index.ts', import.meta.url));
// Absolute, so that the command also runs from a temp folder as its working directory.
const TSX = pathToFileURL(
  fileURLToPath(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url)),
).href;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function lean(args: string[], options: { cwd?: string } = {}): Run {
  const result = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], {
    input: '',
    encoding: 'utf8',
    cwd: options.cwd,
    env: { ...process.env, LEAN_ON_JOURNAL: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function secretFile(dir: string, name: string, value: string): string {
  const path = join(dir, name);
  writeFileSync(path, `${value}\n`);
  return path;
}

function mdDoc(markdown: string): unknown {
  return JSON.parse(markdownToDoc(markdown).json) as unknown;
}

/** "plain and underlined": underline is what Markdown cannot say, so only a backup keeps it. */
function underlinedDoc(): unknown {
  const doc = mdDoc('plain and underlined') as {
    root: { children: Array<{ children: Array<Record<string, unknown>> }> };
  };
  const text = doc.root.children[0]!.children[0]!;
  doc.root.children[0]!.children = [
    { ...text, text: 'plain and ' },
    { ...text, text: 'underlined', format: 8 },
  ];
  return doc;
}

/** A journal with dated, themed, starred entries in two time zones, and one in the trash. */
async function seededJournal() {
  const { dir, service } = await createTestJournal();
  const moving = await call(service, 'createTheme', { label: 'Moving house' });
  const entry = (input: Record<string, unknown>) =>
    call(service, 'createEntry', { timeZone: 'Europe/Berlin', ...input });
  await entry({
    title: 'Asked for help',
    doc: mdDoc('I **asked** Sam to help me move.\n\n- boxes\n- the van'),
    entryDate: '2024-03-02',
    themes: [
      { id: 'asking-for-help', source: 'manual' },
      { id: moving.id, source: 'manual' },
    ],
    starred: true,
  });
  await entry({
    title: 'Said no',
    doc: mdDoc('I said no to the extra shift, and the day went on.'),
    entryDate: '2024-03-05',
    timeZone: 'Asia/Tokyo',
    themes: [{ id: 'boundaries', source: 'manual' }],
  });
  await entry({ title: 'Formatting', doc: underlinedDoc(), entryDate: '2024-04-01' });
  const trashed = await entry({ title: 'Thrown away', doc: mdDoc('Not this one.') });
  await call(service, 'trashEntry', { id: trashed.id });
  service.close();
  return { dir, journal: ['--journal', dir] };
}

/** A new, empty journal with the given passphrase, closed so the command line can open it. */
async function emptyJournal(passphrase = PASSPHRASE) {
  const dir = join(tempDir(), 'journal');
  const service = serviceFor(dir);
  await call(service, 'createJournal', { passphrase });
  service.close();
  return { dir, journal: ['--journal', dir] };
}

/** Every entry outside the trash, oldest first, in full, with its themes by label. */
async function entriesOf(dir: string, passphrase = PASSPHRASE) {
  const service: JournalService = serviceFor(dir);
  await call(service, 'unlock', { passphrase });
  const labels = new Map((await call(service, 'listThemes')).map((t) => [t.id, t.label]));
  const { entries } = await call(service, 'listEntries', { limit: 500 });
  const full: Entry[] = [];
  for (const summary of entries) full.push(await call(service, 'getEntry', { id: summary.id }));
  service.close();
  return full
    .sort((a, b) => a.entryDate.localeCompare(b.entryDate))
    .map((entry) => ({ ...entry, labels: entry.themes.map((t) => labels.get(t.id)).sort() }));
}

/** The raw database key of a closed journal, as `lean-on key --raw` would print it. */
async function rawKeyOf(dir: string) {
  const service = serviceFor(dir);
  await call(service, 'unlock', { passphrase: PASSPHRASE });
  const key = await call(service, 'getRawKey', { passphrase: PASSPHRASE });
  service.close();
  return key;
}

const summary = (entry: Awaited<ReturnType<typeof entriesOf>>[number]) => ({
  title: entry.title,
  text: entry.text,
  date: entry.entryDate,
  themes: entry.labels,
});

const IMPORT_KEYS = ['added', 'createdThemes', 'duplicates', 'failed', 'problems', 'warnings'];

describe('lean-on export and import', () => {
  it('round-trips a Markdown folder into a fresh journal, with relative paths', async () => {
    const source = await seededJournal();
    const home = tempDir();
    const pass = secretFile(home, 'pass', PASSPHRASE);
    const exported = lean(
      ['export', '--format', 'md', '--out', 'notes', ...source.journal, '--passphrase-file', pass],
      { cwd: home },
    );
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(
      `Exported 3 entries as Markdown files in a folder to ${join(home, 'notes')} (${/\((\d+ KB)\)/.exec(exported.stdout)?.[1]}).\n`,
    );
    expect(exported.stderr).toBe(
      `lean-on: this export is NOT encrypted; anyone who can open ${join(home, 'notes')} can read it.\n`,
    );
    expect(readdirSync(join(home, 'notes'))).toHaveLength(3);

    const target = await emptyJournal();
    const imported = lean(
      [
        'import',
        '--from',
        'markdown',
        'notes',
        '--json',
        ...target.journal,
        '--passphrase-file',
        pass,
      ],
      { cwd: home },
    );
    expect(imported.code).toBe(0);
    expect(imported.stderr).toBe('');
    const report = JSON.parse(imported.stdout) as Record<string, unknown>;
    expect(Object.keys(report).sort()).toEqual(IMPORT_KEYS);
    expect(report).toEqual({
      added: 3,
      duplicates: 0,
      failed: 0,
      createdThemes: 1,
      problems: [],
      warnings: [],
    });
    const before = (await entriesOf(source.dir)).map(summary);
    expect((await entriesOf(target.dir)).map(summary)).toEqual(before);
    expect(before.map((entry) => entry.themes)).toEqual([
      ['Asking for help', 'Moving house'],
      ['Boundaries'],
      [],
    ]);

    const again = lean([
      'import',
      '--from',
      'markdown',
      join(home, 'notes'),
      ...target.journal,
      '--passphrase-file',
      pass,
    ]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('Added 0 entries, skipped 3 duplicates, 0 failed.\n');
  });

  it('writes zipped Markdown, JSON and a dated, themed HTML page, each NOT encrypted', async () => {
    const { journal } = await seededJournal();
    const home = tempDir();
    const pass = secretFile(home, 'pass', PASSPHRASE);
    const run = (...args: string[]) =>
      lean(['export', ...args, ...journal, '--passphrase-file', pass]);

    const zip = run('--format', 'md', '--zip', '--out', join(home, 'notes.zip'));
    expect(zip.code).toBe(0);
    expect(zip.stdout).toMatch(/^Exported 3 entries as Markdown files in a zip to .*notes\.zip/);
    expect(readFileSync(join(home, 'notes.zip')).subarray(0, 2).toString()).toBe('PK');

    const json = run('--format', 'json', '--out', join(home, 'all.json'), '--json');
    expect(json.code).toBe(0);
    const outcome = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(outcome).toEqual({
      format: 'json',
      container: 'file',
      path: join(home, 'all.json'),
      entryCount: 4, // The JSON export keeps the trash.
      bytes: statSync(join(home, 'all.json')).size,
      encrypted: false,
    });
    expect(json.stderr).toContain('NOT encrypted');

    const html = run(
      '--format',
      'html',
      '--out',
      join(home, 'march.html'),
      '--from',
      '2024-03-01',
      '--to',
      '2024-03-31',
      '--theme',
      'boundaries',
    );
    expect(html.code).toBe(0);
    expect(html.stdout).toMatch(/^Exported 1 entry as HTML to /);
    const page = readFileSync(join(home, 'march.html'), 'utf8');
    expect(page).toContain('Said no');
    expect(page).not.toContain('Asked for help');
  });

  it('refuses export options that do not fit, before unlocking anything', async () => {
    const { journal } = await seededJournal();
    const home = tempDir();
    const pass = secretFile(home, 'pass', PASSPHRASE);
    const run = (...args: string[]) =>
      lean(['export', ...args, ...journal, '--passphrase-file', pass]);
    const out = join(home, 'x');
    for (const args of [
      ['--out', out],
      ['--format', 'pdf', '--out', out],
      ['--format', 'md'],
      ['--format', 'json', '--zip', '--out', out],
      ['--format', 'md', '--theme', 'trust', '--out', out],
      ['--format', 'html', '--from', '2024-02-30', '--out', out],
      ['--format', 'html', '--from', '2024-03-02', '--to', '2024-03-01', '--out', out],
    ]) {
      const result = run(...args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(/^lean-on: [^\n]+\.\n$/);
    }
    expect(existsSync(out)).toBe(false);
    const unknownTheme = run('--format', 'html', '--theme', 'no-such-theme', '--out', out);
    expect(unknownTheme.code).toBe(3);
    // A Markdown export goes into a new or empty folder only.
    mkdirSync(join(home, 'full'));
    writeFileSync(join(home, 'full', 'keep.txt'), 'mine');
    const full = run('--format', 'md', '--out', join(home, 'full'));
    expect(full.code).toBe(3);
    expect(readdirSync(join(home, 'full'))).toEqual(['keep.txt']);
  });

  it('says what is wrong with a missing file, a wrong format or a wrong --from', async () => {
    const target = await emptyJournal();
    const home = tempDir();
    const pass = secretFile(home, 'pass', PASSPHRASE);
    const run = (...args: string[]) =>
      lean(['import', ...args, ...target.journal, '--passphrase-file', pass]);
    const jrnl = join(home, 'jrnl.json');
    writeFileSync(
      jrnl,
      JSON.stringify({
        tags: {},
        entries: [{ title: 'A day', body: 'Fine.', date: '2024-01-01', time: '09:00', tags: [] }],
      }),
    );

    const missing = run('--from', 'jrnl', join(home, 'nothing.json'));
    expect(missing.code).toBe(3);
    expect(missing.stderr).toBe('lean-on: There is no file or folder called “nothing.json”.\n');
    const wrong = run('--from', 'dayone', jrnl);
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toMatch(/looks like a jrnl export, not a Day One export/);
    const notBackup = run('--from', 'backup', jrnl);
    expect(notBackup.code).toBe(3);
    expect(notBackup.stderr).toBe(
      'lean-on: “jrnl.json” is not a Lean On backup (a .leanon-backup file).\n',
    );
    expect(run('--from', 'evernote', jrnl).code).toBe(1);
    expect(run('--from', 'jrnl').code).toBe(1);
    expect(run(jrnl).code).toBe(1);
    expect(run('--from', 'jrnl', jrnl, '--backup-passphrase-file', pass).code).toBe(1);
    expect((await entriesOf(target.dir)).length).toBe(0);

    const ok = run('--from', 'jrnl', jrnl);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('Added 1 entry, skipped 0 duplicates, 0 failed.\n');
  });

  it('prints failures and warnings each on its own line', async () => {
    const target = await emptyJournal();
    const home = tempDir();
    const pass = secretFile(home, 'pass', PASSPHRASE);
    const folder = join(home, 'notes');
    mkdirSync(folder);
    writeFileSync(join(folder, '2024-01-01 good.md'), '# Good\n\nA good day.\n');
    writeFileSync(join(folder, '2024-01-02 broken.md'), '---\ntitle: [unclosed\n---\nText\n');
    writeFileSync(
      join(folder, '2024-01-03 odd date.md'),
      '---\ndate: someday\ntitle: Odd\n---\nText\n',
    );
    const result = lean([
      'import',
      '--from',
      'markdown',
      folder,
      '--no-new-themes',
      ...target.journal,
      '--passphrase-file',
      pass,
    ]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Added 2 entries, skipped 0 duplicates, 1 failed.');
    expect(lines.filter((line) => line.startsWith('Failed: '))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('Warning: '))).toHaveLength(1);
    expect(lines.find((line) => line.startsWith('Failed: '))).toContain('broken.md');
    expect(lines.find((line) => line.startsWith('Warning: '))).toContain('someday');
  });
});

describe('lean-on backup, restore and import --from backup', () => {
  it('backs up, restores into a new folder, and the copy opens with the same passphrase', async () => {
    const source = await seededJournal();
    const home = tempDir();
    const pass = secretFile(home, 'pass', PASSPHRASE);
    const backup = lean(
      ['backup', '--out', 'journal.leanon-backup', ...source.journal, '--passphrase-file', pass],
      { cwd: home },
    );
    expect(backup.code).toBe(0);
    expect(backup.stderr).toBe('');
    const file = join(home, 'journal.leanon-backup');
    expect(backup.stdout).toBe(
      `Backed up 4 entries to ${file} (${/\((\d+ [KM]B)\)/.exec(backup.stdout)?.[1]}); it was checked and is encrypted.\nIt opens with this journal’s passphrase or recovery code, as they are now.\n`,
    );

    const restored = lean(['restore', 'journal.leanon-backup', '--to', 'copy'], { cwd: home });
    expect(restored.code).toBe(0);
    const copy = join(home, 'copy');
    expect(restored.stdout).toContain(`into ${copy}.\n`);
    expect(restored.stdout).toContain(`lean-on list --journal ${copy}\n`);
    expect(restored.stdout).toContain('same passphrase or recovery code');
    const list = lean(['list', '--journal', copy, '--passphrase-file', pass, '--json']);
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(3);
    expect(await entriesOf(copy)).toEqual(await entriesOf(source.dir));

    const again = lean(['restore', file, '--to', copy]);
    expect(again.code).toBe(3);
    expect(again.stderr).toBe(
      `lean-on: The folder “${copy}” is not empty. Restore into a new or empty folder, so nothing is overwritten.\n`,
    );
    const missing = lean(['restore', join(home, 'nothing'), '--to', join(home, 'other')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^lean-on: There is no backup file at “.*nothing”\.\n$/);
    expect(existsSync(join(home, 'other'))).toBe(false);
    expect(lean(['restore', file]).code).toBe(1);
    expect(lean(['restore', '--to', join(home, 'other')]).code).toBe(1);
    expect(lean(['backup', ...source.journal, '--passphrase-file', pass]).code).toBe(1);

    const json = lean(['restore', file, '--to', join(home, 'second'), '--json']);
    expect(JSON.parse(json.stdout)).toEqual({
      dir: join(home, 'second'),
      journalId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      createdAt: expect.stringMatching(/Z$/) as unknown,
      entryCount: 4,
    });
    const backupJson = lean([
      'backup',
      '--out',
      join(home, 'b2.leanon-backup'),
      '--json',
      ...source.journal,
      '--passphrase-file',
      pass,
    ]);
    expect(JSON.parse(backupJson.stdout)).toEqual({
      path: join(home, 'b2.leanon-backup'),
      bytes: statSync(join(home, 'b2.leanon-backup')).size,
      entryCount: 4,
      encrypted: true,
    });
  });

  it('restores a backup in place of a journal whose keyring is damaged, keeping the old files', async () => {
    const source = await seededJournal();
    const home = tempDir();
    const pass = secretFile(home, 'pass', PASSPHRASE);
    const file = join(home, 'journal.leanon-backup');
    expect(lean(['backup', '--out', file, ...source.journal, '--passphrase-file', pass]).code).toBe(
      0,
    );
    writeFileSync(join(source.dir, 'keyring.json'), '{"damaged": tru');
    const refused = lean(['list', ...source.journal, '--passphrase-file', pass]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/keyring\.json is damaged/);

    const wrong = secretFile(home, 'wrong', 'not the passphrase at all');
    const denied = lean([
      'restore',
      file,
      '--in-place',
      ...source.journal,
      '--passphrase-file',
      wrong,
    ]);
    expect(denied.code).toBe(2);
    expect(readFileSync(join(source.dir, 'keyring.json'), 'utf8')).toBe('{"damaged": tru');
    expect(lean(['restore', file, '--in-place', '--to', home, ...source.journal]).code).toBe(1);

    const restored = lean([
      'restore',
      file,
      '--in-place',
      ...source.journal,
      '--passphrase-file',
      pass,
    ]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`is now the journal in ${source.dir}.`);
    const kept = readdirSync(source.dir).filter((name) => name.startsWith('replaced-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(source.dir, kept[0]!, 'keyring.json'), 'utf8')).toBe(
      '{"damaged": tru',
    );
    const list = lean(['list', ...source.journal, '--passphrase-file', pass, '--json']);
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(3);
  });

  it('exports read-only without writing a byte to the journal', async () => {
    const source = await seededJournal();
    const home = tempDir();
    const pass = secretFile(home, 'pass', PASSPHRASE);
    const before = readFileSync(join(source.dir, 'journal.db'));
    const out = join(home, 'salvage.json');
    const result = lean([
      'export',
      '--read-only',
      '--format',
      'json',
      '--out',
      out,
      ...source.journal,
      '--passphrase-file',
      pass,
    ]);
    expect(result.code).toBe(0);
    expect(
      JSON.parse(readFileSync(out, 'utf8')) as { entryCount: number; unreadable: number },
    ).toMatchObject({
      entryCount: 4,
      unreadable: 0,
    });
    expect(readFileSync(join(source.dir, 'journal.db')).equals(before)).toBe(true);
    const html = lean([
      'export',
      '--read-only',
      '--format',
      'html',
      '--out',
      join(home, 'x.html'),
      ...source.journal,
      '--passphrase-file',
      pass,
    ]);
    expect(html.code).toBe(1);
  });

  it('imports a backup into another journal exactly, once, and never duplicates its own', async () => {
    const source = await seededJournal();
    const home = tempDir();
    const pass = secretFile(home, 'pass', PASSPHRASE);
    const otherPass = secretFile(home, 'other-pass', 'another fine passphrase');
    const file = join(home, 'a.leanon-backup');
    expect(lean(['backup', '--out', file, ...source.journal, '--passphrase-file', pass]).code).toBe(
      0,
    );

    const target = await emptyJournal('another fine passphrase');
    const into = (...args: string[]) =>
      lean([
        'import',
        '--from',
        'backup',
        file,
        ...target.journal,
        '--passphrase-file',
        otherPass,
        ...args,
      ]);
    const wrong = into();
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      'lean-on: This journal’s passphrase does not open the backup “a.leanon-backup”; if it is a backup of another journal, give its passphrase with --backup-passphrase-file FILE.\n',
    );
    const first = into('--backup-passphrase-file', pass, '--json');
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toEqual({
      added: 3,
      duplicates: 0,
      failed: 0,
      createdThemes: 1,
      problems: [],
      warnings: ['“a.leanon-backup”: 1 entry in its trash was left out.'],
    });
    const second = into('--backup-passphrase-file', pass);
    expect(second.code).toBe(0);
    expect(second.stdout.split('\n')[0]).toBe('Added 0 entries, skipped 3 duplicates, 0 failed.');

    const original = await entriesOf(source.dir);
    const copied = await entriesOf(target.dir, 'another fine passphrase');
    const facts = (entry: (typeof original)[number]) => ({
      title: entry.title,
      doc: entry.doc,
      date: entry.entryDate,
      createdAt: entry.createdAt,
      updatedAt: entry.updatedAt,
      createdTimeZone: entry.createdTimeZone,
      starred: entry.starred,
      themes: entry.labels,
    });
    expect(copied.map(facts)).toEqual(original.map(facts));
    // The underline survives: the document is the backup's own, not one rebuilt from text.
    expect(JSON.stringify(copied[2]!.doc)).toContain('"format":8');
    expect(copied.map((entry) => entry.id)).not.toEqual(original.map((entry) => entry.id));

    // A backup of the same journal: every entry is already there (by its id).
    const own = lean([
      'import',
      '--from',
      'backup',
      file,
      ...source.journal,
      '--passphrase-file',
      pass,
    ]);
    expect(own.code).toBe(0);
    expect(own.stdout.split('\n')[0]).toBe('Added 0 entries, skipped 3 duplicates, 0 failed.');
    // And a backup of the journal that imported them adds nothing back to the first.
    const back = join(home, 'b.leanon-backup');
    expect(
      lean(['backup', '--out', back, ...target.journal, '--passphrase-file', otherPass]).code,
    ).toBe(0);
    const returned = lean([
      'import',
      '--from',
      'backup',
      back,
      ...source.journal,
      '--passphrase-file',
      pass,
      '--backup-passphrase-file',
      otherPass,
    ]);
    expect(returned.stdout.split('\n')[0]).toBe('Added 0 entries, skipped 3 duplicates, 0 failed.');
    expect(await entriesOf(source.dir)).toHaveLength(3);
  });

  it('leaves new themes off with --no-new-themes, and refuses a damaged backup as damaged', async () => {
    const source = await seededJournal();
    const home = tempDir();
    const pass = secretFile(home, 'pass', PASSPHRASE);
    const file = join(home, 'a.leanon-backup');
    expect(lean(['backup', '--out', file, ...source.journal, '--passphrase-file', pass]).code).toBe(
      0,
    );
    const target = await emptyJournal();
    const result = lean([
      'import',
      '--from',
      'backup',
      file,
      '--no-new-themes',
      ...target.journal,
      '--passphrase-file',
      pass,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Added 3 entries, skipped 0 duplicates, 0 failed.');
    expect((await entriesOf(target.dir)).map((entry) => entry.labels)).toEqual([
      ['Asking for help'],
      ['Boundaries'],
      [],
    ]);

    const bytes = readFileSync(file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0xff;
    const damaged = join(home, 'damaged.leanon-backup');
    writeFileSync(damaged, bytes);
    const other = await emptyJournal();
    const refused = lean([
      'import',
      '--from',
      'backup',
      damaged,
      ...other.journal,
      '--passphrase-file',
      pass,
    ]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(
      /^lean-on: This backup file is damaged or incomplete \(.*\); use another backup\.\n$/,
    );
    // Chosen as another format, a backup is named for what it is.
    const asJrnl = lean([
      'import',
      '--from',
      'jrnl',
      file,
      ...other.journal,
      '--passphrase-file',
      pass,
    ]);
    expect(asJrnl.code).toBe(3);
    expect(asJrnl.stderr).toContain('looks like a Lean On backup');
    expect(await entriesOf(other.dir)).toHaveLength(0);
  });
});

describe('lean-on check', () => {
  it('reads every page, says what an open repaired, and refuses damaged entries', async () => {
    const healthy = await seededJournal();
    const home = tempDir();
    const pass = secretFile(home, 'pass', PASSPHRASE);
    const ok = lean(['check', ...healthy.journal, '--passphrase-file', pass]);
    expect(ok).toEqual({
      code: 0,
      stdout: 'Checked every page of the journal: no damage found.\n',
      stderr: '',
    });
    const json = lean(['check', '--json', ...healthy.journal, '--passphrase-file', pass]);
    expect(JSON.parse(json.stdout)).toEqual({ notices: [] });
    expect(lean(['check', 'now', ...healthy.journal, '--passphrase-file', pass]).code).toBe(1);

    // A small journal is checked on open: a damaged search index is rebuilt there, and said.
    const { hexKey } = await rawKeyOf(healthy.dir);
    const dbPath = join(healthy.dir, 'journal.db');
    damagePage(dbPath, rootPageOf(dbPath, hexKey, 'entries_fts_data'));
    const repaired = lean(['check', ...healthy.journal, '--passphrase-file', pass]);
    expect(repaired.code).toBe(0);
    expect(repaired.stderr).toMatch(/^lean-on: .*search index is damaged.*rebuilt.*\n$/);
    expect(repaired.stdout).toBe('Checked every page of the journal: no damage found.\n');

    damagePage(dbPath, rootPageOf(dbPath, hexKey, 'entries'));
    const before = readFileSync(dbPath);
    const damaged = lean(['check', ...healthy.journal, '--passphrase-file', pass]);
    expect(damaged.code).toBe(3);
    expect(damaged.stdout).toBe('');
    expect(damaged.stderr).toMatch(/^lean-on: .*could not be read \(entries\).*read-only/);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });
});

describe('the backup reader in the core', () => {
  it('opens with the recovery code, names a wrong secret, and always removes its temp copy', async () => {
    const { service, recoveryCode } = await createTestJournal();
    await call(service, 'createEntry', {
      title: 'Kept',
      doc: mdDoc('Words.'),
      timeZone: 'Europe/Berlin',
    });
    const file = join(tempDir(), 'j.leanon-backup');
    await call(service, 'createBackup', { out: file });
    const scratch = tempDir();
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
    try {
      const backup = await readLeanOnBackup(file, { secret: { recoveryCode } });
      expect(backup.parsed.entries.map((entry) => entry.title)).toEqual(['Kept']);
      expect(readdirSync(scratch)).toEqual([]);
      await expect(
        readLeanOnBackup(file, { secret: { passphrase: 'not the passphrase' } }),
      ).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
      await expect(
        readLeanOnBackup(file, {
          secret: { recoveryCode: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA' },
        }),
      ).rejects.toMatchObject({ code: 'WRONG_RECOVERY_CODE' });
      expect(readdirSync(scratch)).toEqual([]);
      // Planned against the journal it came from, every entry is a duplicate.
      const plan = planBackupImport(service.journal.db, backup);
      expect(plan.counts).toMatchObject({ read: 1, add: 0, duplicates: 1 });
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
  });

  it('shows progress on a terminal only', () => {
    const written: string[] = [];
    const terminal = progressOn({ isTTY: true, write: (text: string) => written.push(text) });
    terminal.report(0.5, 'verify');
    terminal.report(0.5, 'verify');
    terminal.report(null, 'Reading entries');
    terminal.done();
    expect(written).toEqual([
      '\r\u001b[2KChecking the backup… 50%',
      '\r\u001b[2KReading entries…',
      '\r\u001b[2K',
    ]);
    const piped: string[] = [];
    const pipe = progressOn({ isTTY: false, write: (text: string) => piped.push(text) });
    pipe.report(0.5, 'verify');
    pipe.done();
    expect(piped).toEqual([]);
  });
});
