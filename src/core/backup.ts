import { chmodSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { JournalError } from '../shared/errors';
import { BackupContainer, digestFile, sha256, writeBackupContainer } from './backup-container';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupManifest } from './backup-manifest';
import { readFacts, verifyDatabase, withCopy } from './backup-verify';
import { DATABASE_FILE, type Db, translateSqliteError } from './db/database';
import { tempPathFor, writeFileThroughTemp } from './export/output';
import { KEYRING_FILE, keyringPath, parseKeyring } from './keyring';

export { restoreBackup, type RestoreOptions, type RestoreResult } from './backup-restore';
export { type BackupSecret, type BackupVerification, verifyBackup } from './backup-verify';

export type BackupStep = 'snapshot' | 'package' | 'verify' | 'done';

/** `done` of `total` steps, and the step about to run (or 'done'). */
export type BackupProgressFn = (done: number, total: number, step: BackupStep) => void;

export interface BackupOptions {
  onProgress?: BackupProgressFn;
  /** The backup's timestamp; tests fix it. */
  now?: Date;
}

/**
 * What a backup reads from: an open, keyed connection to the journal, its folder (for the
 * keyring) and its key (to verify the copy). An unlocked Journal is one; so is the connection a
 * background job opens on the same file.
 */
export interface BackupSource {
  readonly db: Db;
  readonly dir: string;
  withDatabaseKey<T>(use: (key: Buffer) => T): T;
}

export interface BackupResult {
  path: string;
  manifest: BackupManifest;
  bytes: number;
  /** Always true: the database inside is encrypted with the journal's key. */
  encrypted: true;
}

const STEPS: BackupStep[] = ['snapshot', 'package', 'verify', 'done'];

/**
 * Makes one encrypted backup file of an open journal, without closing or locking it: SQLite's
 * VACUUM INTO copies a consistent snapshot through the journal's own keyed connection, so the
 * copy is encrypted with the same key and writes by others wait for nothing. The copy and the
 * keyring are packed with a manifest, synced, verified (the database opened with the key and
 * checked, every checksum read back), and only then renamed to `outFile`. A failure at any
 * point leaves `outFile` as it was.
 */
export function createBackup(
  journal: BackupSource,
  outFile: string,
  options: BackupOptions = {},
): BackupResult {
  const db = journal.db;
  assertWritableTarget(outFile);
  const report = (step: BackupStep) =>
    options.onProgress?.(STEPS.indexOf(step), STEPS.length - 1, step);
  const keyringBytes = readJournalKeyring(journal.dir);
  const snapshot = tempPathFor(outFile, 'snapshot.db');
  try {
    report('snapshot');
    try {
      db.prepare('VACUUM INTO ?').run(snapshot);
    } catch (error) {
      throw translateSqliteError(error);
    }
    if (process.platform !== 'win32') chmodSync(snapshot, 0o600);
    const facts = journal.withDatabaseKey((key) => withCopy(snapshot, key, readFacts));
    report('package');
    const digest = digestFile(snapshot);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      journalId: facts.journalId,
      createdAt: (options.now ?? new Date()).toISOString(),
      schemaVersion: facts.schemaVersion,
      entryCount: facts.entryCount,
      parts: [
        { name: KEYRING_FILE, size: keyringBytes.length, sha256: sha256(keyringBytes) },
        { name: DATABASE_FILE, size: digest.size, sha256: digest.sha256 },
      ],
    };
    const { bytes } = writeFileThroughTemp(
      outFile,
      (sink) =>
        writeBackupContainer(sink, {
          manifest,
          keyringBytes,
          databasePath: snapshot,
          databaseDigest: digest,
        }),
      {
        beforeRename: (temp) => {
          rmSync(snapshot, { force: true });
          report('verify');
          const container = BackupContainer.open(temp);
          try {
            container.readKeyring();
            journal.withDatabaseKey((key) =>
              verifyDatabase(container, key, tempPathFor(outFile, 'verify.db'), 'proven'),
            );
          } finally {
            container.close();
          }
        },
      },
    );
    report('done');
    return { path: outFile, manifest, bytes, encrypted: true };
  } finally {
    rmSync(snapshot, { force: true });
  }
}

function assertWritableTarget(outFile: string): void {
  if (!existsSync(dirname(outFile))) {
    throw new JournalError('INVALID_INPUT', `The folder for “${outFile}” does not exist.`);
  }
  if (existsSync(outFile) && statSync(outFile).isDirectory()) {
    throw new JournalError('INVALID_INPUT', `“${outFile}” is a folder; choose a file name.`);
  }
}

/** The keyring's exact bytes, after checking they parse; a damaged keyring is not backed up. */
function readJournalKeyring(dir: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(keyringPath(dir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new JournalError('KEYRING_MISSING');
    throw new JournalError('IO_ERROR', 'The journal’s keyring.json could not be read.', {
      cause: error,
    });
  }
  parseKeyring(bytes.toString('utf8'));
  return bytes;
}
