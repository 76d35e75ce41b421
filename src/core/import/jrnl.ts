import {
  EntryCollector,
  type ReadContext,
  cleanTags,
  contentId,
  describeEntry,
  fitTitle,
  warnDroppedTags,
} from './collect';
import { isCalendarDate, isClockTime, isInRange, zonedTimeToInstant } from './dates';
import { isRecord } from './decode';
import type { ParsedImport } from './types';

/** jrnl's `--export json`: `{ tags: {...}, entries: [{ title, body, date, time, ... }] }`. */
export function isJrnlDocument(value: unknown): boolean {
  if (!isRecord(value) || !Array.isArray(value.entries)) return false;
  if (value.entries.length === 0) return isRecord(value.tags) && !('metadata' in value);
  return value.entries.some(
    (entry) => isRecord(entry) && 'date' in entry && ('body' in entry || 'title' in entry),
  );
}

/** jrnl writes entries with a default hour of 09:00 when none is given. */
const DEFAULT_TIME = '09:00';

function readEntry(
  raw: Record<string, unknown>,
  file: string,
  index: number,
  collector: EntryCollector,
  context: ReadContext,
): void {
  const date = typeof raw.date === 'string' ? raw.date.trim() : null;
  const named = describeEntry(file, index, { date });
  if (date === null || date === '') {
    collector.skip(file, index, named, 'it has no date');
    return;
  }
  if (!isCalendarDate(date)) {
    collector.skip(file, index, named, `its date “${date.slice(0, 40)}” is not a YYYY-MM-DD date`);
    return;
  }
  const title = typeof raw.title === 'string' ? raw.title : '';
  const bodyText = typeof raw.body === 'string' ? raw.body : '';
  if (typeof raw.title !== 'string' && typeof raw.body !== 'string') {
    collector.skip(file, index, named, 'it has neither a title nor a body');
    return;
  }
  let time = typeof raw.time === 'string' ? raw.time.trim() : '';
  if (!isClockTime(time)) {
    collector.warn(
      file,
      index,
      named,
      `it has no time of day Lean On can read, so it was given ${DEFAULT_TIME}`,
    );
    time = DEFAULT_TIME;
  }
  // jrnl writes local times with no zone; they are read in the importer's.
  const createdAt = zonedTimeToInstant(date, time, context.timeZone);
  if (!isInRange(createdAt)) {
    collector.skip(file, index, named, `its date “${date}” is out of range`);
    return;
  }
  const fitted = fitTitle(title, bodyText.replace(/^\s*\n/, '').trimEnd());
  const { tags, dropped } = cleanTags(raw.tags, { stripAt: true });
  warnDroppedTags(collector, file, index, named, dropped);
  collector.add(
    {
      index,
      file,
      where: named,
      sourceId: `${date} ${time} ${contentId(title, bodyText)}`,
      title: fitted.title,
      // jrnl keeps plain text: a * or # in it is a character, never formatting.
      body: { kind: 'plain', text: fitted.body },
      createdAt,
      updatedAt: createdAt,
      timeZone: context.timeZone,
      entryDate: date,
      tags,
      starred: raw.starred === true,
    },
    (earlier) => `it is the same as ${earlier.where}`,
  );
}

export function readJrnl(
  source: string,
  file: string,
  value: unknown,
  context: ReadContext,
): ParsedImport {
  const collector = new EntryCollector('jrnl', source, context.limits);
  const entries = isRecord(value) && Array.isArray(value.entries) ? value.entries : [];
  collector.count(entries.length);
  collector.eachEntryObject(file, entries, (raw, index) => {
    readEntry(raw, file, index, collector, context);
  });
  return collector.result();
}
