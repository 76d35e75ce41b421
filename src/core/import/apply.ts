import { randomUUID } from 'node:crypto';
import { JournalError } from '../../shared/errors';
import type { ThemeSource } from '../../shared/types';
import { type Db, translateSqliteError } from '../db/database';
import { sql } from '../db/statements';
import { insertEntry } from '../entries';
import type { ProgressFn } from '../journal';
import { createTheme, listThemes } from '../themes';
import { foldLabel } from './collect';
import { convertBody } from './markdown';
import { importedEntryId } from './plan';
import type { ImportPlan, ImportResult, PlannedEntry, ThemeMapping } from './types';

export interface ApplyOptions {
  /** Create a theme for each tag that matches none; when false those tags are left off. */
  createThemes?: boolean;
  onProgress?: ProgressFn;
  now?: number;
}

function createThemeFor(db: Db, label: string, now: number) {
  try {
    return createTheme(db, { label }, now);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new JournalError(
      error instanceof JournalError ? error.code : 'INTERNAL',
      `The theme “${label}” could not be created (${reason.replace(/\.$/, '')}); nothing was imported.`,
      { cause: error },
    );
  }
}

/**
 * The theme id for each tag key. Themes may have changed since the preview: a theme it matched
 * that is gone is a conflict (preview again); a "new" one that now exists is simply used.
 */
function resolveThemes(
  db: Db,
  mappings: readonly ThemeMapping[],
  createThemes: boolean,
  now: number,
  created: string[],
): Map<string, string> {
  const ids = new Map<string, string>();
  const byLabel = new Map(listThemes(db).map((theme) => [foldLabel(theme.label), theme.id]));
  const exists = sql(db, 'SELECT 1 FROM themes WHERE id = ?');
  for (const mapping of mappings) {
    if (mapping.kind === 'existing') {
      if (!exists.get(mapping.themeId)) {
        throw new JournalError(
          'CONFLICT',
          `The theme “${mapping.themeLabel}” was removed after this import was previewed; preview it again.`,
        );
      }
      ids.set(mapping.key, mapping.themeId);
      continue;
    }
    const existing = byLabel.get(foldLabel(mapping.label));
    if (existing) {
      ids.set(mapping.key, existing);
    } else if (createThemes) {
      const theme = createThemeFor(db, mapping.label, now);
      byLabel.set(foldLabel(theme.label), theme.id);
      created.push(theme.id);
      ids.set(mapping.key, theme.id);
    }
  }
  return ids;
}

/**
 * Writes one planned entry, converting its body first unless the plan holds its document. Null
 * when the body cannot be converted after all (the preview converts only bodies large enough
 * to outgrow an entry); that entry is skipped as the preview skips the ones it finds.
 */
function insertPlanned(
  db: Db,
  plan: ImportPlan,
  planned: PlannedEntry,
  themeIds: Map<string, string>,
  now: number,
): string | null {
  const { entry } = planned;
  let doc = planned.doc;
  if (doc === undefined) {
    const converted = convertBody(entry.body);
    if (!converted.ok) return null;
    doc = converted.doc;
  }
  const themes = new Map<string, ThemeSource>();
  for (const key of planned.themeKeys) {
    const id = themeIds.get(key);
    if (id !== undefined) themes.set(id, 'manual');
  }
  const id = randomUUID();
  const seq = insertEntry(
    db,
    {
      id,
      title: entry.title,
      derived: doc,
      entryDate: entry.entryDate,
      createdAt: entry.createdAt,
      createdTimeZone: entry.timeZone,
      updatedAt: entry.updatedAt,
      updatedTimeZone: entry.timeZone,
      promptId: null,
      starred: entry.starred,
      themes,
    },
    now,
  );
  sql(
    db,
    'INSERT INTO import_sources (format, source_id, entry_seq, imported_at) VALUES (?, ?, ?, ?)',
  ).run(plan.format, entry.sourceId, seq, now);
  return id;
}

/** Names the failing entry, keeping the cause's code (a full disk stays IO_ERROR). */
function failure(plan: ImportPlan, planned: PlannedEntry, error: unknown): JournalError {
  const translated = translateSqliteError(error);
  const code = translated instanceof JournalError ? translated.code : 'INTERNAL';
  const reason = translated instanceof Error ? translated.message : String(translated);
  return new JournalError(
    code,
    `Importing “${plan.source}” stopped at ${planned.entry.where}: ${reason.replace(/\.$/, '')}. Nothing was imported; the journal is as it was.`,
    { cause: error },
  );
}

/**
 * Writes a plan into the journal in one transaction: its new themes, then its entries with their
 * original dates, time zones, stars and themes, each remembered by its source id so that the same
 * export imported again adds nothing. Any failure rolls all of it back.
 */
export function applyImport(db: Db, plan: ImportPlan, options: ApplyOptions = {}): ImportResult {
  const now = options.now ?? Date.now();
  const total = plan.add.length;
  const step = Math.max(1, Math.floor(total / 100));
  return db
    .transaction((): ImportResult => {
      const createdThemeIds: string[] = [];
      const themeIds = resolveThemes(
        db,
        plan.themes,
        options.createThemes ?? true,
        now,
        createdThemeIds,
      );
      const entryIds: string[] = [];
      let duplicates = plan.duplicates.length;
      let skipped = plan.skipped.length;
      plan.add.forEach((planned, position) => {
        if (position % step === 0) options.onProgress?.(position / total, 'Importing entries');
        try {
          // Another import may have added it since the preview.
          if (importedEntryId(db, plan.format, planned.entry.sourceId) !== null) {
            duplicates += 1;
            return;
          }
          const id = insertPlanned(db, plan, planned, themeIds, now);
          if (id === null) skipped += 1;
          else entryIds.push(id);
        } catch (error) {
          throw failure(plan, planned, error);
        }
      });
      options.onProgress?.(1, 'Importing entries');
      return {
        added: entryIds.length,
        duplicates,
        skipped,
        entryIds,
        createdThemeIds,
      };
    })
    .immediate();
}
