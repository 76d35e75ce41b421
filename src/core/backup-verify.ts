import { closeSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { JournalError } from '../shared/errors';
import { BackupContainer, writeAll } from './backup-container';
import type { BackupManifest } from './backup-manifest';
import { type Db, openEncrypted, translateSqliteError } from './db/database';
import { schemaVersion } from './db/migrate';
import { tempPathFor } from './export/output';
import { unlockSlot } from './keyring';
import { normalizeRecoveryCode, passphraseBytes } from './secrets';

/** What opens a backup: the journal's passphrase, its recovery code, or its raw key. */
export type BackupSecret =
  { passphrase: string } | { recoveryCode: string } | { key: Uint8Array | string };

export interface BackupVerification {
  manifest: BackupManifest;
  /** True when a secret was given and the database itself was opened and checked. */
  databaseChecked: boolean;
}

interface SnapshotFacts {
  journalId: string;
  schemaVersion: number;
  entryCount: number;
}

export function readFacts(db: Db): SnapshotFacts {
  const id = db.prepare(`SELECT value FROM meta WHERE key = 'journal_id'`).pluck().get();
  return {
    journalId: typeof id === 'string' ? id : '',
    schemaVersion: schemaVersion(db),
    entryCount: db.prepare('SELECT count(*) FROM entries').pluck().get() as number,
  };
}

/** Opens a database copy read-only with `key` and hands it to `use`. */
export function withCopy<T>(path: string, key: Buffer, use: (db: Db) => T): T {
  const db = openEncrypted(path, key, { create: false, readonly: true });
  try {
    return use(db);
  } catch (error) {
    throw translateSqliteError(error);
  } finally {
    db.close();
  }
}

/** Whether the key was proven by the keyring (or is the open journal's), or was typed in. */
export type KeyOrigin = 'proven' | 'given';

/**
 * Writes the backup's database to a scratch file, opens it with the key, and checks it the way
 * a restore would meet it: SQLite's integrity check, the journal's id, schema version and entry
 * count against the manifest. The parts' checksums are checked on the way out.
 */
export function verifyDatabase(
  container: BackupContainer,
  key: Buffer,
  scratch: string,
  origin: KeyOrigin,
): void {
  const fd = openSync(scratch, 'wx', 0o600);
  try {
    container.copyDatabase((chunk) => writeAll(fd, chunk));
  } catch (error) {
    closeSync(fd);
    rmSync(scratch, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    let db: Db;
    try {
      db = openEncrypted(scratch, key, { create: false, readonly: true });
    } catch (error) {
      // The checksums held, so a typed-in key that cannot read the database is the wrong key.
      if (origin === 'given' && error instanceof JournalError && error.code === 'CORRUPT') {
        throw new JournalError('WRONG_PASSPHRASE', 'That key does not open this backup.');
      }
      throw error;
    }
    try {
      checkDatabase(db, container.manifest);
    } catch (error) {
      throw translateSqliteError(error);
    } finally {
      db.close();
    }
  } finally {
    rmSync(scratch, { force: true });
    rmSync(`${scratch}-journal`, { force: true });
  }
}

function checkDatabase(db: Db, manifest: BackupManifest): void {
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') {
    throw new JournalError('CORRUPT', 'The backup’s database failed its integrity check.');
  }
  const facts = readFacts(db);
  if (
    facts.journalId !== manifest.journalId ||
    facts.schemaVersion !== manifest.schemaVersion ||
    facts.entryCount !== manifest.entryCount
  ) {
    throw new JournalError(
      'CORRUPT',
      'The backup’s database does not match its manifest; use another backup.',
    );
  }
}

async function keyFor(container: BackupContainer, secret: BackupSecret): Promise<Buffer> {
  if ('key' in secret) {
    const key =
      typeof secret.key === 'string' ? Buffer.from(secret.key, 'hex') : Buffer.from(secret.key);
    if (
      key.length !== 32 ||
      (typeof secret.key === 'string' && !/^[0-9a-fA-F]{64}$/.test(secret.key))
    ) {
      throw new JournalError('INVALID_INPUT', 'A raw key is 64 hexadecimal digits.');
    }
    return key;
  }
  const { keyring } = container.readKeyring();
  if ('passphrase' in secret) {
    const key = await unlockSlot(keyring, 'passphrase', passphraseBytes(secret.passphrase));
    if (!key) {
      throw new JournalError(
        'WRONG_PASSPHRASE',
        'That passphrase does not open this backup; it needs the passphrase the journal had when the backup was made.',
      );
    }
    return key;
  }
  const code = normalizeRecoveryCode(secret.recoveryCode);
  const key = code ? await unlockSlot(keyring, 'recovery', Buffer.from(code, 'utf8')) : null;
  if (!key)
    throw new JournalError('WRONG_RECOVERY_CODE', 'That recovery code does not open this backup.');
  return key;
}

/** A scratch file beside the backup, or in the temp folder if the backup's folder is read-only. */
function scratchPathFor(file: string): string {
  const beside = tempPathFor(file, 'verify.db');
  try {
    closeSync(openSync(beside, 'wx', 0o600));
    rmSync(beside);
    return beside;
  } catch {
    return join(tmpdir(), `.${basename(file)}.${process.pid}.${Date.now()}.verify.db`);
  }
}

/**
 * Checks a backup file. Without a secret: its structure, manifest and every checksum. With
 * one: also opens its database with the key and runs SQLite's integrity check. Damage is
 * CORRUPT, another kind of file NOT_A_JOURNAL; only a secret that is really wrong for an
 * intact backup is WRONG_PASSPHRASE or WRONG_RECOVERY_CODE.
 */
export async function verifyBackup(
  file: string,
  secret?: BackupSecret,
): Promise<BackupVerification> {
  const container = BackupContainer.open(file);
  try {
    if (!secret) {
      container.checkParts();
      return { manifest: container.manifest, databaseChecked: false };
    }
    container.readKeyring();
    const key = await keyFor(container, secret);
    try {
      verifyDatabase(container, key, scratchPathFor(file), 'key' in secret ? 'given' : 'proven');
    } finally {
      key.fill(0);
    }
    return { manifest: container.manifest, databaseChecked: true };
  } finally {
    container.close();
  }
}
