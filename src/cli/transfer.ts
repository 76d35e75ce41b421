import { basename, resolve } from 'node:path';
import { JournalError } from '../shared/errors';
import type { ExportOutcome } from '../shared/types';
import { restoreBackup } from '../core/backup-restore';
import { applyImport } from '../core/import/apply';
import { planBackupImport, readLeanOnBackup } from '../core/import/lean-on-backup';
import { formatSize } from '../core/import/limits';
import type { ImportFormat } from '../core/import/types';
import type { ProgressFn } from '../core/journal';
import { type Context, run, unlock } from './context';
import { withProgress } from './progress';
import { existingSecret, readSecretFile } from './secrets-input';
import { FileProblem, UsageError } from './usage';

/** What an import did, the same whatever was imported; --json prints exactly this. */
interface ImportReport {
  added: number;
  duplicates: number;
  failed: number;
  createdThemes: number;
  problems: string[];
  warnings: string[];
}

/** As typed after --from; the core's own ids are accepted too. */
const IMPORT_FORMATS: Readonly<Record<string, ImportFormat>> = {
  dayone: 'day-one',
  'day-one': 'day-one',
  jrnl: 'jrnl',
  minidiary: 'mini-diary',
  'mini-diary': 'mini-diary',
  markdown: 'markdown',
  md: 'markdown',
  backup: 'lean-on-backup',
  'lean-on-backup': 'lean-on-backup',
};

/** Problems and warnings shown, as many as the app's preview shows. */
const SHOWN = 100;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The core says INVALID_INPUT both for a malformed request and for a file it cannot use. The
 * command line checks its own options first, so here it is always the file: exit 3, not 1.
 */
async function onFiles<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof JournalError && error.code === 'INVALID_INPUT') {
      throw new FileProblem(error.message, { cause: error });
    }
    throw error;
  }
}

function onePath(ctx: Context, usage: string): string {
  if (ctx.args.length !== 1) throw new UsageError(`Say which file: ${usage}.`);
  return resolve(ctx.args[0]!);
}

function onlyWith(ctx: Context, names: Array<'from' | 'to' | 'theme' | 'zip'>, rule: string) {
  if (names.some((name) => ctx.values[name] !== undefined)) throw new UsageError(rule);
}

async function importThroughContract(
  ctx: Context,
  path: string,
  format: ImportFormat,
  report: ProgressFn,
): Promise<ImportReport> {
  const preview = await run(ctx, 'previewImport', { path, format }, report);
  const outcome = await run(
    ctx,
    'applyImport',
    { previewId: preview.previewId, createThemes: !ctx.values['no-new-themes'] },
    report,
  );
  return {
    added: outcome.added,
    duplicates: outcome.duplicates,
    failed: outcome.skipped,
    createdThemes: outcome.createdThemes,
    problems: preview.problems,
    warnings: preview.warnings,
  };
}

/**
 * A backup opens only with its passphrase, which the contract's import does not take, so it is
 * read, planned and applied here with the core's own steps, as previewImport and applyImport
 * would. A backup of this same journal shares its passphrase, hence the default.
 */
async function importBackup(
  ctx: Context,
  path: string,
  journalPassphrase: string,
  report: ProgressFn,
): Promise<ImportReport> {
  const file = ctx.values['backup-passphrase-file'];
  const passphrase = file ? readSecretFile(file, 'backup passphrase') : journalPassphrase;
  let backup;
  try {
    backup = await readLeanOnBackup(path, { secret: { passphrase }, onProgress: report });
  } catch (error) {
    if (!file && error instanceof JournalError && error.code === 'WRONG_PASSPHRASE') {
      throw new JournalError(
        'WRONG_PASSPHRASE',
        `This journal’s passphrase does not open the backup “${basename(path)}”; if it is a backup of another journal, give its passphrase with --backup-passphrase-file FILE.`,
      );
    }
    throw error;
  }
  const db = ctx.service.journal.db;
  const plan = planBackupImport(db, backup, { onProgress: report });
  const result = applyImport(db, plan, {
    createThemes: !ctx.values['no-new-themes'],
    onProgress: report,
  });
  return {
    added: result.added,
    duplicates: result.duplicates,
    failed: result.skipped,
    createdThemes: result.createdThemeIds.length,
    problems: plan.skipped.slice(0, SHOWN).map((problem) => problem.message),
    warnings: plan.warnings.slice(0, SHOWN).map((problem) => problem.message),
  };
}

function importLines(report: ImportReport): string[] {
  const lines = [
    `Added ${plural(report.added, 'entry', 'entries')}, skipped ${plural(report.duplicates, 'duplicate')}, ${report.failed} failed.`,
  ];
  if (report.createdThemes > 0) lines.push(`Created ${plural(report.createdThemes, 'new theme')}.`);
  for (const problem of report.problems) lines.push(`Failed: ${problem}`);
  const unshown = report.failed - report.problems.length;
  if (unshown > 0) lines.push(`Failed: ${plural(unshown, 'more entry', 'more entries')}.`);
  for (const warning of report.warnings) lines.push(`Warning: ${warning}`);
  return lines;
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(ctx: Context, option: 'from' | 'to'): string | undefined {
  const value = ctx.values[option];
  if (value === undefined) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  if (
    !CALENDAR_DAY.test(value) ||
    Number.isNaN(date.getTime()) ||
    !date.toISOString().startsWith(value)
  ) {
    throw new UsageError(`--${option} takes a day that exists, written YYYY-MM-DD.`);
  }
  return value;
}

function exportInput(ctx: Context) {
  if (ctx.args.length > 0) throw new UsageError('Say where to write with --out PATH.');
  const format = ctx.values.format;
  const out = ctx.values.out;
  if (!format || !out)
    throw new UsageError('Try: lean-on export --format md|json|html --out PATH.');
  if (format === 'md' || format === 'markdown') {
    onlyWith(ctx, ['from', 'to', 'theme'], '--from, --to and --theme are for an HTML export.');
    return {
      format: 'markdown',
      out: resolve(out),
      container: ctx.values.zip ? 'zip' : 'folder',
    } as const;
  }
  if (format === 'json') {
    onlyWith(ctx, ['from', 'to', 'theme', 'zip'], 'A JSON export is always the whole journal.');
    return { format: 'json', out: resolve(out) } as const;
  }
  if (format !== 'html') throw new UsageError('--format is md, json or html.');
  onlyWith(ctx, ['zip'], '--zip is for a Markdown export.');
  const from = day(ctx, 'from');
  const to = day(ctx, 'to');
  if (from && to && from > to) throw new UsageError('--from must not be later than --to.');
  const themes = ctx.values.theme ?? [];
  if (themes.length > 1) throw new UsageError('An HTML export takes one --theme.');
  return {
    format: 'html',
    out: resolve(out),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(themes[0] ? { themeId: themes[0] } : {}),
  } as const;
}

const EXPORT_NAMES: Record<ExportOutcome['format'], string> = {
  markdown: 'Markdown',
  json: 'JSON',
  html: 'HTML',
};

function exportLine(outcome: ExportOutcome): string {
  const what =
    outcome.format === 'markdown'
      ? `Markdown files ${outcome.container === 'zip' ? 'in a zip' : 'in a folder'}`
      : EXPORT_NAMES[outcome.format];
  return `Exported ${plural(outcome.entryCount, 'entry', 'entries')} as ${what} to ${outcome.path} (${formatSize(outcome.bytes)}).`;
}

/** A path as it can be pasted into a POSIX shell. */
function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

export const TRANSFER_COMMANDS: Record<string, (ctx: Context) => Promise<void>> = {
  async import(ctx) {
    const path = onePath(ctx, 'lean-on import --from FORMAT PATH');
    const chosen = ctx.values.from;
    const format = chosen === undefined ? undefined : IMPORT_FORMATS[chosen];
    if (!format) {
      throw new UsageError('--from is dayone, jrnl, minidiary, markdown or backup.');
    }
    if (format !== 'lean-on-backup' && ctx.values['backup-passphrase-file'] !== undefined) {
      throw new UsageError('--backup-passphrase-file is for --from backup.');
    }
    const passphrase = await unlock(ctx);
    const report = await onFiles(() =>
      withProgress((progress) =>
        format === 'lean-on-backup'
          ? importBackup(ctx, path, passphrase, progress)
          : importThroughContract(ctx, path, format, progress),
      ),
    );
    if (ctx.values.json) ctx.print(JSON.stringify(report, null, 2));
    else for (const line of importLines(report)) ctx.print(line);
  },

  async export(ctx) {
    const input = exportInput(ctx);
    const readOnly = ctx.values['read-only'] === true;
    if (readOnly && input.format === 'html') {
      throw new UsageError(
        'From a damaged journal, export md or json: lean-on export --read-only --format json --out PATH.',
      );
    }
    await unlock(ctx, readOnly);
    const outcome = await onFiles(() =>
      withProgress((progress) => run(ctx, 'exportJournal', input, progress)),
    );
    ctx.print(ctx.values.json ? JSON.stringify(outcome, null, 2) : exportLine(outcome));
    if (!ctx.values.json && outcome.unreadable) {
      ctx.print(
        `Damage kept ${plural(outcome.unreadable, 'entry (or run of entries)', 'entries (or runs of them)')} from being read.`,
      );
    }
    process.stderr.write(
      `lean-on: this export is NOT encrypted; anyone who can open ${outcome.path} can read it.\n`,
    );
  },

  async backup(ctx) {
    if (ctx.args.length > 0 || !ctx.values.out) {
      throw new UsageError('Say where to write the backup: lean-on backup --out FILE.');
    }
    const out = resolve(ctx.values.out);
    await unlock(ctx);
    const outcome = await onFiles(() =>
      withProgress((progress) => run(ctx, 'createBackup', { out }, progress)),
    );
    if (ctx.values.json) {
      ctx.print(JSON.stringify(outcome, null, 2));
      return;
    }
    ctx.print(
      `Backed up ${plural(outcome.entryCount, 'entry', 'entries')} to ${outcome.path} (${formatSize(outcome.bytes)}); it was checked and is encrypted.`,
    );
    ctx.print('It opens with this journal’s passphrase or recovery code, as they are now.');
  },

  async check(ctx) {
    if (ctx.args.length > 0) throw new UsageError('lean-on check takes no arguments.');
    await unlock(ctx);
    const { notices } = await withProgress((progress) => run(ctx, 'checkJournal', {}, progress));
    if (ctx.values.json) {
      ctx.print(JSON.stringify({ notices }, null, 2));
      return;
    }
    if (notices.length === 0) ctx.print('Checked every page of the journal: no damage found.');
    for (const notice of notices) ctx.print(notice);
  },

  async restore(ctx) {
    const file = onePath(ctx, 'lean-on restore FILE --to DIR');
    if (ctx.values['in-place']) {
      if (ctx.values.to) throw new UsageError('Use either --to DIR or --in-place, not both.');
      await restoreInPlace(ctx, file);
      return;
    }
    if (!ctx.values.to) throw new UsageError('Say where to restore to: --to DIR (or --in-place).');
    const dir = resolve(ctx.values.to);
    const { manifest } = await onFiles(() =>
      withProgress((progress) =>
        restoreBackup(file, dir, {
          onProgress: (done, total) =>
            progress(total > 0 ? done / total : null, 'Restoring the backup'),
        }),
      ),
    );
    if (ctx.values.json) {
      const { journalId, createdAt, entryCount } = manifest;
      ctx.print(JSON.stringify({ dir, journalId, createdAt, entryCount }, null, 2));
      return;
    }
    ctx.print(`Restored the backup made ${manifest.createdAt} into ${dir}.`);
    ctx.print(`Open it with --journal, for example: lean-on list --journal ${shellWord(dir)}`);
    ctx.print(
      'It opens with the same passphrase or recovery code as the journal had when it was backed up.',
    );
  },
};

/**
 * Puts a backup in the place of the journal (a damaged one, or one whose keyring is lost); the
 * files it replaces are kept in a replaced-<time> folder. The backup's passphrase is checked
 * before anything is moved.
 */
async function restoreInPlace(ctx: Context, file: string): Promise<void> {
  const passphrase = await existingSecret(ctx.values['passphrase-file'], 'passphrase');
  const outcome = await onFiles(() => run(ctx, 'restoreFromBackup', { path: file, passphrase }));
  if (ctx.values.json) {
    ctx.print(JSON.stringify(outcome, null, 2));
    return;
  }
  ctx.print(
    `The backup made ${outcome.backupCreatedAt} (${plural(outcome.entryCount, 'entry', 'entries')}) is now the journal in ${ctx.service.journal.dir}.`,
  );
  if (outcome.damagedKeptIn)
    ctx.print(`The files it replaced are kept in ${outcome.damagedKeptIn}.`);
  ctx.print('It opens with the passphrase the journal had when the backup was made.');
}
