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
import fitted from './model-weights.json';
import type { Token } from './tokens';
import type { BuiltInThemeId } from './vocabulary';

/** One theme's fitted model: a bias and a weight per feature name. */
export interface ThemeModel {
  bias: number;
  weights: Readonly<Record<string, number>>;
}

export interface SuggestModel {
  /** Themes whose probability reaches this are suggested; chosen for precision. */
  threshold: number;
  themes: Readonly<Record<BuiltInThemeId, ThemeModel>>;
}

/** The fitted model the app ships. */
export const MODEL: SuggestModel = fitted;

/** A feature's name: `w:stem`, `b:stem stem` (adjacent, same sentence) or `c:theme`. */
export type Features = Map<string, number>;

/**
 * The features of an entry: each word's stem and each pair of neighbouring stems within a
 * sentence, present or not (1), and for each built-in theme the strength of its cue evidence,
 * 1 − e^(−total), in 0..1.
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
    if (next && next.sentence === token.sentence) features.set(`b:${token.stem} ${next.stem}`, 1);
  }
  for (const [themeId, total] of cueTotals) features.set(`c:${themeId}`, 1 - Math.exp(-total));
  return features;
}

/** The probability, 0..1, that a theme's model gives these features. */
export function probability(model: ThemeModel, features: Features): number {
  let sum = model.bias;
  for (const [name, value] of features) {
    const weight = model.weights[name];
    if (weight !== undefined) sum += weight * value;
  }
  return 1 / (1 + Math.exp(-sum));
}

/**
 * The word features that pushed a theme up the most, best first: where its "why" comes from
 * when no cue of the theme matched.
 */
export function strongestWords(
  model: ThemeModel,
  features: Features,
  count: number,
): Array<{ name: string; weight: number }> {
  const found: Array<{ name: string; weight: number }> = [];
  for (const name of features.keys()) {
    if (name.startsWith('c:')) continue;
    const weight = model.weights[name];
    if (weight !== undefined && weight > 0) found.push({ name, weight });
  }
  found.sort((a, b) => b.weight - a.weight || (a.name < b.name ? -1 : 1));
  return found.slice(0, count);
}
