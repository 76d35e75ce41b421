// A realistic Day One export made from the seeded benchmark corpus (corpus.ts), for the import
// benchmark: the same text, dates, time zones, themes and stars as the journal's entries, written
// as Day One writes them (Markdown with a "# title" first line, a few headings, emphasis and
// lists, tags, `dayone-moment://` photo references with their `photos` records), both as a bare
// Journal.json and as a zip with a photos/ folder, the way Day One's "Export JSON" packs it.
import { closeSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PROMPTS } from '../../src/core/prompts';
import { ZipWriter } from '../../src/core/export/zip';
import { type CorpusEntry, generateCorpus } from './corpus';
import { Random } from './random';

export interface DayOneExport {
  entries: number;
  photos: number;
  jsonPath: string;
  jsonBytes: number;
  zipPath: string;
  zipBytes: number;
}

const EXTRA_TAGS = ['family', 'work', 'travel', 'morning pages', 'therapy', 'gratitude'];
const DEVICES = [
  { creationDevice: 'iPhone', creationDeviceType: 'iPhone', creationOSName: 'iOS' },
  { creationDevice: 'MacBook Air', creationDeviceType: 'MacBook Air', creationOSName: 'macOS' },
  { creationDevice: 'iPad', creationDeviceType: 'iPad', creationOSName: 'iPadOS' },
];
/** Bytes of each fake photo in the zip: enough that the zip's directory is not trivial. */
const PHOTO_BYTES = 4096;

function hex(random: Random, digits: number): string {
  let text = '';
  for (let i = 0; i < digits; i++) text += '0123456789ABCDEF'.charAt(random.int(16));
  return text;
}

/** "self-reliance" → "Self reliance", as a person might have typed the tag. */
function tagFor(theme: string): string {
  const words = theme.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Day One writes instants to the second, in UTC: 2021-05-01T08:12:44Z. */
function dayOneDate(instant: number): string {
  return new Date(Math.floor(instant / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function emphasise(random: Random, paragraph: string): string {
  const words = paragraph.split(' ');
  const candidates = words
    .map((word, index) => ({ word, index }))
    .filter(({ word }) => /^[A-Za-z]{5,}$/.test(word));
  if (candidates.length === 0) return paragraph;
  const { index } = random.pick(candidates);
  const mark = random.chance(0.7) ? '*' : '**';
  words[index] = `${mark}${words[index]}${mark}`;
  return words.join(' ');
}

function headingFrom(paragraph: string): string {
  const words = paragraph
    .replace(/[^\p{L}\p{N}\s'-]/gu, '')
    .split(/\s+/)
    .slice(0, 4);
  return words.join(' ');
}

interface DayOneEntry {
  entry: Record<string, unknown>;
  photo: string | null;
}

function toDayOne(random: Random, source: CorpusEntry): DayOneEntry {
  const blocks: string[] = [];
  if (source.title !== null) blocks.push(`# ${source.title}`);
  const photoId = random.chance(0.08) ? hex(random, 32) : null;
  const photoAfter = photoId === null ? -1 : random.int(source.paragraphs.length);
  source.paragraphs.forEach((paragraph, index) => {
    if (index > 0 && random.chance(0.08)) blocks.push(`## ${headingFrom(paragraph)}`);
    let text = random.chance(0.25) ? emphasise(random, paragraph) : paragraph;
    const sentences = text.split(/(?<=[.?!])\s+/);
    if (sentences.length >= 3 && random.chance(0.1))
      text = sentences.map((sentence) => `- ${sentence}`).join('\n');
    blocks.push(text);
    if (index === photoAfter) blocks.push(`![](dayone-moment://${photoId})`);
  });
  const tags = source.themes.map(tagFor);
  if (random.chance(0.1)) tags.push(random.pick(EXTRA_TAGS));
  const md5 = photoId === null ? null : hex(random, 32).toLowerCase();
  const entry: Record<string, unknown> = {
    uuid: hex(random, 32),
    creationDate: dayOneDate(source.createdAt),
    modifiedDate: dayOneDate(source.createdAt + random.int(3_600_000)),
    timeZone: source.timeZone,
    starred: source.starred,
    isPinned: false,
    isAllDay: false,
    duration: 0,
    editingTime: Math.round(random.next() * 1200),
    ...random.pick(DEVICES),
    tags,
    text: blocks.join('\n\n'),
  };
  if (photoId !== null && md5 !== null)
    entry.photos = [
      {
        identifier: photoId,
        md5,
        type: 'jpeg',
        width: 3024,
        height: 4032,
        orderInEntry: 0,
        fileSize: PHOTO_BYTES,
      },
    ];
  return { entry, photo: md5 };
}

/**
 * Writes `count` Day One entries (the first `count` entries of the seeded corpus that are not in
 * the trash, which Day One does not export) to `dir`/Journal.json and `dir`/DayOne.zip.
 */
export function writeDayOneExport(dir: string, count: number, seed: number): DayOneExport {
  const random = new Random(seed, 7);
  const entries: Record<string, unknown>[] = [];
  const photos: string[] = [];
  // Trash takes about 3%; ask for enough entries to keep `count` of them.
  const corpus = generateCorpus({
    count: Math.ceil(count * 1.1) + 50,
    seed,
    promptIds: PROMPTS.map((prompt) => prompt.id),
  });
  for (const source of corpus) {
    if (entries.length === count) break;
    if (source.trashed) continue;
    const { entry, photo } = toDayOne(random, source);
    entries.push(entry);
    if (photo !== null) photos.push(photo);
  }
  if (entries.length < count) throw new Error(`Only ${entries.length} entries were generated.`);
  const json = Buffer.from(
    JSON.stringify({ metadata: { version: '1.0' }, entries }, null, 2),
    'utf8',
  );
  const jsonPath = join(dir, 'Journal.json');
  writeFileSync(jsonPath, json);

  const zipPath = join(dir, 'DayOne.zip');
  const fd = openSync(zipPath, 'w');
  try {
    const zip = new ZipWriter((bytes) => {
      writeSync(fd, bytes);
    });
    const modifiedAt = Date.UTC(2026, 0, 1);
    zip.addFile('Journal.json', json, { compress: true, modifiedAt });
    for (const md5 of photos) {
      const bytes = Buffer.alloc(PHOTO_BYTES);
      for (let i = 0; i < bytes.length; i++) bytes[i] = random.int(256);
      zip.addFile(`photos/${md5}.jpeg`, bytes, { compress: false, modifiedAt });
    }
    zip.finish();
  } finally {
    closeSync(fd);
  }
  return {
    entries: entries.length,
    photos: photos.length,
    jsonPath,
    jsonBytes: json.length,
    zipPath,
    zipBytes: statSync(zipPath).size,
  };
}
