/**
 * npm run test:security: Electronegativity over the sources (src/) and the built app (out/, built
 * first when missing or stale), for the Electron version in package.json. Fails on any finding
 * of medium severity or above that is not in reviewed.ts, and on any file it could not parse;
 * low and informational findings are printed and pass. `-- src` or `-- out` scans just one.
 *
 * Why the JS API and not the CLI: the CLI always exits 0, and its SARIF output carries no
 * severity at all. Electronegativity writes each SARIF result's `level` as `note` when the finding
 * needs manual review and `warning` otherwise (src/util/file.js, writeIssues), whatever its
 * severity (HIGH, MEDIUM, LOW, INFORMATIONAL: src/finder/attributes.js), so a threshold read
 * from SARIF would be wrong both ways. The JS API writes the same SARIF file (kept under
 * node_modules/.cache/electronegativity for CI and editors) and also returns the findings with
 * their severity and confidence. SARIF result i is written from finding i, which is checked.
 *
 * The run is offline, like the app. Electronegativity fetches translations from S3 on every run,
 * and Electron's release list from GitHub for AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK. Every request
 * of this process is refused before it is sent (the messages fall back to the bundled English),
 * and the release check is left out: its answer depends on the day, not on the code. Keeping
 * Electron current is the job of dependency updates.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureBuilt } from '../web/build';
import { REVIEWED, type ReviewedFinding } from './reviewed';

interface Level {
  value: number;
  name: string;
}

interface Issue {
  id: string;
  file: string;
  sample?: string;
  location: { line: number; column: number };
  description: string;
  severity: Level;
  confidence: Level;
  manualReview?: boolean;
}

interface RunResult {
  issues: Issue[];
  errors: { file: string; message: string; tolerable: boolean }[];
}

interface SarifLog {
  runs: {
    results: {
      ruleId: string;
      message: { text: string };
      locations: { physicalLocation: { region: { startLine: number } } }[];
    }[];
  }[];
}

type Run = (options: Record<string, unknown>) => Promise<RunResult>;

interface Finding {
  rule: string;
  severity: Level;
  confidence: Level;
  where: string;
  line: string;
  description: string;
  manualReview: boolean;
}

/** MEDIUM in Electronegativity's src/finder/attributes.js (HIGH 3, MEDIUM 2, LOW 1, INFO 0). */
const MEDIUM = 2;
const NEEDS_NETWORK = ['AvailableSecurityFixesGlobalCheck'];
const root = process.cwd();
const reportDir = join(root, 'node_modules', '.cache', 'electronegativity');

function refuseNetwork(): void {
  const refuse = (): never => {
    throw Object.assign(new Error('test:security runs offline.'), { code: 'ELEANON_OFFLINE' });
  };
  for (const module of [http, https]) Object.assign(module, { request: refuse, get: refuse });
}

/** The exact Electron version the app is packaged with. */
function electronVersion(): string {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  const version = manifest.devDependencies?.electron ?? '';
  if (!/^\d+\.\d+\.\d+$/.test(version))
    throw new Error(`package.json must pin electron to an exact version (found "${version}").`);
  return version;
}

/** Electronegativity starts writing the SARIF file and returns; wait until the file is whole. */
async function readSarif(path: string): Promise<SarifLog> {
  for (let attempt = 0; ; attempt++) {
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as SarifLog;
    } catch (error) {
      if (attempt >= 100) throw error;
      await sleep(50);
    }
  }
}

function shown(path: string): string {
  const inside = relative(root, path);
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}

async function scan(run: Run, target: string, version: string): Promise<Finding[]> {
  const input = resolve(root, target);
  const sarifPath = join(reportDir, `${shown(input).replace(/\W+/g, '-') || 'root'}.sarif`);
  rmSync(sarifPath, { force: true });
  const result = await run({
    input,
    output: sarifPath,
    isSarif: true,
    customScan: [],
    excludeFromScan: NEEDS_NETWORK,
    isRelative: false,
    isVerbose: true,
    electronVersionOverride: version,
    parserPlugins: [],
  });
  const results = (await readSarif(sarifPath)).runs[0]?.results ?? [];
  if (results.length !== result.issues.length)
    throw new Error(
      `${sarifPath}: ${results.length} results for ${result.issues.length} findings.`,
    );

  const unparsed = result.errors.filter((error) => !error.tolerable);
  for (const error of result.errors)
    console.log(
      `${error.tolerable ? 'warning' : 'NOT SCANNED'} ${shown(error.file)}: ${error.message}`,
    );
  console.log(`${shown(input)}: ${results.length} finding(s), SARIF in ${shown(sarifPath)}`);
  if (unparsed.length > 0)
    throw new Error(`${unparsed.length} file(s) in ${target} could not be parsed, so not checked.`);

  return results.map((sarif, index) => {
    const issue = result.issues[index]!;
    if (sarif.ruleId !== issue.id)
      throw new Error(`${sarifPath}: result ${index} is ${sarif.ruleId}, expected ${issue.id}.`);
    const line = sarif.locations[0]?.physicalLocation.region.startLine ?? 1;
    return {
      rule: sarif.ruleId,
      severity: issue.severity,
      confidence: issue.confidence,
      where: issue.file === 'N/A' ? shown(input) : `${shown(issue.file)}:${line}`,
      line: (issue.sample ?? '').trim(),
      description: sarif.message.text,
      manualReview: issue.manualReview === true,
    };
  });
}

function reviewFor(finding: Finding): ReviewedFinding | undefined {
  return REVIEWED.find((entry) => entry.rule === finding.rule && entry.line.test(finding.line));
}

async function main(): Promise<void> {
  refuseNetwork();
  // Electronegativity picks its language from LANG; English keeps the output stable.
  process.env.LANG = 'en-US';
  const version = electronVersion();
  const targets = process.argv.length > 2 ? process.argv.slice(2) : ['src', 'out'];
  if (targets.includes('out')) ensureBuilt(join(root, 'out'));
  mkdirSync(reportDir, { recursive: true });

  const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Run;
  console.log(
    `Electronegativity for Electron ${version} on ${targets.join(', ')} ` +
      `(left out, as it needs the network: ${NEEDS_NETWORK.join(', ')}). Requests are ` +
      'refused, so the tool says it "could not retrieve updated translations": expected.',
  );
  const findings: Finding[] = [];
  for (const target of targets) findings.push(...(await scan(run, target, version)));

  let blocking = 0;
  for (const finding of findings) {
    const review = finding.severity.value >= MEDIUM ? reviewFor(finding) : undefined;
    const verdict = finding.severity.value < MEDIUM ? 'pass' : review ? 'reviewed' : 'FAIL';
    if (verdict === 'FAIL') blocking++;
    console.log(
      `${verdict} ${finding.rule} [${finding.severity.name}, ${finding.confidence.name}` +
        `${finding.manualReview ? ', review' : ''}] ${finding.where}\n` +
        `    ${finding.description}${finding.line ? `\n    > ${finding.line}` : ''}` +
        `${review ? `\n    reviewed: ${review.reason}` : ''}`,
    );
  }
  if (blocking > 0) {
    console.error(`test:security: ${blocking} finding(s) of medium severity or above.`);
    process.exitCode = 1;
  } else {
    console.log('test:security: no unreviewed finding of medium severity or above.');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
