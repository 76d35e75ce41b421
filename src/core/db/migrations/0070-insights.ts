import type { Migration } from './types';

/**
 * Two slim indexes for the insights view, which counts over the whole journal at once.
 *
 * entries_for_insights: entries and words per day and entries per prompt. Those columns sit
 * after each entry's document and text, so without it every count reads (and decrypts) the
 * full text of every entry: seconds at 100,000 entries. `deleted_at` (always NULL here) is
 * listed so that SQLite sees the index as covering and prefers it to entries_by_date.
 *
 * entry_themes_for_insights: entries per theme and day. entry_themes_by_theme holds the same
 * but is more than twice the size; with this one, everything the view reads fits in the page
 * cache, so a second look (week, then month) decrypts nothing again.
 *
 * At 100,000 entries they take about 2.6 and 3.3 MB of a 1 GB journal.
 */
export const migration0070: Migration = {
  version: 70,
  name: 'insights indexes',
  up(db) {
    db.exec(`
      CREATE INDEX entries_for_insights
        ON entries(entry_date, word_count, prompt_id, deleted_at)
        WHERE deleted_at IS NULL;
      CREATE INDEX entry_themes_for_insights
        ON entry_themes(theme_id, entry_date)
        WHERE live = 1;
    `);
  },
};
