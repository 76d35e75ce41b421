import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JournalError } from '../shared/errors';
import {
  type BackupProgressFn,
  type BackupResult,
  type BackupSource,
  createBackup,
} from './backup';
import { BACKUP_EXTENSION } from './backup-manifest';
import { localDate, systemTimeZone } from './time';

export interface AutomaticBackupOptions {
  /** How many automatic backups of this journal to keep in the folder, newest first. */
  keep?: number;
  /** The moment "today" is taken from; tests move it. */
  now?: Date;
  /** The zone whose calendar day counts; the system's by default. */
  timeZone?: string;
  onProgress?: BackupProgressFn;
  /** Told today's backup file before it is written, so a cancelled run can be tidied up. */
  onTarget?: (path: string) => void;
}

export interface AutomaticBackupResult {
  /** The backup made now, or null when today's already existed. */
  created: BackupResult | null;
  /** Today's backup file, whether made now or earlier. */
  path: string;
  /** Older automatic backups deleted to keep `keep`. */
  pruned: string[];
}

export const DEFAULT_KEEP = 14;

/** Temp files of a crashed run are removed once clearly abandoned. */
const STALE_TEMP_MS = 6 * 60 * 60 * 1000;

/** The journal's id, shortened: several journals may keep their backups in one folder. */
function shortJournalId(journal: BackupSource): string {
  const row = journal.db.prepare(`SELECT value FROM meta WHERE key = 'journal_id'`).pluck().get();
  const id = typeof row === 'string' ? row.toLowerCase().replace(/[^0-9a-f]/g, '') : '';
  return id.slice(0, 8) || 'journal';
}

/** "lean-on-backup-2024-05-01-1a2b3c4d.leanon-backup" */
export function automaticBackupName(day: string, shortId: string): string {
  return `lean-on-backup-${day}-${shortId}${BACKUP_EXTENSION}`;
}

function ownBackupPattern(shortId: string): RegExp {
  const extension = BACKUP_EXTENSION.replace(/[.-]/g, '\\$&');
  return new RegExp(`^lean-on-backup-(\\d{4}-\\d{2}-\\d{2})-${shortId}${extension}$`);
}

/**
 * Makes today's automatic backup of an open journal into `folder`, unless one already exists
 * for this local day, then deletes the oldest of this journal's automatic backups beyond
 * `keep`. Only files with its own name pattern and this journal's id are ever deleted, and
 * only after today's backup was verified (or found), so a failing backup never costs an old one.
 */
export function runAutomaticBackup(
  journal: BackupSource,
  folder: string,
  options: AutomaticBackupOptions = {},
): AutomaticBackupResult {
  const keep = options.keep ?? DEFAULT_KEEP;
  if (!Number.isInteger(keep) || keep < 1) {
    throw new JournalError('INVALID_INPUT', 'Keep at least one automatic backup.');
  }
  const now = options.now ?? new Date();
  const shortId = shortJournalId(journal);
  const day = localDate(now.getTime(), options.timeZone ?? systemTimeZone());
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const path = join(folder, automaticBackupName(day, shortId));
  const names = readdirSync(folder);
  let created: BackupResult | null = null;
  if (!names.includes(automaticBackupName(day, shortId))) {
    options.onTarget?.(path);
    created = createBackup(journal, path, { now, onProgress: options.onProgress });
  }
  return { created, path, pruned: prune(folder, shortId, keep, now) };
}

function prune(folder: string, shortId: string, keep: number, now: Date): string[] {
  const pattern = ownBackupPattern(shortId);
  const names = readdirSync(folder);
  const ours = names
    .map((name) => ({ name, day: pattern.exec(name)?.[1] }))
    .filter((file): file is { name: string; day: string } => file.day !== undefined)
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
  const pruned: string[] = [];
  for (const file of ours.slice(keep)) {
    const path = join(folder, file.name);
    if (!statSync(path).isFile()) continue;
    rmSync(path);
    pruned.push(path);
  }
  // Scratch files of a run that crashed: named after one of our backups, hidden, and old.
  const scratch = new RegExp(
    `^\\.lean-on-backup-\\d{4}-\\d{2}-\\d{2}-${shortId}\\..*\\.(tmp|snapshot\\.db|verify\\.db)$`,
  );
  for (const name of names.filter((candidate) => scratch.test(candidate))) {
    const path = join(folder, name);
    try {
      if (now.getTime() - statSync(path).mtimeMs > STALE_TEMP_MS) rmSync(path, { force: true });
    } catch {
      // Gone already, or not ours to remove; either way nothing to do.
    }
  }
  return pruned;
}
