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
import { flushSearchIndex } from '../../src/core/search-index';
import { listThemes } from '../../src/core/themes';
import { BENCH_PASSPHRASE, type BuiltCorpus } from './build';
import { generateCorpus } from './corpus';
import { type Timing, summarize, time } from './stats';

export interface QueryShape {
  name: string;
  query: string;
  themes?: string[];
  /** Entries whose words match, from the corpus (before trash); for the report. */
  documents: number;
}

const fold = (word: string) => word.normalize('NFKD').replace(/\p{M}/gu, '');

/** Picks search terms by how many entries hold them, as benchmarks.md asks. */
export function pickQueries(built: BuiltCorpus): QueryShape[] {
  const n = built.entries;
  const words = Object.entries(built.documentFrequency).filter(([word]) =>
    /^\p{L}{4,}$/u.test(word),
  );
  const closest = (target: number, filter: (word: string) => boolean = () => true) =>
    words
      .filter(([word]) => filter(word))
      .reduce((best, candidate) =>
        Math.abs(candidate[1] - target) < Math.abs(best[1] - target) ? candidate : best,
      );
  const rare = closest(Math.max(1, n * 0.0005), (word) => word === fold(word));
  const common = closest(n * 0.25, (word) => word === fold(word));
  const middle = closest(n * 0.05, (word) => word === fold(word) && word !== common[0]);
  const accented = closest(n * 0.01, (word) => word !== fold(word));
  const prefixBase = closest(n * 0.02, (word) => word.length >= 6 && word === fold(word));
  const phraseDocs = words.find(([word]) => word === 'help')?.[1] ?? 0;
  return [
    { name: `rare term (${rare[0]})`, query: rare[0], documents: rare[1] },
    { name: `common term (${common[0]})`, query: common[0], documents: common[1] },
    {
      name: `two terms (${common[0]} ${middle[0]})`,
      query: `${common[0]} ${middle[0]}`,
      documents: Math.min(common[1], middle[1]),
    },
    {
      name: `prefix (${prefixBase[0].slice(0, 4)}*)`,
      query: `${prefixBase[0].slice(0, 4)}*`,
      documents: prefixBase[1],
    },
    { name: 'phrase ("asked for help")', query: '"asked for help"', documents: phraseDocs },
    {
      name: `diacritics (${fold(accented[0])} → ${accented[0]})`,
      query: fold(accented[0]),
      documents: accented[1],
    },
    {
      name: `common term in one theme (${common[0]}, boundaries)`,
      query: common[0],
      themes: ['boundaries'],
      documents: common[1],
    },
    { name: 'no match (zqxjvw)', query: 'zqxjvw', documents: 0 },
  ];
}

export interface Workload {
  saveCreate: Timing;
  saveUpdate: Timing;
  indexEdit: Timing;
  listFirstPage: Timing;
  themePage: Record<string, Timing>;
  search: Record<string, Timing & { hits: number }>;
  themeCounts: Timing;
  counts: Record<string, number>;
}

const SEARCH_RUNS = 60;

export function runWorkload(
  db: Db,
  queries: QueryShape[],
  themeIds: string[],
  seed: number,
): Workload {
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
  const samples = [...generateCorpus({ count: 400, seed: seed + 1, promptIds: [] })];
  const docOf = (paragraphs: string[]) => ({
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children: [
          { type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 },
        ],
      })),
    },
  });
  const created: Array<{ id: string; version: number }> = [];
  const createTimes: number[] = [];
  const updateTimes: number[] = [];
  for (const sample of samples.slice(0, 200)) {
    const start = performance.now();
    const entry = createEntry(
      db,
      schemas.createEntry.parse({
        title: sample.title ?? '',
        doc: docOf(sample.paragraphs),
        timeZone: sample.timeZone,
        themes: sample.themes.map((id) => ({ id, source: 'manual' })),
      }),
    );
    createTimes.push(performance.now() - start);
    created.push({ id: entry.id, version: entry.version });
  }
  const indexTimes: number[] = [];
  created.forEach((entry, index) => {
    let start = performance.now();
    updateEntry(
      db,
      schemas.updateEntry.parse({
        id: entry.id,
        baseVersion: entry.version,
        timeZone: 'UTC',
        doc: docOf(samples[200 + index]!.paragraphs),
      }),
    );
    updateTimes.push(performance.now() - start);
    // What the worker does once typing pauses: fold the edit into the search index.
    start = performance.now();
    flushSearchIndex(db);
    indexTimes.push(performance.now() - start);
  });
  db.prepare('DELETE FROM entries WHERE id IN (SELECT value FROM json_each(?))').run(
    JSON.stringify(created.map((entry) => entry.id)),
  );

  return {
    saveCreate: summarize(createTimes.slice(10)),
    saveUpdate: summarize(updateTimes.slice(10)),
    indexEdit: summarize(indexTimes.slice(10)),
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
  diskMiB: { encrypted: number; plain: number };
}

const rssMiB = () => process.resourceUsage().maxRSS / 1024;

export async function measure(dir: string): Promise<Measurement> {
  const built = JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8')) as BuiltCorpus;
  const queries = pickQueries(built);
  const themeIds = Object.entries(built.themeCounts)
    .sort((a, b) => b[1] - a[1])
    .map(([id]) => id);
  const journalDir = join(dir, 'journal');

  const journal = new Journal(journalDir);
  await journal.unlock(BENCH_PASSPHRASE);
  const encrypted = runWorkload(journal.db, queries, themeIds, built.seed);
  journal.lock();
  const afterEncrypted = rssMiB();

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
  const plain = runWorkload(plainDb, queries, themeIds, built.seed);
  plainDb.close();

  return {
    entries: built.entries,
    unlock: {
      total: summarize(totalTimes),
      keyDerivation: summarize(kdfTimes),
      openDatabase: summarize(openTimes),
    },
    encrypted,
    plain,
    queries,
    peakRssMiB: { afterEncrypted, afterUnlocks, afterPlain: rssMiB() },
    diskMiB: {
      encrypted: sizeOf(join(journalDir, 'journal.db')) / 2 ** 20,
      plain: sizeOf(join(dir, 'plain.db')) / 2 ** 20,
    },
  };
}
