import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { JournalError } from '../shared/errors';
import { fsyncFolder, writeFileAtomic } from './atomic-file';
import { JOURNAL_FILES, restoreBackup } from './backup-restore';
import { verifyBackup } from './backup-verify';
import { DATABASE_FILE } from './db/database';
import { KEYRING_FILE } from './keyring';

/** Present only while a backup is being swapped in; it names the two folders involved. */
export const RESTORE_MARKER = '.restore-in-progress.json';

const RESTORED_FILES = [DATABASE_FILE, KEYRING_FILE];

interface RestorePlan {
  /** Hidden folder inside the journal folder holding the restored, verified files. */
  staging: string;
  /** Visible folder inside the journal folder the replaced files are moved to. */
  keptIn: string;
}

export interface InPlaceRestoreResult {
  keptIn: string | null;
  entryCount: number;
  backupCreatedAt: string;
}

/**
 * Puts a backup in the place of a journal that can't be opened (damaged, or its keyring lost),
 * without deleting anything: the backup is first checked with its passphrase and restored
 * whole into a hidden folder beside the journal; only then are the old files moved into a
 * visible `replaced-<time>` folder and the restored ones moved in. Each step is a rename on
 * one file system; a crash between them is finished on the next look at the folder
 * (finishInterruptedRestore), because the restored files were complete before any was moved.
 */
export async function restoreIntoJournalFolder(
  dir: string,
  backupFile: string,
  passphrase: string,
  now: Date = new Date(),
): Promise<InPlaceRestoreResult> {
  // Proves the passphrase opens the backup (and checks it whole) before anything is touched.
  const { manifest } = await verifyBackup(backupFile, { passphrase });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  finishInterruptedRestore(dir);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const plan: RestorePlan = {
    staging: join(dir, `.restoring-${stamp}`),
    keptIn: join(dir, `replaced-${stamp}`),
  };
  try {
    restoreBackup(backupFile, plan.staging);
  } catch (error) {
    rmSync(plan.staging, { recursive: true, force: true });
    throw error;
  }
  const hadJournal = JOURNAL_FILES.some((name) => existsSync(join(dir, name)));
  writeFileAtomic(join(dir, RESTORE_MARKER), JSON.stringify(plan));
  swapIn(dir, plan);
  return {
    keptIn: hadJournal ? plan.keptIn : null,
    entryCount: manifest.entryCount,
    backupCreatedAt: manifest.createdAt,
  };
}

/** Completes a swap a crash interrupted; does nothing when no restore was under way. */
export function finishInterruptedRestore(dir: string): void {
  const markerPath = join(dir, RESTORE_MARKER);
  if (!existsSync(markerPath)) return;
  let plan: RestorePlan;
  try {
    plan = JSON.parse(readFileSync(markerPath, 'utf8')) as RestorePlan;
  } catch {
    throw new JournalError(
      'CORRUPT',
      `A restore from a backup was interrupted and its note (${RESTORE_MARKER}) is unreadable. The restored files are in a hidden “.restoring-…” folder inside the journal folder.`,
    );
  }
  swapIn(dir, plan);
}

function swapIn(dir: string, plan: RestorePlan): void {
  const restored = existsSync(plan.staging);
  if (restored) {
    // The old files go first, every one of them, so none is overwritten by a rename.
    const old = JOURNAL_FILES.filter((name) => existsSync(join(dir, name)));
    const stagedLeft = RESTORED_FILES.filter((name) => existsSync(join(plan.staging, name)));
    // After a crash midway some restored files may already be in place: only files that
    // are still the old journal's are moved aside.
    const toKeep = old.filter(
      (name) => !(RESTORED_FILES.includes(name) && !stagedLeft.includes(name)),
    );
    if (toKeep.length > 0) {
      mkdirSync(plan.keptIn, { recursive: true, mode: 0o700 });
      for (const name of toKeep) renameSync(join(dir, name), join(plan.keptIn, name));
      fsyncFolder(plan.keptIn);
      fsyncFolder(dir);
    }
    for (const name of stagedLeft) renameSync(join(plan.staging, name), join(dir, name));
    fsyncFolder(dir);
    rmSync(plan.staging, { recursive: true, force: true });
  }
  rmSync(join(dir, RESTORE_MARKER), { force: true });
  fsyncFolder(dir);
}
