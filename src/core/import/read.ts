import { closeSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { JournalError } from '../../shared/errors';
import { systemTimeZone } from '../time';
import type { ReadContext } from './collect';
import { isTimeZone } from './dates';
import type { JsonDocument } from './day-one';
import { decodeUtf8, invalid, openForReading, parseJson, readAt, readWholeFile } from './decode';
import { IMPORT_FORMATS, type ImportFormatReader, type ImportSource, readerFor } from './formats';
import { IMPORT_LIMITS, type ImportLimits, formatSize } from './limits';
import type { ImportFormat, ParsedImport } from './types';
import { type ZipEntry, looksLikeZip, withZip } from './zip';

export interface ReadImportOptions {
  /** The format the person chose; detected from the content when absent. */
  format?: ImportFormat;
  /** The zone for dates an export gives without one; the system's by default. */
  timeZone?: string;
  /** Lower bounds for tests; the defaults are IMPORT_LIMITS. */
  limits?: Partial<ImportLimits>;
}

const MARKDOWN_FILE = /\.(md|markdown)$/i;

function statOf(path: string, name: string) {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      throw new JournalError('NOT_FOUND', `There is no file or folder called “${name}”.`, {
        cause: error,
      });
    }
    throw new JournalError('IO_ERROR', `“${name}” could not be read.`, { cause: error });
  }
}

function firstBytes(path: string, name: string, size: number): Buffer {
  const fd = openForReading(path, name);
  try {
    return readAt(fd, 0, Math.min(4, size), name);
  } finally {
    closeSync(fd);
  }
}

/** Zip entries worth reading: JSON files, not macOS's resource forks or hidden files. */
function isJsonEntry(entry: ZipEntry): boolean {
  const file = entry.name.split('/').pop() ?? '';
  return (
    !entry.name.endsWith('/') &&
    !entry.name.startsWith('__MACOSX/') &&
    !file.startsWith('.') &&
    /\.json$/i.test(file)
  );
}

function zipDocuments(path: string, name: string, limits: ImportLimits): JsonDocument[] {
  return withZip(path, name, limits, (entries, read) => {
    const chosen = entries.filter(isJsonEntry);
    let total = 0;
    for (const entry of chosen) {
      if (entry.size > limits.maxFileBytes) {
        throw invalid(
          `“${entry.name}” in “${name}” would unpack to ${formatSize(entry.size)}; Lean On reads files of up to ${formatSize(limits.maxFileBytes)}.`,
        );
      }
      total += entry.size;
    }
    if (total > limits.maxZipTotalBytes) {
      throw invalid(
        `The journals in “${name}” would unpack to ${formatSize(total)}; Lean On reads up to ${formatSize(limits.maxZipTotalBytes)} from one archive.`,
      );
    }
    return chosen.map((entry) => {
      const file = `${name}/${entry.name}`;
      return { file, value: parseJson(decodeUtf8(read(entry), file), file) };
    });
  });
}

/** Opens what was chosen just far enough to know what it is. */
export function openSource(path: string, limits: ImportLimits): ImportSource {
  const name = basename(path);
  const stats = statOf(path, name);
  if (stats.isDirectory()) return { kind: 'folder', path, name };
  if (!stats.isFile()) throw invalid(`“${name}” is not a file or a folder.`);
  if (stats.size > 0 && looksLikeZip(firstBytes(path, name, stats.size))) {
    return { kind: 'zip', path, name, documents: zipDocuments(path, name, limits) };
  }
  if (MARKDOWN_FILE.test(name)) return { kind: 'markdown-file', path, name };
  const text = decodeUtf8(readWholeFile(path, name, limits.maxFileBytes), name);
  return { kind: 'json', path, name, document: { file: name, value: parseJson(text, name) } };
}

const KNOWN =
  'Lean On reads Day One (JSON or zip), jrnl and Mini Diary JSON exports, and folders of Markdown files';

/**
 * The reader for a source. A chosen format that does not fit is refused, naming the format the
 * source looks like when there is one, rather than importing it wrongly.
 */
export function chooseReader(source: ImportSource, format?: ImportFormat): ImportFormatReader {
  const detected = IMPORT_FORMATS.find((reader) => reader.recognises(source));
  if (format === undefined) {
    if (detected) return detected;
    throw invalid(`Lean On cannot tell what kind of export “${source.name}” is; ${KNOWN}.`);
  }
  const chosen = readerFor(format);
  if (chosen.recognises(source)) return chosen;
  if (detected) {
    throw invalid(
      `“${source.name}” looks like a ${detected.label} export, not a ${chosen.label} export; import it as ${detected.label}.`,
    );
  }
  const problem = chosen.shapeProblem(source);
  if (problem === null) return chosen;
  throw invalid(`“${source.name}” is not a ${chosen.label} export: ${problem}.`);
}

/** Reads an export file or folder into entries, without touching the journal. */
export function readImport(path: string, options: ReadImportOptions = {}): ParsedImport {
  const timeZone = options.timeZone ?? systemTimeZone();
  if (!isTimeZone(timeZone)) {
    throw invalid(`“${options.timeZone ?? ''}” is not a time zone Lean On knows.`);
  }
  const context: ReadContext = { timeZone, limits: { ...IMPORT_LIMITS, ...options.limits } };
  const source = openSource(path, context.limits);
  return chooseReader(source, options.format).read(source, context);
}
