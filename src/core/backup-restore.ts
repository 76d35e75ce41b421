import {
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  rmdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { JournalError } from '../shared/errors';
import { fsyncFolder, writeFileAtomic } from './atomic-file';
import { BackupContainer } from './backup-container';
import type { BackupManifest } from './backup-manifest';
import { DATABASE_FILE } from './db/database';
import { LATEST_VERSION } from './db/migrations';
import { writeFileThroughTemp } from './export/output';
import { CREATING_MARKER } from './paths';
import { KEYRING_FILE, keyringPath, readKeyring } from './keyring';

export interface RestoreOptions {
  /** Bytes of the database written so far, of its total. */
  onProgress?: (done: number, total: number) => void;
}

export interface RestoreResult {
  dir: string;
  manifest: BackupManifest;
}

/** Files operating systems drop into folders on their own; they do not make a folder "used". */
const SYSTEM_LITTER = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/** A journal folder's own files. */
export const JOURNAL_FILES = [
  DATABASE_FILE,
  `${DATABASE_FILE}-wal`,
  `${DATABASE_FILE}-shm`,
  KEYRING_FILE,
];

/** What a restore or create that crashed leaves: the marker, the journal's files, temp files. */
function isUnfinishedJournalFile(name: string): boolean {
  return (
    name === CREATING_MARKER ||
    JOURNAL_FILES.includes(name) ||
    /^\.(journal\.db|keyring\.json)\..+\.tmp$/.test(name)
  );
}

/**
 * The target must be new, empty, or hold only an unfinished journal (its `.creating` marker
 * proves no finished journal is there, the same rule Journal.create follows). Returns whether
 * the folder had to be made.
 */
function prepareTarget(dir: string): boolean {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return true;
  }
  if (!statSync(dir).isDirectory()) {
    throw new JournalError('INVALID_INPUT', `“${dir}” is a file; choose a new or empty folder.`);
  }
  const names = readdirSync(dir).filter((name) => !SYSTEM_LITTER.has(name));
  const unfinished = names.includes(CREATING_MARKER) && names.every(isUnfinishedJournalFile);
  if (names.length > 0 && !unfinished) {
    throw new JournalError(
      'INVALID_INPUT',
      `The folder “${dir}” is not empty. Restore into a new or empty folder, so nothing is overwritten.`,
    );
  }
  for (const name of names) rmSync(join(dir, name), { force: true });
  return false;
}

/**
 * Restores a backup into a new folder: checks the container, its manifest and every checksum,
 * then writes journal.db and keyring.json, which the journal's usual unlock (passphrase or
 * recovery code, as they were when the backup was made) then opens. It never writes into a
 * folder that holds anything; while it runs, the folder carries the `.creating` marker, so a
 * crash leaves a folder the app treats as holding no journal.
 */
export function restoreBackup(
  backupFile: string,
  targetDir: string,
  options: RestoreOptions = {},
): RestoreResult {
  const container = BackupContainer.open(backupFile);
  try {
    const { manifest } = container;
    if (manifest.schemaVersion > LATEST_VERSION) {
      throw new JournalError(
        'NEWER_VERSION',
        'This backup holds a journal from a newer version of Lean On; update the app to restore it.',
      );
    }
    const { bytes: keyringBytes } = container.readKeyring();
    const madeFolder = prepareTarget(targetDir);
    const marker = join(targetDir, CREATING_MARKER);
    try {
      writeFileSync(marker, '', { mode: 0o600 });
      fsyncFolder(targetDir);
      writeFileThroughTemp(join(targetDir, DATABASE_FILE), (sink) =>
        container.copyDatabase(sink, options.onProgress),
      );
      writeFileAtomic(keyringPath(targetDir), keyringBytes);
      readKeyring(targetDir);
      rmSync(marker);
      fsyncFolder(targetDir);
    } catch (error) {
      for (const name of [...JOURNAL_FILES, CREATING_MARKER]) {
        rmSync(join(targetDir, name), { force: true });
      }
      if (madeFolder) {
        try {
          rmdirSync(targetDir);
        } catch {
          // Something else appeared in the folder; leave it, and report the restore's failure.
        }
      }
      throw error;
    }
    return { dir: targetDir, manifest };
  } finally {
    container.close();
  }
}
