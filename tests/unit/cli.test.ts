import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

const CLI = fileURLToPath(new URL('../../src/cli/index.ts', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function lean(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Run {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, LEAN_ON_JOURNAL: '', ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function secretFile(dir: string, name: string, value: string): string {
  const path = join(dir, name);
  writeFileSync(path, `${value}\n`);
  return path;
}

describe('lean-on command line', () => {
  it('runs the whole life of a journal: init, add, list, show, search, passwd, recover, key', () => {
    const home = tempDir();
    const journal = join(home, 'journal');
    const first = secretFile(home, 'first', 'first passphrase ✓');
    const second = secretFile(home, 'second', 'second passphrase');
    const third = secretFile(home, 'third', 'third passphrase');
    const j = ['--journal', journal];

    const init = lean(['init', ...j, '--passphrase-file', first]);
    expect(init.code).toBe(0);
    const codeLine = init.stdout.split('\n').find((line) => line.startsWith('Recovery code: '));
    expect(codeLine).toMatch(/^Recovery code: [0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    const recovery = secretFile(home, 'recovery', codeLine!.slice('Recovery code: '.length));

    const add = lean([
      'add',
      ...j,
      '--passphrase-file',
      first,
      '--title',
      'Asked',
      '--theme',
      'asking-for-help',
      '--date',
      '2025-03-04',
      'I **asked** Zoë to take the kids.',
    ]);
    expect(add.code).toBe(0);
    const id = add.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const fromStdin = lean(['add', ...j, '--passphrase-file', first, '-'], {
      input: '# Boundaries\n\nI said no to the extra shift.\n',
    });
    expect(fromStdin.code).toBe(0);

    const list = lean(['list', ...j, '--passphrase-file', first, '--json']);
    expect(list.code).toBe(0);
    const entries = JSON.parse(list.stdout) as Array<Record<string, unknown>>;
    expect(entries).toHaveLength(2);
    const asked = entries.find((entry) => entry.id === id)!;
    expect(asked).toMatchObject({
      date: '2025-03-04',
      title: 'Asked',
      themes: ['asking-for-help'],
    });
    expect(asked.preview).toBe('I asked Zoë to take the kids.');
    const limited = JSON.parse(
      lean(['list', ...j, '--passphrase-file', first, '--json', '--limit', '1']).stdout,
    ) as unknown[];
    expect(limited).toHaveLength(1);
    const byTheme = JSON.parse(
      lean(['list', ...j, '--passphrase-file', first, '--json', '--theme', 'asking-for-help'])
        .stdout,
    ) as unknown[];
    expect(byTheme).toHaveLength(1);

    const show = JSON.parse(
      lean(['show', id, ...j, '--passphrase-file', first, '--json']).stdout,
    ) as Record<string, unknown>;
    expect(show.text).toBe('I asked Zoë to take the kids.');
    expect(show.doc).toHaveProperty('root');

    const search = lean(['search', 'zoe', ...j, '--passphrase-file', first, '--json']);
    expect((JSON.parse(search.stdout) as Array<{ id: string }>).map((hit) => hit.id)).toEqual([id]);
    const odd = lean([
      'search',
      '"unbalanced ( NEAR OR *',
      ...j,
      '--passphrase-file',
      first,
      '--json',
    ]);
    expect(odd.code).toBe(0);
    expect(JSON.parse(odd.stdout)).toEqual([]);

    const wrong = lean(['list', ...j, '--passphrase-file', second]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim()).toBe('lean-on: That passphrase does not open this journal.');
    const unreadable = lean(['list', ...j, '--passphrase-file', join(home, 'absent')]);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toContain('Could not read the passphrase file');

    expect(
      lean(['passwd', ...j, '--passphrase-file', first, '--new-passphrase-file', second]).code,
    ).toBe(0);
    expect(lean(['list', ...j, '--passphrase-file', first]).code).toBe(2);
    expect(lean(['list', ...j, '--passphrase-file', second]).code).toBe(0);

    expect(
      lean(['recover', ...j, '--recovery-code-file', recovery, '--new-passphrase-file', third])
        .code,
    ).toBe(0);
    expect(lean(['list', ...j, '--passphrase-file', second]).code).toBe(2);
    const key = lean(['key', '--raw', ...j, '--passphrase-file', third]);
    expect(key.code).toBe(0);
    expect(key.stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
    const badRecovery = secretFile(home, 'bad-recovery', 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA');
    expect(
      lean(['recover', ...j, '--recovery-code-file', badRecovery, '--new-passphrase-file', first])
        .code,
    ).toBe(2);
  });

  it('finds the journal through LEAN_ON_JOURNAL', () => {
    const home = tempDir();
    const journal = join(home, 'from-env');
    const pass = secretFile(home, 'pass', 'a fine passphrase');
    expect(
      lean(['init', '--passphrase-file', pass], { env: { LEAN_ON_JOURNAL: journal } }).code,
    ).toBe(0);
    const themes = lean(['themes', '--json', '--passphrase-file', pass], {
      env: { LEAN_ON_JOURNAL: journal },
    });
    expect((JSON.parse(themes.stdout) as Array<{ id: string }>).map((theme) => theme.id)).toContain(
      'boundaries',
    );
  });

  it('lists prompts and today’s prompt without a journal', () => {
    const prompts = lean(['prompts', '--theme', 'trust', '--json']);
    expect(prompts.code).toBe(0);
    const list = JSON.parse(prompts.stdout) as Array<{ themeId: string; text: string }>;
    expect(list.length).toBeGreaterThanOrEqual(8);
    expect(list.every((prompt) => prompt.themeId === 'trust' && prompt.text.endsWith('?'))).toBe(
      true,
    );
    const today = lean(['prompt', 'today']);
    expect(today.code).toBe(0);
    expect(today.stdout).toMatch(/\?\n\(/);
  });

  it('exits 1 for usage mistakes and 3 for other journal errors, with one plain sentence', () => {
    const home = tempDir();
    expect(lean([]).code).toBe(1);
    expect(lean(['frobnicate']).code).toBe(1);
    expect(lean(['list', '--no-such-flag']).code).toBe(1);
    expect(lean(['key']).code).toBe(1);
    const pass = secretFile(home, 'pass', 'a fine passphrase');
    const missing = lean([
      'list',
      '--journal',
      join(home, 'nothing-here'),
      '--passphrase-file',
      pass,
    ]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(
      /^lean-on: There is no journal in .*; create one with "lean-on init"\.\n$/,
    );
    const weak = secretFile(home, 'weak', 'short');
    expect(lean(['init', '--journal', join(home, 'j'), '--passphrase-file', weak]).code).toBe(1);
  });
});

describe('lean-on themes suggest --jsonl', () => {
  it('answers each line with exactly what the app suggests, needing no journal', async () => {
    const { suggestThemes } = await import('../../src/core/suggest');
    const texts = [
      'I drafted a text to my brother asking him to take the kids, then deleted it.',
      'I told my manager no, I will not take the weekend shift. It felt awful and right.',
      'Rain all morning. Made soup.',
      'Hoy llovió todo el día.',
      '',
    ];
    const input = `${texts.map((text) => JSON.stringify({ text })).join('\n')}\n`;
    const result = lean(['themes', 'suggest', '--jsonl', '--journal', '/nonexistent/never-made'], {
      input,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual(
      texts.map((text) => ({
        themes: suggestThemes(text).map(({ themeId, score, why }) => ({ id: themeId, score, why })),
      })),
    );
    expect(lines[0]).toMatchObject({ themes: [{ id: 'asking-for-help' }] });
  });

  it('puts an error line in place of a line that is not {"text"} and exits 1', () => {
    const result = lean(['themes', 'suggest', '--jsonl'], {
      input: '{"text": "fine"}\n[1, 2]\n{"words": "no"}\n',
    });
    expect(result.code).toBe(1);
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual([
      { themes: [] },
      { error: 'Line 2 is not {"text": "..."}.' },
      { error: 'Line 3 is not {"text": "..."}.' },
    ]);
    expect(result.stderr).toMatch(/2 of 3 lines/);
    expect(lean(['themes', 'suggest']).code).toBe(1);
  });
});
