// npm run bench -- --entries N [--seed S] [--dir D] [--rebuild] [--no-window] [--no-suggest]
//   [--transfer] [--insights]
// Builds (or reuses) a seeded journal of N entries plus an unencrypted twin, then measures
// both in a fresh process so that peak RSS is the journal's, not the generator's. Then the
// window benchmark (window.ts) measures the app in Chromium on a copy of the same journal, and
// the theme-suggestion benchmark (suggest.ts) times suggestThemes. --transfer adds import,
// export and backup (transfer.ts), --insights the insights queries (insights.ts), both on a
// copy of the same journal.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BuiltCorpus } from './build';
import { bundlePhases } from './bundle';
import type { Measurement } from './measure';
import { makePlan } from './plan';
import { type Timing, ms } from './stats';
import { CHROMIUM } from './chromium';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '42' },
    rebuild: { type: 'boolean', default: false },
    dir: { type: 'string' },
    window: { type: 'boolean', default: true },
    suggest: { type: 'boolean', default: true },
    transfer: { type: 'boolean', default: false },
    insights: { type: 'boolean', default: false },
  },
  allowNegative: true,
});

const entries = Number(values.entries);
const seed = Number(values.seed);
if (!Number.isInteger(entries) || entries < 100)
  throw new Error('--entries takes a whole number of at least 100.');
const dir = values.dir ?? join(process.cwd(), '.bench', `${entries}-${seed}`);
const bundleDir = join(process.cwd(), '.bench');
type Phase = 'build' | 'measure';

/** Bundles each phase like the app's own build does, with the native module left external. */
async function bundleBenchPhases(): Promise<void> {
  await bundlePhases(
    {
      'phase-build': fileURLToPath(new URL('./phase-build.ts', import.meta.url)),
      'phase-measure': fileURLToPath(new URL('./phase-measure.ts', import.meta.url)),
    },
    bundleDir,
  );
}

function child(phase: Phase): string {
  const args = [
    '--dir',
    dir,
    ...(phase === 'build' ? ['--entries', `${entries}`, '--seed', `${seed}`] : []),
  ];
  const result = spawnSync(process.execPath, [join(bundleDir, `phase-${phase}.mjs`), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 2 ** 20,
  });
  if (result.status !== 0) throw new Error(`The ${phase} phase failed.`);
  return result.stdout;
}

/** Runs another benchmark (./<name>.ts) through tsx, its output straight into this one's. */
function script(name: string, args: string[]): void {
  process.stdout.write('\n');
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL(`./${name}.ts`, import.meta.url)), ...args],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`The ${name} benchmark failed.`);
}

function row(label: string, encrypted: Timing, plain: Timing, pick: 'p95' | 'p99' = 'p95'): string {
  const ratio = encrypted[pick] / plain[pick];
  return `| ${label} | ${ms(encrypted.p50)} | ${ms(encrypted[pick])} (${pick}) | ${ms(plain.p50)} | ${ms(plain[pick])} | ${Number.isFinite(ratio) ? ratio.toFixed(2) : '-'}× |`;
}

function report(result: Measurement): string {
  const { encrypted: e, plain: p } = result;
  const lines = [
    `Lean On core benchmark: ${result.entries.toLocaleString('en')} entries, seed ${seed}`,
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    '',
    `Unlock: total p50 ${ms(result.unlock.total.p50)} ms = key derivation (Argon2id) p50 ${ms(result.unlock.keyDerivation.p50)} ms + opening the database p50 ${ms(result.unlock.openDatabase.p50)} ms`,
    '',
    '| operation (ms) | encrypted p50 | encrypted tail | plain p50 | plain tail | ratio (tail) |',
    '|---|---|---|---|---|---|',
    row('save: new entry', e.saveCreate, p.saveCreate, 'p99'),
    row('save: edit entry', e.saveUpdate, p.saveUpdate, 'p99'),
    row(
      'idle maintenance after a new entry',
      e.maintenanceAfterCreate,
      p.maintenanceAfterCreate,
      'p99',
    ),
    row(
      'idle maintenance after an edit (reindex)',
      e.maintenanceAfterUpdate,
      p.maintenanceAfterUpdate,
      'p99',
    ),
    row('list: first page, all entries', e.listFirstPage, p.listFirstPage),
    ...Object.keys(e.themePage).map((theme) =>
      row(
        `list: first page of ${theme} (${e.counts[theme]} entries)`,
        e.themePage[theme]!,
        p.themePage[theme]!,
      ),
    ),
    ...Object.keys(e.search).map((name) =>
      row(`search: ${name}, ${e.search[name]!.hits} shown`, e.search[name]!, p.search[name]!),
    ),
    row('counts per theme', e.themeCounts, p.themeCounts),
    '',
    `Peak RSS of the measuring process (journal core only): ${result.peakRssMiB.afterEncrypted.toFixed(0)} MiB over one unlock and the encrypted workload (${result.rssAfterEncryptedMiB.toFixed(0)} MiB resident at its end), ${result.peakRssMiB.afterUnlocks.toFixed(0)} MiB after 6 more unlocks, ${result.peakRssMiB.afterPlain.toFixed(0)} MiB after the plain run`,
    `On disk: encrypted ${result.diskMiB.encrypted.toFixed(1)} MiB, plain ${result.diskMiB.plain.toFixed(1)} MiB`,
    `Entries per theme: ${Object.entries(e.counts)
      .map(([id, count]) => `${id} ${count}`)
      .join(', ')}`,
  ];
  return lines.join('\n');
}

await bundleBenchPhases();
const meta = join(dir, 'corpus.json');
const reusable =
  !values.rebuild &&
  existsSync(meta) &&
  (JSON.parse(readFileSync(meta, 'utf8')) as { entries: number }).entries === entries;
if (reusable)
  process.stderr.write(`Reusing the journal in ${dir} (pass --rebuild to make it again)\n`);
else {
  process.stderr.write(`Building ${entries} entries in ${dir}\n`);
  child('build');
}
const built = JSON.parse(readFileSync(meta, 'utf8')) as BuiltCorpus;
writeFileSync(join(dir, 'plan.json'), JSON.stringify(makePlan(built)));
process.stderr.write('Measuring\n');
const result = JSON.parse(child('measure')) as Measurement;
process.stdout.write(`${report(result)}\n\nJSON:\n${JSON.stringify(result)}\n`);

const journalArgs = ['--entries', `${entries}`, '--seed', `${seed}`, '--dir', dir];

if (!values.window) process.stderr.write('Skipping the window benchmark (--no-window)\n');
else if (!existsSync(CHROMIUM))
  process.stderr.write(
    `Skipping the window benchmark: no Chromium at ${CHROMIUM} (apt-get install -y chromium)\n`,
  );
else {
  process.stderr.write('Measuring the window in Chromium\n');
  script('window', ['--dir', dir]);
}

// Theme suggestions need no journal: suggest.ts cuts its texts from the seeded corpus.
if (!values.suggest)
  process.stderr.write('Skipping the theme-suggestion benchmark (--no-suggest)\n');
else {
  process.stderr.write('Measuring theme suggestions\n');
  script('suggest', ['--seed', `${seed}`]);
}

// --transfer: import, export and backup on a copy of the same journal (transfer.ts).
if (values.transfer) {
  process.stderr.write('Measuring import, export and backup\n');
  script('transfer', journalArgs);
}

// --insights: the insights queries on a copy of the same journal (insights.ts).
if (values.insights) {
  process.stderr.write('Measuring insights\n');
  script('insights', journalArgs);
}
