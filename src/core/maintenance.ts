import type { Db } from './db/database';
import { flushSearchIndex } from './search-index';

/**
 * Work kept off the save path and done once writing pauses: folding edits into the search
 * index (see migration 0030) and checkpointing the WAL into the database file.
 */
export function idleMaintenance(db: Db): void {
  flushSearchIndex(db);
  db.pragma('wal_checkpoint(PASSIVE)');
}
