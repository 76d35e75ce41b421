import type { ReadContext } from './collect';
import { type JsonDocument, isDayOneDocument, readDayOne } from './day-one';
import { isRecord } from './decode';
import { isJrnlDocument, readJrnl } from './jrnl';
import { backupNeedsSecret, isLeanOnBackupSource } from './lean-on-backup';
import { readMarkdown } from './markdown-folder';
import { isMiniDiaryDocument, readMiniDiary } from './mini-diary';
import type { ImportFormat, ParsedImport } from './types';

/** What was chosen, opened just far enough to tell which format it is. */
export type ImportSource =
  | { kind: 'folder'; path: string; name: string }
  | { kind: 'markdown-file'; path: string; name: string }
  | { kind: 'json'; path: string; name: string; document: JsonDocument }
  | { kind: 'zip'; path: string; name: string; documents: JsonDocument[] };

export interface ImportFormatReader {
  id: ImportFormat;
  /** As people call it: "Day One". */
  label: string;
  /** Whether the source has this format's own marks; used to detect it, and to say what a
   *  source is when another format was chosen for it. */
  recognises(source: ImportSource): boolean;
  /** Why the source cannot be read as this format (a plain clause), or null when it can. */
  shapeProblem(source: ImportSource): string | null;
  read(source: ImportSource, context: ReadContext): ParsedImport;
}

/** read() is only called once shapeProblem() has accepted the source. */
function notMine(label: string): never {
  throw new Error(`The ${label} reader was given a source it does not read.`);
}

function jsonOnly(source: ImportSource, label: string): string | null {
  if (source.kind === 'folder') return `it is a folder, not a ${label} JSON file`;
  if (source.kind === 'markdown-file') return `it is a Markdown file, not a ${label} JSON file`;
  if (source.kind === 'zip') return `it is a zip archive, not a ${label} JSON file`;
  return null;
}

const dayOne: ImportFormatReader = {
  id: 'day-one',
  label: 'Day One',
  recognises: (source) =>
    (source.kind === 'json' && isDayOneDocument(source.document.value)) ||
    (source.kind === 'zip' && source.documents.some((doc) => isDayOneDocument(doc.value))),
  shapeProblem(source) {
    if (source.kind === 'zip') {
      return source.documents.some((doc) => isDayOneDocument(doc.value))
        ? null
        : 'it holds no Day One journal (.json file)';
    }
    if (source.kind !== 'json') return jsonOnly(source, 'Day One');
    const value = source.document.value;
    return isRecord(value) && Array.isArray(value.entries) ? null : 'it has no “entries” list';
  },
  read(source, context) {
    if (source.kind === 'zip') {
      const journals = source.documents.filter((doc) => isDayOneDocument(doc.value));
      return readDayOne(source.name, journals, context);
    }
    return source.kind === 'json'
      ? readDayOne(source.name, [source.document], context)
      : notMine('Day One');
  },
};

/** A format read from a single JSON file, the whole file one journal: jrnl's, Mini Diary's. */
function jsonFileFormat(format: {
  id: ImportFormat;
  label: string;
  recognises: (value: unknown) => boolean;
  /** Whether the file has the entries read() reads, and what to say when it has not. */
  hasEntries: (value: unknown) => boolean;
  noEntries: string;
  read: (source: string, file: string, value: unknown, context: ReadContext) => ParsedImport;
}): ImportFormatReader {
  return {
    id: format.id,
    label: format.label,
    recognises: (source) => source.kind === 'json' && format.recognises(source.document.value),
    shapeProblem(source) {
      if (source.kind !== 'json') return jsonOnly(source, format.label);
      return format.hasEntries(source.document.value) ? null : format.noEntries;
    },
    read: (source, context) =>
      source.kind === 'json'
        ? format.read(source.name, source.document.file, source.document.value, context)
        : notMine(format.label),
  };
}

const jrnl = jsonFileFormat({
  id: 'jrnl',
  label: 'jrnl',
  recognises: isJrnlDocument,
  hasEntries: (value) => isRecord(value) && Array.isArray(value.entries),
  noEntries: 'it has no “entries” list',
  read: readJrnl,
});

const miniDiary = jsonFileFormat({
  id: 'mini-diary',
  label: 'Mini Diary',
  recognises: isMiniDiaryDocument,
  hasEntries: (value) => isRecord(value) && isRecord(value.entries),
  noEntries: 'it has no “entries” object keyed by date',
  read: readMiniDiary,
});

const markdown: ImportFormatReader = {
  id: 'markdown',
  label: 'Markdown',
  recognises: (source) => source.kind === 'folder' || source.kind === 'markdown-file',
  shapeProblem: (source) =>
    source.kind === 'folder' || source.kind === 'markdown-file'
      ? null
      : 'it is not a folder of Markdown files or a .md file',
  read: (source, context) =>
    source.kind === 'folder' || source.kind === 'markdown-file'
      ? readMarkdown(source.path, context)
      : notMine('Markdown'),
};

/**
 * A backup is a zip whose manifest says so. It is encrypted, so it is recognised here (and named
 * when it is chosen as another format) but read by readLeanOnBackup, which takes its secret.
 */
const leanOnBackup: ImportFormatReader = {
  id: 'lean-on-backup',
  label: 'Lean On backup',
  recognises: isLeanOnBackupSource,
  shapeProblem: (source) =>
    source.kind === 'zip'
      ? 'it is a zip archive without a Lean On backup manifest'
      : 'it is not a .leanon-backup file',
  read: (source) => {
    throw backupNeedsSecret(source.name);
  },
};

/** Every format Lean On imports. */
const READERS: Readonly<Record<ImportFormat, ImportFormatReader>> = {
  'day-one': dayOne,
  jrnl,
  'mini-diary': miniDiary,
  markdown,
  'lean-on-backup': leanOnBackup,
};

/** In the order detection tries them: the formats with the most distinctive marks first. */
export const IMPORT_FORMATS: readonly ImportFormatReader[] = [
  READERS['lean-on-backup'],
  READERS['day-one'],
  READERS.jrnl,
  READERS['mini-diary'],
  READERS.markdown,
];

export function readerFor(format: ImportFormat): ImportFormatReader {
  return READERS[format];
}
