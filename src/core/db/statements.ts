import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from './database';

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement, prepared once per connection. Preparing on every call costs time, and
 * each unfinalized statement holds native memory until garbage collection gets to it, which in
 * a quiet process can take long enough to add up to tens of megabytes.
 *
 * The statement is shared by every caller with the same source, so it comes back in its default
 * mode (rows as objects): a caller that wants `.pluck()` asks for it each time, and one that
 * did never leaves another caller with single values where it expects rows.
 */
export function sql(db: Db, source: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(source);
  if (!statement) {
    statement = db.prepare(source);
    cache.set(source, statement);
  } else if (statement.reader) {
    statement.pluck(false);
  }
  return statement;
}
