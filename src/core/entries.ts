import { randomUUID } from 'node:crypto';
import { JournalError } from '../shared/errors';
import type { ParsedOf } from '../shared/schemas';
import type { Entry, EntryPage, EntrySummary, EntryTheme, ThemeSource } from '../shared/types';
import type { Db } from './db/database';
import { sql } from './db/statements';
import { type DerivedDoc, deriveDoc, previewOf } from './text';
import { localDate } from './time';
import { promptById } from './prompts';

export interface EntryRow {
  seq: number;
  id: string;
  title: string;
  entry_date: string;
  created_at: number;
  created_tz: string;
  updated_at: number;
  updated_tz: string;
  preview: string;
  word_count: number;
  starred: number;
  prompt_id: string | null;
  deleted_at: number | null;
  version: number;
}

interface FullEntryRow extends EntryRow {
  doc: string;
  text: string;
}

/** The columns of a summary; the preview is cut in SQL so long texts never leave SQLite. */
export const SUMMARY_COLUMNS = `e.seq, e.id, e.title, e.entry_date, e.created_at, e.created_tz,
  e.updated_at, e.updated_tz, substr(e.text, 1, 400) AS preview, e.word_count, e.starred,
  e.prompt_id, e.deleted_at, e.version`;

export function themesOf(db: Db, seqs: number[]): Map<number, EntryTheme[]> {
  const bySeq = new Map<number, EntryTheme[]>();
  if (seqs.length === 0) return bySeq;
  const rows = sql(
    db,
    `SELECT et.entry_seq AS seq, et.theme_id AS id, et.source AS source
       FROM entry_themes et JOIN themes t ON t.id = et.theme_id
       WHERE et.entry_seq IN (SELECT value FROM json_each(?))
       ORDER BY t.sort_order, t.label`,
  ).all(JSON.stringify(seqs)) as Array<{ seq: number; id: string; source: ThemeSource }>;
  for (const row of rows) {
    const list = bySeq.get(row.seq) ?? [];
    list.push({ id: row.id, source: row.source });
    bySeq.set(row.seq, list);
  }
  return bySeq;
}

export function toSummary(row: EntryRow, themes: EntryTheme[]): EntrySummary {
  return {
    id: row.id,
    title: row.title,
    entryDate: row.entry_date,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdTimeZone: row.created_tz,
    updatedTimeZone: row.updated_tz,
    preview: previewOf(row.preview),
    wordCount: row.word_count,
    starred: row.starred === 1,
    promptId: row.prompt_id,
    themes,
    deletedAt: row.deleted_at,
    version: row.version,
  };
}

export function summariesOf(db: Db, rows: EntryRow[]): EntrySummary[] {
  const themes = themesOf(
    db,
    rows.map((row) => row.seq),
  );
  return rows.map((row) => toSummary(row, themes.get(row.seq) ?? []));
}

function findRow(db: Db, id: string): FullEntryRow | undefined {
  return sql(db, `SELECT ${SUMMARY_COLUMNS}, e.doc, e.text FROM entries e WHERE e.id = ?`).get(
    id,
  ) as FullEntryRow | undefined;
}

export function getEntry(db: Db, id: string): Entry {
  const row = findRow(db, id);
  if (!row) throw new JournalError('NOT_FOUND', 'That entry no longer exists.');
  const summary = toSummary(row, themesOf(db, [row.seq]).get(row.seq) ?? []);
  return { ...summary, doc: JSON.parse(row.doc) as unknown, text: row.text };
}

function assertThemesExist(db: Db, ids: string[]): void {
  const check = sql(db, 'SELECT 1 FROM themes WHERE id = ?');
  for (const id of ids) {
    if (!check.get(id)) throw new JournalError('NOT_FOUND', `There is no theme “${id}”.`);
  }
}

function addTheme(db: Db, seq: number, themeId: string, source: ThemeSource, now: number): void {
  sql(
    db,
    `INSERT INTO entry_themes (entry_seq, theme_id, source, added_at, entry_date, created_at, live)
     SELECT seq, ?, ?, ?, entry_date, created_at, deleted_at IS NULL FROM entries WHERE seq = ?
     ON CONFLICT (entry_seq, theme_id) DO NOTHING`,
  ).run(themeId, source, now, seq);
}

/** A new entry as stored: the document already derived, the title already cleaned. */
export interface NewEntryRow {
  id: string;
  title: string;
  derived: DerivedDoc;
  entryDate: string;
  createdAt: number;
  createdTimeZone: string;
  updatedAt: number;
  updatedTimeZone: string;
  promptId: string | null;
  starred: boolean;
  themes: ReadonlyMap<string, ThemeSource>;
}

/**
 * Inserts a new entry and its themes inside the caller's transaction and returns its seq.
 * createEntry and imports both go through here, so every entry is indexed for search and
 * counted under its themes the same way.
 */
export function insertEntry(db: Db, row: NewEntryRow, now: number): number {
  assertThemesExist(db, [...row.themes.keys()]);
  const { lastInsertRowid } = sql(
    db,
    `INSERT INTO entries (id, title, doc, text, word_count, entry_date, created_at,
         created_tz, updated_at, updated_tz, prompt_id, starred, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  ).run(
    row.id,
    row.title,
    row.derived.json,
    row.derived.text,
    row.derived.wordCount,
    row.entryDate,
    row.createdAt,
    row.createdTimeZone,
    row.updatedAt,
    row.updatedTimeZone,
    row.promptId,
    row.starred ? 1 : 0,
  );
  const seq = Number(lastInsertRowid);
  for (const [themeId, source] of row.themes) addTheme(db, seq, themeId, source, now);
  return seq;
}

type CreateInput = ParsedOf<'createEntry'>;

function sameContent(entry: Entry, derivedJson: string, title: string): boolean {
  return JSON.stringify(entry.doc) === derivedJson && entry.title === title;
}

/**
 * Creates an entry. A client may choose the id, which makes a retried create idempotent:
 * the same content again returns the stored entry; different content under an existing id is
 * a conflict, never an overwrite.
 */
export function createEntry(db: Db, input: CreateInput, now = Date.now()): Entry {
  const derived = deriveDoc(input.doc);
  const title = input.title.normalize('NFC').trim();
  const id = input.id ?? randomUUID();
  return db
    .transaction((): Entry => {
      const existing = findRow(db, id);
      if (existing) {
        const stored = getEntry(db, id);
        if (sameContent(stored, derived.json, title)) return stored;
        throw new JournalError('CONFLICT', 'An entry with that id already exists.');
      }
      const themes = new Map<string, ThemeSource>();
      let promptId: string | null = null;
      if (input.promptId) {
        const prompt = promptById(input.promptId);
        if (!prompt) throw new JournalError('NOT_FOUND', 'That prompt does not exist.');
        promptId = prompt.id;
        themes.set(prompt.themeId, 'prompt');
      }
      for (const theme of input.themes)
        if (!themes.has(theme.id)) themes.set(theme.id, theme.source);
      insertEntry(
        db,
        {
          id,
          title,
          derived,
          entryDate: input.entryDate ?? localDate(now, input.timeZone),
          createdAt: now,
          createdTimeZone: input.timeZone,
          updatedAt: now,
          updatedTimeZone: input.timeZone,
          promptId,
          starred: input.starred,
          themes,
        },
        now,
      );
      return getEntry(db, id);
    })
    .immediate();
}

type UpdateInput = ParsedOf<'updateEntry'>;

/**
 * Saves a change made on top of `baseVersion`. A retry of a save that already landed is
 * recognised by its content and succeeds; a save based on an older version with different
 * content means another window changed the entry, and is refused as a conflict.
 */
export function updateEntry(db: Db, input: UpdateInput, now = Date.now()): Entry {
  const derived = input.doc === undefined ? null : deriveDoc(input.doc);
  return db
    .transaction((): Entry => {
      const current = getEntry(db, input.id);
      const title = input.title === undefined ? current.title : input.title.normalize('NFC').trim();
      const json = derived ? derived.json : JSON.stringify(current.doc);
      const entryDate = input.entryDate ?? current.entryDate;
      const starred = input.starred ?? current.starred;
      const unchanged =
        sameContent(current, json, title) &&
        entryDate === current.entryDate &&
        starred === current.starred;
      if (unchanged) return current;
      if (input.baseVersion !== current.version) {
        throw new JournalError(
          'CONFLICT',
          'This entry was changed in another window since you opened it.',
        );
      }
      sql(
        db,
        `UPDATE entries SET title = ?, doc = ?, text = ?, word_count = ?, entry_date = ?,
           starred = ?, updated_at = ?, updated_tz = ?, version = version + 1
         WHERE id = ?`,
      ).run(
        title,
        json,
        derived ? derived.text : current.text,
        derived ? derived.wordCount : current.wordCount,
        entryDate,
        starred ? 1 : 0,
        now,
        input.timeZone,
        input.id,
      );
      return getEntry(db, input.id);
    })
    .immediate();
}

export function seqOf(db: Db, id: string): number {
  const row = sql(db, 'SELECT seq FROM entries WHERE id = ?').get(id) as
    { seq: number } | undefined;
  if (!row) throw new JournalError('NOT_FOUND', 'That entry no longer exists.');
  return row.seq;
}

export function setEntryTheme(db: Db, input: ParsedOf<'setEntryTheme'>, now = Date.now()): Entry {
  return db
    .transaction((): Entry => {
      const seq = seqOf(db, input.id);
      assertThemesExist(db, [input.themeId]);
      if (input.on) addTheme(db, seq, input.themeId, input.source, now);
      else
        sql(db, 'DELETE FROM entry_themes WHERE entry_seq = ? AND theme_id = ?').run(
          seq,
          input.themeId,
        );
      return getEntry(db, input.id);
    })
    .immediate();
}

export function trashEntry(db: Db, id: string, now = Date.now()): Entry {
  seqOf(db, id);
  sql(db, 'UPDATE entries SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, id);
  return getEntry(db, id);
}

export function restoreEntry(db: Db, id: string): Entry {
  seqOf(db, id);
  sql(db, 'UPDATE entries SET deleted_at = NULL WHERE id = ?').run(id);
  return getEntry(db, id);
}

/** Only entries already in the trash can be deleted for good. */
export function deleteEntryForever(db: Db, id: string): void {
  const entry = getEntry(db, id);
  if (entry.deletedAt === null) {
    throw new JournalError('INVALID_INPUT', 'Move the entry to the trash before deleting it.');
  }
  sql(db, 'DELETE FROM entries WHERE id = ?').run(id);
}

export function emptyTrash(db: Db): number {
  return sql(db, 'DELETE FROM entries WHERE deleted_at IS NOT NULL').run().changes;
}

interface Cursor {
  date: string;
  created: number;
  seq: number;
}

function encodeCursor(row: EntryRow): string {
  return Buffer.from(JSON.stringify([row.entry_date, row.created_at, row.seq])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): Cursor {
  try {
    const [date, created, seq] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [
      unknown,
      unknown,
      unknown,
    ];
    if (typeof date === 'string' && typeof created === 'number' && typeof seq === 'number') {
      return { date, created, seq };
    }
  } catch {
    // fall through to the error below
  }
  throw new JournalError('INVALID_INPUT', 'That page of entries is no longer valid.');
}

type ListInput = ParsedOf<'listEntries'>;

/** Newest first, by the entry's day, then the moment it was written. */
export function listEntries(db: Db, input: ListInput): EntryPage {
  const themes = [...new Set(input.themes)];
  // One theme outside the trash: walk that theme's own index, already in page order.
  const viaThemeIndex = themes.length === 1 && !input.trash;
  const sort = viaThemeIndex
    ? { date: 'et.entry_date', created: 'et.created_at', seq: 'et.entry_seq' }
    : { date: 'e.entry_date', created: 'e.created_at', seq: 'e.seq' };
  const from = viaThemeIndex
    ? 'entry_themes et JOIN entries e ON e.seq = et.entry_seq'
    : 'entries e';
  const where: string[] = [input.trash ? 'e.deleted_at IS NOT NULL' : 'e.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (viaThemeIndex) {
    where.push('et.theme_id = ? AND et.live = 1');
    params.push(themes[0]);
  } else if (themes.length > 0) {
    const having = input.themeMode === 'all' ? `HAVING count(*) = ${themes.length}` : '';
    where.push(
      `e.seq IN (SELECT entry_seq FROM entry_themes
                 WHERE theme_id IN (SELECT value FROM json_each(?))
                 GROUP BY entry_seq ${having})`,
    );
    params.push(JSON.stringify(themes));
  }
  if (input.from) {
    where.push(`${sort.date} >= ?`);
    params.push(input.from);
  }
  if (input.to) {
    where.push(`${sort.date} <= ?`);
    params.push(input.to);
  }
  if (input.starred !== undefined) {
    where.push('e.starred = ?');
    params.push(input.starred ? 1 : 0);
  }
  if (input.cursor) {
    const cursor = decodeCursor(input.cursor);
    where.push(`(${sort.date}, ${sort.created}, ${sort.seq}) < (?, ?, ?)`);
    params.push(cursor.date, cursor.created, cursor.seq);
  }
  const rows = sql(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM ${from} WHERE ${where.join(' AND ')}
       ORDER BY ${sort.date} DESC, ${sort.created} DESC, ${sort.seq} DESC LIMIT ?`,
  ).all(...params, input.limit + 1) as EntryRow[];
  const more = rows.length > input.limit;
  const page = more ? rows.slice(0, input.limit) : rows;
  return {
    entries: summariesOf(db, page),
    nextCursor: more ? encodeCursor(page[page.length - 1]!) : null,
  };
}
