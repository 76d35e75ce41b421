import { JournalError } from '../../shared/errors';
import type { BucketSpan, InsightsBucket } from './types';

/*
 * Calendar arithmetic on local days written YYYY-MM-DD. A day is handled as its number of days
 * since 1970-01-01 on the proleptic Gregorian calendar; no clock or time zone is involved, so a
 * day never shifts.
 */

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function formatDate({ year, month, day }: CivilDate): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Date.UTC reads the years 0-99 as 1900-1999; setUTCFullYear does not. */
function utcMs(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

/** A stored day, trusted to be well formed. */
export function civilOf(date: string): CivilDate {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

export function dayNumber(date: string): number {
  const { year, month, day } = civilOf(date);
  return Math.round(utcMs(year, month, day) / DAY_MS);
}

export function dateOfDay(dayNumberValue: number): string {
  const date = new Date(dayNumberValue * DAY_MS);
  return formatDate({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
  });
}

/** A day given by a caller: must be a real YYYY-MM-DD date. */
export function checkedDate(value: unknown, name: string): string {
  const match = typeof value === 'string' ? DATE_PATTERN.exec(value) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return value as string;
    }
  }
  throw new JournalError(
    'INVALID_INPUT',
    `The ${name} date must be a real day written YYYY-MM-DD.`,
  );
}

/** The ISO week (Monday to Sunday) holding a day. */
function weekOf(day: number): BucketSpan {
  // Day 0, 1970-01-01, was a Thursday: (day + 3) mod 7 counts days since Monday.
  const start = day - ((((day + 3) % 7) + 7) % 7);
  // An ISO week belongs to the year of its Thursday and is numbered from that year's first one.
  const thursday = civilOf(dateOfDay(start + 3));
  const week = Math.floor((start + 3 - dayNumber(`${pad(thursday.year, 4)}-01-01`)) / 7) + 1;
  return {
    key: `${pad(thursday.year, 4)}-W${pad(week, 2)}`,
    start: dateOfDay(start),
    end: dateOfDay(start + 6),
  };
}

function monthOf(date: string): BucketSpan {
  const { year, month } = civilOf(date);
  const prefix = `${pad(year, 4)}-${pad(month, 2)}`;
  return {
    key: prefix,
    start: `${prefix}-01`,
    end: `${prefix}-${pad(daysInMonth(year, month), 2)}`,
  };
}

export function bucketOf(kind: InsightsBucket, date: string): BucketSpan {
  return kind === 'week' ? weekOf(dayNumber(date)) : monthOf(date);
}

/**
 * The periods from the one holding `first` to the one holding `last`, in order; null when there
 * would be more than `max` of them.
 */
export function bucketsBetween(
  kind: InsightsBucket,
  first: string,
  last: string,
  max: number,
): BucketSpan[] | null {
  if (first > last) return [];
  const lastKey = bucketOf(kind, last).key;
  const spans: BucketSpan[] = [];
  for (
    let span = bucketOf(kind, first);
    ;
    span = bucketOf(kind, dateOfDay(dayNumber(span.end) + 1))
  ) {
    if (spans.length === max) return null;
    spans.push(span);
    if (span.key === lastKey) return spans;
  }
}
