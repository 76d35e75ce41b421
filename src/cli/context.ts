import type { parseArgs } from 'node:util';
import type { MethodName, MethodOutput } from '../shared/contract';
import { JournalError } from '../shared/errors';
import type { ProgressFn } from '../core/journal';
import type { JournalService } from '../core/service';
import { existingSecret } from './secrets-input';

export const OPTIONS = {
  journal: { type: 'string' },
  'passphrase-file': { type: 'string' },
  'new-passphrase-file': { type: 'string' },
  'recovery-code-file': { type: 'string' },
  'backup-passphrase-file': { type: 'string' },
  title: { type: 'string' },
  theme: { type: 'string', multiple: true },
  'all-themes': { type: 'boolean' },
  date: { type: 'string' },
  limit: { type: 'string' },
  starred: { type: 'boolean' },
  trash: { type: 'boolean' },
  // import --from FORMAT; export --from DAY --to DAY; restore --to DIR
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  zip: { type: 'boolean' },
  'no-new-themes': { type: 'boolean' },
  json: { type: 'boolean' },
  raw: { type: 'boolean' },
  jsonl: { type: 'boolean' },
  // export --read-only (a damaged journal); restore --in-place
  'read-only': { type: 'boolean' },
  'in-place': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

export interface Context {
  service: JournalService;
  values: Values;
  args: string[];
  print(text: string): void;
}

export async function run<K extends MethodName>(
  ctx: Context,
  method: K,
  input: unknown,
  progress?: ProgressFn,
): Promise<MethodOutput<K>> {
  const result = await ctx.service.call(method, input, progress);
  if (!result.ok) throw new JournalError(result.error.code, result.error.message);
  return result.value;
}

/**
 * Unlocks the journal and returns the passphrase that did it (a backup of it shares it).
 * `readOnly` opens a damaged journal without writing anything, to export what can be read.
 */
export async function unlock(ctx: Context, readOnly = false): Promise<string> {
  const status = await run(ctx, 'getStatus', {});
  if (status.state === 'no-journal') {
    throw new JournalError(
      'NO_JOURNAL',
      `There is no journal in ${status.journalDir}; create one with "lean-on init".`,
    );
  }
  const passphrase = await existingSecret(ctx.values['passphrase-file'], 'passphrase');
  const opened = await run(ctx, 'unlock', readOnly ? { passphrase, readOnly } : { passphrase });
  // What the open found and repaired (a rebuilt search index, say) is worth knowing about.
  for (const notice of opened.notices ?? []) process.stderr.write(`lean-on: ${notice}\n`);
  return passphrase;
}
