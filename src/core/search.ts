import { LIMITS } from '../shared/limits';
import type { ParsedOf } from '../shared/schemas';
import type { SearchHit, SearchResults, SnippetPart } from '../shared/types';
import type { Db } from './db/database';
import { sql } from './db/statements';
import { type EntryRow, SUMMARY_COLUMNS, summariesOf } from './entries';
import { flushSearchIndex } from './search-index';

const MAX_TERMS = 32;
const HIT_START = '\uE000';
const HIT_END = '\uE001';
/** A token worth searching holds at least one letter or digit; the tokenizer drops the rest. */
const SEARCHABLE = /[\p{L}\p{N}]/u;

interface Term {
  text: string;
  prefix: boolean;
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Turns anything a person types into a safe FTS5 query. Words are ANDed; "quoted text" is a
 * phrase; a trailing * asks for a prefix. Every term is quoted, so FTS5's own syntax
 * (AND, OR, NOT, NEAR, column filters, parentheses, ^) is read as plain words and can never
 * cause a syntax error. Returns null when nothing searchable is left.
 */
export function buildMatchQuery(
  input: string,
  options: { prefixLast?: boolean } = {},
): string | null {
  // FTS5 reads its query as a C string, so a NUL would end it inside a quoted term; control
  // characters are never part of a word, so they separate words like spaces.
  const source = input
    .normalize('NFC')
    .slice(0, LIMITS.searchQueryMaxChars)
    .replace(/\p{Cc}/gu, ' ');
  const terms: Term[] = [];
  const pattern = /"([^"]*)"?|(\S+)/gu;
  for (const match of source.matchAll(pattern)) {
    const phrase = match[1];
    const word = match[2];
    if (phrase !== undefined) {
      terms.push({ text: phrase, prefix: false });
    } else if (word !== undefined) {
      const prefix = /\*+$/.test(word);
      terms.push({ text: word.replace(/\*+$/, ''), prefix });
    }
  }
  const searchable = terms.filter((term) => SEARCHABLE.test(term.text)).slice(0, MAX_TERMS);
  if (searchable.length === 0) return null;
  const last = searchable[searchable.length - 1]!;
  const typedLast = !/[\s"]$/.test(source);
  if (options.prefixLast && typedLast) last.prefix = true;
  return searchable.map((term) => `${quote(term.text)}${term.prefix ? '*' : ''}`).join(' ');
}

export function parseSnippet(raw: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = raw.replace(/\s+/g, ' ');
  while (rest.length > 0) {
    const start = rest.indexOf(HIT_START);
    if (start === -1) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    const end = rest.indexOf(HIT_END, start);
    const stop = end === -1 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), match: true });
    rest = rest.slice(stop + 1);
  }
  return parts.filter((part) => part.text.length > 0);
}

interface HitRow {
  snippet: string;
  score: number;
}

/** Ranked full-text search over entries outside the trash, optionally within themes. */
export function search(db: Db, input: ParsedOf<'search'>): SearchResults {
  const match = buildMatchQuery(input.query, { prefixLast: input.prefixLast });
  if (match === null) return { hits: [], nextOffset: null };
  // Results always reflect the last save, even one made a moment ago.
  flushSearchIndex(db);
  const themes = [...new Set(input.themes)];
  const params: unknown[] = [match];
  let themeFilter = '';
  if (themes.length > 0) {
    // Checked per hit as hits stream out in rank order, so a page stops early; a theme's whole
    // entry set is never built.
    const needed = input.themeMode === 'all' ? themes.length : 1;
    themeFilter = `AND (SELECT count(*) FROM entry_themes et
      WHERE et.entry_seq = e.seq AND et.theme_id IN (SELECT value FROM json_each(?))) >= ${needed}`;
    params.push(JSON.stringify(themes));
  }
  const rows = sql(
    db,
    `SELECT ${SUMMARY_COLUMNS},
         snippet(entries_fts, 1, '${HIT_START}', '${HIT_END}', '…', 14) AS snippet,
         entries_fts.rank AS score
       FROM entries_fts JOIN entries e ON e.seq = entries_fts.rowid
       WHERE entries_fts MATCH ? AND e.deleted_at IS NULL ${themeFilter}
       ORDER BY entries_fts.rank
       LIMIT ? OFFSET ?`,
  ).all(...params, input.limit + 1, input.offset) as Array<EntryRow & HitRow>;
  const more = rows.length > input.limit;
  const page = more ? rows.slice(0, input.limit) : rows;
  const summaries = summariesOf(db, page);
  const hits: SearchHit[] = summaries.map((summary, index) => ({
    ...summary,
    snippet: parseSnippet(page[index]!.snippet),
    rank: page[index]!.score,
  }));
  return { hits, nextOffset: more ? input.offset + input.limit : null };
}
