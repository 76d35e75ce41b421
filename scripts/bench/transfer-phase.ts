// One phase of the transfer benchmark, run in its own process from a bundle that holds only the
// journal core (see transfer.ts), so that each phase's peak RSS is its own. Prints JSON.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup, restoreBackup, verifyBackup } from '../../src/core/backup';
import { exportHtml, exportJson, exportMarkdown } from '../../src/core/export';
import type { ExportResult } from '../../src/core/export';
import { applyImport, planImport, readImport } from '../../src/core/import';
import { Journal } from '../../src/core/journal';
import { BENCH_PASSPHRASE } from './constants';
import { type Timing, summarize } from './stats';

const { values } = parseArgs({
  options: {
    phase: { type: 'string' },
    journal: { type: 'string' },
    work: { type: 'string' },
    json: { type: 'string' },
    zip: { type: 'string' },
    runs: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '1' },
  },
});
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const work = values.work!;

const peakRssMiB = () => process.resourceUsage().maxRSS / 1024;
const seconds = (start: number) => (performance.now() - start) / 1000;

/** `warmup` unmeasured calls, then `runs` measured ones, in seconds; returns the last result. */
function measured<T>(fn: (run: number) => T): { timing: Timing; last: T } {
  let last: T | undefined;
  for (let run = 0; run < warmup; run++) last = fn(-1 - run);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    last = fn(run);
    samples.push(seconds(start));
  }
  return { timing: summarize(samples), last: last as T };
}

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

async function unlocked(dir: string): Promise<{ journal: Journal; unlockSeconds: number }> {
  const journal = new Journal(dir);
  const start = performance.now();
  await journal.unlock(BENCH_PASSPHRASE);
  return { journal, unlockSeconds: seconds(start) };
}

async function importPhase() {
  const json = values.json!;
  const zip = values.zip!;
  const readJson = measured(() => readImport(json, { format: 'day-one' }));
  const readZip = measured(() => readImport(zip, { format: 'day-one' }));
  const parsed = readJson.last;
  const rssAfterRead = peakRssMiB();
  const entries = parsed.entries.length;

  // A fresh journal with the default key derivation, as a person's first import would meet.
  let createSeconds = 0;
  const fresh = async (name: string) => {
    const journal = new Journal(join(work, name));
    const start = performance.now();
    await journal.create(BENCH_PASSPHRASE);
    createSeconds = seconds(start);
    return journal;
  };
  const empty = await fresh('import-plan');
  const plan = measured(() => planImport(empty.db, parsed));
  empty.lock();
  const rssAfterPlan = peakRssMiB();

  // Each measured apply writes into its own fresh journal (made untimed, planned untimed).
  const applySamples: number[] = [];
  let target: Journal | null = null;
  let added = 0;
  for (let run = 0; run < runs; run++) {
    if (target) {
      const dir = target.dir;
      target.lock();
      rmSync(dir, { recursive: true, force: true });
    }
    target = await fresh(`import-${run}`);
    const planned = planImport(target.db, parsed);
    const start = performance.now();
    added = applyImport(target.db, planned, { createThemes: true }).added;
    applySamples.push(seconds(start));
  }
  const journal = target!;
  const rssAfterApply = peakRssMiB();
  journal.db.pragma('wal_checkpoint(TRUNCATE)');
  const journalMiB = folderBytes(journal.dir) / 2 ** 20;

  // Importing the same export again: every entry is a duplicate, nothing is written.
  let duplicates = 0;
  let addedAgain = 0;
  const reimport = measured(() => {
    const again = readImport(json, { format: 'day-one' });
    const planned = planImport(journal.db, again);
    const result = applyImport(journal.db, planned, { createThemes: true });
    duplicates = planned.counts.duplicates;
    addedAgain = result.added;
  });
  journal.lock();
  return {
    phase: 'import',
    entries,
    skipped: parsed.skipped.length,
    warnings: parsed.warnings.length,
    added,
    createJournalSeconds: createSeconds,
    readJson: readJson.timing,
    readZip: readZip.timing,
    plan: plan.timing,
    apply: summarize(applySamples),
    reimport: { ...reimport.timing, duplicates, added: addedAgain },
    journalMiB,
    peakRssMiB: { afterRead: rssAfterRead, afterPlan: rssAfterPlan, afterApply: rssAfterApply },
    peakRssMiBTotal: peakRssMiB(),
  };
}

async function exportPhase(format: 'json' | 'markdown' | 'html') {
  const { journal, unlockSeconds } = await unlocked(values.journal!);
  const out = join(
    work,
    format === 'json' ? 'export.json' : format === 'html' ? 'export.html' : 'export.zip',
  );
  const run = (): ExportResult => {
    rmSync(out, { recursive: true, force: true });
    if (format === 'json') return exportJson(journal.db, { out });
    if (format === 'html') return exportHtml(journal.db, { out });
    return exportMarkdown(journal.db, { out, container: 'zip' });
  };
  const { timing, last } = measured(run);
  journal.lock();
  rmSync(out, { recursive: true, force: true });
  return {
    phase: `export-${format}`,
    unlockSeconds,
    entries: last.entryCount,
    bytes: last.bytes,
    time: timing,
    peakRssMiB: peakRssMiB(),
  };
}

async function backupCreatePhase() {
  const { journal, unlockSeconds } = await unlocked(values.journal!);
  const out = join(work, 'journal.leanon-backup');
  const { timing, last } = measured(() => {
    rmSync(out, { force: true });
    return createBackup(journal, out);
  });
  journal.lock();
  return {
    phase: 'backup-create',
    unlockSeconds,
    entries: last.manifest.entryCount,
    bytes: last.bytes,
    journalBytes: folderBytes(values.journal!),
    time: timing,
    peakRssMiB: peakRssMiB(),
  };
}

async function backupVerifyPhase() {
  const file = join(work, 'journal.leanon-backup');
  const checksums = measured(() => verifyBackup(file));
  await checksums.last;
  // With the passphrase: the key is derived (Argon2id) and the database inside opened and checked.
  const samples: number[] = [];
  for (let run = -warmup; run < runs; run++) {
    const start = performance.now();
    const result = await verifyBackup(file, { passphrase: BENCH_PASSPHRASE });
    if (!result.databaseChecked) throw new Error('The database was not checked.');
    if (run >= 0) samples.push(seconds(start));
  }
  return {
    phase: 'backup-verify',
    checksumsOnly: checksums.timing,
    withPassphrase: summarize(samples),
    peakRssMiB: peakRssMiB(),
  };
}

function backupRestorePhase() {
  const file = join(work, 'journal.leanon-backup');
  const target = join(work, 'restored');
  const { timing, last } = measured(() => {
    rmSync(target, { recursive: true, force: true });
    return restoreBackup(file, target);
  });
  const restoredBytes = existsSync(target) ? folderBytes(target) : 0;
  rmSync(target, { recursive: true, force: true });
  return {
    phase: 'backup-restore',
    entries: last.manifest.entryCount,
    restoredBytes,
    time: timing,
    peakRssMiB: peakRssMiB(),
  };
}

async function main(): Promise<unknown> {
  switch (values.phase ?? '') {
    case 'import':
      return importPhase();
    case 'export-json':
      return exportPhase('json');
    case 'export-markdown':
      return exportPhase('markdown');
    case 'export-html':
      return exportPhase('html');
    case 'backup-create':
      return backupCreatePhase();
    case 'backup-verify':
      return backupVerifyPhase();
    case 'backup-restore':
      return backupRestorePhase();
    default:
      throw new Error(`Unknown phase ${values.phase}`);
  }
}

process.stdout.write(JSON.stringify(await main()));

export type ImportPhase = Awaited<ReturnType<typeof importPhase>>;
export type ExportPhase = Awaited<ReturnType<typeof exportPhase>>;
export type BackupCreatePhase = Awaited<ReturnType<typeof backupCreatePhase>>;
export type BackupVerifyPhase = Awaited<ReturnType<typeof backupVerifyPhase>>;
export type BackupRestorePhase = ReturnType<typeof backupRestorePhase>;
