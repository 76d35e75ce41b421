import type { Migration } from './types';

/**
 * Edits no longer rewrite the search index on every save. With FTS5 secure-delete, taking an
 * entry's old words out of the index rewrites a page per distinct word (tens of milliseconds
 * for a 250-word entry), and autosave writes the same entry every few seconds while someone
 * types. Now an edit only notes, once, the text the index still holds; the index catches up in
 * one step when typing pauses, before any search, and on lock or the next open.
 */
export const migration0030: Migration = {
  version: 30,
  name: 'deferred search indexing of edits',
  up(db) {
    db.exec(`
      CREATE TABLE fts_pending (
        seq INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        text TEXT NOT NULL
      ) STRICT;

      DROP TRIGGER entries_fts_update;
      DROP TRIGGER entries_fts_delete;

      CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, text ON entries
      WHEN OLD.title IS NOT NEW.title OR OLD.text IS NOT NEW.text
      BEGIN
        INSERT OR IGNORE INTO fts_pending (seq, title, text) VALUES (OLD.seq, OLD.title, OLD.text);
      END;

      -- The index holds the pending (older) text if there is one, else the row's own.
      CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, title, text) VALUES (
          'delete', OLD.seq,
          coalesce((SELECT title FROM fts_pending WHERE seq = OLD.seq), OLD.title),
          coalesce((SELECT text FROM fts_pending WHERE seq = OLD.seq), OLD.text));
        DELETE FROM fts_pending WHERE seq = OLD.seq;
      END;
    `);
  },
};
