import { bucketOf, bucketsBetween } from './calendar';
import type { BucketSpan, InsightsBucket, ThemesInBucket, WordsInBucket } from './types';

/** Beyond this many periods (a mistyped year), only the periods with entries are listed. */
const MAX_SERIES_BUCKETS = 5000;

/** Entries, words and entries without a theme on one day. */
export interface DayRow {
  date: string;
  entries: number;
  words: number;
  untagged: number;
}

/** Entries carrying one theme on one day. */
export interface ThemeDayRow {
  themeId: string;
  date: string;
  entries: number;
}

export interface Charts {
  themesOverTime: ThemesInBucket[];
  wordsOverTime: WordsInBucket[];
  themeTotals: Record<string, number>;
}

/** Adds the per-day figures up per period, over the span from `first` to `last`. */
export function charts(
  bucket: InsightsBucket,
  days: readonly DayRow[],
  themeDays: readonly ThemeDayRow[],
  first: string | undefined,
  last: string | undefined,
): Charts {
  const spanOf = new Map<string, BucketSpan>();
  const bucketFor = (date: string): BucketSpan => {
    let span = spanOf.get(date);
    if (!span) {
      span = bucketOf(bucket, date);
      spanOf.set(date, span);
    }
    return span;
  };
  const perBucket = new Map<string, ThemesInBucket & { words: number }>();
  const withEntries = new Map<string, BucketSpan>();
  for (const day of days) {
    const span = bucketFor(day.date);
    withEntries.set(span.key, span);
    const sum = perBucket.get(span.key) ?? {
      ...span,
      entries: 0,
      themes: {},
      untagged: 0,
      words: 0,
    };
    sum.entries += day.entries;
    sum.words += day.words;
    sum.untagged += day.untagged;
    perBucket.set(span.key, sum);
  }
  const themeTotals: Record<string, number> = {};
  for (const row of themeDays) {
    const sum = perBucket.get(bucketFor(row.date).key);
    // Always found: an entry's themes share its day, and every day with an entry was seen.
    if (sum) sum.themes[row.themeId] = (sum.themes[row.themeId] ?? 0) + row.entries;
    themeTotals[row.themeId] = (themeTotals[row.themeId] ?? 0) + row.entries;
  }

  const spans =
    first === undefined || last === undefined
      ? []
      : (bucketsBetween(bucket, first, last, MAX_SERIES_BUCKETS) ?? [...withEntries.values()]);
  const themesOverTime: ThemesInBucket[] = [];
  const wordsOverTime: WordsInBucket[] = [];
  for (const span of spans) {
    const sum = perBucket.get(span.key);
    const entries = sum?.entries ?? 0;
    themesOverTime.push({
      ...span,
      entries,
      themes: sum?.themes ?? {},
      untagged: sum?.untagged ?? 0,
    });
    wordsOverTime.push({ ...span, words: sum?.words ?? 0, entries });
  }
  return { themesOverTime, wordsOverTime, themeTotals };
}
