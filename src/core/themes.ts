import { JournalError } from '../shared/errors';
import { cleanKeywords, mergedKeywords } from '../shared/keywords';
import { LIMITS, countChars } from '../shared/limits';
import type { ParsedOf } from '../shared/schemas';
import type { Theme } from '../shared/types';
import type { Db } from './db/database';
import { sql } from './db/statements';

interface ThemeRow {
  id: string;
  label: string;
  color: string;
  description: string;
  built_in: number;
  entry_count: number;
  keywords: string;
}

/** Calm colours for user themes, each readable under white text; chosen in turn. */
const USER_THEME_COLORS = ['#3F6E8C', '#6B5B95', '#2E7D6B', '#8C5A3C', '#56707A', '#7A4E6E'];

const THEME_COLUMNS = `t.id, t.label, t.color, t.description, t.built_in, t.keywords,
  (SELECT count(*) FROM entry_themes et WHERE et.theme_id = t.id AND et.live = 1) AS entry_count`;

function toTheme(row: ThemeRow): Theme {
  return {
    id: row.id,
    label: row.label,
    color: row.color,
    description: row.description,
    builtIn: row.built_in === 1,
    entryCount: row.entry_count,
    keywords: parseKeywords(row.keywords),
  };
}

/** Stored as a JSON array; anything else (damage, a newer format) reads as none. */
export function parseKeywords(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value)
      ? value.filter((word): word is string => typeof word === 'string')
      : [];
  } catch {
    return [];
  }
}

/** Built-in themes first in their fixed order, then the user's in the order they were made. */
export function listThemes(db: Db): Theme[] {
  const rows = sql(
    db,
    `SELECT ${THEME_COLUMNS} FROM themes t ORDER BY t.sort_order, t.created_at`,
  ).all() as ThemeRow[];
  return rows.map(toTheme);
}

export function getTheme(db: Db, id: string): Theme {
  const row = sql(db, `SELECT ${THEME_COLUMNS} FROM themes t WHERE t.id = ?`).get(id) as
    ThemeRow | undefined;
  if (!row) throw new JournalError('NOT_FOUND', `There is no theme “${id}”.`);
  return toTheme(row);
}

function cleanLabel(db: Db, label: string, exceptId?: string): string {
  const clean = label.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (clean.length === 0) throw new JournalError('INVALID_INPUT', 'Give the theme a name.');
  if (countChars(clean) > LIMITS.themeLabelMaxChars) {
    throw new JournalError(
      'INVALID_INPUT',
      `Theme names can be at most ${LIMITS.themeLabelMaxChars} characters.`,
    );
  }
  // SQLite's lower() folds ASCII only ("Ärger" ≠ "ärger" there), so labels are compared here.
  const folded = clean.toLowerCase();
  const others = sql(db, 'SELECT label FROM themes WHERE id IS NOT ?').all(
    exceptId ?? null,
  ) as Array<{ label: string }>;
  if (others.some((other) => other.label.toLowerCase() === folded)) {
    throw new JournalError('CONFLICT', `There is already a theme called “${clean}”.`);
  }
  return clean;
}

/** A readable, stable id from the label: "Grief & loss" → "grief-loss". */
function newThemeId(db: Db, label: string): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'theme';
  const taken = sql(db, 'SELECT 1 FROM themes WHERE id = ?');
  let id = base;
  for (let suffix = 2; taken.get(id); suffix += 1) id = `${base}-${suffix}`;
  return id;
}

export function createTheme(db: Db, input: ParsedOf<'createTheme'>, now = Date.now()): Theme {
  return db
    .transaction((): Theme => {
      const label = cleanLabel(db, input.label);
      const { count } = sql(
        db,
        'SELECT count(*) AS count FROM themes WHERE built_in = 0',
      ).get() as {
        count: number;
      };
      const color = input.color ?? USER_THEME_COLORS[count % USER_THEME_COLORS.length]!;
      const id = newThemeId(db, label);
      sql(
        db,
        `INSERT INTO themes (id, label, color, description, built_in, sort_order, created_at, keywords)
         VALUES (?, ?, ?, '', 0, 1000, ?, ?)`,
      ).run(
        id,
        label,
        color.toUpperCase(),
        now,
        JSON.stringify(cleanKeywords(input.keywords ?? [])),
      );
      return getTheme(db, id);
    })
    .immediate();
}

/** Renames, recolours or re-keywords any theme; ids never change, so prompts keep their tags. */
export function updateTheme(db: Db, input: ParsedOf<'updateTheme'>): Theme {
  return db
    .transaction((): Theme => {
      getTheme(db, input.id);
      if (input.label !== undefined) {
        sql(db, 'UPDATE themes SET label = ? WHERE id = ?').run(
          cleanLabel(db, input.label, input.id),
          input.id,
        );
      }
      if (input.color !== undefined) {
        sql(db, 'UPDATE themes SET color = ? WHERE id = ?').run(
          input.color.toUpperCase(),
          input.id,
        );
      }
      if (input.keywords !== undefined) {
        sql(db, 'UPDATE themes SET keywords = ? WHERE id = ?').run(
          JSON.stringify(cleanKeywords(input.keywords)),
          input.id,
        );
      }
      return getTheme(db, input.id);
    })
    .immediate();
}

function assertUserTheme(theme: Theme, action: string): void {
  if (theme.builtIn) {
    throw new JournalError(
      'INVALID_INPUT',
      `“${theme.label}” is built in and cannot be ${action}; you can rename or recolour it.`,
    );
  }
}

/**
 * Moves every entry of `from` onto `into`, then removes `from`. What the suggester knew of
 * `from` goes with it: a suggestion of `from` turned down on an entry stays turned down as
 * `into` (the person said the entry is not about it, and it is now part of `into`), and when
 * `into` is the person's own theme it also gets `from`'s keywords and name as keywords, so
 * entries `from` would have been suggested for still find the merged theme, as far as
 * `mergedKeywords` finds room (the window says the same before it asks).
 */
export function mergeThemes(db: Db, input: ParsedOf<'mergeThemes'>): Theme {
  return db
    .transaction((): Theme => {
      if (input.from === input.into) {
        throw new JournalError('INVALID_INPUT', 'Choose two different themes to merge.');
      }
      const from = getTheme(db, input.from);
      assertUserTheme(from, 'merged away');
      const into = getTheme(db, input.into);
      if (!into.builtIn) {
        const { keywords } = mergedKeywords(from, into);
        sql(db, 'UPDATE themes SET keywords = ? WHERE id = ?').run(
          JSON.stringify(keywords),
          into.id,
        );
      }
      sql(
        db,
        `INSERT INTO suggestion_dismissals (entry_seq, theme_id, dismissed_at)
         SELECT entry_seq, ?, dismissed_at FROM suggestion_dismissals WHERE theme_id = ?
         ON CONFLICT (entry_seq, theme_id) DO NOTHING`,
      ).run(input.into, input.from);
      sql(
        db,
        `INSERT INTO entry_themes (entry_seq, theme_id, source, added_at, entry_date, created_at, live)
         SELECT entry_seq, ?, source, added_at, entry_date, created_at, live
         FROM entry_themes WHERE theme_id = ?
         ON CONFLICT (entry_seq, theme_id) DO NOTHING`,
      ).run(input.into, input.from);
      sql(db, 'DELETE FROM themes WHERE id = ?').run(input.from);
      return getTheme(db, input.into);
    })
    .immediate();
}

/** Deletes a user theme; entries keep their text and lose only this tag. */
export function deleteTheme(db: Db, id: string): void {
  db.transaction(() => {
    assertUserTheme(getTheme(db, id), 'deleted');
    sql(db, 'DELETE FROM themes WHERE id = ?').run(id);
  }).immediate();
}
