// npm run fit:themes [-- --l2 0.0001 --nb-floor 0.5 --threshold 0.5 --likeliest-threshold 0.25]
//   [--oof /tmp/oof.0.0001.jsonl]
// npm run fit:themes -- --cv [--score dev6] [--l2s 0.0001,0.001] [--thresholds 0.5,0.6]
//   [--likeliest-thresholds 0.2,0.25] [--dump /tmp/oof]
// Fits the theme suggester's model (src/core/suggest/model.ts) on the labelled development
// entries in tests/data/theme-eval and writes src/core/suggest/model-weights.json. With --cv it
// writes nothing and reports five-fold cross-validation instead, for each regularisation
// strength and threshold: how the model does on development entries it was not fitted on
// (with --score, only entries whose id starts with that are scored; the rest always train).
// The held-out files are never read here: they are scored by eval:themes.
//
// Deterministic: full-batch Adam from zero weights, a fixed number of steps, folds by id. Each
// theme's word features are scaled by how well they tell its entries apart (nbScale). Each
// theme's log-odds are then calibrated (model.ts: calibrate) by a small logistic regression
// fitted on out-of-fold log-odds, which takes five more fits of every theme unless --oof names
// a file of them that --cv --dump wrote with the same settings.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BUILT_IN_THEME_IDS, analyse, featuresOf, stronglyCued } from '../../src/core/suggest';
import {
  CALIBRATION_SIZE,
  WEIGHT_ENCODING,
  calibrate,
  chooseThemes,
  encodeWeights,
  likeliestIndex,
} from '../../src/core/suggest/model';
import { MEDIUM } from '../../src/core/suggest/vocabulary';
import {
  type LabelledEntry,
  TRAINING_FILES,
  loadTraining,
  trainingFingerprint,
} from './theme-data';

const { values } = parseArgs({
  options: {
    cv: { type: 'boolean', default: false },
    l2: { type: 'string', default: '0.0001' },
    threshold: { type: 'string', default: '0.5' },
    /** The likeliest theme of an entry is suggested from this probability (model.ts). */
    'likeliest-threshold': { type: 'string', default: '0.25' },
    /** With --cv: score only entries whose id starts with this (the rest always train). */
    score: { type: 'string', default: '' },
    l2s: { type: 'string', default: '0.0001,0.0003,0.001' },
    thresholds: { type: 'string', default: '0.4,0.5,0.6,0.7' },
    'likeliest-thresholds': { type: 'string', default: '0.2,0.25,0.3' },
    /** Weights smaller than this are left out of the shipped model (and out of --cv's). */
    'min-weight': { type: 'string', default: '0.01' },
    /** With --cv: write each scored entry's out-of-fold probabilities here, as JSON lines. */
    dump: { type: 'string', default: '' },
    /**
     * Without --cv: read the out-of-fold log-odds the calibration is fitted on from this file,
     * written by --cv --dump with the same settings and training files, instead of computing
     * them again (five fits of every theme).
     */
    oof: { type: 'string', default: '' },
    /**
     * The least scale a word feature gets (nbScale); `off` fits on the features as they are,
     * as rounds 5 to 11 did.
     */
    'nb-floor': { type: 'string', default: '0.5' },
  },
});

/** nbScale's floor, or null to fit on the features as they are. */
const NB_FLOOR = values['nb-floor'] === 'off' ? null : Number(values['nb-floor']);
if (NB_FLOOR !== null && !(NB_FLOOR >= 0)) {
  throw new Error(`--nb-floor takes a number of at least 0, or off: got ${values['nb-floor']}`);
}

const OUT = join(import.meta.dirname, '../../src/core/suggest/model-weights.json');
/** A word or pair must appear in this many entries to get a weight of its own. */
const MIN_ENTRIES = 3;
/**
 * A run of three words must appear in this many. Out of fold on round 10's 19,989 entries, runs
 * in at least 3 entries (100,595 features) and in at least 6 (70,899) gained the same: F1 74.1%
 * against 73.5% without them at threshold 0.7, likeliest 0.3.
 */
const MIN_ENTRIES_TRIPLE = 6;
const STEPS = 600;
const LEARNING_RATE = 0.05;

interface Example {
  id: string;
  themes: Set<string>;
  /** The themes the hand-written cues alone would suggest: the baseline. */
  byCues: Set<string>;
  /** How many words the entry has (model.ts: chooseThemes). */
  words: number;
  /** The themes a strong cue names (model.ts: chooseThemes). */
  cued: Set<string>;
  /** Feature indices and values, sparse. */
  index: Int32Array;
  value: Float64Array;
}

/** Entries in another language get no themes at run time, so they teach the model nothing. */
function featurize(entries: readonly LabelledEntry[]): { examples: Example[]; names: string[] } {
  const analysed = entries.flatMap((entry) => {
    const analysis = analyse(entry.text);
    if (!analysis) return [];
    const byCues = new Set(
      [...analysis.evidence]
        .filter(([, found]) => found.strongest >= MEDIUM && 1 - Math.exp(-found.total) >= 0.5)
        .map(([themeId]) => themeId),
    );
    const words = analysis.tokens.length;
    const cued: Set<string> = stronglyCued(analysis);
    return [{ entry, features: featuresOf(analysis), byCues, words, cued }];
  });
  const seenIn = new Map<string, number>();
  for (const { features } of analysed) {
    for (const name of features.keys()) seenIn.set(name, (seenIn.get(name) ?? 0) + 1);
  }
  const names = [...seenIn]
    .filter(
      ([name, count]) =>
        name.startsWith('c:') ||
        count >= (name.startsWith('t:') ? MIN_ENTRIES_TRIPLE : MIN_ENTRIES),
    )
    .map(([name]) => name)
    .sort();
  const position = new Map(names.map((name, index) => [name, index]));
  const examples = analysed.map(({ entry, features, byCues, words, cued }) => {
    const kept = [...features].filter(([name]) => position.has(name));
    return {
      id: entry.id,
      themes: new Set(entry.themes),
      byCues,
      words,
      cued,
      index: Int32Array.from(kept.map(([name]) => position.get(name)!)),
      value: Float64Array.from(kept.map(([, value]) => value)),
    };
  });
  return { examples, names };
}

/** L2-regularised logistic regression by full-batch Adam. */
function fit(
  examples: readonly Example[],
  names: readonly string[],
  themeId: string,
  l2: number,
): { bias: number; weights: Float64Array } {
  const size = names.length;
  // The theme's own cue evidence is one feature worth trusting: only the words are held back.
  // Other themes' cues stay out of its model: with them it learned to explain a theme away
  // whenever another one's cues fired, and entries about two themes got neither.
  const ownCue = `c:${themeId}`;
  const penalty = Float64Array.from(names, (name) => (name === ownCue ? 0 : l2));
  const frozen = Uint8Array.from(names, (name) =>
    name.startsWith('c:') && name !== ownCue ? 1 : 0,
  );
  const scale =
    NB_FLOOR === null
      ? new Float64Array(size).fill(1)
      : nbScale(examples, names, themeId, NB_FLOOR);
  const weights = new Float64Array(size);
  let bias = 0;
  const m = new Float64Array(size + 1);
  const v = new Float64Array(size + 1);
  const gradient = new Float64Array(size + 1);
  const beta1 = 0.9;
  const beta2 = 0.999;
  for (let step = 1; step <= STEPS; step += 1) {
    gradient.fill(0);
    for (const example of examples) {
      let sum = bias;
      for (let k = 0; k < example.index.length; k += 1) {
        sum += weights[example.index[k]!]! * example.value[k]! * scale[example.index[k]!]!;
      }
      const error = 1 / (1 + Math.exp(-sum)) - (example.themes.has(themeId) ? 1 : 0);
      for (let k = 0; k < example.index.length; k += 1) {
        gradient[example.index[k]!]! += error * example.value[k]! * scale[example.index[k]!]!;
      }
      gradient[size]! += error;
    }
    for (let j = 0; j <= size; j += 1) {
      if (j < size && frozen[j]) continue;
      const current = j === size ? bias : weights[j]!;
      const g = gradient[j]! / examples.length + (j === size ? 0 : penalty[j]! * current);
      m[j] = beta1 * m[j]! + (1 - beta1) * g;
      v[j] = beta2 * v[j]! + (1 - beta2) * g * g;
      const mHat = m[j]! / (1 - beta1 ** step);
      const vHat = v[j]! / (1 - beta2 ** step);
      const next = current - (LEARNING_RATE * mHat) / (Math.sqrt(vHat) + 1e-8);
      if (j === size) bias = next;
      else weights[j] = next;
    }
  }
  return { bias, weights: weights.map((weight, j) => weight * scale[j]!) };
}

/**
 * How much to scale each feature for one theme while fitting: NB-SVM's log-count ratio (Wang
 * and Manning 2012), |log((p_j/|p|) / (q_j/|q|))| with p_j and q_j the entries with and without
 * the theme that have feature j (plus one), never less than `floor`; the cue features keep 1.
 * A word that falls evenly between the theme's entries and the rest is scaled down, so it moves
 * slowly under Adam and pays more for its weight under L2: a prior that the words which tell a
 * theme's entries apart are the ones to learn from. The shipped weight is the fitted weight
 * times the scale, so the model file and the app are unchanged. Out of fold on round 11's
 * 26,669 entries it gained two points of F1 at the same precision (README of theme-eval).
 */
function nbScale(
  examples: readonly Example[],
  names: readonly string[],
  themeId: string,
  floor: number,
): Float64Array {
  const size = names.length;
  const positive = new Float64Array(size).fill(1);
  const negative = new Float64Array(size).fill(1);
  for (const example of examples) {
    const counts = example.themes.has(themeId) ? positive : negative;
    for (let k = 0; k < example.index.length; k += 1) {
      counts[example.index[k]!]! += example.value[k]!;
    }
  }
  const positiveTotal = positive.reduce((a, b) => a + b, 0);
  const negativeTotal = negative.reduce((a, b) => a + b, 0);
  return Float64Array.from(names, (name, j) => {
    if (name.startsWith('c:')) return 1;
    const ratio = positive[j]! / positiveTotal / (negative[j]! / negativeTotal);
    return Math.max(floor, Math.abs(Math.log(ratio)));
  });
}

/** A theme's raw log-odds for an entry, before calibration. */
function logOdds(model: { bias: number; weights: Float64Array }, example: Example): number {
  let sum = model.bias;
  for (let k = 0; k < example.index.length; k += 1) {
    sum += model.weights[example.index[k]!]! * example.value[k]!;
  }
  return sum;
}

const FOLDS = 5;

/**
 * Each scored entry's raw log-odds for every theme (BUILT_IN_THEME_IDS order) from models fitted
 * without its fold; entries not scored always train.
 */
function outOfFold(
  examples: readonly Example[],
  names: readonly string[],
  l2: number,
  isScored: (example: Example) => boolean,
): Float64Array[] {
  const scored = examples.filter(isScored);
  const odds = scored.map(() => new Float64Array(BUILT_IN_THEME_IDS.length));
  const foldOfExample = (example: Example) => (isScored(example) ? foldOf(example.id, FOLDS) : -1);
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const train = examples.filter((example) => foldOfExample(example) !== fold);
    BUILT_IN_THEME_IDS.forEach((themeId, t) => {
      const model = prune(fit(train, names, themeId, l2));
      scored.forEach((example, i) => {
        if (foldOfExample(example) === fold) odds[i]![t] = logOdds(model, example);
      });
    });
  }
  return odds;
}

/** L2 on the calibration's slope and likeliest bonus (not its intercept). */
const CALIBRATION_L2 = 0.001;

/**
 * Fits each theme's calibration (model.ts: calibrate) by Newton's method on out-of-fold
 * log-odds: a three-input logistic regression, [1, z, likeliest] against the theme's label.
 */
function fitCalibration(examples: readonly Example[], odds: readonly Float64Array[]): number[] {
  const calibration: number[] = [];
  const tops = odds.map(likeliestIndex);
  BUILT_IN_THEME_IDS.forEach((themeId, t) => {
    const inputs = odds.map((row, i) => [1, row[t]!, tops[i] === t ? 1 : 0]);
    const w = [0, 1, 0];
    for (let step = 0; step < 30; step += 1) {
      const g = [0, 0, 0];
      const h = [0, 0, 0, 0, 0, 0, 0, 0, 0];
      inputs.forEach((x, i) => {
        const p = 1 / (1 + Math.exp(-(w[0]! * x[0]! + w[1]! * x[1]! + w[2]! * x[2]!)));
        const error = p - (examples[i]!.themes.has(themeId) ? 1 : 0);
        for (let a = 0; a < 3; a += 1) {
          g[a]! += (error * x[a]!) / inputs.length;
          for (let b = 0; b < 3; b += 1)
            h[a * 3 + b]! += (p * (1 - p) * x[a]! * x[b]!) / inputs.length;
        }
      });
      for (let a = 1; a < 3; a += 1) {
        g[a]! += CALIBRATION_L2 * w[a]!;
        h[a * 3 + a]! += CALIBRATION_L2;
      }
      const delta = solve3(h, g);
      for (let a = 0; a < 3; a += 1) w[a]! -= delta[a]!;
    }
    calibration.push(...w.map((value) => Math.round(value * 10000) / 10000));
  });
  if (calibration.length !== BUILT_IN_THEME_IDS.length * CALIBRATION_SIZE) {
    throw new Error('calibration: wrong size');
  }
  return calibration;
}

/** Solves the 3×3 system h·x = g (h row-major, positive definite) by Cramer's rule. */
function solve3(h: readonly number[], g: readonly number[]): number[] {
  const det = (m: readonly number[]) =>
    m[0]! * (m[4]! * m[8]! - m[5]! * m[7]!) -
    m[1]! * (m[3]! * m[8]! - m[5]! * m[6]!) +
    m[2]! * (m[3]! * m[7]! - m[4]! * m[6]!);
  const whole = det(h);
  return [0, 1, 2].map((column) => {
    const replaced = [...h];
    for (let row = 0; row < 3; row += 1) replaced[row * 3 + column] = g[row]!;
    return det(replaced) / whole;
  });
}

/** Calibrated probabilities for one entry's log-odds, as a map the way the app reads them. */
function calibrated(odds: Float64Array, calibration: readonly number[]): Map<string, number> {
  const values = calibrate(odds, calibration);
  return new Map(BUILT_IN_THEME_IDS.map((themeId, t) => [themeId, values[t]!]));
}

/** A stable fold for an id, so adding entries does not reshuffle the others. */
function foldOf(id: string, folds: number): number {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) % folds;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

function tally(examples: readonly Example[], got: (example: Example, i: number) => Set<string>) {
  const counts: Tally = { tp: 0, fp: 0, fn: 0 };
  examples.forEach((example, i) => {
    const found = got(example, i);
    for (const themeId of BUILT_IN_THEME_IDS) {
      const want = example.themes.has(themeId);
      if (found.has(themeId) && want) counts.tp += 1;
      else if (found.has(themeId)) counts.fp += 1;
      else if (want) counts.fn += 1;
    }
  });
  const p = counts.tp / Math.max(1, counts.tp + counts.fp);
  const r = counts.tp / Math.max(1, counts.tp + counts.fn);
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(6);
  return `P ${pct(p)}  R ${pct(r)}  F1 ${pct(f)}`;
}

/** The calibration that leaves a theme's probability as it is: σ(z). */
const IDENTITY = BUILT_IN_THEME_IDS.flatMap(() => [0, 1, 0]);

/**
 * Five-fold cross-validation over the entries whose id starts with `--score` (all of them
 * by default); the other entries are always in the training part. Each rule is scored twice:
 * on the raw probabilities, and calibrated as the app does, each fold's entries by a
 * calibration fitted on the other folds' out-of-fold log-odds.
 */
function crossValidate(examples: readonly Example[], names: readonly string[]): void {
  const isScored = (example: Example) => example.id.startsWith(values.score);
  const scored = examples.filter(isScored);
  const folds = scored.map((example) => foldOf(example.id, FOLDS));
  console.log(`Scoring ${scored.length} entries out of fold.`);
  console.log(`cues alone                     ${tally(scored, (example) => example.byCues)}`);
  const thresholds = values.thresholds.split(',').map(Number);
  const likeliestThresholds = values['likeliest-thresholds'].split(',').map(Number);
  for (const l2 of values.l2s.split(',').map(Number)) {
    const odds = outOfFold(examples, names, l2, isScored);
    if (values.dump) {
      const lines = scored.map((example, i) =>
        JSON.stringify({
          id: example.id,
          themes: [...example.themes],
          z: Object.fromEntries(BUILT_IN_THEME_IDS.map((themeId, t) => [themeId, odds[i]![t]])),
        }),
      );
      writeFileSync(`${values.dump}.${l2}.jsonl`, `${lines.join('\n')}\n`);
    }
    const raw = odds.map((row) => calibrated(row, IDENTITY));
    const calibratedScores: Array<Map<string, number>> = [];
    for (let fold = 0; fold < FOLDS; fold += 1) {
      const others = scored.flatMap((_, i) => (folds[i] === fold ? [] : [i]));
      const calibration = fitCalibration(
        others.map((i) => scored[i]!),
        others.map((i) => odds[i]!),
      );
      scored.forEach((_, i) => {
        if (folds[i] === fold) calibratedScores[i] = calibrated(odds[i]!, calibration);
      });
    }
    for (const [kind, scores] of [
      ['raw', raw],
      ['calibrated', calibratedScores],
    ] as const) {
      for (const threshold of thresholds) {
        // The threshold alone, then with the likeliest theme (or, in a short entry, a strongly
        // cued one) let in from a lower probability; then the same without the short-entry rule.
        for (const likeliest of [threshold, ...likeliestThresholds.filter((t) => t < threshold)]) {
          for (const shortRule of likeliest < threshold ? [true, false] : [true]) {
            const line = tally(scored, (example, i) =>
              chooseThemes(
                scores[i]!,
                example.words,
                threshold,
                likeliest,
                shortRule ? example.cued : new Set(),
              ),
            );
            const label = `threshold ${threshold.toFixed(3)} likeliest ${likeliest.toFixed(3)}${shortRule ? '' : ' (no short-entry cue rule)'}`;
            console.log(`l2 ${String(l2).padEnd(7)} ${kind.padEnd(10)} ${label}  ${line}`);
          }
        }
      }
    }
  }
}

/**
 * Out-of-fold log-odds for every example, to fit the calibration on: read from a --cv --dump
 * file (--oof), or computed.
 */
function trainingOdds(
  examples: readonly Example[],
  names: readonly string[],
  l2: number,
): Float64Array[] {
  if (!values.oof) return outOfFold(examples, names, l2, () => true);
  const byId = new Map<string, Float64Array>();
  for (const line of readFileSync(values.oof, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    // A file from before log-odds were dumped has none: NaN, refused below.
    const row = JSON.parse(line) as { id: string; z?: Record<string, number> };
    byId.set(
      row.id,
      Float64Array.from(BUILT_IN_THEME_IDS, (themeId) => row.z?.[themeId] ?? NaN),
    );
  }
  return examples.map((example) => {
    const odds = byId.get(example.id);
    if (!odds || odds.some((value) => !Number.isFinite(value))) {
      throw new Error(
        `${values.oof}: no out-of-fold log-odds for ${example.id}; run --cv --dump again`,
      );
    }
    return odds;
  });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The weights as shipped: rounded, and the smallest left out to keep the file small. */
function prune(model: { bias: number; weights: Float64Array }) {
  const least = Number(values['min-weight']);
  const weights = model.weights.map((weight) => {
    const rounded = round(weight);
    return Math.abs(rounded) >= least ? rounded : 0;
  });
  return { bias: round(model.bias), weights };
}

function writeModel(examples: readonly Example[], names: readonly string[], l2: number): void {
  const threshold = Number(values.threshold);
  const calibration = fitCalibration(examples, trainingOdds(examples, names, l2));
  const fitted = BUILT_IN_THEME_IDS.map((themeId) => prune(fit(examples, names, themeId, l2)));
  // A feature every theme gave a zero weight is left out of the file.
  const used = names.flatMap((name, j) =>
    fitted.some((model) => model.weights[j] !== 0) ? [j] : [],
  );
  const kept = fitted.reduce(
    (sum, model) => sum + used.filter((j) => model.weights[j] !== 0).length,
    0,
  );
  // Dense rows over one feature list, each packed as model.ts reads it (encodeWeights). One
  // theme to a line.
  const lines = BUILT_IN_THEME_IDS.map((themeId, t) => {
    const model = fitted[t]!;
    const row = {
      bias: model.bias,
      calibration: calibration.slice(t * CALIBRATION_SIZE, (t + 1) * CALIBRATION_SIZE),
      weights: encodeWeights(used.map((j) => model.weights[j]!)),
    };
    return `    ${JSON.stringify(themeId)}: ${JSON.stringify(row)}`;
  });
  const header = {
    fittedBy: 'scripts/eval/fit-themes.ts (npm run fit:themes)',
    trainingFiles: TRAINING_FILES,
    trainingFingerprint: trainingFingerprint(),
    entries: examples.length,
    l2,
    nbFloor: values['nb-floor'],
    threshold,
    likeliestThreshold: Number(values['likeliest-threshold']),
    weightEncoding: WEIGHT_ENCODING,
  };
  const top = JSON.stringify(header, null, 2).slice(0, -2);
  const features = JSON.stringify(used.map((j) => names[j]));
  writeFileSync(
    OUT,
    `${top},\n  "features": ${features},\n  "themes": {\n${lines.join(',\n')}\n  }\n}\n`,
  );
  console.log(`Wrote ${OUT}: ${kept} weights over ${used.length} features.`);
}

const entries = loadTraining();
const { examples, names } = featurize(entries);
console.log(`${examples.length} English entries, ${names.length} features.`);
if (values.cv) crossValidate(examples, names);
else writeModel(examples, names, Number(values.l2));
