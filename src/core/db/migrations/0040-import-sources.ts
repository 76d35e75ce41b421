import type { Migration } from './types';

/**
 * Remembers which entry each imported source entry became, keyed by the export's format and
 * the entry's id in it, so importing the same file again adds nothing. Deleting an entry for
 * good forgets its source too: no trace of a deleted entry stays behind, and a later import
 * may bring it back if the person asks for it again.
 */
export const migration0040: Migration = {
  version: 40,
  name: 'import sources',
  up(db) {
    db.exec(`
      CREATE TABLE import_sources (
        format TEXT NOT NULL,
        source_id TEXT NOT NULL,
        entry_seq INTEGER NOT NULL REFERENCES entries(seq) ON DELETE CASCADE,
        imported_at INTEGER NOT NULL,
        PRIMARY KEY (format, source_id)
      ) STRICT, WITHOUT ROWID;
      -- Deleting an entry looks its sources up by entry.
      CREATE INDEX import_sources_by_entry ON import_sources(entry_seq);
    `);
  },
};
