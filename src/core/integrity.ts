import { existsSync, statSync } from 'node:fs';
import { JournalError } from '../shared/errors';
import type { Entry, EntrySummary } from '../shared/types';
import { type Db, isDamageError } from './db/database';
import { sql } from './db/statements';
import { getEntry } from './entries';
import { rebuildSearchIndex } from './search-index';
import { deriveDoc } from './text';

/**
 * Checks that tell a damaged journal from a sound one, and repairs of what is derived.
 *
 * SQLCipher authenticates every page, so a flipped byte makes its whole page unreadable rather
 * than quietly wrong: damage shows up as SQLITE_CORRUPT when the page is read. The checks here
 * read pages on purpose, so that damage is found at open rather than halfway through a session.
 *
 * Cost, measured on a 100,000-entry journal (1 GB): `PRAGMA quick_check` 14 s, FTS5's
 * integrity-check 10 s, the whole check about 55 s on a busy machine. So every open runs the
 * file-length checks (microseconds), and the full check runs at open only up to
 * FULL_CHECK_MAX_BYTES (a few hundred milliseconds there), or on demand.
 */
export const FULL_CHECK_MAX_BYTES = 8 * 1024 * 1024;

/** Tables holding what a person wrote or chose; everything else can be rebuilt from them. */
const PRIMARY_TABLES = ['meta', 'themes', 'entries', 'entry_themes', 'import_sources', 'settings'];

export interface IntegrityReport {
  /** Problems with the person's own data: entries, themes, settings. Never repaired here. */
  damaged: string[];
  /** Problems with derived data only (search index, table indexes, plain text), repairable. */
  derivedDamage: string[];
}

function damage(message: string, cause?: unknown): JournalError {
  return new JournalError('CORRUPT', message, cause === undefined ? undefined : { cause });
}

/**
 * The cheap checks, for every open: the file is a whole number of pages and as long as its
 * header says. A WAL left by a crash may legitimately hold pages past the file's end; SQLite
 * replays it, so it is never reported as damage.
 */
export function checkFileLength(db: Db, path: string): string | null {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pageCount = db.pragma('page_count', { simple: true }) as number;
  const size = statSync(path).size;
  if (size % pageSize !== 0) return 'The journal file was cut short in the middle of a page.';
  const wal = `${path}-wal`;
  const walHasFrames = existsSync(wal) && statSync(wal).size > 0;
  if (!walHasFrames && pageCount * pageSize > size) {
    return 'The journal file is shorter than it should be; its end is missing.';
  }
  return null;
}

function quickCheckProblems(db: Db): string[] {
  const rows = db.pragma('quick_check(20)', { simple: false }) as Array<{ quick_check: string }>;
  return rows.map((row) => row.quick_check).filter((line) => line !== 'ok');
}

function searchIndexProblem(db: Db): string | null {
  try {
    db.prepare(`INSERT INTO entries_fts (entries_fts) VALUES ('integrity-check')`).run();
    return null;
  } catch (error) {
    if (isDamageError(error)) return 'The search index is damaged.';
    throw error;
  }
}

function tableNames(db: Db): Set<string> {
  return new Set(
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[],
  );
}

/** Reads every row of every primary table without any index: proves the person's data reads. */
function unreadablePrimaryTables(db: Db): string[] {
  const present = tableNames(db);
  const unreadable: string[] = [];
  for (const table of PRIMARY_TABLES.filter((name) => present.has(name))) {
    try {
      // Reading every column of every row touches every page of the table, overflow included.
      for (const row of db.prepare(`SELECT * FROM "${table}" NOT INDEXED`).iterate()) void row;
    } catch (error) {
      if (!isDamageError(error)) throw error;
      unreadable.push(table);
    }
  }
  return unreadable;
}

/** Entries whose stored plain text or word count no longer matches their document. */
function staleDerivedText(db: Db): number[] {
  const stale: number[] = [];
  const rows = db
    .prepare('SELECT seq, doc, text, word_count FROM entries NOT INDEXED')
    .iterate() as IterableIterator<{ seq: number; doc: string; text: string; word_count: number }>;
  for (const row of rows) {
    let derived;
    try {
      derived = deriveDoc(row.doc);
    } catch {
      continue; // A document the editor cannot read is left exactly as it is.
    }
    if (derived.text !== row.text || derived.wordCount !== row.word_count) stale.push(row.seq);
  }
  return stale;
}

/**
 * The full check: every page, the search index and, unless told not to, the derived plain text
 * (which means reading every document with the editor: slow, so opens skip it). Reads only.
 */
export function checkIntegrity(
  db: Db,
  options: { text?: boolean; searchIndex?: boolean } = {},
): IntegrityReport {
  const report: IntegrityReport = { damaged: [], derivedDamage: [] };
  let pageProblems: string[];
  try {
    pageProblems = quickCheckProblems(db);
  } catch (error) {
    if (!isDamageError(error)) throw error;
    pageProblems = ['The database could not be checked page by page.'];
  }
  const unreadable = unreadablePrimaryTables(db);
  if (unreadable.length > 0) {
    report.damaged.push(`Part of the journal could not be read (${unreadable.join(', ')}).`);
    return report;
  }
  if (pageProblems.length > 0) report.derivedDamage.push('An index of the journal is damaged.');
  // FTS5 runs its check as an INSERT, which a read-only connection refuses.
  const searchProblem = (options.searchIndex ?? true) ? searchIndexProblem(db) : null;
  if (searchProblem) report.derivedDamage.push(searchProblem);
  if ((options.text ?? true) && staleDerivedText(db).length > 0) {
    report.derivedDamage.push('The plain text kept beside some entries was out of date.');
  }
  return report;
}

/** Unreachable pages, as left by recreating the search index; compaction removes them. */
const UNUSED_PAGE = /^(\*\*\* in database main \*\*\*\n)?(Page \d+: never used\n?)+$/;

export interface OpenCheck {
  notices: string[];
  /** Set when the file holds unreachable damaged pages: it must be rewritten (VACUUM INTO). */
  compact: boolean;
}

/**
 * Rebuilds what is derived from the entries' documents: the plain text and word counts, the
 * search index and the table indexes. Never writes a document. Throws CORRUPT when the damage
 * cannot be repaired in place.
 */
export function repairDerivedData(db: Db): { compact: boolean } {
  let compact = false;
  try {
    const stale = staleDerivedText(db);
    const rewrite = sql(db, 'UPDATE entries SET text = ?, word_count = ? WHERE seq = ?');
    const docOf = sql(db, 'SELECT doc FROM entries WHERE seq = ?').pluck();
    db.transaction(() => {
      for (const seq of stale) {
        const derived = deriveDoc(docOf.get(seq));
        rewrite.run(derived.text, derived.wordCount, seq);
      }
    }).immediate();
    // Rebuilding reads the entries' current text, so noted edits are covered too.
    compact = rebuildSearchIndex(db) === 'recreated';
    db.exec('REINDEX');
  } catch (error) {
    if (!isDamageError(error)) throw error;
    throw damage(
      'The journal’s indexes are damaged and could not be rebuilt; open it read-only to export your entries, or restore a backup.',
      error,
    );
  }
  const remaining = quickCheckProblems(db).filter((line) => !(compact && UNUSED_PAGE.test(line)));
  if (remaining.length > 0 || searchIndexProblem(db)) {
    throw damage(
      'The journal is damaged and could not be repaired; open it read-only to export your entries, or restore a backup.',
    );
  }
  return { compact };
}

/**
 * Runs the checks an open can afford. Returns notices for what was repaired; throws CORRUPT
 * when the person's own data is damaged (nothing is then written or deleted).
 */
export function checkOnOpen(
  db: Db,
  path: string,
  fullCheckMaxBytes: number = FULL_CHECK_MAX_BYTES,
): OpenCheck {
  const lengthProblem = checkFileLength(db, path);
  if (lengthProblem) throw damage(`${lengthProblem} Restore it from a backup.`);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pageCount = db.pragma('page_count', { simple: true }) as number;
  if (pageSize * pageCount > fullCheckMaxBytes) return { notices: [], compact: false };
  const report = checkIntegrity(db, { text: false });
  if (report.damaged.length > 0) {
    throw damage(
      `${report.damaged.join(' ')} Nothing was changed; open it read-only to export what can be read, or restore a backup.`,
    );
  }
  if (report.derivedDamage.length === 0) return { notices: [], compact: false };
  const { compact } = repairDerivedData(db);
  return {
    notices: [
      `${report.derivedDamage.join(' ')} It was rebuilt from your entries, which were not changed.`,
    ],
    compact,
  };
}

export interface Salvage {
  /** Entries (in the trash too) read whole, each exactly as stored. */
  read: number;
  /** Entries, or runs of them, that a damaged page kept from being read. */
  unreadable: number;
}

/**
 * For a damaged journal opened read-only: reads entries one at a time by their row number, so
 * one damaged page costs only the entries on it, where a listing stops at the first. Each
 * entry read is passed to `visit` (an export writes it out); nothing is written to the journal.
 */
export function salvageEntries(db: Db, visit: (entry: Entry) => void): Salvage {
  const salvage: Salvage = { read: 0, unreadable: 0 };
  for (const found of entriesPastDamage(db, 0)) {
    if (found.value) {
      visit(found.value);
      salvage.read++;
    } else {
      salvage.unreadable++;
    }
  }
  return salvage;
}

/** One row number's worth of a salvage: what was read there, or null where damage stood. */
export interface Salvaged<T> {
  seq: number;
  /** The last row number there is; the salvage ends there. */
  last: number;
  value: T | null;
}

/**
 * Reads entries after row number `after` one at a time with `read`, so that a damaged page
 * costs only the entries on it; rows deleted for good (or never used), for which `read`
 * returns undefined, are skipped. When even the highest row number cannot be read, that is
 * one damaged run and nothing else.
 */
export function* rowsPastDamage<T>(
  db: Db,
  after: number,
  read: (seq: number) => T | undefined,
): Generator<Salvaged<T>> {
  let last: number;
  try {
    last = (sql(db, 'SELECT max(seq) FROM entries').pluck().get() as number | null) ?? 0;
  } catch (error) {
    if (!isDamageError(error)) throw error;
    yield { seq: after, last: after, value: null };
    return;
  }
  for (let seq = after + 1; seq <= last; seq++) {
    let value: T | undefined;
    try {
      value = read(seq);
    } catch (error) {
      if (!isDamageError(error)) throw error;
      yield { seq, last, value: null };
      continue;
    }
    if (value !== undefined) yield { seq, last, value };
  }
}

/** Whole entries past damage, each read with its themes. */
function entriesPastDamage(db: Db, after: number): Generator<Salvaged<Entry>> {
  const idOf = sql(db, 'SELECT id FROM entries WHERE seq = ?');
  return rowsPastDamage(db, after, (seq) => {
    const id = idOf.pluck().get(seq) as string | undefined;
    return id === undefined ? undefined : getEntry(db, id);
  });
}

/**
 * The list of a damaged journal open read-only: entries outside the trash in the order they
 * were written, read one at a time past damaged pages (a listing by date stops at the first).
 * The cursor is the last row number read, so each page starts where the last one ended.
 */
export function salvageListing(
  db: Db,
  cursor: string | null | undefined,
  limit: number,
): { entries: EntrySummary[]; nextCursor: string | null; unreadable: number } {
  const start = cursor && /^salvage:\d+$/.test(cursor) ? Number(cursor.slice(8)) : 0;
  const entries: EntrySummary[] = [];
  let unreadable = 0;
  let reached = { seq: start, last: start };
  for (const found of entriesPastDamage(db, start)) {
    reached = found;
    if (!found.value) unreadable++;
    else if (found.value.deletedAt === null) {
      const { doc: _doc, text: _text, ...summary } = found.value;
      entries.push(summary);
    }
    if (entries.length >= limit) break;
  }
  const more = reached.seq < reached.last;
  return { entries, nextCursor: more ? `salvage:${reached.seq}` : null, unreadable };
}
