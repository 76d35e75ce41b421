import type { EntrySummary, Theme } from '../../../shared/types';

const DAY_FORMAT = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * An entry's local day (YYYY-MM-DD) in the reader's locale, e.g. "Tue 4 Mar 2025".
 * The day is already local to the writer, so it is formatted as a UTC date and never shifts.
 */
export function formatEntryDate(entryDate: string): string {
  const [year, month, day] = entryDate.split('-').map(Number);
  if (!year || !month || !day) return entryDate;
  return DAY_FORMAT.format(new Date(Date.UTC(year, month - 1, day)));
}

/** Today in the local time zone as YYYY-MM-DD (the daily prompt rotates by this day). */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What a row is called: its title, else the first line of its text. */
export function entryHeading(entry: Pick<EntrySummary, 'title' | 'preview'>): string {
  const title = entry.title.trim();
  if (title) return title;
  const firstLine = entry.preview.trim().split('\n', 1)[0]?.trim();
  return firstLine || 'Untitled entry';
}

export interface ChipList {
  shown: Theme[];
  /** How many more themes the entry carries beyond those shown. */
  more: number;
}

/** At most `max` of an entry's themes, in the entry's order, plus how many were left out. */
export function themeChips(
  entry: Pick<EntrySummary, 'themes'>,
  themesById: ReadonlyMap<string, Theme>,
  max = 3,
): ChipList {
  const known = entry.themes
    .map((ref) => themesById.get(ref.id))
    .filter((theme): theme is Theme => theme !== undefined);
  return { shown: known.slice(0, max), more: Math.max(0, known.length - max) };
}
