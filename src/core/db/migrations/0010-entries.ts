import builtInThemes from '../../../../resources/themes.json';
import type { Migration } from './types';

export const migration0010: Migration = {
  version: 10,
  name: 'entries and themes',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE themes (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        color TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        built_in INTEGER NOT NULL DEFAULT 0,
        sort_order INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX themes_by_label ON themes(lower(label));

      CREATE TABLE entries (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        doc TEXT NOT NULL,
        text TEXT NOT NULL,
        word_count INTEGER NOT NULL,
        entry_date TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        created_tz TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_tz TEXT NOT NULL,
        prompt_id TEXT,
        starred INTEGER NOT NULL DEFAULT 0,
        deleted_at INTEGER,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX entries_by_date ON entries(entry_date DESC, created_at DESC, seq DESC)
        WHERE deleted_at IS NULL;
      CREATE INDEX entries_in_trash ON entries(entry_date DESC, created_at DESC, seq DESC)
        WHERE deleted_at IS NOT NULL;

      -- The entry's sort key and liveness are copied here so that a theme's page and its count
      -- are read from one index, without visiting the entries table.
      CREATE TABLE entry_themes (
        entry_seq INTEGER NOT NULL REFERENCES entries(seq) ON DELETE CASCADE,
        theme_id TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE ON UPDATE CASCADE,
        source TEXT NOT NULL CHECK (source IN ('manual', 'prompt', 'suggested')),
        added_at INTEGER NOT NULL,
        entry_date TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        live INTEGER NOT NULL,
        PRIMARY KEY (entry_seq, theme_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX entry_themes_by_theme
        ON entry_themes(theme_id, live, entry_date DESC, created_at DESC, entry_seq DESC);

      CREATE TRIGGER entry_themes_follow_entry
      AFTER UPDATE OF entry_date, created_at, deleted_at ON entries
      BEGIN
        UPDATE entry_themes
          SET entry_date = NEW.entry_date, created_at = NEW.created_at,
              live = (NEW.deleted_at IS NULL)
          WHERE entry_seq = NEW.seq;
      END;
    `);
    const insert = db.prepare(
      `INSERT INTO themes (id, label, color, description, built_in, sort_order, created_at)
       VALUES (?, ?, ?, ?, 1, ?, ?)`,
    );
    const now = Date.now();
    builtInThemes.forEach((theme, index) => {
      insert.run(theme.id, theme.label, theme.color, theme.description, index, now);
    });
  },
};
