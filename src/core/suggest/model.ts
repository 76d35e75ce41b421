/**
 * The learned half of the suggester: for each built-in theme, a logistic model over the entry's
 * words, its adjacent word pairs and the evidence of the hand-written cues. The weights are
 * fitted offline from the labelled entries in tests/data/theme-eval by
 * scripts/eval/fit-themes.ts and written to model-weights.json; nothing is learned or fetched at
 * run time, so the same text always gets the same themes.
 *
 * Why both: the cues are precise and quote well, but catch only the phrasings they were written
 * for; the words of an entry carry what the cues miss ("my brother took the kids so I could
 * sleep"), and the fitted weights also learn how far to trust each theme's cues.
 */
import { Buffer } from 'node:buffer';
import fitted from './model-weights.json';
import type { Token } from './tokens';
import { BUILT_IN_THEME_IDS, type BuiltInThemeId } from './vocabulary';

export interface SuggestModel {
  /** Themes whose probability reaches this are suggested; chosen for precision. */
  threshold: number;
  /**
   * The likeliest theme is suggested from this lower probability. The models are fitted one
   * theme at a time, so an entry that plainly is about something often gets every theme
   * below `threshold`; the best of them is right far more often than its probability says.
   */
  likeliestThreshold: number;
  /** Each built-in theme's bias, in BUILT_IN_THEME_IDS order. */
  biases: Float64Array;
  /**
   * Per built-in theme, in BUILT_IN_THEME_IDS order, three numbers [a, b, g] that turn the
   * theme's raw log-odds z into the probability the themes are chosen by:
   * σ(a + b·z + g·[the theme is the entry's likeliest]). Fitted on out-of-fold log-odds
   * (fit-themes.ts): a model's own training entries look surer than new writing does, and the
   * likeliest theme of an entry is right more often than its raw probability says.
   */
  calibration: Float64Array;
  /**
   * Where each feature's weights start in `weights`: one weight per built-in theme, in
   * BUILT_IN_THEME_IDS order, so scoring an entry costs one lookup per feature for all themes.
   * A feature that is absent weighs zero.
   */
  rows: ReadonlyMap<string, number>;
  weights: Float64Array;
}

/**
 * The file's form: one list of feature names, and per theme a dense row of weights over it. A
 * row is the weights in thousandths as little-endian 16-bit integers, base64-encoded: under half
 * the size of the same numbers written out, and decoded in a few milliseconds instead of parsed.
 */
interface FittedFile {
  threshold: number;
  likeliestThreshold: number;
  /** How a row is written: only WEIGHT_ENCODING is read. */
  weightEncoding: string;
  features: readonly string[];
  themes: Readonly<Record<string, { bias: number; calibration: number[]; weights: string }>>;
}

/** How many numbers calibrate one theme: [a, b, g] (SuggestModel.calibration). */
export const CALIBRATION_SIZE = 3;

export const WEIGHT_ENCODING = 'int16-le-base64/1000';
/** What one unit of a stored weight is worth. */
export const WEIGHT_SCALE = 1000;

/** A row of weights as stored: thousandths, 16-bit little-endian, base64. */
export function encodeWeights(weights: ArrayLike<number>): string {
  const bytes = Buffer.alloc(weights.length * 2);
  for (let j = 0; j < weights.length; j += 1) {
    const stored = Math.round(weights[j]! * WEIGHT_SCALE);
    if (stored < -32768 || stored > 32767)
      throw new RangeError(`weight ${weights[j]} out of range`);
    bytes.writeInt16LE(stored, j * 2);
  }
  return bytes.toString('base64');
}

/** The inverse of encodeWeights. */
export function decodeWeights(row: string): Float64Array {
  const bytes = Buffer.from(row, 'base64');
  const weights = new Float64Array(bytes.length / 2);
  for (let j = 0; j < weights.length; j += 1) weights[j] = bytes.readInt16LE(j * 2) / WEIGHT_SCALE;
  return weights;
}

function load(file: FittedFile): SuggestModel {
  if (file.weightEncoding !== WEIGHT_ENCODING) {
    throw new Error(
      `model-weights.json: weights written as ${file.weightEncoding}, not ${WEIGHT_ENCODING}`,
    );
  }
  const count = BUILT_IN_THEME_IDS.length;
  const biases = new Float64Array(count);
  const calibration = new Float64Array(count * CALIBRATION_SIZE);
  const weights = new Float64Array(file.features.length * count);
  BUILT_IN_THEME_IDS.forEach((themeId, t) => {
    const row = file.themes[themeId];
    if (!row) throw new Error(`model-weights.json: no model for ${themeId}`);
    const decoded = decodeWeights(row.weights);
    if (decoded.length !== file.features.length) {
      throw new Error(`model-weights.json: ${themeId} has the wrong number of weights`);
    }
    biases[t] = row.bias;
    if (row.calibration?.length !== CALIBRATION_SIZE) {
      throw new Error(`model-weights.json: ${themeId} has no calibration`);
    }
    calibration.set(row.calibration, t * CALIBRATION_SIZE);
    decoded.forEach((weight, j) => {
      weights[j * count + t] = weight;
    });
  });
  const rows = new Map(file.features.map((name, j) => [name, j * count]));
  return {
    threshold: file.threshold,
    likeliestThreshold: file.likeliestThreshold,
    biases,
    calibration,
    rows,
    weights,
  };
}

/** The fitted model the app ships. */
export const MODEL: SuggestModel = load(fitted);

/**
 * Entries shorter than this many words get no second chance for their likeliest theme: in a
 * line or two one stray word decides which theme ranks first ("Nothing much happened today"
 * gave trust a 0.25), and the labelled entries are almost all longer than that.
 */
export const LIKELIEST_MIN_WORDS = 20;

/**
 * The themes to suggest from each theme's probability: those reaching `threshold`; in an entry
 * of at least LIKELIEST_MIN_WORDS words, the likeliest one if it reaches `likeliestThreshold`;
 * and in a shorter entry, any theme a strong cue names (`cued`) from that same lower bar. A line
 * or two gives the words little to go on, and "No boundaries at all." is plainly about
 * boundaries though few labelled entries are that short. Ties go to the earlier theme. Shared
 * by the suggester and the fitting script, so cross-validation scores exactly what the app does.
 */
export function chooseThemes<Id extends string>(
  probabilities: ReadonlyMap<Id, number>,
  words: number,
  threshold: number,
  likeliestThreshold: number,
  cued: ReadonlySet<Id> = new Set(),
): Set<Id> {
  const chosen = new Set<Id>();
  const short = words < LIKELIEST_MIN_WORDS;
  let likeliest: Id | undefined;
  let best = -1;
  for (const [themeId, value] of probabilities) {
    if (value >= threshold) chosen.add(themeId);
    else if (short && cued.has(themeId) && value >= likeliestThreshold) chosen.add(themeId);
    if (value > best) {
      best = value;
      likeliest = themeId;
    }
  }
  if (likeliest !== undefined && best >= likeliestThreshold && !short) {
    chosen.add(likeliest);
  }
  return chosen;
}

/**
 * A feature's name: `w:stem`, `b:stem stem` or `t:stem stem stem` (adjacent, same sentence), or
 * `c:theme`.
 */
export type Features = Map<string, number>;

/**
 * The features of an entry: each word's stem and each run of two and of three neighbouring stems
 * within a sentence, present or not (1), and for each built-in theme the strength of its cue
 * evidence, 1 − e^(−total), in 0..1. Runs of three tell "and I let her" from "and I said no"
 * where pairs cannot; only those in enough labelled entries get a weight (fit-themes.ts).
 */
export function entryFeatures(
  tokens: readonly Token[],
  cueTotals: ReadonlyMap<string, number>,
): Features {
  const features: Features = new Map();
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    features.set(`w:${token.stem}`, 1);
    const next = tokens[index + 1];
    if (!next || next.sentence !== token.sentence) continue;
    const pair = `${token.stem} ${next.stem}`;
    features.set(`b:${pair}`, 1);
    const third = tokens[index + 2];
    if (third && third.sentence === token.sentence) features.set(`t:${pair} ${third.stem}`, 1);
  }
  for (const [themeId, total] of cueTotals) features.set(`c:${themeId}`, 1 - Math.exp(-total));
  return features;
}

/** Each built-in theme's probability, 0..1, for these features. */
export function probabilities(
  model: SuggestModel,
  features: Features,
): Map<BuiltInThemeId, number> {
  const count = BUILT_IN_THEME_IDS.length;
  const sums = Float64Array.from(model.biases);
  for (const [name, value] of features) {
    const row = model.rows.get(name);
    if (row === undefined) continue;
    for (let t = 0; t < count; t += 1) sums[t]! += model.weights[row + t]! * value;
  }
  const calibrated = calibrate(sums, model.calibration);
  return new Map(BUILT_IN_THEME_IDS.map((themeId, t) => [themeId, calibrated[t]!]));
}

/** Where the greatest log-odds are: the entry's likeliest theme; ties go to the earlier one. */
export function likeliestIndex(logOdds: ArrayLike<number>): number {
  let top = 0;
  for (let t = 1; t < logOdds.length; t += 1) if (logOdds[t]! > logOdds[top]!) top = t;
  return top;
}

/**
 * The probabilities the themes are chosen by, from each theme's raw log-odds (in
 * BUILT_IN_THEME_IDS order) and the calibration (SuggestModel.calibration). The likeliest theme
 * is the one with the greatest log-odds; ties go to the earlier theme. Shared by the suggester
 * and the fitting script, which fits the calibration on out-of-fold log-odds.
 */
export function calibrate(
  logOdds: ArrayLike<number>,
  calibration: ArrayLike<number>,
): Float64Array {
  const top = likeliestIndex(logOdds);
  return Float64Array.from({ length: logOdds.length }, (_, t) => {
    const at = t * CALIBRATION_SIZE;
    const z =
      calibration[at]! +
      calibration[at + 1]! * logOdds[t]! +
      (t === top ? calibration[at + 2]! : 0);
    return 1 / (1 + Math.exp(-z));
  });
}

/**
 * The word features that pushed a theme up the most, best first: where its "why" comes from
 * when no cue of the theme matched.
 */
export function strongestWords(
  model: SuggestModel,
  themeId: BuiltInThemeId,
  features: Features,
  count: number,
): Array<{ name: string; weight: number }> {
  const t = BUILT_IN_THEME_IDS.indexOf(themeId);
  const found: Array<{ name: string; weight: number }> = [];
  for (const name of features.keys()) {
    if (name.startsWith('c:')) continue;
    const row = model.rows.get(name);
    const weight = row === undefined ? 0 : model.weights[row + t]!;
    if (weight > 0) found.push({ name, weight });
  }
  found.sort((a, b) => b.weight - a.weight || (a.name < b.name ? -1 : 1));
  return found.slice(0, count);
}
