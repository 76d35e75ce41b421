import type { ParsedOf } from '../shared/schemas';
import { DEFAULT_SETTINGS, type JournalSettings } from '../shared/settings';
import { schemas } from '../shared/schemas';
import type { Db } from './db/database';
import { sql } from './db/statements';

/**
 * The journal's settings: each key stored as JSON in the encrypted `settings` table. A value
 * this version does not understand (from a newer one, or damaged) reads as the default
 * rather than failing the unlock.
 */
export function getSettings(db: Db): JournalSettings {
  const rows = sql(db, 'SELECT key, value FROM settings').all() as Array<{
    key: string;
    value: string;
  }>;
  const stored: Record<string, unknown> = {};
  for (const { key, value } of rows) {
    try {
      stored[key] = JSON.parse(value);
    } catch {
      // Unreadable: the default stands.
    }
  }
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof JournalSettings>) {
    const parsed = schemas.updateSettings.shape[key].safeParse(stored[key]);
    if (parsed.success && parsed.data !== undefined) settings[key] = parsed.data;
  }
  return settings as unknown as JournalSettings;
}

/** Stores one setting (or a note kept beside them) as JSON, replacing what was there. */
export function writeSetting(db: Db, key: string, value: unknown): void {
  sql(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

export function updateSettings(db: Db, patch: ParsedOf<'updateSettings'>): JournalSettings {
  db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      writeSetting(db, key, value);
    }
  }).immediate();
  return getSettings(db);
}
