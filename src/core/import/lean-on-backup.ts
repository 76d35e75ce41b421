import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { JournalError } from '../../shared/errors';
import { BACKUP_FORMAT, MANIFEST_FILE } from '../backup-manifest';
import { restoreBackup } from '../backup-restore';
import type { Db } from '../db/database';
import { sql } from '../db/statements';
import { type ExportEntry, countEntries, entryPages, inReadSnapshot } from '../export/entry-source';
import { Journal, type ProgressFn } from '../journal';
import { MINIMUM_KDF } from '../kdf';
import { type DerivedDoc, deriveDoc } from '../text';
import { listThemes } from '../themes';
import { EntryCollector, cleanTags, describeEntry } from './collect';
import { isRecord } from './decode';
import type { ImportSource } from './formats';
import { IMPORT_LIMITS } from './limits';
import { type PlanOptions, planImport } from './plan';
import type { DuplicateEntry, ImportPlan, ImportedEntry, ParsedImport } from './types';

/**
 * Importing a Lean On backup (docs/backup-format.md) into a journal: another journal's entries,
 * or this journal's own from an earlier day, brought in with their documents exactly as they
 * were written. A backup is encrypted, so unlike other exports it is read with its secret, and
 * asynchronously (unwrapping the key runs Argon2): readLeanOnBackup, then planBackupImport, then
 * the usual applyImport.
 */

/** What opens the backup: the passphrase or the recovery code its journal had when it was made. */
export type BackupImportSecret = { passphrase: string } | { recoveryCode: string };

export interface ReadBackupOptions {
  secret: BackupImportSecret;
  onProgress?: ProgressFn;
}

export interface BackupImport {
  parsed: ParsedImport;
  /** Each entry's document as the backup holds it (validated), by sourceId; see planBackupImport. */
  docs: ReadonlyMap<string, DerivedDoc>;
}

/** Whether an opened source is a backup: a zip whose manifest says so. */
export function isLeanOnBackupSource(source: ImportSource): boolean {
  return (
    source.kind === 'zip' &&
    source.documents.some(
      (document) =>
        document.file === `${source.name}/${MANIFEST_FILE}` &&
        isRecord(document.value) &&
        document.value.format === BACKUP_FORMAT,
    )
  );
}

/** For the synchronous readers' table: a backup cannot be read without its secret. */
export function backupNeedsSecret(name: string): JournalError {
  return new JournalError(
    'INVALID_INPUT',
    `“${name}” is a Lean On backup; it can be imported only with its passphrase.`,
  );
}

/** Restores the backup into `dir`, naming the file in the errors a person may see. */
function restoreCopy(path: string, dir: string, name: string, progress: ProgressFn): void {
  try {
    restoreBackup(path, dir, {
      onProgress: (done, total) => progress(total > 0 ? done / total : null, 'Opening the backup'),
    });
  } catch (error) {
    if (error instanceof JournalError && error.code === 'NOT_A_JOURNAL') {
      throw new JournalError(
        'INVALID_INPUT',
        `“${name}” is not a Lean On backup (a .leanon-backup file).`,
        { cause: error },
      );
    }
    throw error;
  }
}

async function unlockCopy(
  journal: Journal,
  secret: BackupImportSecret,
  name: string,
  progress: ProgressFn,
): Promise<void> {
  try {
    if ('passphrase' in secret) {
      await journal.unlock(secret.passphrase, progress);
    } else {
      // The copy is thrown away, so the passphrase this sets is a random one no one needs.
      const throwaway = randomBytes(24).toString('base64url');
      await journal.unlockWithRecoveryCode(secret.recoveryCode, throwaway, progress);
    }
  } catch (error) {
    if (!(error instanceof JournalError)) throw error;
    if (error.code === 'WRONG_PASSPHRASE') {
      throw new JournalError(
        'WRONG_PASSPHRASE',
        `That passphrase does not open the backup “${name}”.`,
      );
    }
    if (error.code === 'WRONG_RECOVERY_CODE') {
      throw new JournalError(
        'WRONG_RECOVERY_CODE',
        `That recovery code does not open the backup “${name}”.`,
      );
    }
    throw error;
  }
}

/**
 * The id each entry is known by across journals: its own, or, for one that was itself imported
 * from a backup, the id it had there. So a backup of journal B that holds entries B imported
 * from A adds nothing to A.
 */
function originIds(db: Db): Map<number, string> {
  const rows = sql(
    db,
    `SELECT entry_seq AS seq, source_id AS sourceId FROM import_sources WHERE format = ?`,
  ).all('lean-on-backup') as Array<{ seq: number; sourceId: string }>;
  return new Map(rows.map((row) => [row.seq, row.sourceId]));
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function readEntries(db: Db, name: string, progress: ProgressFn): BackupImport {
  const collector = new EntryCollector('lean-on-backup', name, IMPORT_LIMITS);
  const docs = new Map<string, DerivedDoc>();
  return inReadSnapshot(db, () => {
    const labels = new Map(listThemes(db).map((theme) => [theme.id, theme.label]));
    const origins = originIds(db);
    const total = countEntries(db, {});
    collector.count(total);
    const inTrash = countEntries(db, { includeTrash: true }) - total;
    if (inTrash > 0) {
      const what = inTrash === 1 ? 'was' : 'were';
      collector.warn(
        name,
        null,
        `“${name}”`,
        `${plural(inTrash, 'entry', 'entries')} in its trash ${what} left out`,
      );
    }
    let index = 0;
    for (const page of entryPages(db, {})) {
      for (const entry of page) {
        index += 1;
        const read = toImported(entry, index, name, labels, origins, collector);
        if (read && !docs.has(read.entry.sourceId)) docs.set(read.entry.sourceId, read.doc);
      }
      progress(total > 0 ? index / total : null, 'Reading the backup’s entries');
    }
    return { parsed: collector.result(), docs };
  });
}

function toImported(
  entry: ExportEntry,
  index: number,
  name: string,
  labels: ReadonlyMap<string, string>,
  origins: ReadonlyMap<number, string>,
  collector: EntryCollector,
): { entry: ImportedEntry; doc: DerivedDoc } | null {
  const where = describeEntry(name, index, { date: entry.entryDate, id: entry.id });
  let doc: DerivedDoc;
  try {
    doc = deriveDoc(entry.docJson);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
    collector.skip(name, index, where, `its text could not be read (${reason})`);
    return null;
  }
  const { tags } = cleanTags(entry.themes.map((theme) => labels.get(theme.id) ?? theme.id));
  const imported: ImportedEntry = {
    index,
    file: name,
    where,
    sourceId: origins.get(entry.seq) ?? entry.id,
    title: entry.title,
    // What planImport checks; planBackupImport gives each entry the backup's own document.
    body: { kind: 'plain', text: entry.text },
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    timeZone: entry.createdTimeZone,
    entryDate: entry.entryDate,
    tags,
    starred: entry.starred,
  };
  collector.add(imported, (earlier) => `it is the same entry as ${earlier.where}`);
  return { entry: imported, doc };
}

/**
 * Reads every entry outside the trash from a backup file: restores it into a private temp
 * folder (still encrypted), opens that copy with `secret`, reads it, and always removes it.
 * Wrong secret: WRONG_PASSPHRASE / WRONG_RECOVERY_CODE; a damaged backup: CORRUPT; a file that
 * is not a backup: INVALID_INPUT.
 */
export async function readLeanOnBackup(
  path: string,
  options: ReadBackupOptions,
): Promise<BackupImport> {
  const name = basename(path);
  const progress = options.onProgress ?? (() => undefined);
  const scratch = mkdtempSync(join(tmpdir(), 'lean-on-import-'));
  // Only this reader's slots are ever written with this cost, in a copy that is deleted.
  const copy = new Journal(join(scratch, 'journal'), { kdf: MINIMUM_KDF });
  try {
    restoreCopy(path, copy.dir, name, progress);
    // Its steps are about the backup, not "your journal".
    await unlockCopy(copy, options.secret, name, () => progress(null, 'Unlocking the backup'));
    return readEntries(copy.db, name, progress);
  } finally {
    copy.lock();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * planImport for a backup, with two differences. An entry this journal already holds under the
 * same id (a backup of this very journal) is a duplicate, as one an earlier import added is. And
 * each entry keeps the document it had, formatting and all, rather than one rebuilt from text.
 */
export function planBackupImport(
  db: Db,
  backup: BackupImport,
  options: PlanOptions = {},
): ImportPlan {
  const held = sql(db, 'SELECT id FROM entries WHERE id = ?');
  const known: DuplicateEntry[] = [];
  const rest: ImportedEntry[] = [];
  for (const entry of backup.parsed.entries) {
    if (held.get(entry.sourceId)) known.push({ entry, existingEntryId: entry.sourceId });
    else rest.push(entry);
  }
  const plan = planImport(db, { ...backup.parsed, entries: rest }, options);
  return {
    ...plan,
    counts: {
      ...plan.counts,
      read: plan.counts.read + known.length,
      duplicates: plan.counts.duplicates + known.length,
    },
    add: plan.add.map((planned) => ({
      ...planned,
      doc: backup.docs.get(planned.entry.sourceId),
    })),
    duplicates: [...known, ...plan.duplicates],
  };
}
