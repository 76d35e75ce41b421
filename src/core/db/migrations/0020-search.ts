import type { Migration } from './types';

export const migration0020: Migration = {
  version: 20,
  name: 'full-text search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE entries_fts USING fts5(
        title, text,
        content = 'entries', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
      -- Deleted text is scrubbed from the index pages, not merely marked as deleted.
      INSERT INTO entries_fts (entries_fts, rank) VALUES ('secure-delete', 1);
      -- A word in the title counts for more than the same word in the body.
      INSERT INTO entries_fts (entries_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');

      CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
        INSERT INTO entries_fts (rowid, title, text) VALUES (NEW.seq, NEW.title, NEW.text);
      END;
      CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, title, text)
          VALUES ('delete', OLD.seq, OLD.title, OLD.text);
      END;
      CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, text ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, title, text)
          VALUES ('delete', OLD.seq, OLD.title, OLD.text);
        INSERT INTO entries_fts (rowid, title, text) VALUES (NEW.seq, NEW.title, NEW.text);
      END;

      INSERT INTO entries_fts (entries_fts) VALUES ('rebuild');
    `);
  },
};
