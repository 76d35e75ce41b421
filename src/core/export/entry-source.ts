import { JournalError } from '../../shared/errors';
import type { ThemeSource } from '../../shared/types';
import { type Db, isDamageError } from '../db/database';
import { sql } from '../db/statements';
import { rowsPastDamage } from '../integrity';

/** Entries read per query: enough to amortize the query, small enough to stay light in memory. */
export const EXPORT_PAGE_SIZE = 200;

export interface ExportEntryTheme {
  id: string;
  source: ThemeSource;
  /** When the theme was put on the entry, UTC milliseconds. */
  addedAt: number;
}

/** One entry with everything stored about it, as exports need it. */
export interface ExportEntry {
  seq: number;
  id: string;
  title: string;
  entryDate: string;
  createdAt: number;
  createdTimeZone: string;
  updatedAt: number;
  updatedTimeZone: string;
  starred: boolean;
  promptId: string | null;
  deletedAt: number | null;
  version: number;
  wordCount: number;
  text: string;
  /** The stored Lexical JSON, as stored (a string); parsed only by the exports that need it. */
  docJson: string;
  themes: ExportEntryTheme[];
}

export interface EntrySelection {
  /** Entries in the trash too; they come in storage order rather than by date. */
  includeTrash?: boolean;
  /** Inclusive bounds on the entry's day, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Only entries carrying this theme. */
  themeId?: string;
  /**
   * A damaged journal opened read-only: entries are read one at a time by row number, so a
   * damaged page costs only the entries on it; each one (or run) lost is counted here.
   */
  salvage?: SalvageCount;
}

export interface SalvageCount {
  unreadable: number;
}

interface Row {
  seq: number;
  id: string;
  title: string;
  entry_date: string;
  created_at: number;
  created_tz: string;
  updated_at: number;
  updated_tz: string;
  starred: number;
  prompt_id: string | null;
  deleted_at: number | null;
  version: number;
  word_count: number;
  text: string;
  doc: string;
}

const COLUMNS = `e.seq, e.id, e.title, e.entry_date, e.created_at, e.created_tz, e.updated_at,
  e.updated_tz, e.starred, e.prompt_id, e.deleted_at, e.version, e.word_count, e.text, e.doc`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface Plan {
  from: string;
  where: string[];
  params: unknown[];
  /** Columns of the sort key, in order; the page query continues after the last row's key. */
  key: string[];
}

/**
 * Each selection walks an index in order (the dated index, a theme's own index, or the rowid
 * for everything), and each page continues after the previous page's last key, so a page costs
 * the same at the start and at the end of 100,000 entries.
 */
function planFor(selection: EntrySelection): Plan {
  for (const bound of [selection.from, selection.to]) {
    if (bound !== undefined && !DAY.test(bound)) {
      throw new JournalError('INVALID_INPUT', 'Dates must be given as YYYY-MM-DD.');
    }
  }
  if (selection.includeTrash) {
    if (selection.themeId || selection.from || selection.to) {
      throw new JournalError(
        'INVALID_INPUT',
        'The trash can only be exported together with the whole journal.',
      );
    }
    return { from: 'entries e', where: [], params: [], key: ['e.seq'] };
  }
  const byTheme = selection.themeId !== undefined;
  const plan: Plan = byTheme
    ? {
        from: 'entry_themes et JOIN entries e ON e.seq = et.entry_seq',
        where: ['et.theme_id = ?', 'et.live = 1'],
        params: [selection.themeId],
        key: ['et.entry_date', 'et.created_at', 'et.entry_seq'],
      }
    : {
        from: 'entries e',
        where: ['e.deleted_at IS NULL'],
        params: [],
        key: ['e.entry_date', 'e.created_at', 'e.seq'],
      };
  const dateColumn = plan.key[0]!;
  if (selection.from) {
    plan.where.push(`${dateColumn} >= ?`);
    plan.params.push(selection.from);
  }
  if (selection.to) {
    plan.where.push(`${dateColumn} <= ?`);
    plan.params.push(selection.to);
  }
  return plan;
}

function whereClause(conditions: string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

export function countEntries(db: Db, selection: EntrySelection): number {
  if (selection.salvage) return salvageBound(db);
  const plan = planFor(selection);
  const row = sql(db, `SELECT count(*) AS n FROM ${plan.from} ${whereClause(plan.where)}`).get(
    ...plan.params,
  ) as { n: number };
  return row.n;
}

function themesOfPage(db: Db, seqs: number[]): Map<number, ExportEntryTheme[]> {
  const bySeq = new Map<number, ExportEntryTheme[]>();
  const rows = sql(
    db,
    `SELECT et.entry_seq AS seq, et.theme_id AS id, et.source AS source, et.added_at AS addedAt
       FROM entry_themes et JOIN themes t ON t.id = et.theme_id
       WHERE et.entry_seq IN (SELECT value FROM json_each(?))
       ORDER BY t.sort_order, t.label`,
  ).all(JSON.stringify(seqs)) as Array<ExportEntryTheme & { seq: number }>;
  for (const { seq, ...theme } of rows) {
    const list = bySeq.get(seq) ?? [];
    list.push(theme);
    bySeq.set(seq, list);
  }
  return bySeq;
}

function toExportEntry(row: Row, themes: ExportEntryTheme[]): ExportEntry {
  return {
    seq: row.seq,
    id: row.id,
    title: row.title,
    entryDate: row.entry_date,
    createdAt: row.created_at,
    createdTimeZone: row.created_tz,
    updatedAt: row.updated_at,
    updatedTimeZone: row.updated_tz,
    starred: row.starred === 1,
    promptId: row.prompt_id,
    deletedAt: row.deleted_at,
    version: row.version,
    wordCount: row.word_count,
    text: row.text,
    docJson: row.doc,
    themes,
  };
}

/**
 * The selected entries, oldest first, one page at a time: never more than `pageSize` entries
 * are held in memory. Run it inside a read transaction for a consistent snapshot.
 */
export function* entryPages(
  db: Db,
  selection: EntrySelection,
  pageSize: number = EXPORT_PAGE_SIZE,
): Generator<ExportEntry[]> {
  if (selection.salvage) {
    yield* salvagePages(db, selection, selection.salvage, pageSize);
    return;
  }
  const plan = planFor(selection);
  const order = plan.key.map((column) => `${column} ASC`).join(', ');
  const after =
    plan.key.length === 1
      ? `${plan.key[0]} > ?`
      : `(${plan.key.join(', ')}) > (${plan.key.map(() => '?').join(', ')})`;
  const first = sql(
    db,
    `SELECT ${COLUMNS} FROM ${plan.from} ${whereClause(plan.where)} ORDER BY ${order} LIMIT ?`,
  );
  const next = sql(
    db,
    `SELECT ${COLUMNS} FROM ${plan.from} ${whereClause([...plan.where, after])}
       ORDER BY ${order} LIMIT ?`,
  );
  let cursor: unknown[] | null = null;
  for (;;) {
    const rows = (
      cursor === null
        ? first.all(...plan.params, pageSize)
        : next.all(...plan.params, ...cursor, pageSize)
    ) as Row[];
    if (rows.length === 0) return;
    const themes = themesOfPage(
      db,
      rows.map((row) => row.seq),
    );
    yield rows.map((row) => toExportEntry(row, themes.get(row.seq) ?? []));
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    cursor = plan.key.length === 1 ? [last.seq] : [last.entry_date, last.created_at, last.seq];
  }
}

/**
 * Reads something beside the entries (themes, the journal's id) that a salvage can do without:
 * damage there gives `fallback` instead of stopping the export.
 */
export function orWhenDamaged<T>(salvage: SalvageCount | undefined, read: () => T, fallback: T): T {
  if (!salvage) return read();
  try {
    return read();
  } catch (error) {
    if (!isDamageError(error)) throw error;
    return fallback;
  }
}

/** The highest row number: how many entries a salvage may find at most (progress's total). */
function salvageBound(db: Db): number {
  try {
    return (sql(db, 'SELECT max(seq) FROM entries').pluck().get() as number | null) ?? 0;
  } catch (error) {
    if (isDamageError(error)) return 0;
    throw error;
  }
}

/** The selection's filters, applied to one entry read on its own. */
function selected(entry: ExportEntry, selection: EntrySelection): boolean {
  if (!selection.includeTrash && entry.deletedAt !== null) return false;
  if (selection.from && entry.entryDate < selection.from) return false;
  if (selection.to && entry.entryDate > selection.to) return false;
  if (selection.themeId && !entry.themes.some((theme) => theme.id === selection.themeId)) {
    return false;
  }
  return true;
}

/**
 * Salvage: reads entries one at a time by row number, in storage order, skipping what damage
 * keeps from being read. An entry whose themes sit on a damaged page still comes out, without
 * them. Nothing is written to the journal.
 */
function* salvagePages(
  db: Db,
  selection: EntrySelection,
  count: SalvageCount,
  pageSize: number,
): Generator<ExportEntry[]> {
  planFor(selection); // the same checks of the selection as a normal export
  const one = sql(db, `SELECT ${COLUMNS} FROM entries e WHERE e.seq = ?`);
  let page: ExportEntry[] = [];
  for (const found of rowsPastDamage(db, 0, (seq) => one.get(seq) as Row | undefined)) {
    if (!found.value) {
      count.unreadable++;
      continue;
    }
    let themes: ExportEntryTheme[] = [];
    try {
      themes = themesOfPage(db, [found.seq]).get(found.seq) ?? [];
    } catch (error) {
      if (!isDamageError(error)) throw error;
    }
    const entry = toExportEntry(found.value, themes);
    if (!selected(entry, selection)) continue;
    page.push(entry);
    if (page.length >= pageSize) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

/**
 * Runs `work` in one read transaction, so every page comes from the same moment of the journal.
 * A salvage runs without one: its journal is open read-only and cannot change, and SQLite
 * fails the end of a transaction in which it met damage.
 */
export function inReadSnapshot<T>(db: Db, work: () => T, salvage?: SalvageCount): T {
  if (salvage) return work();
  return db.transaction(work).deferred();
}
