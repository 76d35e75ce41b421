import type { EntrySummary } from './types';

/*
 * What the insights view reads. Everything here describes the writing, never the writer:
 * no streaks, no scores, no goals. Days are the entries' own local days (YYYY-MM-DD), and
 * trashed entries are never counted.
 */

export type InsightsBucket = 'week' | 'month';

export interface InsightsOptions {
  /** The person's IANA time zone; gives `today` when it is not passed. */
  timeZone: string;
  /** The person's local day, YYYY-MM-DD. */
  today?: string;
  bucket: InsightsBucket;
  /** First day counted (inclusive); without it, from the first entry. */
  from?: string;
  /** Last day counted (inclusive); without it, up to the last entry. */
  to?: string;
  /** How many days after the previous writing day make a return "after a long gap"; 14 by default. */
  gapDays?: number;
}

/** One period of a chart: an ISO week (Monday to Sunday) or a calendar month. */
export interface BucketSpan {
  /** "2025-W01" for a week (ISO week-numbering year), "2025-01" for a month. */
  key: string;
  /** First and last day of the period, YYYY-MM-DD. */
  start: string;
  end: string;
}

export interface ThemesInBucket extends BucketSpan {
  /** Entries in the period. */
  entries: number;
  /** Entries per theme id; themes with none are left out. An entry with two themes counts in both. */
  themes: Record<string, number>;
  /** Entries with no theme at all. */
  untagged: number;
}

export interface WordsInBucket extends BucketSpan {
  words: number;
  entries: number;
}

/** A day with at least one entry; days without any are left out. */
export interface WritingDay {
  date: string;
  entries: number;
  words: number;
}

/** Two themes found on the same entries; `a` sorts before `b` by id. */
export interface ThemePair {
  a: string;
  b: string;
  /** Entries carrying both. */
  count: number;
}

export interface CoOccurrence {
  /** Most shared first, then by ids. */
  pairs: ThemePair[];
  /** Entries per theme id over the same range, so a pair can be shown as a share of either. */
  themeTotals: Record<string, number>;
}

export interface PromptsForTheme {
  themeId: string;
  /** Entries started from one of this theme's prompts. */
  entries: number;
  /** How many different prompts of this theme those entries answered. */
  prompts: number;
}

export interface EntryRef {
  id: string;
  title: string;
  entryDate: string;
}

export interface ThemeFirst {
  themeId: string;
  /** The earliest entry ever tagged with the theme (outside the trash). */
  entry: EntryRef;
}

export interface ReturnAfterGap {
  /** The first entry written on the day of return. */
  entry: EntryRef;
  /** The writing day before it, YYYY-MM-DD. */
  previousDate: string;
  /** Days from `previousDate` to the return: 14 means two weeks apart. */
  gapDays: number;
}

export interface InsightsTotals {
  entries: number;
  words: number;
  daysWritten: number;
  themesUsed: number;
}

export interface Insights {
  bucket: InsightsBucket;
  today: string;
  /** The range every part below covers, except writingDays and firsts.themes; null means open. */
  range: { from: string | null; to: string | null };
  /**
   * Periods from the first to the last with an entry in the range (or from `from` to `to` when
   * both are given), empty ones included, oldest first. A span of more than 5,000 periods (a
   * mistyped year) lists only the periods that have entries.
   */
  themesOverTime: ThemesInBucket[];
  wordsOverTime: WordsInBucket[];
  /** The days shown by the calendar: the last 365 days up to today unless from/to are given. */
  writingDaysRange: { from: string; to: string };
  writingDays: WritingDay[];
  coOccurrence: CoOccurrence;
  /** In the built-in themes' order; themes whose prompts were not used are left out. */
  promptsPerTheme: PromptsForTheme[];
  firsts: {
    /** Each theme's first entry ever, whatever the range; oldest first. */
    themes: ThemeFirst[];
    /** Returns within the range after at least `gapDays` days; most recent first, at most 10. */
    afterGaps: ReturnAfterGap[];
  };
  totals: InsightsTotals;
}

export interface OnThisDayOptions {
  /** The person's local day, YYYY-MM-DD. */
  today: string;
  /** At most this many entries; 20 by default, 200 at most. */
  limit?: number;
}

export interface OnThisDayItem {
  /** How long ago: { kind: 'year', ago: 2 } is two years ago; months count the last 11 months. */
  kind: 'year' | 'month';
  ago: number;
  entry: EntrySummary;
}

export interface OnThisDay {
  today: string;
  /** Newest first. */
  items: OnThisDayItem[];
}
