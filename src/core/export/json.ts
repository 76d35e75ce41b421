import type { ThemeSource } from '../../shared/types';
import type { Db } from '../db/database';
import { schemaVersion } from '../db/migrate';
import { sql } from '../db/statements';
import { promptById } from '../prompts';
import { parseKeywords } from '../themes';
import {
  type ExportEntry,
  type SalvageCount,
  countEntries,
  entryPages,
  inReadSnapshot,
  orWhenDamaged,
} from './entry-source';
import { writeFileThroughTemp } from './output';
import { type ExportProgressFn, type ExportResult, unreadableOf } from './types';

/** See docs/export-format.md; a change that readers would misread raises the version. */
export const JSON_EXPORT_FORMAT = 'lean-on-export';
export const JSON_EXPORT_VERSION = 1;

export interface JsonExportTheme {
  id: string;
  label: string;
  color: string;
  description: string;
  builtIn: boolean;
  sortOrder: number;
  createdAt: number;
  keywords: string[];
}

export interface JsonExportEntry {
  id: string;
  title: string;
  entryDate: string;
  createdAt: number;
  createdTimeZone: string;
  updatedAt: number;
  updatedTimeZone: string;
  starred: boolean;
  promptId: string | null;
  promptText: string | null;
  themes: Array<{ id: string; source: ThemeSource; addedAt: number }>;
  deletedAt: number | null;
  version: number;
  wordCount: number;
  text: string;
  /** Lexical serialized editor state; null only if the stored one was unreadable. */
  doc: unknown;
}

/** The whole file, as a reader sees it once parsed. */
export interface JsonExport {
  format: typeof JSON_EXPORT_FORMAT;
  version: typeof JSON_EXPORT_VERSION;
  exportedAt: string;
  journal: { id: string | null; schemaVersion: number };
  themes: JsonExportTheme[];
  entryCount: number;
  entries: JsonExportEntry[];
}

export interface JsonExportOptions {
  /** The .json file to write; replaced atomically if it exists. */
  out: string;
  onProgress?: ExportProgressFn;
  /** The export's timestamp; tests fix it. */
  now?: Date;
  /** Read past damage (a damaged journal open read-only); what was lost is counted here. */
  salvage?: SalvageCount;
}

interface ThemeRow {
  id: string;
  label: string;
  color: string;
  description: string;
  built_in: number;
  sort_order: number;
  created_at: number;
  keywords: string;
}

function allThemes(db: Db): JsonExportTheme[] {
  const rows = sql(
    db,
    `SELECT id, label, color, description, built_in, sort_order, created_at, keywords
       FROM themes ORDER BY sort_order, created_at, id`,
  ).all() as ThemeRow[];
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    color: row.color,
    description: row.description,
    builtIn: row.built_in === 1,
    sortOrder: row.sort_order,
    createdAt: row.created_at,
    keywords: parseKeywords(row.keywords),
  }));
}

function journalId(db: Db): string | null {
  const row = sql(db, `SELECT value FROM meta WHERE key = 'journal_id'`).get() as
    { value: string } | undefined;
  return row?.value ?? null;
}

export function toJsonEntry(entry: ExportEntry): JsonExportEntry {
  return {
    id: entry.id,
    title: entry.title,
    entryDate: entry.entryDate,
    createdAt: entry.createdAt,
    createdTimeZone: entry.createdTimeZone,
    updatedAt: entry.updatedAt,
    updatedTimeZone: entry.updatedTimeZone,
    starred: entry.starred,
    promptId: entry.promptId,
    promptText: entry.promptId ? (promptById(entry.promptId)?.text ?? null) : null,
    themes: entry.themes.map((theme) => ({ ...theme })),
    deletedAt: entry.deletedAt,
    version: entry.version,
    wordCount: entry.wordCount,
    text: entry.text,
    doc: parseDoc(entry.docJson),
  };
}

/** The stored document, or null if it cannot be parsed; `text` still holds its words then. */
function parseDoc(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

/**
 * Everything in the journal, the trash included, as one JSON file (docs/export-format.md).
 * Written as a stream, one entry per line, so the file can be larger than memory; it is a
 * single JSON value all the same. It is plaintext.
 */
export function exportJson(db: Db, options: JsonExportOptions): ExportResult {
  const { value: entryCount, bytes } = writeFileThroughTemp(options.out, (sink) =>
    inReadSnapshot(
      db,
      () => {
        const write = (text: string) => sink(Buffer.from(text, 'utf8'));
        const { salvage } = options;
        const selection = salvage ? { includeTrash: true, salvage } : { includeTrash: true };
        const total = countEntries(db, selection);
        const header = {
          format: JSON_EXPORT_FORMAT,
          version: JSON_EXPORT_VERSION,
          exportedAt: (options.now ?? new Date()).toISOString(),
          journal: {
            id: orWhenDamaged(salvage, () => journalId(db), null),
            schemaVersion: schemaVersion(db),
          },
        };
        const headerJson = JSON.stringify(header, null, 2);
        const themes = orWhenDamaged(salvage, () => allThemes(db), [])
          .map((theme) => `    ${JSON.stringify(theme)}`)
          .join(',\n');
        write(`${headerJson.slice(0, -2)},\n  "themes": [\n${themes}\n  ],\n`);
        // A salvage learns its count only at the end; it is written after the entries then.
        if (!salvage) write(`  "entryCount": ${total},\n`);
        write(`  "entries": [`);
        let done = 0;
        options.onProgress?.(0, total);
        for (const page of entryPages(db, selection)) {
          const lines = page.map((entry) => `    ${JSON.stringify(toJsonEntry(entry))}`);
          write(`${done === 0 ? '\n' : ',\n'}${lines.join(',\n')}`);
          done += page.length;
          options.onProgress?.(done, total);
        }
        write(`${done === 0 ? '' : '\n  '}]`);
        if (salvage) {
          write(`,\n  "entryCount": ${done},\n  "unreadable": ${salvage.unreadable}`);
        }
        write('\n}\n');
        return done;
      },
      options.salvage,
    ),
  );
  return {
    format: 'json',
    container: 'file',
    path: options.out,
    entryCount,
    bytes,
    encrypted: false,
    ...unreadableOf(options.salvage),
  };
}
