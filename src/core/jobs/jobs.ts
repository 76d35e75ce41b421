import { JournalError } from '../../shared/errors';
import type { ParsedOf } from '../../shared/schemas';
import type { BackupOutcome, ExportOutcome } from '../../shared/types';
import { type BackupSource, createBackup } from '../backup';
import { runAutomaticBackup } from '../backup-auto';
import { exportHtml, exportJson, exportMarkdown } from '../export';
import type { ProgressFn } from '../journal';

/**
 * Long reads of the whole journal that write a file elsewhere. They never change the journal,
 * so they can run on a connection of their own, in a thread of their own, while the person
 * goes on writing (see thread.ts).
 */
export type Job =
  | {
      kind: 'export';
      input: ParsedOf<'exportJournal'>;
      /** Read entry by entry past damaged pages (a damaged journal open read-only). */
      salvage: boolean;
    }
  | { kind: 'backup'; out: string }
  | { kind: 'automatic-backup'; folder: string; keep: number };

export interface AutomaticBackupOutcome {
  /** Today's backup, made now or found from earlier today. */
  path: string;
  /** False when today's backup already existed. */
  created: boolean;
  bytes: number | null;
  entryCount: number | null;
  pruned: number;
}

export type JobOutcome<J extends Job> = J extends { kind: 'export' }
  ? ExportOutcome
  : J extends { kind: 'backup' }
    ? BackupOutcome
    : AutomaticBackupOutcome;

/** Called with each file a job is about to write, before it writes, so a cancel can tidy up. */
export type TargetFn = (path: string) => void;

const BACKUP_STEP_LABELS = {
  snapshot: 'Copying the journal',
  package: 'Packing the backup',
  verify: 'Checking the backup opens',
  done: 'Backup checked',
} as const;

/** Runs a job to the end on `source`, in the calling thread. */
export function runJob<J extends Job>(
  source: BackupSource,
  job: J,
  progress: ProgressFn,
  onTarget: TargetFn = () => undefined,
): JobOutcome<J> {
  const backupProgress = (done: number, total: number, step: keyof typeof BACKUP_STEP_LABELS) =>
    progress(total > 0 ? done / total : null, BACKUP_STEP_LABELS[step]);
  switch (job.kind) {
    case 'export': {
      onTarget(job.input.out);
      return runExport(source, job.input, job.salvage, progress) as JobOutcome<J>;
    }
    case 'backup': {
      onTarget(job.out);
      const result = createBackup(source, job.out, { onProgress: backupProgress });
      const outcome: BackupOutcome = {
        path: result.path,
        bytes: result.bytes,
        entryCount: result.manifest.entryCount,
        encrypted: true,
      };
      return outcome as JobOutcome<J>;
    }
    case 'automatic-backup': {
      const result = runAutomaticBackup(source, job.folder, {
        keep: job.keep,
        onProgress: backupProgress,
        onTarget,
      });
      const outcome: AutomaticBackupOutcome = {
        path: result.path,
        created: result.created !== null,
        bytes: result.created?.bytes ?? null,
        entryCount: result.created?.manifest.entryCount ?? null,
        pruned: result.pruned.length,
      };
      return outcome as JobOutcome<J>;
    }
    default:
      throw new JournalError('INVALID_INPUT', 'Unknown kind of job.');
  }
}

function runExport(
  source: BackupSource,
  input: ParsedOf<'exportJournal'>,
  salvaging: boolean,
  progress: ProgressFn,
): ExportOutcome {
  const onProgress = salvaging
    ? (done: number, total: number) => progress(null, `Read ${done} entries of at most ${total}`)
    : (done: number, total: number) =>
        progress(total > 0 ? done / total : null, `Exported ${done} of ${total} entries`);
  const db = source.db;
  const salvage = salvaging ? { salvage: { unreadable: 0 } } : {};
  if (salvaging && input.format === 'html') {
    throw new JournalError(
      'INVALID_INPUT',
      'From a damaged journal, export Markdown or JSON: they keep every entry that can still be read.',
    );
  }
  switch (input.format) {
    case 'markdown':
      return exportMarkdown(db, {
        out: input.out,
        ...(input.container ? { container: input.container } : {}),
        ...salvage,
        onProgress,
      });
    case 'json':
      return exportJson(db, { out: input.out, ...salvage, onProgress });
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
