import { JournalError } from '../../shared/errors';
import type { Db } from './database';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** A journal from a newer app is refused before anything is written to it. */
export function assertNotFromFuture(db: Db, latest: number = LATEST_VERSION): void {
  if (schemaVersion(db) > latest) throw new JournalError('NEWER_VERSION');
}

/** Applies the pending steps, all in one transaction: a crash leaves the previous version. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = schemaVersion(db);
  const pending = migrations.filter((step) => step.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const step of pending) {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    }
  }).immediate();
  return schemaVersion(db);
}
