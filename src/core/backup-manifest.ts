import { JournalError } from '../shared/errors';
import { DATABASE_FILE } from './db/database';
import { KEYRING_FILE } from './keyring';

/** The manifest of a backup container (docs/backup-format.md). */

export const BACKUP_FORMAT = 'lean-on-backup';
export const BACKUP_VERSION = 1;
/** First in the archive, so a backup is recognised from its first bytes. */
export const MANIFEST_FILE = 'lean-on-backup.json';
/** The extension the app gives backups; the file is a zip all the same. */
export const BACKUP_EXTENSION = '.leanon-backup';

export interface BackupPart {
  name: typeof DATABASE_FILE | typeof KEYRING_FILE;
  size: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  journalId: string;
  createdAt: string;
  /** PRAGMA user_version of the database copy. */
  schemaVersion: number;
  /** Entries in the database copy, the trash included. */
  entryCount: number;
  parts: BackupPart[];
}

/** A backup that is one, but damaged: never mistaken for a wrong passphrase. */
export const damaged = (detail: string) =>
  new JournalError(
    'CORRUPT',
    `This backup file is damaged or incomplete (${detail}); use another backup.`,
  );

function isHex(value: unknown, length: number): value is string {
  return typeof value === 'string' && value.length === length && /^[0-9a-f]+$/.test(value);
}

export function parseManifest(bytes: Buffer): BackupManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw damaged('its manifest is unreadable');
  }
  const manifest = parsed as Partial<BackupManifest> | null;
  if (typeof manifest !== 'object' || manifest === null || manifest.format !== BACKUP_FORMAT) {
    throw damaged('its manifest is not a backup manifest');
  }
  if (typeof manifest.version !== 'number' || manifest.version > BACKUP_VERSION) {
    throw new JournalError(
      'NEWER_VERSION',
      'This backup was made by a newer version of Lean On; update the app to restore it.',
    );
  }
  const parts = manifest.parts;
  const valid =
    manifest.version === BACKUP_VERSION &&
    typeof manifest.journalId === 'string' &&
    typeof manifest.createdAt === 'string' &&
    Number.isInteger(manifest.schemaVersion) &&
    Number.isInteger(manifest.entryCount) &&
    Array.isArray(parts) &&
    [DATABASE_FILE, KEYRING_FILE].every(
      (name) => parts.filter((part: Partial<BackupPart>) => part?.name === name).length === 1,
    ) &&
    parts.every(
      (part: Partial<BackupPart>) =>
        Number.isSafeInteger(part.size) && (part.size ?? -1) >= 0 && isHex(part.sha256, 64),
    );
  if (!valid) throw damaged('its manifest is incomplete');
  return manifest as BackupManifest;
}
