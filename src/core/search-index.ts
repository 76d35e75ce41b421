import type { Db } from './db/database';
import { sql } from './db/statements';

interface PendingRow {
  seq: number;
  title: string;
  text: string;
}

/**
 * Brings the search index up to date with edits noted in fts_pending (see migration 0030):
 * the old words come out (securely deleted) and the current ones go in, one transaction.
 * Returns how many entries were reindexed.
 */
export function flushSearchIndex(db: Db): number {
  const pending = sql(db, 'SELECT seq, title, text FROM fts_pending').all() as PendingRow[];
  if (pending.length === 0) return 0;
  const removeOld = sql(
    db,
    `INSERT INTO entries_fts (entries_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)`,
  );
  const addCurrent = sql(
    db,
    'INSERT INTO entries_fts (rowid, title, text) SELECT seq, title, text FROM entries WHERE seq = ?',
  );
  const done = sql(db, 'DELETE FROM fts_pending WHERE seq = ?');
  db.transaction(() => {
    for (const row of pending) {
      removeOld.run(row.seq, row.title, row.text);
      addCurrent.run(row.seq);
      done.run(row.seq);
    }
  }).immediate();
  return pending.length;
}

export function hasPendingIndexWork(db: Db): boolean {
  return sql(db, 'SELECT 1 FROM fts_pending LIMIT 1').get() !== undefined;
}
