import { readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyConnectionSettings, type Db, openEncrypted } from '../../src/core/db/database';
import { migrate } from '../../src/core/db/migrate';
import { createEntry, listEntries, updateEntry } from '../../src/core/entries';
import { Journal } from '../../src/core/journal';
import { readKeyring, unlockSlot } from '../../src/core/keyring';
import { passphraseBytes } from '../../src/core/secrets';
import { schemas } from '../../src/shared/schemas';
import { search } from '../../src/core/search';
import { paragraphsDoc } from '../../src/core/text';
import { idleMaintenance } from '../../src/core/maintenance';
import { listThemes } from '../../src/core/themes';
import { BENCH_PASSPHRASE } from './constants';
import type { BenchPlan, QueryShape } from './plan';
import { type Timing, summarize, time } from './stats';

export interface Workload {
  saveCreate: Timing;
  saveUpdate: Timing;
  /** What the worker does once writing pauses (index edits, checkpoint the WAL). */
  maintenanceAfterCreate: Timing;
  maintenanceAfterUpdate: Timing;
  listFirstPage: Timing;
  themePage: Record<string, Timing>;
  search: Record<string, Timing & { hits: number }>;
  themeCounts: Timing;
  counts: Record<string, number>;
}

const SEARCH_RUNS = 60;

export function runWorkload(db: Db, plan: BenchPlan): Workload {
  const { queries, themeIds, samples } = plan;
  const list = (themes: string[]) =>
    listEntries(db, schemas.listEntries.parse({ themes, limit: 50 }));
  const themePage: Record<string, Timing> = {};
  for (const theme of themeIds) themePage[theme] = time(() => list([theme]), SEARCH_RUNS);
  const listFirstPage = time(() => list([]), SEARCH_RUNS);

  const searchTimes: Workload['search'] = {};
  for (const shape of queries) {
    const input = schemas.search.parse({
      query: shape.query,
      themes: shape.themes ?? [],
      limit: 50,
    });
    const hits = search(db, input).hits.length;
    searchTimes[shape.name] = { ...time(() => search(db, input), SEARCH_RUNS), hits };
  }

  const themeCounts = time(() => listThemes(db), SEARCH_RUNS);
  const counts = Object.fromEntries(listThemes(db).map((theme) => [theme.id, theme.entryCount]));

  // Saves go last, on entries made for the purpose, which are then removed again.
  const created: Array<{ id: string; version: number }> = [];
  const createTimes: number[] = [];
  const updateTimes: number[] = [];
  const createMaintenanceTimes: number[] = [];
  const updateMaintenanceTimes: number[] = [];
  // Each save is followed by the pause that autosave leaves, and the work the worker does then.
  const maintenance = (into: number[]) => {
    const start = performance.now();
    idleMaintenance(db);
    into.push(performance.now() - start);
  };
  for (const sample of samples.slice(0, 200)) {
    const start = performance.now();
    const entry = createEntry(
      db,
      schemas.createEntry.parse({
        title: sample.title,
        doc: paragraphsDoc(sample.paragraphs),
        timeZone: sample.timeZone,
        themes: sample.themes.map((id) => ({ id, source: 'manual' })),
      }),
    );
    createTimes.push(performance.now() - start);
    created.push({ id: entry.id, version: entry.version });
    maintenance(createMaintenanceTimes);
  }
  created.forEach((entry, index) => {
    const start = performance.now();
    updateEntry(
      db,
      schemas.updateEntry.parse({
        id: entry.id,
        baseVersion: entry.version,
        timeZone: 'UTC',
        doc: paragraphsDoc(samples[200 + index]!.paragraphs),
      }),
    );
    updateTimes.push(performance.now() - start);
    maintenance(updateMaintenanceTimes);
  });
  db.prepare('DELETE FROM entries WHERE id IN (SELECT value FROM json_each(?))').run(
    JSON.stringify(created.map((entry) => entry.id)),
  );

  return {
    saveCreate: summarize(createTimes.slice(10)),
    saveUpdate: summarize(updateTimes.slice(10)),
    maintenanceAfterCreate: summarize(createMaintenanceTimes.slice(10)),
    maintenanceAfterUpdate: summarize(updateMaintenanceTimes.slice(10)),
    listFirstPage,
    themePage,
    search: searchTimes,
    themeCounts,
    counts,
  };
}

function sizeOf(path: string): number {
  return [path, `${path}-wal`]
    .filter((file) => existsSync(file))
    .reduce((sum, file) => sum + statSync(file).size, 0);
}

export interface Measurement {
  entries: number;
  unlock: { total: Timing; keyDerivation: Timing; openDatabase: Timing };
  encrypted: Workload;
  plain: Workload;
  queries: QueryShape[];
  peakRssMiB: { afterEncrypted: number; afterUnlocks: number; afterPlain: number };
  /** Resident memory right after the encrypted workload, the unlock's key derivation long over. */
  rssAfterEncryptedMiB: number;
  diskMiB: { encrypted: number; plain: number };
}

const rssMiB = () => process.resourceUsage().maxRSS / 1024;

export async function measure(dir: string): Promise<Measurement> {
  const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as BenchPlan;
  const journalDir = join(dir, 'journal');

  const journal = new Journal(journalDir);
  await journal.unlock(BENCH_PASSPHRASE);
  const encrypted = runWorkload(journal.db, plan);
  journal.lock();
  const afterEncrypted = rssMiB();
  const rssAfterEncryptedMiB = process.memoryUsage().rss / 2 ** 20;

  // Unlock timing last: each run's Argon2 memory would otherwise inflate the peak RSS above.
  const keyring = readKeyring(journalDir);
  const kdfTimes: number[] = [];
  const openTimes: number[] = [];
  const totalTimes: number[] = [];
  for (let run = 0; run < 6; run += 1) {
    let start = performance.now();
    const key = await unlockSlot(keyring, 'passphrase', passphraseBytes(BENCH_PASSPHRASE));
    kdfTimes.push(performance.now() - start);
    start = performance.now();
    const db = openEncrypted(join(journalDir, 'journal.db'), key!, { create: false });
    applyConnectionSettings(db);
    migrate(db);
    openTimes.push(performance.now() - start);
    db.close();
    const journal = new Journal(journalDir);
    start = performance.now();
    await journal.unlock(BENCH_PASSPHRASE);
    totalTimes.push(performance.now() - start);
    journal.lock();
  }
  // The first run compiles the Argon2 WebAssembly module; a person unlocks once per start.
  kdfTimes.shift();
  openTimes.shift();
  totalTimes.shift();

  const afterUnlocks = rssMiB();
  const plainDb = new Database(join(dir, 'plain.db'));
  applyConnectionSettings(plainDb);
  migrate(plainDb);
  const plain = runWorkload(plainDb, plan);
  plainDb.close();

  return {
    entries: plan.entries,
    unlock: {
      total: summarize(totalTimes),
      keyDerivation: summarize(kdfTimes),
      openDatabase: summarize(openTimes),
    },
    encrypted,
    plain,
    queries: plan.queries,
    peakRssMiB: { afterEncrypted, afterUnlocks, afterPlain: rssMiB() },
    rssAfterEncryptedMiB,
    diskMiB: {
      encrypted: sizeOf(join(journalDir, 'journal.db')) / 2 ** 20,
      plain: sizeOf(join(dir, 'plain.db')) / 2 ** 20,
    },
  };
}
