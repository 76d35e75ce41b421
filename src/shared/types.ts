/** Values that cross the contract. Plain data only: no classes, no functions. */

export type ThemeSource = 'manual' | 'prompt' | 'suggested';

export interface EntryTheme {
  id: string;
  source: ThemeSource;
}

export interface EntrySummary {
  id: string;
  title: string;
  /** Local day the entry belongs to, YYYY-MM-DD. */
  entryDate: string;
  /** UTC instants in milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** IANA time zone of the writer when the entry was created / last updated. */
  createdTimeZone: string;
  updatedTimeZone: string;
  preview: string;
  wordCount: number;
  starred: boolean;
  promptId: string | null;
  themes: EntryTheme[];
  /** Set when the entry is in the trash. */
  deletedAt: number | null;
  version: number;
}

export interface Entry extends EntrySummary {
  /** Lexical serialized editor state: the source of truth. */
  doc: unknown;
  /** Plain text derived from doc. */
  text: string;
}

export interface EntryPage {
  entries: EntrySummary[];
  /** Pass back to get the next page; null when there is none. */
  nextCursor: string | null;
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit extends EntrySummary {
  snippet: SnippetPart[];
  rank: number;
}

export interface SearchResults {
  hits: SearchHit[];
  /** Set when more results follow; pass as offset. */
  nextOffset: number | null;
}

export interface Theme {
  id: string;
  label: string;
  color: string;
  description: string;
  builtIn: boolean;
  /** Entries outside the trash carrying the theme. */
  entryCount: number;
  /** Words of the person's own that suggest this theme besides its name. */
  keywords: string[];
}

/** A theme the suggester proposes for an entry's text. */
export interface ThemeSuggestion {
  themeId: string;
  /** 0..1; higher is surer. */
  score: number;
  /** The phrases of the text that led to it, exactly as written. */
  why: string[];
}

export type PromptKind = 'noticing' | 'roots' | 'experiment' | 'reframe' | 'receiving' | 'balance';

export interface Prompt {
  id: string;
  themeId: string;
  kind: PromptKind;
  text: string;
}

export type JournalState = 'no-journal' | 'locked' | 'unlocked';

export interface JournalStatus {
  state: JournalState;
  journalDir: string;
  /** What opening found and did about it, e.g. a search index rebuilt after damage. */
  notices?: string[];
  /** Set while a damaged journal is open read-only: reading and exporting only. */
  readOnly?: true;
}

export interface ProgressEvent {
  /** 0..1, or null when the length of the step is unknown. */
  fraction: number | null;
  label: string;
}

/** The formats Lean On reads from other journals (and from a folder of Markdown). */
export type ImportFormatId = 'day-one' | 'jrnl' | 'mini-diary' | 'markdown' | 'lean-on-backup';

/** What an import would do, shown before anything is written. */
export interface ImportPreview {
  /** Pass to applyImport; valid until the next preview or until the journal locks. */
  previewId: string;
  format: ImportFormatId;
  /** The file or folder read, by name. */
  source: string;
  counts: { read: number; add: number; duplicates: number; skipped: number; newThemes: number };
  themes: Array<
    | { tag: string; kind: 'existing'; themeId: string; themeLabel: string; entries: number }
    | { tag: string; kind: 'new'; label: string; entries: number }
  >;
  /** Entries that cannot be imported, each with its reason (the first 100). */
  problems: string[];
  /** What was imported differently from the source (the first 100). */
  warnings: string[];
}

export interface ImportOutcome {
  added: number;
  duplicates: number;
  skipped: number;
  createdThemes: number;
}

export interface ExportOutcome {
  format: 'markdown' | 'json' | 'html';
  container: 'file' | 'folder' | 'zip';
  path: string;
  entryCount: number;
  bytes: number;
  /** Always false: an export is readable by anyone who has the file. */
  encrypted: false;
  /** From a damaged journal opened read-only: entries (or runs of them) damage kept out. */
  unreadable?: number;
}

export interface AutomaticBackupRun {
  /** When the run ended, ISO 8601. */
  at: string;
  ok: boolean;
  /** Today's backup file (made now or earlier today), when the run succeeded. */
  path: string | null;
  /** True when this run made a new backup; false when today's already existed. */
  created: boolean;
  /** Why it failed, in words a person can act on. */
  message: string | null;
}

export interface BackupStatus {
  automatic: {
    folder: string | null;
    keep: number;
    /** An automatic backup is being made right now, in the background. */
    running: boolean;
    last: AutomaticBackupRun | null;
  };
}

export interface RestoreOutcome {
  /** Where the damaged journal's files were moved (kept, never deleted). */
  damagedKeptIn: string | null;
  entryCount: number;
  /** When the backup was made, ISO 8601. */
  backupCreatedAt: string;
}

export interface BackupOutcome {
  path: string;
  bytes: number;
  entryCount: number;
  /** Always true: the backup opens only with the passphrase or the recovery code. */
  encrypted: true;
}
