import { JournalError } from '../../shared/errors';
import type { AutomaticBackupRun, BackupStatus } from '../../shared/types';
import { sql } from '../db/statements';
import type { Journal } from '../journal';
import { getSettings, writeSetting } from '../settings';
import type { JobRunner } from './thread';

/** Kept in the encrypted settings table beside the person's choices, but never set by them. */
const LAST_RUN_KEY = 'lastAutomaticBackup';

/**
 * Daily automatic backups: on each unlock (and when the folder is first chosen), if a folder
 * is set, today's backup is made in the background unless it exists, verified, and the oldest
 * beyond the number to keep are removed (backup-auto.ts). The outcome is noted in the journal
 * so Settings can show it; a failure never stops the journal from opening.
 */
export class AutomaticBackups {
  private running: Promise<void> | null = null;

  constructor(
    private readonly journal: Journal,
    private readonly jobs: JobRunner,
  ) {}

  /** Starts today's run if one is due; returns at once. */
  start(): void {
    if (this.running || this.journal.state() !== 'unlocked' || this.journal.readOnly) return;
    const { automaticBackupFolder: folder, automaticBackupKeep: keep } = getSettings(
      this.journal.db,
    );
    if (!folder) return;
    this.running = this.jobs
      .run(this.journal, { kind: 'automatic-backup', folder, keep }, () => undefined)
      .then(
        (outcome) =>
          this.record({
            at: new Date().toISOString(),
            ok: true,
            path: outcome.path,
            created: outcome.created,
            message: null,
          }),
        (error: unknown) => {
          // Locking stops a run midway; that is not a failure to report.
          if (error instanceof JournalError && error.code === 'LOCKED') return;
          this.record({
            at: new Date().toISOString(),
            ok: false,
            path: null,
            created: false,
            message:
              error instanceof Error
                ? `Today’s automatic backup was not made: ${error.message}`
                : 'Today’s automatic backup was not made.',
          });
        },
      )
      .finally(() => {
        this.running = null;
      });
  }

  /** Resolves when the current run (if any) has ended and been noted; for tests and the CLI. */
  async settled(): Promise<void> {
    await this.running;
  }

  status(): BackupStatus {
    const settings = getSettings(this.journal.db);
    return {
      automatic: {
        folder: settings.automaticBackupFolder,
        keep: settings.automaticBackupKeep,
        running: this.running !== null,
        last: readLastRun(this.journal),
      },
    };
  }

  private record(run: AutomaticBackupRun): void {
    if (this.journal.state() !== 'unlocked' || this.journal.readOnly) return;
    try {
      writeSetting(this.journal.db, LAST_RUN_KEY, run);
    } catch {
      // Only the note is lost; the next unlock tries again and notes that.
    }
  }
}

function readLastRun(journal: Journal): AutomaticBackupRun | null {
  const value = sql(journal.db, 'SELECT value FROM settings WHERE key = ?')
    .pluck()
    .get(LAST_RUN_KEY);
  if (typeof value !== 'string') return null;
  try {
    const run = JSON.parse(value) as Partial<AutomaticBackupRun>;
    if (typeof run.at !== 'string' || typeof run.ok !== 'boolean') return null;
    return {
      at: run.at,
      ok: run.ok,
      path: typeof run.path === 'string' ? run.path : null,
      created: run.created === true,
      message: typeof run.message === 'string' ? run.message : null,
    };
  } catch {
    return null;
  }
}
