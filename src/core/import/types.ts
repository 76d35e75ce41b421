import type { DerivedDoc } from '../text';

/**
 * The exports this core reads, and Lean On's own backups (see lean-on-backup.ts). The id is
 * what import_sources records, so never rename one.
 */
export type ImportFormat = 'day-one' | 'jrnl' | 'mini-diary' | 'markdown' | 'lean-on-backup';

/** How an entry's text is written in its source. Plain text is kept exactly, with no markup. */
export interface ImportBody {
  kind: 'markdown' | 'plain';
  text: string;
}

/** One entry read from an export, in one shape whatever the export was. */
export interface ImportedEntry {
  /** Position in its file, from 1, as a person counts. */
  index: number;
  /** The file it came from, as shown to the person (a member of a zip, a path in a folder). */
  file: string;
  /** "entry 3 (2021-05-01, id 5F3C…) in “Journal.json”": names the entry in every message. */
  where: string;
  /** Its identity in the source: stable across exports of the same file, unique within one. */
  sourceId: string;
  title: string;
  body: ImportBody;
  /** UTC instants in milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** IANA time zone it was written in, or the importer's when the export does not say. */
  timeZone: string;
  /** The local day it belongs to, YYYY-MM-DD. */
  entryDate: string;
  /** Tag names as written in the source, cleaned; matched to themes by planImport. */
  tags: string[];
  starred: boolean;
}

/** Something wrong with a file or an entry, said in one plain sentence. */
export interface ImportProblem {
  file: string;
  /** The entry's position in its file, from 1; null when the problem is with the file. */
  index: number | null;
  message: string;
}

/** Everything read from one export, before it is compared with the journal. */
export interface ParsedImport {
  format: ImportFormat;
  /** The name of what was read: a file or a folder. */
  source: string;
  entries: ImportedEntry[];
  /** Entries that could not be read, each with its reason; every other entry is imported. */
  skipped: ImportProblem[];
  /** Entries imported with a change the person should know about (a dropped tag, a guessed time zone). */
  warnings: ImportProblem[];
}

/** Where one of the export's tags lands: on a theme the journal has, or on a new one. */
export type ThemeMapping =
  | {
      key: string;
      tag: string;
      kind: 'existing';
      themeId: string;
      themeLabel: string;
      entries: number;
    }
  | { key: string; tag: string; kind: 'new'; label: string; entries: number };

export interface PlannedEntry {
  entry: ImportedEntry;
  /**
   * The document to store when the source holds one already (a backup's). Otherwise the body is
   * converted while applying, one entry at a time, so that a plan waiting for the person's
   * say-so holds the export's text but not a second, larger copy of every entry.
   */
  doc?: DerivedDoc;
  /** Keys into ImportPlan.themes. */
  themeKeys: string[];
}

export interface DuplicateEntry {
  entry: ImportedEntry;
  /** The journal's entry that an earlier import made from it. */
  existingEntryId: string;
}

/** A preview of an import: what would be added, what is already there, and what cannot be read. */
export interface ImportPlan {
  format: ImportFormat;
  source: string;
  counts: {
    /** Entries found in the export, readable or not. */
    read: number;
    add: number;
    duplicates: number;
    skipped: number;
    newThemes: number;
  };
  add: PlannedEntry[];
  duplicates: DuplicateEntry[];
  skipped: ImportProblem[];
  warnings: ImportProblem[];
  themes: ThemeMapping[];
}

export interface ImportResult {
  added: number;
  /** Entries left out because they were imported before (including by an import in between). */
  duplicates: number;
  /** Entries the plan could not read, and any whose text could not be converted when written. */
  skipped: number;
  entryIds: string[];
  createdThemeIds: string[];
}
