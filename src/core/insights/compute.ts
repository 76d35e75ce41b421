import { JournalError } from '../../shared/errors';
import type { Db } from '../db/database';
import { sql } from '../db/statements';
import { PROMPTS, promptById } from '../prompts';
import { localDate } from '../time';
import { checkedDate, dateOfDay, dayNumber } from './calendar';
import { type DayRow, type ThemeDayRow, charts } from './charts';
import type {
  EntryRef,
  Insights,
  InsightsOptions,
  PromptsForTheme,
  ReturnAfterGap,
  ThemeFirst,
  ThemePair,
  WritingDay,
} from './types';

/*
 * Every figure is aggregated inside SQLite, over indexes, a day or a combination of themes at a
 * time: at 100,000 entries a few thousand small rows reach JavaScript, and no entry's text is
 * read. Nothing is cached: each call reads the encrypted journal afresh and writes nothing.
 */

const DEFAULT_GAP_DAYS = 14;
const MAX_RETURNS = 10;
const CALENDAR_DAYS = 365;
/** Bounds that every stored YYYY-MM-DD day lies between, for an open end of the range. */
const EARLIEST = '0000-01-01';
const LATEST = '9999-12-31';

/**
 * Entries and words per day, and how many of those entries carry no theme. Served by the
 * covering index of migration 0070 (entry_date, word_count, prompt_id), in day order, so the
 * grouping needs no sort; each entry's themes are looked up by primary key.
 */
const PER_DAY = `
  SELECT e.entry_date AS date, count(*) AS entries, sum(e.word_count) AS words,
    sum(NOT EXISTS (SELECT 1 FROM entry_themes et WHERE et.entry_seq = e.seq)) AS untagged
  FROM entries e
  WHERE e.deleted_at IS NULL AND e.entry_date BETWEEN ? AND ?
  GROUP BY e.entry_date
  ORDER BY e.entry_date`;

/** Entries per theme and day, read in order from the slim index of migration 0070. */
const PER_THEME_DAY = `
  SELECT theme_id AS themeId, entry_date AS date, count(*) AS entries
  FROM entry_themes
  WHERE live = 1 AND entry_date BETWEEN ? AND ?
  GROUP BY theme_id, entry_date`;

/**
 * How many entries carry each combination of two or more themes. The unary plus keeps SQLite
 * off the by-theme index, so the table is read in key order (entry, then theme) and each
 * entry's themes arrive together, ready to be grouped without a sort.
 */
const THEME_COMBINATIONS = `
  SELECT themes, count(*) AS entries FROM (
    SELECT json_group_array(theme_id) AS themes
    FROM entry_themes
    WHERE +live = 1 AND +entry_date BETWEEN ? AND ?
    GROUP BY entry_seq
    HAVING count(*) > 1)
  GROUP BY themes`;

const PER_PROMPT = `
  SELECT prompt_id AS promptId, count(*) AS entries
  FROM entries
  WHERE deleted_at IS NULL AND prompt_id IS NOT NULL AND entry_date BETWEEN ? AND ?
  GROUP BY prompt_id`;

/** Each theme's earliest entry, found at the far end of its index. */
const THEME_FIRSTS = `
  SELECT t.id AS themeId, e.id AS id, e.title AS title, e.entry_date AS entryDate
  FROM themes t
  JOIN entries e ON e.seq = (
    SELECT et.entry_seq FROM entry_themes et
    WHERE et.theme_id = t.id AND et.live = 1
    ORDER BY et.entry_date, et.created_at, et.entry_seq
    LIMIT 1)
  ORDER BY e.entry_date, t.sort_order, t.created_at, t.id`;

const LAST_DAY_BEFORE = `
  SELECT max(entry_date) FROM entries WHERE deleted_at IS NULL AND entry_date < ?`;

/**
 * The day's first entry, read from the end of entries_by_date: another index would have SQLite
 * read every entry of the day whole (created_at sits after the text) to sort them.
 */
const FIRST_OF_DAY = `
  SELECT id, title, entry_date AS entryDate FROM entries INDEXED BY entries_by_date
  WHERE deleted_at IS NULL AND entry_date = ?
  ORDER BY entry_date, created_at, seq
  LIMIT 1`;

function checkedOptions(options: InsightsOptions) {
  const { timeZone } = options;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new JournalError('INVALID_INPUT', 'That time zone is not known.');
  }
  const today =
    options.today === undefined
      ? localDate(Date.now(), timeZone)
      : checkedDate(options.today, 'today');
  const from = options.from === undefined ? null : checkedDate(options.from, 'from');
  const to = options.to === undefined ? null : checkedDate(options.to, 'to');
  if (from !== null && to !== null && from > to) {
    throw new JournalError('INVALID_INPUT', 'The range must start on or before its last day.');
  }
  const gapDays = options.gapDays ?? DEFAULT_GAP_DAYS;
  if (!Number.isInteger(gapDays) || gapDays < 1) {
    throw new JournalError(
      'INVALID_INPUT',
      'A long gap must be a whole number of days, 1 or more.',
    );
  }
  if (options.bucket !== 'week' && options.bucket !== 'month') {
    throw new JournalError('INVALID_INPUT', 'Group insights by week or by month.');
  }
  return { today, from, to, gapDays, bucket: options.bucket };
}

/** Pairs of themes from the combinations found on entries. */
function themePairs(db: Db, from: string, to: string): ThemePair[] {
  const counts = new Map<string, ThemePair>();
  const combinations = sql(db, THEME_COMBINATIONS).all(from, to) as Array<{
    themes: string;
    entries: number;
  }>;
  for (const combination of combinations) {
    const ids = (JSON.parse(combination.themes) as string[]).sort();
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const key = JSON.stringify([ids[i], ids[j]]);
        const pair = counts.get(key) ?? { a: ids[i]!, b: ids[j]!, count: 0 };
        pair.count += combination.entries;
        counts.set(key, pair);
      }
    }
  }
  return [...counts.values()].sort(
    (x, y) => y.count - x.count || compare(x.a, y.a) || compare(x.b, y.b),
  );
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function promptsPerTheme(db: Db, from: string, to: string): PromptsForTheme[] {
  const byTheme = new Map<string, PromptsForTheme>();
  const rows = sql(db, PER_PROMPT).all(from, to) as Array<{ promptId: string; entries: number }>;
  for (const row of rows) {
    const prompt = promptById(row.promptId);
    // A prompt no longer in the catalogue has no theme to count under.
    if (!prompt) continue;
    const theme = byTheme.get(prompt.themeId) ?? {
      themeId: prompt.themeId,
      entries: 0,
      prompts: 0,
    };
    theme.entries += row.entries;
    theme.prompts += 1;
    byTheme.set(prompt.themeId, theme);
  }
  const order = [...new Set(PROMPTS.map((prompt) => prompt.themeId))];
  return order.flatMap((themeId) => byTheme.get(themeId) ?? []);
}

/** Returns to writing, in the range, at least `gapDays` after the writing day before them. */
function returnsAfterGaps(
  db: Db,
  days: readonly string[],
  from: string | null,
  gapDays: number,
): ReturnAfterGap[] {
  const before =
    from === null ? null : (sql(db, LAST_DAY_BEFORE).pluck().get(from) as string | null);
  const writingDays = before === null ? days : [before, ...days];
  const returns: ReturnAfterGap[] = [];
  for (let i = writingDays.length - 1; i > 0 && returns.length < MAX_RETURNS; i -= 1) {
    const gap = dayNumber(writingDays[i]!) - dayNumber(writingDays[i - 1]!);
    if (gap < gapDays) continue;
    const entry = sql(db, FIRST_OF_DAY).get(writingDays[i]) as EntryRef;
    returns.push({ entry, previousDate: writingDays[i - 1]!, gapDays: gap });
  }
  return returns;
}

function themeFirsts(db: Db): ThemeFirst[] {
  const rows = sql(db, THEME_FIRSTS).all() as Array<EntryRef & { themeId: string }>;
  return rows.map(({ themeId, id, title, entryDate }) => ({
    themeId,
    entry: { id, title, entryDate },
  }));
}

/**
 * Charts and counts over the journal's entries outside the trash, for the insights view.
 * Reads only; one snapshot of the journal, so every figure agrees with the others.
 */
export function computeInsights(db: Db, options: InsightsOptions): Insights {
  const { today, from, to, gapDays, bucket } = checkedOptions(options);
  const low = from ?? EARLIEST;
  const high = to ?? LATEST;
  return db.transaction((): Insights => {
    // In this order, each query finds the pages the one before it read still in the cache.
    const days = sql(db, PER_DAY).all(low, high) as DayRow[];
    const prompts = promptsPerTheme(db, low, high);
    const pairs = themePairs(db, low, high);
    const themeDays = sql(db, PER_THEME_DAY).all(low, high) as ThemeDayRow[];
    const { themesOverTime, wordsOverTime, themeTotals } = charts(
      bucket,
      days,
      themeDays,
      from ?? days[0]?.date,
      to ?? days.at(-1)?.date,
    );

    const calendarTo = to ?? today;
    const calendarFrom = from ?? dateOfDay(dayNumber(calendarTo) - (CALENDAR_DAYS - 1));
    const writingDays: WritingDay[] = days
      .filter((day) => day.date >= calendarFrom && day.date <= calendarTo)
      .map(({ date, entries, words }) => ({ date, entries, words }));

    return {
      bucket,
      today,
      range: { from, to },
      themesOverTime,
      wordsOverTime,
      writingDaysRange: { from: calendarFrom, to: calendarTo },
      writingDays,
      coOccurrence: { pairs, themeTotals },
      promptsPerTheme: prompts,
      firsts: {
        themes: themeFirsts(db),
        afterGaps: returnsAfterGaps(
          db,
          days.map((day) => day.date),
          from,
          gapDays,
        ),
      },
      totals: {
        entries: days.reduce((sum, day) => sum + day.entries, 0),
        words: days.reduce((sum, day) => sum + day.words, 0),
        daysWritten: days.length,
        themesUsed: Object.keys(themeTotals).length,
      },
    };
  })();
}
