import { EntryCollector, type ReadContext, contentId, describeEntry, fitTitle } from './collect';
import { isCalendarDate, isInRange, zonedTimeToInstant } from './dates';
import { isRecord } from './decode';
import type { ParsedImport } from './types';

/** Mini Diary's export: `{ metadata: { application }, entries: { "YYYY-MM-DD": {...} } }`. */
export function isMiniDiaryDocument(value: unknown): boolean {
  if (!isRecord(value) || !isRecord(value.entries)) return false;
  if (isRecord(value.metadata) && value.metadata.application === 'Mini Diary') return true;
  const keys = Object.keys(value.entries);
  return keys.length > 0 && keys.every((key) => /^\d{4}-\d{2}-\d{2}$/.test(key));
}

/** Mini Diary keeps one entry per day with no time; noon keeps it on its day in any zone. */
const TIME_OF_DAY = '12:00';

function readEntry(
  date: string,
  raw: unknown,
  file: string,
  index: number,
  collector: EntryCollector,
  context: ReadContext,
): void {
  const where = describeEntry(file, index, { date: date.slice(0, 40) });
  if (!isCalendarDate(date)) {
    collector.skip(file, index, where, `its key “${date.slice(0, 40)}” is not a YYYY-MM-DD date`);
    return;
  }
  if (!isRecord(raw)) {
    collector.skip(file, index, where, 'it is not an entry object');
    return;
  }
  if (typeof raw.title !== 'string' && typeof raw.text !== 'string') {
    collector.skip(file, index, where, 'it has neither a title nor a text');
    return;
  }
  const createdAt = zonedTimeToInstant(date, TIME_OF_DAY, context.timeZone);
  if (!isInRange(createdAt)) {
    collector.skip(file, index, where, 'its date is out of range');
    return;
  }
  const title = typeof raw.title === 'string' ? raw.title : '';
  const text = typeof raw.text === 'string' ? raw.text : '';
  // Mini Diary writes dateUpdated with Date#toString or toISOString; both parse.
  const updated = typeof raw.dateUpdated === 'string' ? Date.parse(raw.dateUpdated) : Number.NaN;
  const fitted = fitTitle(title, text);
  collector.add(
    {
      index,
      file,
      where,
      sourceId: `${date} ${contentId(title, text)}`,
      title: fitted.title,
      body: { kind: 'markdown', text: fitted.body },
      createdAt,
      updatedAt: isInRange(updated) ? Math.max(createdAt, updated) : createdAt,
      timeZone: context.timeZone,
      entryDate: date,
      tags: [],
      starred: false,
    },
    (earlier) => `it is the same as ${earlier.where}`,
  );
}

export function readMiniDiary(
  source: string,
  file: string,
  value: unknown,
  context: ReadContext,
): ParsedImport {
  const collector = new EntryCollector('mini-diary', source, context.limits);
  const entries = isRecord(value) && isRecord(value.entries) ? Object.entries(value.entries) : [];
  collector.count(entries.length);
  entries.forEach(([date, raw], position) => {
    readEntry(date, raw, file, position + 1, collector, context);
  });
  return collector.result();
}
