import type { Db } from '../database';

export interface Migration {
  /** Numbered in tens; becomes PRAGMA user_version once applied. */
  version: number;
  name: string;
  up(db: Db): void;
}
