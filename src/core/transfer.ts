import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { ParsedOf } from '../shared/schemas';
import { JournalError } from '../shared/errors';
import type { BackupOutcome, ExportOutcome, ImportOutcome, ImportPreview } from '../shared/types';
import { createBackup } from './backup';
import { exportHtml, exportJson, exportMarkdown } from './export';
import { type ImportPlan, applyImport, planImport, readImport } from './import';
import { planBackupImport, readLeanOnBackup } from './import/lean-on-backup';
import type { Journal, ProgressFn } from './journal';

const SHOWN_PROBLEMS = 100;

/**
 * Moving writing in and out of the journal for the app: an import is previewed first and
 * applied only on the person's say-so, from the plan they saw (kept here, in memory, until
 * the next preview or the lock). Exports and backups report their progress as they go.
 */
export class Transfers {
  private pending: { id: string; plan: ImportPlan } | null = null;

  constructor(private readonly journal: Journal) {}

  /** Forgets the previewed plan (it holds entries' text): on lock, and after applying it. */
  clear(): void {
    this.pending = null;
  }

  async previewImport(
    input: ParsedOf<'previewImport'>,
    progress: ProgressFn,
  ): Promise<ImportPreview> {
    this.clear();
    progress(null, 'Reading the export');
    const plan = await this.plan(input, progress);
    const id = randomUUID();
    this.pending = { id, plan };
    return {
      previewId: id,
      format: plan.format,
      source: basename(plan.source),
      counts: plan.counts,
      themes: plan.themes.map((theme) =>
        theme.kind === 'existing'
          ? {
              tag: theme.tag,
              kind: 'existing',
              themeId: theme.themeId,
              themeLabel: theme.themeLabel,
              entries: theme.entries,
            }
          : { tag: theme.tag, kind: 'new', label: theme.label, entries: theme.entries },
      ),
      // Each message already names its file and entry.
      problems: plan.skipped.slice(0, SHOWN_PROBLEMS).map((problem) => problem.message),
      warnings: plan.warnings.slice(0, SHOWN_PROBLEMS).map((problem) => problem.message),
    };
  }

  private async plan(input: ParsedOf<'previewImport'>, progress: ProgressFn): Promise<ImportPlan> {
    if (input.format !== 'lean-on-backup')
      return planImport(
        this.journal.db,
        readImport(input.path, input.format ? { format: input.format } : {}),
        { onProgress: progress },
      );
    if (!input.backupPassphrase)
      throw new JournalError(
        'INVALID_INPUT',
        'A Lean On backup opens only with the passphrase its journal had when the backup was made. Enter it to import.',
      );
    const backup = await readLeanOnBackup(input.path, {
      secret: { passphrase: input.backupPassphrase },
      onProgress: progress,
    });
    return planBackupImport(this.journal.db, backup, { onProgress: progress });
  }

  applyImport(input: ParsedOf<'applyImport'>, progress: ProgressFn): ImportOutcome {
    if (!this.pending || this.pending.id !== input.previewId)
      throw new JournalError(
        'NOT_FOUND',
        'That import preview has expired (the journal was locked or another file was previewed). Preview the file again.',
      );
    const { plan } = this.pending;
    const result = applyImport(this.journal.db, plan, {
      createThemes: input.createThemes,
      onProgress: progress,
    });
    this.clear();
    return {
      added: result.added,
      duplicates: result.duplicates,
      skipped: result.skipped,
      createdThemes: result.createdThemeIds.length,
    };
  }

  exportJournal(input: ParsedOf<'exportJournal'>, progress: ProgressFn): ExportOutcome {
    const onProgress = (done: number, total: number) =>
      progress(total > 0 ? done / total : null, `Exported ${done} of ${total} entries`);
    const db = this.journal.db;
    switch (input.format) {
      case 'markdown':
        return exportMarkdown(db, {
          out: input.out,
          ...(input.container ? { container: input.container } : {}),
          onProgress,
        });
      case 'json':
        return exportJson(db, { out: input.out, onProgress });
      case 'html':
        return exportHtml(db, {
          out: input.out,
          ...(input.from ? { from: input.from } : {}),
          ...(input.to ? { to: input.to } : {}),
          ...(input.themeId ? { themeId: input.themeId } : {}),
          onProgress,
        });
      default:
        throw new JournalError('INVALID_INPUT', 'Unknown export format.');
    }
  }

  createBackup(input: ParsedOf<'createBackup'>, progress: ProgressFn): BackupOutcome {
    const result = createBackup(this.journal, input.out, {
      onProgress: (done, total, step) => progress(total > 0 ? done / total : null, step),
    });
    return {
      path: result.path,
      bytes: result.bytes,
      entryCount: result.manifest.entryCount,
      encrypted: true,
    };
  }
}
