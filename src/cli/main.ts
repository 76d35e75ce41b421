import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { MethodOutput } from '../shared/contract';
import { JournalError } from '../shared/errors';
import { defaultJournalDir } from '../core/paths';
import { JournalService } from '../core/service';
import { suggestThemes } from '../core/suggest';
import { markdownToDoc } from '../core/text';
import { localDate, systemTimeZone } from '../core/time';
import { type Context, OPTIONS, run, unlock } from './context';
import {
  entryJson,
  entryLine,
  entryText,
  fullEntryJson,
  hitJson,
  hitLines,
  promptLine,
  themeLine,
} from './output';
import { existingSecret, newSecret, readSecretFile } from './secrets-input';
import { TRANSFER_COMMANDS } from './transfer';
import { FileProblem, HELP, UsageError } from './usage';

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1)
    throw new UsageError('--limit takes a whole number of at least 1.');
  return limit;
}

function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch {
    throw new UsageError('Could not read the entry from standard input.');
  }
}

const COMMANDS: Record<string, (ctx: Context) => Promise<void>> = {
  async init(ctx) {
    const passphrase = await newSecret(ctx.values['passphrase-file'], 'passphrase');
    const { recoveryCode } = await run(ctx, 'createJournal', { passphrase });
    ctx.print(`Created an encrypted journal in ${ctx.service.journal.dir}`);
    ctx.print(`Recovery code: ${recoveryCode}`);
    ctx.print(
      'Keep this recovery code somewhere safe and private. It is shown only once, and it is the only way back in if you forget your passphrase.',
    );
  },

  async add(ctx) {
    const [first, ...rest] = ctx.args;
    if (rest.length > 0)
      throw new UsageError(
        'Put the entry text in quotes, or pass - to read it from standard input.',
      );
    const markdown = first === undefined || first === '-' ? readStdin() : first;
    if (markdown.trim().length === 0 && !ctx.values.title)
      throw new UsageError('The entry is empty.');
    await unlock(ctx);
    const themes = (ctx.values.theme ?? []).map((id) => ({ id, source: 'manual' }));
    const entry = await run(ctx, 'createEntry', {
      title: ctx.values.title ?? '',
      doc: JSON.parse(markdownToDoc(markdown).json) as unknown,
      timeZone: systemTimeZone(),
      ...(ctx.values.date ? { entryDate: ctx.values.date } : {}),
      themes,
    });
    ctx.print(entry.id);
  },

  async list(ctx) {
    await unlock(ctx);
    const limit = parseLimit(ctx.values.limit);
    const entries = [];
    let cursor: string | null = null;
    do {
      const pageSize = Math.min(500, limit === undefined ? 500 : limit - entries.length);
      const page: MethodOutput<'listEntries'> = await run(ctx, 'listEntries', {
        themes: ctx.values.theme ?? [],
        themeMode: ctx.values['all-themes'] ? 'all' : 'any',
        ...(ctx.values.starred ? { starred: true } : {}),
        trash: ctx.values.trash ?? false,
        limit: pageSize,
        cursor,
      });
      entries.push(...page.entries);
      cursor = page.nextCursor;
    } while (cursor && (limit === undefined || entries.length < limit));
    if (ctx.values.json) ctx.print(JSON.stringify(entries.map(entryJson), null, 2));
    else if (entries.length === 0) ctx.print('No entries.');
    else for (const entry of entries) ctx.print(entryLine(entry));
  },

  async show(ctx) {
    const [id] = ctx.args;
    if (!id) throw new UsageError('Say which entry: lean-on show ID.');
    await unlock(ctx);
    const entry = await run(ctx, 'getEntry', { id });
    ctx.print(ctx.values.json ? JSON.stringify(fullEntryJson(entry), null, 2) : entryText(entry));
  },

  async search(ctx) {
    const query = ctx.args.join(' ');
    if (query.trim().length === 0)
      throw new UsageError('Say what to search for: lean-on search WORDS.');
    await unlock(ctx);
    const { hits } = await run(ctx, 'search', {
      query,
      themes: ctx.values.theme ?? [],
      themeMode: ctx.values['all-themes'] ? 'all' : 'any',
      limit: parseLimit(ctx.values.limit) ?? 100,
    });
    if (ctx.values.json) ctx.print(JSON.stringify(hits.map(hitJson), null, 2));
    else if (hits.length === 0) ctx.print('Nothing found.');
    else for (const hit of hits) ctx.print(hitLines(hit, process.stdout.isTTY === true));
  },

  async themes(ctx) {
    if (ctx.args[0] === 'suggest') {
      await suggestLines(ctx);
      return;
    }
    if (ctx.args.length > 0)
      throw new UsageError(`themes has no "${ctx.args[0]}"; try: lean-on themes suggest --jsonl`);
    await unlock(ctx);
    const themes = await run(ctx, 'listThemes', {});
    if (ctx.values.json) ctx.print(JSON.stringify(themes, null, 2));
    else for (const theme of themes) ctx.print(themeLine(theme));
  },

  async prompts(ctx) {
    const prompts = await run(
      ctx,
      'listPrompts',
      ctx.values.theme?.[0] ? { themeId: ctx.values.theme[0] } : {},
    );
    if (prompts.length === 0)
      throw new UsageError(`There are no prompts for the theme "${ctx.values.theme?.[0]}".`);
    if (ctx.values.json) ctx.print(JSON.stringify(prompts, null, 2));
    else for (const prompt of prompts) ctx.print(promptLine(prompt));
  },

  async prompt(ctx) {
    if (ctx.args[0] !== 'today') throw new UsageError('Try: lean-on prompt today.');
    const prompt = await run(ctx, 'getDailyPrompt', {
      date: localDate(Date.now(), systemTimeZone()),
    });
    ctx.print(
      ctx.values.json
        ? JSON.stringify(prompt, null, 2)
        : `${prompt.text}\n(${prompt.themeId}, ${prompt.id})`,
    );
  },

  async passwd(ctx) {
    const currentPassphrase = await existingSecret(
      ctx.values['passphrase-file'],
      'current passphrase',
    );
    const newPassphrase = await newSecret(ctx.values['new-passphrase-file'], 'passphrase');
    await run(ctx, 'changePassphrase', { currentPassphrase, newPassphrase });
    ctx.print('Passphrase changed. The recovery code still works.');
  },

  async recover(ctx) {
    const file = ctx.values['recovery-code-file'];
    const recoveryCode = file
      ? readSecretFile(file, 'recovery code')
      : await existingSecret(undefined, 'recovery code');
    const newPassphrase = await newSecret(ctx.values['new-passphrase-file'], 'passphrase');
    await run(ctx, 'unlockWithRecoveryCode', { recoveryCode, newPassphrase });
    ctx.print('Your journal is open again with the new passphrase. The recovery code still works.');
  },

  async key(ctx) {
    if (!ctx.values.raw) throw new UsageError('Printing the key needs --raw, to show you mean it.');
    const passphrase = await existingSecret(ctx.values['passphrase-file'], 'passphrase');
    await run(ctx, 'unlock', { passphrase });
    const { hexKey } = await run(ctx, 'getRawKey', { passphrase });
    ctx.print(hexKey);
  },

  ...TRANSFER_COMMANDS,
};

/**
 * `lean-on themes suggest --jsonl`: one `{"text": "..."}` per line on stdin, one
 * `{"themes": [{"id", "score", "why"}]}` per line on stdout, best first: exactly what the app
 * suggests for a journal with only the built-in themes. Needs no journal. A line that is not
 * such an object gets `{"error": "..."}` in its place, and the exit code says so at the end.
 */
async function suggestLines(ctx: Context): Promise<void> {
  if (!ctx.values.jsonl || ctx.args.length > 1) {
    throw new UsageError('Try: lean-on themes suggest --jsonl < entries.jsonl');
  }
  let bad = 0;
  let number = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    number++;
    let text: unknown;
    try {
      text = (JSON.parse(line) as { text?: unknown } | null)?.text;
    } catch {
      text = undefined;
    }
    if (typeof text !== 'string') {
      bad++;
      ctx.print(JSON.stringify({ error: `Line ${number} is not {"text": "..."}.` }));
      continue;
    }
    const themes = suggestThemes(text).map(({ themeId, score, why }) => ({
      id: themeId,
      score,
      why,
    }));
    ctx.print(JSON.stringify({ themes }));
  }
  if (bad > 0) {
    throw new UsageError(
      `${bad} of ${number} lines were not {"text": "..."}; each got an "error" line.`,
    );
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return 1;
  if (error instanceof FileProblem) return 3;
  if (error instanceof JournalError) {
    if (error.code === 'WRONG_PASSPHRASE' || error.code === 'WRONG_RECOVERY_CODE') return 2;
    if (error.code === 'INVALID_INPUT' || error.code === 'WEAK_PASSPHRASE') return 1;
    return 3;
  }
  return 3;
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`lean-on: ${(error as Error).message}\n${HELP}`);
    return 1;
  }
  const [command, ...args] = parsed.positionals;
  if (parsed.values.help || !command) {
    process.stdout.write(HELP);
    return parsed.values.help ? 0 : 1;
  }
  const handler = COMMANDS[command];
  if (!handler) {
    process.stderr.write(`lean-on: there is no command "${command}".\n${HELP}`);
    return 1;
  }
  const dir = resolve(
    parsed.values.journal ?? (process.env.LEAN_ON_JOURNAL || defaultJournalDir()),
  );
  const service = new JournalService(dir);
  try {
    await handler({
      service,
      values: parsed.values,
      args,
      print: (text) => process.stdout.write(`${text}\n`),
    });
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`lean-on: ${message}\n`);
    return exitCodeFor(error);
  } finally {
    service.close();
  }
}
