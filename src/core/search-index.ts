import { type Db, isDamageError } from './db/database';
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

/** FTS5's shadow tables for entries_fts (external content, so there is no _content table). */
const SEARCH_INDEX_TABLES = [
  'entries_fts',
  'entries_fts_data',
  'entries_fts_idx',
  'entries_fts_docsize',
  'entries_fts_config',
];

/**
 * Rebuilds the search index from the entries. In place when its pages read ('rebuilt'). When a
 * page is unreadable (SQLCipher found it altered), FTS5 cannot even delete it, so the index is
 * unlinked from the schema and created anew ('recreated'): its old pages are then unreachable,
 * and the caller must compact the database (VACUUM INTO a new file) before anything copies it
 * page by page. The entries are only read; each step is one transaction.
 */
export function rebuildSearchIndex(db: Db): 'rebuilt' | 'recreated' {
  try {
    db.transaction(() => {
      db.exec('DELETE FROM fts_pending');
      db.exec(`INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')`);
    }).immediate();
    return 'rebuilt';
  } catch (error) {
    if (!isDamageError(error)) throw error;
  }
  const definition = sql(
    db,
    `SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'entries_fts'`,
  )
    .pluck()
    .get() as string;
  // The connection's defensive mode forbids editing the schema; lifted for this step only.
  db.unsafeMode(true);
  try {
    db.transaction(() => {
      db.pragma('writable_schema = ON');
      const unlink = db.prepare('DELETE FROM sqlite_master WHERE name = ?');
      for (const table of SEARCH_INDEX_TABLES) unlink.run(table);
      db.pragma('writable_schema = OFF');
    }).immediate();
    db.pragma('writable_schema = RESET');
  } finally {
    db.pragma('writable_schema = OFF');
    db.unsafeMode(false);
  }
  db.transaction(() => {
    db.exec(definition);
    // As migration 0020 configured it.
    db.exec(`INSERT INTO entries_fts (entries_fts, rank) VALUES ('secure-delete', 1)`);
    db.exec(`INSERT INTO entries_fts (entries_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)')`);
    db.exec('DELETE FROM fts_pending');
    db.exec(`INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')`);
  }).immediate();
  return 'recreated';
}
