import Database from 'better-sqlite3-multiple-ciphers';
import { JournalError, type JournalErrorValue } from '../../shared/errors';

export type Db = Database.Database;

export const DATABASE_FILE = 'journal.db';

/** SQLite result codes that mean the bytes on disk are not what SQLite wrote. */
const DAMAGE_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_VTAB']);

export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (DAMAGE_CODES.has(code) || code.startsWith('SQLITE_CORRUPT'));
}

export function isIoError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    typeof code === 'string' &&
    (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL' || code === 'SQLITE_CANTOPEN')
  );
}

/** Translates SQLite's failures into the journal's own errors; other errors pass through. */
export function translateSqliteError(error: unknown): unknown {
  if (error instanceof JournalError) return error;
  if (isDamageError(error)) return new JournalError('CORRUPT', undefined, { cause: error });
  if ((error as { code?: unknown }).code === 'SQLITE_FULL') {
    return new JournalError(
      'IO_ERROR',
      'The disk is full, so the journal could not be saved; free some space and try again.',
      { cause: error },
    );
  }
  if (isIoError(error)) return new JournalError('IO_ERROR', undefined, { cause: error });
  if ((error as { code?: unknown }).code === 'SQLITE_READONLY') {
    return new JournalError(
      'IO_ERROR',
      'The journal is open read-only so that what can be read can be exported; nothing can be changed.',
      { cause: error },
    );
  }
  return error;
}

/** Any failure as an error value to send across a boundary; a bug shows as INTERNAL. */
export function toErrorValue(error: unknown): JournalErrorValue {
  const translated = translateSqliteError(error);
  if (translated instanceof JournalError) return translated.toValue();
  const detail = translated instanceof Error ? translated.message : String(translated);
  return new JournalError('INTERNAL', `Something unexpected went wrong: ${detail}`).toValue();
}

/**
 * Every connection must set the cipher before the key: the library's default cipher is not
 * SQLCipher, and a key given first would be read with the wrong scheme.
 */
export function applyKey(db: Db, key: Buffer): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
}

/** Durable and private settings; the library's WAL default (synchronous=NORMAL) is not enough. */
export function applyConnectionSettings(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  // Sorts and temporary tables would otherwise spill plaintext into unencrypted temp files.
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -16000');
  // Checkpoints run when the journal is idle (see JournalService); this larger bound only
  // keeps the WAL from growing without limit during long bursts of writes such as imports.
  db.pragma('wal_autocheckpoint = 4000');
}

export interface OpenOptions {
  create: boolean;
  readonly?: boolean;
}

/**
 * Opens the encrypted file and proves the key reads it. The caller has already proven the key
 * is the journal's (the keyring's AEAD tag), so a failure to read here is damage, never a
 * wrong passphrase.
 */
export function openEncrypted(path: string, key: Buffer, options: OpenOptions): Db {
  let db: Db;
  try {
    db = new Database(path, {
      fileMustExist: !options.create,
      readonly: options.readonly ?? false,
    });
  } catch (error) {
    throw translateSqliteError(error);
  }
  try {
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw translateSqliteError(error);
  }
}
