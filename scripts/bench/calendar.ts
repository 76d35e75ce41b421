// When the benchmark journal's entries were written: ten years of bursts and gaps, several
// entries on some days, mostly at home in one time zone with occasional trips. Offsets are
// computed from the EU and US daylight-saving rules (exact from 2007), not from Intl, so the
// output is identical in every runtime.

import type { Random } from './random';

const DAY_MS = 86_400_000;
const HOME_ZONE = 'Europe/Berlin';
const TRAVEL_ZONES = ['America/New_York', 'Europe/London'] as const;
const ZONES = [HOME_ZONE, ...TRAVEL_ZONES] as const;
/** Local writing hours: entries fall between 06:00 and midnight, so DST switches never matter. */
const EARLIEST_MS = 6 * 3_600_000;
const LATEST_MS = DAY_MS - 1_000;

export interface EntryMoment {
  entryDate: string;
  createdAt: number;
  timeZone: string;
}

function lastSunday(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month, 0));
  return lastDay.getUTCDate() - lastDay.getUTCDay();
}

function nthSunday(year: number, month: number, n: number): number {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((7 - firstWeekday) % 7) + 7 * (n - 1);
}

/** UTC offset in minutes for a local date at a time after 06:00 (past any DST switch). */
function offsetMinutes(zone: string, year: number, month: number, day: number): number {
  const md = month * 100 + day;
  if (zone === 'America/New_York') {
    const summer = md >= 300 + nthSunday(year, 3, 2) && md < 1100 + nthSunday(year, 11, 1);
    return summer ? -240 : -300;
  }
  const summer = md >= 300 + lastSunday(year, 3) && md < 1000 + lastSunday(year, 10);
  const standard = zone === HOME_ZONE ? 60 : 0;
  return standard + (summer ? 60 : 0);
}

/** Writing days as weights: active stretches (each day written on or not) and gaps. */
function dayWeights(random: Random, days: number): Float64Array {
  const weights = new Float64Array(days);
  let day = 0;
  let active = true;
  while (day < days) {
    if (active) {
      const length = 3 + Math.round(random.logNormal(18, 0.7));
      const intensity = random.logNormal(1, 0.35);
      const writeChance = 0.35 + 0.55 * random.next();
      for (let i = day; i < Math.min(days, day + length); i++) {
        if (!random.chance(writeChance)) continue;
        // Most writing days hold one entry's worth of weight; some hold two to four.
        weights[i] = intensity * (random.chance(0.2) ? random.between(2, 4) : 1);
      }
      day += length;
    } else {
      day += 2 + Math.round(random.logNormal(12, 0.9));
    }
    active = !active;
  }
  return weights;
}

/** Zone index per day: home, with a trip of 3-16 days every few months. */
function dayZones(random: Random, days: number): Uint8Array {
  const zones = new Uint8Array(days);
  let day = Math.round(random.logNormal(120, 0.6));
  while (day < days) {
    const length = random.between(3, 16);
    zones.fill(random.chance(0.65) ? 1 : 2, day, Math.min(days, day + length));
    day += length + Math.round(random.logNormal(120, 0.6));
  }
  return zones;
}

/** Entries per day: stratified draws over the cumulative weights keep the ten-year spread. */
function entriesPerDay(random: Random, weights: Float64Array, count: number): Uint32Array {
  const perDay = new Uint32Array(weights.length);
  let total = 0;
  for (const w of weights) total += w;
  let day = 0;
  let reached = weights[0] ?? 0;
  for (let i = 0; i < count; i++) {
    const target = ((i + random.next()) / count) * total;
    while (reached <= target && day < weights.length - 1) reached += weights[++day] ?? 0;
    perDay[day] = (perDay[day] ?? 0) + 1;
  }
  return perDay;
}

/** Local time of day in ms: mornings, a little at lunch, mostly evenings. */
function localTime(random: Random): number {
  const peak = random.weighted([30, 15, 55]);
  const hours = [7.5, 13, 21.5][peak] ?? 21.5;
  const spread = [1, 1.5, 1.2][peak] ?? 1;
  const ms = Math.round((hours + spread * random.normal()) * 3_600_000);
  return Math.min(LATEST_MS, Math.max(EARLIEST_MS, ms));
}

/** Yields `count` moments in ascending order over the ten years from `startYear`. */
export function* planCalendar(
  random: Random,
  startYear: number,
  count: number,
): Generator<EntryMoment> {
  if (count === 0) return;
  const firstDay = Date.UTC(startYear, 0, 1) / DAY_MS;
  const days = Date.UTC(startYear + 10, 0, 1) / DAY_MS - firstDay;
  const weights = dayWeights(random, days);
  const zones = dayZones(random, days);
  const perDay = entriesPerDay(random, weights, count);
  for (let i = 0; i < days; i++) {
    const entries = perDay[i] ?? 0;
    if (entries === 0) continue;
    const date = new Date((firstDay + i) * DAY_MS);
    const entryDate = date.toISOString().slice(0, 10);
    const timeZone = ZONES[zones[i] ?? 0] ?? HOME_ZONE;
    const offset = offsetMinutes(
      timeZone,
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
    );
    const times = Array.from({ length: entries }, () => localTime(random)).sort((a, b) => a - b);
    for (const time of times) {
      yield { entryDate, timeZone, createdAt: date.getTime() + time - offset * 60_000 };
    }
  }
}
