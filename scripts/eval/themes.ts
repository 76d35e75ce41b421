// npm run eval:themes [-- --verbose]
// Scores the theme suggester against the hand-labelled entries in tests/data/theme-eval:
// precision, recall and F1 per theme and overall (micro and macro), for the development
// entries the cues were written against and the model was fitted on, and for the held-out
// entries that neither ever saw (`--verbose` explains development entries only). Each set is
// scored twice: the app's suggester (cues and fitted model), and the hand-written cues alone
// (the previous suggester), so what the model adds is plain. Speed is `npm run bench:suggest`'s.
// Exits non-zero when micro-F1 or micro precision over all the held-out entries (the current set
// and the earlier ones not yet folded in, pooled) falls below 0.85 (a wrong suggestion costs the
// writer more than a missing one): only entries the suggester never saw say how it does on a
// person's own writing.
import { parseArgs } from 'node:util';
import { BUILT_IN_THEME_IDS, analyse, suggestThemes } from '../../src/core/suggest';
import { MEDIUM } from '../../src/core/suggest/vocabulary';
import {
  EARLIER_HELD_OUT_FILES,
  HELD_OUT_FILE,
  type LabelledEntry,
  TRAINING_FILES,
  loadLabelled,
  loadTraining,
} from './theme-data';

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false } } });

const THRESHOLD = 0.85;

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Adds one tally of suggestions into another. */
function addCounts(into: Counts, from: Counts): void {
  into.tp += from.tp;
  into.fp += from.fp;
  into.fn += from.fn;
}

/** A share as a percentage with one decimal; `pct` pads it to a table column. */
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const pct = (value: number): string => percent(value).padStart(7);

const ratio = (numerator: number, denominator: number): number =>
  denominator === 0 ? 1 : numerator / denominator;

function f1(counts: Counts): { precision: number; recall: number; f1: number } {
  const precision = ratio(counts.tp, counts.tp + counts.fp);
  const recall = ratio(counts.tp, counts.tp + counts.fn);
  const score = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1: score };
}

interface Report {
  micro: ReturnType<typeof f1>;
  total: Counts;
  macroF1: number;
  entries: number;
}

type Suggester = (text: string) => Array<{ themeId: string; score: number; why: string[] }>;

/** The hand-written cues alone, as the suggester chose before it had a fitted model. */
const cuesAlone: Suggester = (text) => {
  const analysis = analyse(text);
  if (!analysis) return [];
  return [...analysis.evidence]
    .filter(([, found]) => found.strongest >= MEDIUM && 1 - Math.exp(-found.total) >= 0.5)
    .map(([themeId, found]) => ({ themeId, score: 1 - Math.exp(-found.total), why: found.why }));
};

function evaluate(
  name: string,
  entries: readonly LabelledEntry[],
  suggest: Suggester = suggestThemes,
  explain = false,
): Report {
  const perTheme = new Map<string, Counts>(
    BUILT_IN_THEME_IDS.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]),
  );
  for (const entry of entries) {
    const suggested = suggest(entry.text);
    const got = new Set(suggested.map((suggestion) => suggestion.themeId));
    const want = new Set(entry.themes);
    for (const [id, counts] of perTheme) {
      if (got.has(id) && want.has(id)) counts.tp += 1;
      else if (got.has(id)) counts.fp += 1;
      else if (want.has(id)) counts.fn += 1;
    }
    const wrong = [...got].filter((id) => !want.has(id));
    const missed = [...want].filter((id) => !got.has(id));
    if (explain && (wrong.length > 0 || missed.length > 0)) {
      console.log(`  ${entry.id}: wrong [${wrong.join(', ')}] missed [${missed.join(', ')}]`);
      for (const suggestion of suggested) {
        console.log(
          `      ${suggestion.themeId} ${suggestion.score} ${JSON.stringify(suggestion.why)}`,
        );
      }
      console.log(`      ${entry.text.slice(0, 160).replace(/\n/g, ' ')}`);
    }
  }
  console.log(`\n${name}: ${entries.length} entries`);
  console.log(
    `  ${'theme'.padEnd(18)} ${'P'.padStart(7)} ${'R'.padStart(7)} ${'F1'.padStart(7)}   tp  fp  fn`,
  );
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  let macro = 0;
  for (const [id, counts] of perTheme) {
    const score = f1(counts);
    macro += score.f1;
    addCounts(total, counts);
    const tally = [counts.tp, counts.fp, counts.fn].map((n) => String(n).padStart(3)).join(' ');
    console.log(
      `  ${id.padEnd(18)} ${pct(score.precision)} ${pct(score.recall)} ${pct(score.f1)}  ${tally}`,
    );
  }
  const micro = f1(total);
  const macroF1 = macro / perTheme.size;
  console.log(
    `  ${'micro'.padEnd(18)} ${pct(micro.precision)} ${pct(micro.recall)} ${pct(micro.f1)}`,
  );
  console.log(`  ${'macro F1'.padEnd(18)} ${' '.repeat(16)} ${pct(macroF1)}`);
  return { micro, total, macroF1, entries: entries.length };
}

const dev = loadTraining();
const heldOut = loadLabelled(HELD_OUT_FILE);
const devName = `Development set (${TRAINING_FILES.join(', ')}: cues written and model fitted on it)`;
evaluate(devName, dev, suggestThemes, values.verbose);
evaluate(`${devName}, cues alone`, dev, cuesAlone);
// Never explained entry by entry: reading its mistakes would be tuning on it.
const heldOutName = `Held-out set (${HELD_OUT_FILE}, never tuned or fitted on)`;
const heldOutReport = evaluate(heldOutName, heldOut);
evaluate(`${heldOutName}, cues alone`, heldOut, cuesAlone);
const earlierReports = EARLIER_HELD_OUT_FILES.map((file) =>
  evaluate(`Earlier held-out set (${file}, scored before, never fitted on)`, loadLabelled(file)),
);

// The gate reads every held-out set together: one set of 180 entries moves by several points
// with its two writers (round 11's first step scored 79.3% on one and 84.0% on another), so a
// single set passing says less than all of them do.
const reports = [heldOutReport, ...earlierReports];
const pooledCounts: Counts = { tp: 0, fp: 0, fn: 0 };
for (const { total } of reports) addCounts(pooledCounts, total);
const pooled = f1(pooledCounts);
const pooledEntries = reports.reduce((sum, report) => sum + report.entries, 0);
const setNames = [HELD_OUT_FILE, ...EARLIER_HELD_OUT_FILES].join(', ');
console.log(
  `\nAll held-out sets together (${setNames}): ${pooledEntries} entries\n` +
    `  micro P ${percent(pooled.precision)}  R ${percent(pooled.recall)}  F1 ${percent(pooled.f1)}`,
);

const failures: string[] = [];
if (pooled.f1 < THRESHOLD)
  failures.push(`held-out micro-F1 ${pooled.f1.toFixed(3)} < ${THRESHOLD}`);
if (pooled.precision < THRESHOLD) {
  failures.push(`held-out micro precision ${pooled.precision.toFixed(3)} < ${THRESHOLD}`);
}
if (failures.length > 0) {
  console.error(`\nFAIL (all ${pooledEntries} held-out entries): ${failures.join('; ')}`);
  process.exitCode = 1;
} else {
  console.log(
    `\nOK: micro-F1 and micro precision on all ${pooledEntries} held-out entries are at least ${THRESHOLD}.`,
  );
}
