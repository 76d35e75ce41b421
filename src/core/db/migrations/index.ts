import { migration0010 } from './0010-entries';
import { migration0020 } from './0020-search';
import { migration0030 } from './0030-deferred-index';
import { migration0040 } from './0040-import-sources';
import { migration0050 } from './0050-settings';
import { migration0060 } from './0060-suggestions';
import { migration0070 } from './0070-insights';
import type { Migration } from './types';

/** In order. Append only: a released step is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0040,
  migration0050,
  migration0060,
  migration0070,
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
