import type { Migration } from './types';

/**
 * Theme suggestions: a suggestion the person dismissed on an entry is not offered again for it
 * (the dismissal goes with the entry or the theme), and each theme may carry keywords of the
 * person's own that the suggester looks for besides its name.
 */
export const migration0060: Migration = {
  version: 60,
  name: 'theme suggestions',
  up(db) {
    db.exec(`
      CREATE TABLE suggestion_dismissals (
        entry_seq INTEGER NOT NULL REFERENCES entries(seq) ON DELETE CASCADE,
        theme_id TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE ON UPDATE CASCADE,
        dismissed_at INTEGER NOT NULL,
        PRIMARY KEY (entry_seq, theme_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX suggestion_dismissals_by_theme ON suggestion_dismissals(theme_id);

      ALTER TABLE themes ADD COLUMN keywords TEXT NOT NULL DEFAULT '[]';
    `);
  },
};
