import { JournalError } from '../../shared/errors';
import type { Db } from '../db/database';
import { sql } from '../db/statements';
import { type EntryRow, SUMMARY_COLUMNS, summariesOf } from '../entries';
import { checkedDate, civilOf, daysInMonth, formatDate } from './calendar';
import type { OnThisDay, OnThisDayItem, OnThisDayOptions } from './types';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 200;
/** Earlier months looked back on; twelve months ago is the same day a year ago. */
const MONTHS_BACK = 11;

type Ago = Pick<OnThisDayItem, 'kind' | 'ago'>;

/**
 * Entries on the given days, newest first. The page is chosen on entries_by_date alone, which
 * holds the sort key; only the chosen entries are then read whole.
 */
const ON_DAYS = `
  SELECT ${SUMMARY_COLUMNS} FROM entries e
  WHERE e.seq IN (
    SELECT seq FROM entries INDEXED BY entries_by_date
    WHERE deleted_at IS NULL AND entry_date IN (SELECT value FROM json_each(?))
    ORDER BY entry_date DESC, created_at DESC, seq DESC
    LIMIT ?)
  ORDER BY e.entry_date DESC, e.created_at DESC, e.seq DESC`;

const FIRST_DAY = `SELECT min(entry_date) FROM entries WHERE deleted_at IS NULL`;

/**
 * The days of an earlier month that today stands for. Normally the same day of the month; on
 * the last day of a month, also the later days that month lacks, so that the 31st is remembered
 * on the 30th (or on 28 February) and 29 February on 28 February in other years.
 */
function matchingDays(
  today: { year: number; month: number; day: number },
  year: number,
  month: number,
): string[] {
  const lastOfPast = daysInMonth(year, month);
  const isLastDay = today.day === daysInMonth(today.year, today.month);
  const through = isLastDay ? lastOfPast : Math.min(today.day, lastOfPast);
  const days: string[] = [];
  for (let day = today.day; day <= through; day += 1) days.push(formatDate({ year, month, day }));
  return days;
}

/**
 * Entries written on this day in earlier years, and on this day of the month in the last eleven
 * months, each labelled with how long ago, newest first.
 */
export function onThisDay(db: Db, options: OnThisDayOptions): OnThisDay {
  const today = checkedDate(options.today, 'today');
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new JournalError('INVALID_INPUT', `Ask for 1 to ${MAX_LIMIT} entries.`);
  }
  const first = sql(db, FIRST_DAY).pluck().get() as string | null;
  if (first === null) return { today, items: [] };

  const now = civilOf(today);
  const agoByDate = new Map<string, Ago>();
  for (let ago = 1; ago <= MONTHS_BACK; ago += 1) {
    const index = now.year * 12 + (now.month - 1) - ago;
    const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
    for (const date of matchingDays(now, year, month)) agoByDate.set(date, { kind: 'month', ago });
  }
  for (let ago = 1; now.year - ago >= civilOf(first).year; ago += 1) {
    for (const date of matchingDays(now, now.year - ago, now.month)) {
      agoByDate.set(date, { kind: 'year', ago });
    }
  }

  const rows = sql(db, ON_DAYS).all(JSON.stringify([...agoByDate.keys()]), limit) as EntryRow[];
  return {
    today,
    items: summariesOf(db, rows).map((entry) => ({ ...agoByDate.get(entry.entryDate)!, entry })),
  };
}
