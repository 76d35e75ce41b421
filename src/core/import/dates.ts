import { localDate } from '../time';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;
/** An ISO 8601 date and time; the zone is optional ("Z", "+02:00", "+0200"). */
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Years a journal entry can have; outside them dates stop being written YYYY-MM-DD. */
const EARLIEST = Date.UTC(1000, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);

export function isCalendarDate(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1000 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 100) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function isInRange(instant: number): boolean {
  return Number.isFinite(instant) && instant >= EARLIEST && instant <= LATEST;
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant a wall-clock time in a zone names. A time that a daylight-saving change skips or
 * repeats resolves to an instant within the hour around it; exports rarely land there.
 */
export function zonedTimeToInstant(day: string, time: string, timeZone: string): number {
  const dayMatch = DAY.exec(day);
  const timeMatch = TIME.exec(time);
  if (!dayMatch || !timeMatch) return Number.NaN;
  const millis = Number((timeMatch[4] ?? '0').padEnd(3, '0').slice(0, 3));
  const wall = Date.UTC(
    Number(dayMatch[1]),
    Number(dayMatch[2]) - 1,
    Number(dayMatch[3]),
    Number(timeMatch[1]),
    Number(timeMatch[2]),
    Number(timeMatch[3] ?? 0),
    millis,
  );
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  return Math.min(first, second);
}

export function isClockTime(value: string): boolean {
  const match = TIME.exec(value);
  return match !== null && Number(match[1]) < 24 && Number(match[2]) < 60;
}

/** A moment with the day as the writer saw it. */
export interface ParsedMoment {
  instant: number;
  /** The writer's local day when the text says it (a date, or a time with its offset). */
  localDay: string | null;
}

/**
 * Reads "YYYY-MM-DD" (noon that day, so the day survives any zone), or an ISO date and time
 * with or without its zone (without one, it is read in `timeZone`). Null when it is neither.
 */
export function parseMoment(value: string, timeZone: string): ParsedMoment | null {
  const text = value.trim();
  if (isCalendarDate(text)) {
    return { instant: zonedTimeToInstant(text, '12:00', timeZone), localDay: text };
  }
  const match = DATE_TIME.exec(text);
  const day = match?.[1];
  const time = match?.[2];
  const zone = match?.[3];
  if (day === undefined || time === undefined) return null;
  if (!isCalendarDate(day) || !isClockTime(time)) return null;
  if (zone === undefined) {
    return { instant: zonedTimeToInstant(day, time, timeZone), localDay: day };
  }
  const iso = `${day}T${time}${zone.toUpperCase() === 'Z' ? 'Z' : normalizeOffset(zone)}`;
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return null;
  // With "Z" the day written is UTC's, not necessarily the writer's; with an offset it is theirs.
  return { instant, localDay: zone.toUpperCase() === 'Z' ? null : day };
}

function normalizeOffset(offset: string): string {
  return offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
}

/** The entry's day: the writer's own when known, else the day of the instant in the zone. */
export function entryDayOf(moment: ParsedMoment, timeZone: string): string {
  return moment.localDay ?? localDate(moment.instant, timeZone);
}
