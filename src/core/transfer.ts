import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { ParsedOf } from '../shared/schemas';
import { JournalError } from '../shared/errors';
import type { BackupOutcome, ExportOutcome, ImportOutcome, ImportPreview } from '../shared/types';
import { type ImportPlan, applyImport, planImport, readImport } from './import';
import { planBackupImport, readLeanOnBackup } from './import/lean-on-backup';
import type { JobRunner } from './jobs/thread';
import type { Journal, ProgressFn } from './journal';

const SHOWN_PROBLEMS = 100;

/**
 * Moving writing in and out of the journal for the app: an import is previewed first and
 * applied only on the person's say-so, from the plan they saw (kept here, in memory, until
 * the next preview or the lock). Exports and backups report their progress as they go.
 */
export class Transfers {
  private pending: { id: string; plan: ImportPlan } | null = null;

  constructor(
    private readonly journal: Journal,
    private readonly jobs: JobRunner,
  ) {}

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

  /** Runs in the job runner's thread: the journal stays free for writing meanwhile. */
  exportJournal(input: ParsedOf<'exportJournal'>, progress: ProgressFn): Promise<ExportOutcome> {
    return this.jobs.run(
      this.journal,
      { kind: 'export', input, salvage: this.journal.readOnly },
      progress,
    );
  }

  createBackup(input: ParsedOf<'createBackup'>, progress: ProgressFn): Promise<BackupOutcome> {
    if (this.journal.readOnly) {
      throw new JournalError(
        'INVALID_INPUT',
        'A damaged journal is not backed up, so no good backup is ever replaced by it. Export what can be read instead.',
      );
    }
    return this.jobs.run(this.journal, { kind: 'backup', out: input.out }, progress);
  }
}
