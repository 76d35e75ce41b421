import type { Db } from '../db/database';
import { sql } from '../db/statements';
import type { ProgressFn } from '../journal';
import { listThemes } from '../themes';
import { foldLabel, sentence } from './collect';
import { bodyProblem } from './markdown';
import type {
  DuplicateEntry,
  ImportFormat,
  ImportPlan,
  ImportProblem,
  ParsedImport,
  PlannedEntry,
  ThemeMapping,
} from './types';

export interface PlanOptions {
  onProgress?: ProgressFn;
}

/** The journal's entry an earlier import made from this source entry, if it still exists. */
export function importedEntryId(db: Db, format: ImportFormat, sourceId: string): string | null {
  const row = sql(
    db,
    `SELECT e.id FROM import_sources s JOIN entries e ON e.seq = s.entry_seq
     WHERE s.format = ? AND s.source_id = ?`,
  ).get(format, sourceId) as { id: string } | undefined;
  return row?.id ?? null;
}

/**
 * Tags land on the theme whose label or id they match, ignoring case and spacing ("Work" and
 * "work" are one theme); the rest become new themes, named as first written in the export.
 */
function mapThemes(db: Db, add: PlannedEntry[]): ThemeMapping[] {
  const themes = listThemes(db);
  const byKey = new Map<string, { id: string; label: string }>();
  for (const theme of themes) byKey.set(theme.id, theme);
  // Set second, a label wins over an id: a theme labelled "Trust" over another whose id is "trust".
  for (const theme of themes) byKey.set(foldLabel(theme.label), theme);
  const mappings = new Map<string, ThemeMapping>();
  for (const planned of add) {
    planned.entry.tags.forEach((tag, position) => {
      const key = planned.themeKeys[position]!;
      const known = mappings.get(key);
      if (known) {
        known.entries += 1;
        return;
      }
      const theme = byKey.get(key);
      mappings.set(
        key,
        theme
          ? { key, tag, kind: 'existing', themeId: theme.id, themeLabel: theme.label, entries: 1 }
          : { key, tag, kind: 'new', label: tag, entries: 1 },
      );
    });
  }
  return [...mappings.values()];
}

/**
 * A preview of importing `parsed` into the journal, which it does not change: the entries that
 * would be added, those an earlier import already added, those that cannot be imported and why,
 * and where each tag would land. Documents are not kept: applyImport converts each entry as it
 * writes it, so a plan costs little more memory than the export's text.
 */
export function planImport(db: Db, parsed: ParsedImport, options: PlanOptions = {}): ImportPlan {
  const add: PlannedEntry[] = [];
  const duplicates: DuplicateEntry[] = [];
  const skipped: ImportProblem[] = [...parsed.skipped];
  const total = parsed.entries.length;
  const step = Math.max(1, Math.floor(total / 100));
  parsed.entries.forEach((entry, position) => {
    if (position % step === 0) options.onProgress?.(position / total, 'Reading entries');
    const existingEntryId = importedEntryId(db, parsed.format, entry.sourceId);
    if (existingEntryId !== null) {
      duplicates.push({ entry, existingEntryId });
      return;
    }
    const problem = bodyProblem(entry.body);
    if (problem !== null) {
      skipped.push({
        file: entry.file,
        index: entry.index,
        message: sentence(entry.where, `${problem}; it was skipped`),
      });
      return;
    }
    add.push({ entry, themeKeys: entry.tags.map(foldLabel) });
  });
  options.onProgress?.(1, 'Reading entries');
  const themes = mapThemes(db, add);
  return {
    format: parsed.format,
    source: parsed.source,
    counts: {
      read: total + parsed.skipped.length,
      add: add.length,
      duplicates: duplicates.length,
      skipped: skipped.length,
      newThemes: themes.filter((theme) => theme.kind === 'new').length,
    },
    add,
    duplicates,
    skipped,
    warnings: parsed.warnings,
    themes,
  };
}
