import type { Migration } from './types';

/**
 * The person's choices for this journal (auto-lock and the like) live inside the encrypted
 * file, not beside it: how long someone leaves their journal open is itself private.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'journal settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
