// npx tsx scripts/bench/insights.ts [--entries N] [--seed S] [--dir D] [--runs R] [--warmup W]
//   [--no-plain] [--without-index] [--keep]
// Times the insights queries (computeInsights by week and by month, over the whole journal and
// over one year, and onThisDay) on a copy of the seeded N-entry journal from .bench/ (default
// 100,000; build it first with `npm run bench -- --entries N`), and the same on a copy of its
// unencrypted twin. The copy is unlocked normally (so it is migrated); the journal in .bench/ is
// never opened. Prints a table and JSON; passes or fails nothing. --without-index drops the
// insights indexes (migration 0070) from the copies, to show what they save.
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyConnectionSettings, type Db } from '../../src/core/db/database';
import { migrate } from '../../src/core/db/migrate';
import { migration0070 } from '../../src/core/db/migrations/0070-insights';
import { type Insights, computeInsights, onThisDay } from '../../src/core/insights';
import { Journal } from '../../src/core/journal';
import { BENCH_PASSPHRASE } from './constants';
import { type Timing, ms, summarize, time } from './stats';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    dir: { type: 'string' },
    runs: { type: 'string' },
    warmup: { type: 'string' },
    plain: { type: 'boolean', default: true },
    'without-index': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
  allowNegative: true,
});

const entries = Number(values.entries);
const seed = Number(values.seed);
const withoutIndex = values['without-index'];
/** Without the index each call reads the whole file: a few runs say enough. */
const runs = Number(values.runs ?? (withoutIndex ? 3 : 30));
const warmup = Number(values.warmup ?? (withoutIndex ? 1 : 5));
const source = values.dir ?? join(process.cwd(), '.bench', `${entries}-${seed}`);
if (!existsSync(join(source, 'journal')))
  throw new Error(`No journal in ${source}; build it with npm run bench -- --entries ${entries}.`);

const INDEXES = ['entries_for_insights', 'entry_themes_for_insights'];
const TIME_ZONE = 'UTC';
const log = (text: string) => process.stderr.write(`${text}\n`);
const rssMiB = () => process.resourceUsage().maxRSS / 1024;
const mib = (bytes: number) => bytes / 2 ** 20;

function fileBytes(path: string): number {
  return [path, `${path}-wal`]
    .filter((file) => existsSync(file))
    .reduce((sum, file) => sum + statSync(file).size, 0);
}

/** Before migration 0070 is registered, the copies get its indexes here. */
function prepareIndexes(db: Db): { note: string; indexBytes: Record<string, number> } {
  const present = (name: string) =>
    db.prepare(`SELECT 1 FROM sqlite_master WHERE name = ?`).get(name) !== undefined;
  let note = 'created by migration 0070 on unlock';
  if (withoutIndex) {
    for (const name of INDEXES) db.exec(`DROP INDEX IF EXISTS ${name}`);
    note = 'dropped (--without-index)';
  } else if (!INDEXES.every(present)) {
    for (const name of INDEXES) db.exec(`DROP INDEX IF EXISTS ${name}`);
    migration0070.up(db);
    note = 'created by the benchmark: migration 0070 is not registered yet';
  }
  const indexBytes: Record<string, number> = {};
  try {
    for (const name of INDEXES.filter(present)) {
      indexBytes[name] = db
        .prepare(`SELECT sum(pgsize) FROM dbstat WHERE name = ?`)
        .pluck()
        .get(name) as number;
    }
  } catch {
    // dbstat is not compiled in: sizes are left out.
  }
  return { note, indexBytes };
}

interface Workload {
  firstCall: number;
  week: Timing;
  month: Timing;
  weekLastYear: Timing;
  onThisDay: Timing;
  shape: Record<string, number>;
}

function runWorkload(db: Db): Workload {
  const latest = db
    .prepare(`SELECT max(entry_date) FROM entries WHERE deleted_at IS NULL`)
    .pluck()
    .get() as string;
  const yearAgo = new Date(Date.parse(`${latest}T00:00:00Z`) - 364 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const base = { timeZone: TIME_ZONE, today: latest };
  const start = performance.now();
  const all: Insights = computeInsights(db, { ...base, bucket: 'week' });
  const firstCall = performance.now() - start;
  const week = time(() => computeInsights(db, { ...base, bucket: 'week' }), runs, warmup);
  const month = time(() => computeInsights(db, { ...base, bucket: 'month' }), runs, warmup);
  const weekLastYear = time(
    () => computeInsights(db, { ...base, bucket: 'week', from: yearAgo, to: latest }),
    runs,
    warmup,
  );
  // A different day each run, month ends and leap days among them.
  const days = ['2025-02-28', '2024-02-29', '2025-03-31', '2025-04-30'];
  for (let back = 0; days.length < 40; back += 9) {
    days.push(
      new Date(Date.parse(`${latest}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10),
    );
  }
  let shown = 0;
  const onThisDayTimes: number[] = [];
  for (let run = 0; run < warmup + Math.max(runs, days.length); run += 1) {
    const started = performance.now();
    shown += onThisDay(db, { today: days[run % days.length]!, limit: 20 }).items.length;
    if (run >= warmup) onThisDayTimes.push(performance.now() - started);
  }
  return {
    firstCall,
    week,
    month,
    weekLastYear,
    onThisDay: summarize(onThisDayTimes),
    shape: {
      weeks: all.themesOverTime.length,
      writingDays: all.writingDays.length,
      pairs: all.coOccurrence.pairs.length,
      totalEntries: all.totals.entries,
      onThisDayShownPerCall: shown / (warmup + Math.max(runs, days.length)),
    },
  };
}

function row(label: string, encrypted: Timing, plain: Timing | undefined): string {
  const cells = [ms(encrypted.p50), ms(encrypted.p95), ms(encrypted.max)];
  const plainCells = plain
    ? [ms(plain.p50), ms(plain.p95), `${(encrypted.p95 / plain.p95).toFixed(2)}×`]
    : ['-', '-', '-'];
  return `| ${label} | ${[...cells, ...plainCells].join(' | ')} |`;
}

const work = mkdtempSync(join(tmpdir(), 'lean-on-insights-'));
try {
  log(`Copying ${join(source, 'journal')} to ${work}`);
  cpSync(join(source, 'journal'), join(work, 'journal'), { recursive: true });
  const loadBefore = loadavg();

  log('Unlocking the copy (migrates it)');
  const journal = new Journal(join(work, 'journal'));
  const start = performance.now();
  await journal.unlock(BENCH_PASSPHRASE);
  const unlockMs = performance.now() - start;
  const index = prepareIndexes(journal.db);
  log(`Measuring the encrypted journal (${warmup} warm-up, ${runs} measured per operation)`);
  const encrypted = runWorkload(journal.db);
  journal.lock();
  const peakRssEncrypted = rssMiB();
  const encryptedBytes = fileBytes(join(work, 'journal', 'journal.db'));

  let plain: Workload | undefined;
  let plainBytes = 0;
  if (values.plain && existsSync(join(source, 'plain.db'))) {
    log('Copying and measuring the unencrypted twin');
    cpSync(join(source, 'plain.db'), join(work, 'plain.db'));
    const db = new Database(join(work, 'plain.db'));
    applyConnectionSettings(db);
    migrate(db);
    prepareIndexes(db);
    plain = runWorkload(db);
    db.close();
    plainBytes = fileBytes(join(work, 'plain.db'));
  }
  const loadAfter = loadavg();

  const lines = [
    `Lean On insights benchmark: ${entries.toLocaleString('en')} entries, seed ${seed}`,
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average ${loadBefore[0]!.toFixed(2)} before, ${loadAfter[0]!.toFixed(2)} after`,
    `Insights indexes: ${index.note}${Object.entries(index.indexBytes)
      .map(([name, bytes]) => `; ${name} ${mib(bytes).toFixed(1)} MiB`)
      .join('')}`,
    '',
    `| operation (ms), ${runs} runs after ${warmup} warm-up | encrypted p50 | p95 | max | plain p50 | plain p95 | ratio (p95) |`,
    '|---|---|---|---|---|---|---|',
    row('computeInsights, by week, whole journal', encrypted.week, plain?.week),
    row('computeInsights, by month, whole journal', encrypted.month, plain?.month),
    row('computeInsights, by week, last 365 days', encrypted.weekLastYear, plain?.weekLastYear),
    row('onThisDay, 20 entries, a different day each run', encrypted.onThisDay, plain?.onThisDay),
    '',
    `First computeInsights after unlocking (nothing in SQLite's page cache yet): ${ms(encrypted.firstCall)} ms encrypted${plain ? `, ${ms(plain.firstCall)} ms plain` : ''}; unlocking the copy took ${ms(unlockMs)} ms.`,
    `Result shape: ${Object.entries(encrypted.shape)
      .map(([key, value]) => `${key} ${Number.isInteger(value) ? value : value.toFixed(1)}`)
      .join(', ')}`,
    `Peak RSS of this process (tsx included): ${peakRssEncrypted.toFixed(0)} MiB after the encrypted run, ${rssMiB().toFixed(0)} MiB at the end`,
    `On disk: encrypted ${mib(encryptedBytes).toFixed(1)} MiB${plain ? `, plain ${mib(plainBytes).toFixed(1)} MiB` : ''}`,
  ];
  process.stdout.write(
    `${lines.join('\n')}\n\nJSON:\n${JSON.stringify({ entries, seed, runs, warmup, withoutIndex, index, loadBefore, loadAfter, unlockMs, encrypted, plain })}\n`,
  );
} finally {
  if (values.keep) log(`Kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
