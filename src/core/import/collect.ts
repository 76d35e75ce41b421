import { createHash } from 'node:crypto';
import { LIMITS, countChars } from '../../shared/limits';
import { markdownToDoc } from '../text';
import { invalid, isRecord } from './decode';
import type { ImportLimits } from './limits';
import type { ImportFormat, ImportProblem, ImportedEntry, ParsedImport } from './types';

/** What a format reader needs besides its input. */
export interface ReadContext {
  /** The zone of dates that do not carry one: the importer's own. */
  timeZone: string;
  limits: ImportLimits;
}

/** Names an entry the way every message does: "entry 3 (2021-05-01, id 5F3C) in “a.json”". */
export function describeEntry(
  file: string,
  index: number,
  details: { date?: string | null; id?: string | null } = {},
): string {
  // Ids and dates come from the file: a hostile one must not flood the message.
  const short = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);
  const parts = [
    details.date ? short(details.date) : null,
    details.id ? `id ${short(details.id)}` : null,
  ].filter(Boolean);
  return `entry ${index}${parts.length > 0 ? ` (${parts.join(', ')})` : ''} in “${file}”`;
}

export function sentence(where: string, reason: string): string {
  const text = `${where}: ${reason}`;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(reason) ? '' : '.'}`;
}

/** "The entry is damaged." → "the entry is damaged", to go inside another sentence. */
export function lowerFirst(message: string): string {
  return `${message.charAt(0).toLowerCase()}${message.slice(1)}`.replace(/[.!]$/, '');
}

/** Folds a tag or theme label the way theme names are compared: case and spacing aside. */
export function foldLabel(label: string): string {
  return cleanLabel(label).toLowerCase();
}

function cleanLabel(label: string): string {
  return label.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Tags as theme names: cleaned, blanks dropped, repeats (in any case) kept once. A tag too long
 * to be a theme name is dropped with a warning rather than cut into a different name.
 */
export function cleanTags(
  raw: unknown,
  options: { stripAt?: boolean } = {},
): { tags: string[]; dropped: string[] } {
  const tags: string[] = [];
  const dropped: string[] = [];
  const seen = new Set<string>();
  if (!Array.isArray(raw)) return { tags, dropped };
  for (const value of raw) {
    if (typeof value !== 'string') continue;
    let tag = cleanLabel(value);
    if (options.stripAt) tag = tag.replace(/^@+/, '').trim();
    if (tag.length === 0) continue;
    if (countChars(tag) > LIMITS.themeLabelMaxChars) {
      dropped.push(tag);
      continue;
    }
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return { tags, dropped };
}

/** A stable id for entries whose export gives none: the same text on the same day is the same entry. */
export function contentId(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part.normalize('NFC').replace(/\r\n?/g, '\n')).update('\0');
  return hash.digest('hex').slice(0, 32);
}

/**
 * Splits a leading "# Heading" line off Markdown as the title, read as plain text (escapes
 * undone, emphasis dropped). No heading, no title: the app shows the first line instead.
 */
export function splitHeadingTitle(markdown: string): { title: string; body: string } {
  const text = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const newline = text.indexOf('\n');
  const first = newline === -1 ? text : text.slice(0, newline);
  if (!/^# +\S/.test(first)) return { title: '', body: markdown };
  const title = markdownToDoc(first).text.trim();
  if (title.length === 0 || countChars(title) > LIMITS.titleMaxChars) {
    return { title: '', body: markdown };
  }
  const rest = newline === -1 ? '' : text.slice(newline + 1);
  return { title, body: rest.replace(/^\s*\n/, '') };
}

/**
 * A title that fits the journal's limit stays a title; a longer one becomes the body's first
 * paragraph instead of being cut, so no words are lost.
 */
export function fitTitle(title: string, body: string): { title: string; body: string } {
  const clean = title.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (countChars(clean) <= LIMITS.titleMaxChars) return { title: clean, body };
  return { title: '', body: body.length > 0 ? `${title.trim()}\n\n${body}` : title.trim() };
}

/**
 * Gathers a format's entries and problems. An id seen twice in one export keeps the first
 * entry and reports the second, so one bad line never stops the rest.
 */
export class EntryCollector {
  private readonly entries: ImportedEntry[] = [];
  private readonly skipped: ImportProblem[] = [];
  private readonly warnings: ImportProblem[] = [];
  private readonly bySourceId = new Map<string, ImportedEntry>();

  constructor(
    private readonly format: ImportFormat,
    private readonly source: string,
    private readonly limits: ImportLimits,
  ) {}

  /** Call once per entry in the export, readable or not, before reading it. */
  count(total: number): void {
    if (total > this.limits.maxEntries) {
      throw invalid(
        `“${this.source}” holds ${total} entries; Lean On imports at most ${this.limits.maxEntries} at a time.`,
      );
    }
  }

  add(entry: ImportedEntry, sameAs: (earlier: ImportedEntry) => string): void {
    const earlier = this.bySourceId.get(entry.sourceId);
    if (earlier) {
      this.skip(entry.file, entry.index, entry.where, sameAs(earlier));
      return;
    }
    this.bySourceId.set(entry.sourceId, entry);
    this.entries.push(entry);
  }

  /**
   * Runs `read` on each entry of an export's list with its position from 1; an item that is not
   * an object is skipped and reported here.
   */
  eachEntryObject(
    file: string,
    list: readonly unknown[],
    read: (raw: Record<string, unknown>, index: number) => void,
  ): void {
    list.forEach((raw, position) => {
      const index = position + 1;
      if (isRecord(raw)) read(raw, index);
      else this.skip(file, index, describeEntry(file, index), 'it is not an entry object');
    });
  }

  skip(file: string, index: number | null, where: string, reason: string): void {
    this.skipped.push({ file, index, message: sentence(where, `${reason}; it was skipped`) });
  }

  warn(file: string, index: number | null, where: string, reason: string): void {
    this.warnings.push({ file, index, message: sentence(where, reason) });
  }

  result(): ParsedImport {
    return {
      format: this.format,
      source: this.source,
      entries: this.entries,
      skipped: this.skipped,
      warnings: this.warnings,
    };
  }
}

/** Warns about tags that cannot be theme names. */
export function warnDroppedTags(
  collector: EntryCollector,
  file: string,
  index: number,
  where: string,
  dropped: string[],
): void {
  for (const tag of dropped) {
    collector.warn(
      file,
      index,
      where,
      `the tag “${tag.slice(0, 40)}…” is longer than a theme name can be (${LIMITS.themeLabelMaxChars} characters), so it was left off`,
    );
  }
}
