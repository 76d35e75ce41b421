import { localDate } from '../time';
import {
  EntryCollector,
  type ReadContext,
  cleanTags,
  contentId,
  describeEntry,
  fitTitle,
  splitHeadingTitle,
  warnDroppedTags,
} from './collect';
import { parseMoment, isInRange, isTimeZone } from './dates';
import { isRecord } from './decode';
import { placeholder, replaceWithPlaceholders } from './markdown';
import type { ParsedImport } from './types';

/** One JSON file of a Day One export: a journal, named after it ("Journal.json"). */
export interface JsonDocument {
  file: string;
  value: unknown;
}

/** Day One's export: `{ metadata: { version }, entries: [{ uuid, creationDate, ... }] }`. */
export function isDayOneDocument(value: unknown): boolean {
  if (!isRecord(value) || !Array.isArray(value.entries)) return false;
  if (isRecord(value.metadata) && 'version' in value.metadata) return true;
  return value.entries.some(
    (entry) => isRecord(entry) && ('creationDate' in entry || 'uuid' in entry),
  );
}

interface Attachment {
  kind: string;
  file: string;
}

const ATTACHMENT_LISTS: ReadonlyArray<[list: string, kind: string]> = [
  ['photos', 'Photo'],
  ['videos', 'Video'],
  ['audios', 'Audio'],
  ['pdfAttachments', 'PDF'],
];

const KIND_IN_URL: Readonly<Record<string, string>> = {
  photo: 'Photo',
  video: 'Video',
  audio: 'Audio',
  pdfattachment: 'PDF',
};

function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '');
}

/** Attachments by identifier, named as the export's folders name their files (md5.type). */
function attachmentsOf(entry: Record<string, unknown>): Map<string, Attachment> {
  const found = new Map<string, Attachment>();
  for (const [list, kind] of ATTACHMENT_LISTS) {
    const items = entry[list];
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      if (!isRecord(item) || typeof item.identifier !== 'string') continue;
      const md5 = typeof item.md5 === 'string' ? safeName(item.md5) : '';
      const type = typeof item.type === 'string' ? safeName(item.type) : '';
      const base = md5 || safeName(item.identifier);
      found.set(item.identifier, { kind, file: type ? `${base}.${type}` : base });
    }
  }
  return found;
}

const MOMENT = /!\[[^\]\n]*\]\(dayone-moment:\/*(?:([A-Za-z]+)\/)?([A-Za-z0-9._-]+)\)/g;

/**
 * Day One writes its pictures as `![](dayone-moment://ID)`. Each becomes a visible placeholder
 * naming the file in the export's photos folder, never a link or a URL.
 */
export function replaceMoments(text: string, attachments: Map<string, Attachment>): string {
  return replaceWithPlaceholders(text, MOMENT, (match) => {
    const kindInUrl = match[1];
    const id = match[2] ?? '';
    const known = attachments.get(id);
    const kind =
      known?.kind ?? (kindInUrl ? KIND_IN_URL[kindInUrl.toLowerCase()] : undefined) ?? 'Photo';
    return placeholder(kind, known?.file ?? safeName(id));
  });
}

function readEntry(
  raw: Record<string, unknown>,
  file: string,
  index: number,
  collector: EntryCollector,
  context: ReadContext,
): void {
  // Day One's uuids are 32 hex digits; anything far longer is not one.
  const uuid =
    typeof raw.uuid === 'string' && raw.uuid.trim() !== '' && raw.uuid.length <= 200
      ? raw.uuid.trim()
      : null;
  const named = describeEntry(file, index, { id: uuid });
  if (typeof raw.creationDate !== 'string') {
    collector.skip(file, index, named, 'it has no creation date');
    return;
  }
  const created = parseMoment(raw.creationDate, 'UTC');
  if (!created || !isInRange(created.instant)) {
    collector.skip(
      file,
      index,
      named,
      `its creation date “${raw.creationDate.slice(0, 40)}” is not a date`,
    );
    return;
  }
  if (raw.text !== undefined && typeof raw.text !== 'string') {
    collector.skip(file, index, named, 'its text is not text');
    return;
  }
  const timeZone = isTimeZone(raw.timeZone) ? raw.timeZone : context.timeZone;
  const entryDate = localDate(created.instant, timeZone);
  const where = describeEntry(file, index, { date: entryDate, id: uuid });
  if (timeZone !== raw.timeZone) {
    collector.warn(
      file,
      index,
      where,
      `it has no time zone Lean On knows, so its day was worked out in ${timeZone}`,
    );
  }
  const modified =
    typeof raw.modifiedDate === 'string' ? parseMoment(raw.modifiedDate, 'UTC') : null;
  const text = replaceMoments(raw.text ?? '', attachmentsOf(raw));
  const split = splitHeadingTitle(text);
  const { title, body } = fitTitle(split.title, split.body);
  const { tags, dropped } = cleanTags(raw.tags);
  warnDroppedTags(collector, file, index, where, dropped);
  if (!uuid) collector.warn(file, index, where, 'it has no uuid, so it is known by its text');
  collector.add(
    {
      index,
      file,
      where,
      sourceId: uuid ?? contentId(raw.creationDate, raw.text ?? ''),
      title,
      body: { kind: 'markdown', text: body },
      createdAt: created.instant,
      updatedAt: Math.max(created.instant, modified?.instant ?? created.instant),
      timeZone,
      entryDate,
      tags,
      starred: raw.starred === true,
    },
    (earlier) => `it has the same uuid as ${earlier.where}`,
  );
}

/** Reads the journals of a Day One export (one JSON file per journal) as one import. */
export function readDayOne(
  source: string,
  documents: readonly JsonDocument[],
  context: ReadContext,
): ParsedImport {
  const collector = new EntryCollector('day-one', source, context.limits);
  collector.count(
    documents.reduce(
      (sum, document) =>
        sum +
        (isRecord(document.value) && Array.isArray(document.value.entries)
          ? document.value.entries.length
          : 0),
      0,
    ),
  );
  for (const document of documents) {
    const entries = isRecord(document.value) ? document.value.entries : undefined;
    if (!Array.isArray(entries)) continue;
    collector.eachEntryObject(document.file, entries, (raw, index) => {
      readEntry(raw, document.file, index, collector, context);
    });
  }
  return collector.result();
}
