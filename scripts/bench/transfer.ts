// npm run bench:transfer -- [--entries N] [--import-entries M] [--seed S] [--dir D] [--runs R]
//   [--only import|export|backup, comma-separated] [--keep]
// Import, export and backup at scale. Makes a Day One export of M entries (default 10,000, or N
// when N is smaller) from the seeded corpus, copies the seeded N-entry journal from .bench/
// (default 100,000; build it first with `npm run bench -- --entries N`), and measures each phase
// in a fresh process from a bundle, so that every phase's peak RSS is its own. Prints a table and
// JSON; passes or fails nothing. Everything it writes goes to a temp folder, removed at the end.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundlePhases } from './bundle';
import { writeDayOneExport } from './transfer-dayone';
import type { Timing } from './stats';
import type {
  BackupCreatePhase,
  BackupRestorePhase,
  BackupVerifyPhase,
  ExportPhase,
  ImportPhase,
} from './transfer-phase';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '100000' },
    'import-entries': { type: 'string' },
    seed: { type: 'string', default: '42' },
    dir: { type: 'string' },
    runs: { type: 'string' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const GROUPS = ['import', 'export', 'backup'] as const;
const only = new Set(values.only?.split(',').map((group) => group.trim()) ?? GROUPS);
for (const group of only) {
  if (!(GROUPS as readonly string[]).includes(group)) {
    throw new Error(`--only takes ${GROUPS.join(', ')}; not “${group}”.`);
  }
}
const runsGroup = (group: (typeof GROUPS)[number]) => only.has(group);

const entries = Number(values.entries);
const importEntries = Number(values['import-entries'] ?? Math.min(10_000, entries));
const seed = Number(values.seed);
/** At 100,000 entries each export or backup takes tens of seconds: no warm-up run there. */
const long = entries > 10_000;
const runs = Number(values.runs ?? 3);
const warmup = long ? 0 : 1;
const importRuns = Number(values.runs ?? 3);
const source = join(values.dir ?? join(process.cwd(), '.bench', `${entries}-${seed}`), 'journal');
const needsJournal = runsGroup('export') || runsGroup('backup');
if (needsJournal && !existsSync(source))
  throw new Error(`No journal at ${source}; build it with npm run bench -- --entries ${entries}.`);
const bundleDir = join(process.cwd(), '.bench');
/** Named per process, so that two runs at once do not overwrite each other's bundle. */
const bundleName = `transfer-phase-${process.pid}`;
const bundle = join(bundleDir, `${bundleName}.mjs`);

await bundlePhases(
  { [bundleName]: fileURLToPath(new URL('./transfer-phase.ts', import.meta.url)) },
  bundleDir,
);

const work = mkdtempSync(join(tmpdir(), 'lean-on-transfer-'));
const log = (text: string) => process.stderr.write(`${text}\n`);

function phase<T>(name: string, args: string[], phaseRuns: number, phaseWarmup: number): T {
  log(`  ${name} (${phaseWarmup} warm-up, ${phaseRuns} measured)`);
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [
      bundle,
      '--phase',
      name,
      '--work',
      work,
      '--runs',
      `${phaseRuns}`,
      '--warmup',
      `${phaseWarmup}`,
      ...args,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 2 ** 20 },
  );
  if (result.status !== 0) throw new Error(`The ${name} phase failed.`);
  log(`    done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return JSON.parse(result.stdout) as T;
}

const s = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const perSecond = (count: number, secondsTaken: number) =>
  Math.round(count / secondsTaken).toLocaleString('en');
/** "1.23 s (median of 3)" or "61.2 s (single run)". */
const timed = (timing: Timing) =>
  timing.runs === 1
    ? `${s(timing.p50)} (single run)`
    : `${s(timing.p50)} (median of ${timing.runs}, max ${s(timing.max)})`;

function importLines(imp: ImportPhase): string[] {
  const importTotal = imp.readJson.p50 + imp.plan.p50 + imp.apply.p50;
  return [
    '| import (seconds) | time | entries/s | peak RSS so far (MiB) |',
    '|---|---|---|---|',
    `| read: Journal.json | ${timed(imp.readJson)} | ${perSecond(imp.entries, imp.readJson.p50)} | ${imp.peakRssMiB.afterRead.toFixed(0)} |`,
    `| read: DayOne.zip | ${timed(imp.readZip)} | ${perSecond(imp.entries, imp.readZip.p50)} | ${imp.peakRssMiB.afterRead.toFixed(0)} |`,
    `| plan (into an empty journal) | ${timed(imp.plan)} | ${perSecond(imp.entries, imp.plan.p50)} | ${imp.peakRssMiB.afterPlan.toFixed(0)} |`,
    `| apply (${imp.added} added, each run into a fresh journal) | ${timed(imp.apply)} | ${perSecond(imp.entries, imp.apply.p50)} | ${imp.peakRssMiB.afterApply.toFixed(0)} |`,
    `| read + plan + apply (sum of medians) | ${s(importTotal)} | ${perSecond(imp.entries, importTotal)} | ${imp.peakRssMiB.afterApply.toFixed(0)} |`,
    `| re-import: read + plan + apply, ${imp.reimport.duplicates} duplicates, ${imp.reimport.added} added | ${timed(imp.reimport)} | ${perSecond(imp.entries, imp.reimport.p50)} | ${imp.peakRssMiBTotal.toFixed(0)} |`,
    '',
    `Creating the fresh journal (default Argon2id) took ${s(imp.createJournalSeconds)} s, not counted above; the journal holds ${imp.journalMiB.toFixed(1)} MiB after the import. ${imp.skipped} skipped, ${imp.warnings} warnings.`,
    '',
  ];
}

function exportLine(r: ExportPhase): string {
  const label = r.phase
    .replace('export-', '')
    .replace('markdown', 'Markdown zip')
    .replace('json', 'JSON')
    .replace('html', 'HTML (all entries)');
  return `| export ${label}, ${r.entries.toLocaleString('en')} entries | ${timed(r.time)} | ${mib(r.bytes)} | ${r.peakRssMiB.toFixed(0)} |`;
}

function backupLines(
  backup: BackupCreatePhase,
  verify: BackupVerifyPhase,
  restore: BackupRestorePhase,
): string[] {
  return [
    `| createBackup (snapshot, package, verify) | ${timed(backup.time)} | ${mib(backup.bytes)} (journal ${mib(backup.journalBytes)}) | ${backup.peakRssMiB.toFixed(0)} |`,
    `| verifyBackup, checksums only | ${timed(verify.checksumsOnly)} | | ${verify.peakRssMiB.toFixed(0)} |`,
    `| verifyBackup with the passphrase (Argon2id + database check) | ${timed(verify.withPassphrase)} | | ${verify.peakRssMiB.toFixed(0)} |`,
    `| restoreBackup | ${timed(restore.time)} | ${mib(restore.restoredBytes)} | ${restore.peakRssMiB.toFixed(0)} |`,
  ];
}

try {
  log(`Writing a Day One export of ${importEntries} entries`);
  const dayOne = writeDayOneExport(work, importEntries, seed);
  const journal = join(work, 'journal');
  if (needsJournal) {
    log(`Copying ${source}`);
    cpSync(source, journal, { recursive: true });
  }
  const loadBefore = loadavg();

  let imp: ImportPhase | undefined;
  if (runsGroup('import')) {
    log('Import');
    imp = phase<ImportPhase>(
      'import',
      ['--json', dayOne.jsonPath, '--zip', dayOne.zipPath],
      importRuns,
      1,
    );
  }
  let exports: ExportPhase[] = [];
  if (runsGroup('export')) {
    log('Export');
    exports = (['json', 'markdown', 'html'] as const).map((format) =>
      phase<ExportPhase>(`export-${format}`, ['--journal', journal], runs, warmup),
    );
  }
  let backup: BackupCreatePhase | undefined;
  let verify: BackupVerifyPhase | undefined;
  let restore: BackupRestorePhase | undefined;
  if (runsGroup('backup')) {
    log('Backup');
    backup = phase<BackupCreatePhase>('backup-create', ['--journal', journal], runs, warmup);
    verify = phase<BackupVerifyPhase>('backup-verify', [], runs, warmup);
    restore = phase<BackupRestorePhase>('backup-restore', [], runs, warmup);
  }
  const results = { import: imp, exports, backup, verify, restore };
  const loadAfter = loadavg();

  const lines = [
    `Lean On transfer benchmark (${[...only].join(', ')}): import ${dayOne.entries.toLocaleString('en')} Day One entries; export and back up ${entries.toLocaleString('en')} entries (seed ${seed})`,
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average ${loadBefore[0]!.toFixed(2)} before, ${loadAfter[0]!.toFixed(2)} after`,
    `Day One export: ${mib(dayOne.jsonBytes)} MiB of JSON, ${mib(dayOne.zipBytes)} MiB zipped with ${dayOne.photos} photos`,
    '',
    ...(imp ? importLines(imp) : []),
    ...(exports.length > 0 || backup
      ? [
          '| export / backup | time (s) | size (MiB) | peak RSS of the phase (MiB) |',
          '|---|---|---|---|',
        ]
      : []),
    ...exports.map(exportLine),
    ...(backup && verify && restore ? backupLines(backup, verify, restore) : []),
    '',
    ...(exports[0]
      ? [
          `Unlocking before each export or backup (not counted above) took ${s(exports[0].unlockSeconds)} s.`,
        ]
      : []),
  ];
  process.stdout.write(
    `${lines.join('\n')}\n\nJSON:\n${JSON.stringify({ entries, importEntries, seed, dayOne: { ...dayOne, jsonPath: undefined, zipPath: undefined }, loadBefore, loadAfter, results })}\n`,
  );
} finally {
  rmSync(bundle, { force: true });
  if (values.keep) log(`Kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
