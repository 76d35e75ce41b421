/**
 * On-device theme suggester. Given an entry's plain text it proposes themes from the eight
 * built-in ones and the user's own, each with a score in 0..1 and the phrases that led to it.
 *
 * Approach: the text is split into words with their offsets; contractions are expanded
 * ("didn't" → did not, "I'd" → I would) and every word is folded to a crude stem, so
 * "asked", "asks" and "asking" meet. Hand-written cue patterns per theme (themes/*.ts,
 * concept frames from the reflection guide: an act × what it acts on, with word families) are
 * matched in one pass: each cue is a short sequence of stems that may have a few words between
 * them, so negations do not break a cue ("I didn't ask anyone for help" still reads as asking
 * for help), and first-person narrative that never names the theme is caught by cues about
 * what happened ("drafted a text ... deleted it"). Veto phrases take trigger words used in
 * another sense out of play ("the help menu", "a trust fund"). A theme's cue evidence is the
 * sum of the weights of its distinct cues, mapped to 1 − e^(−sum). For the built-in themes a
 * fitted logistic model per theme (model.ts) weighs that evidence with the entry's words and
 * word pairs, and its log-odds are calibrated (a fitted slope, and a bonus for the entry's
 * likeliest theme). Themes it gives a probability of at least MODEL.threshold are returned, and
 * the likeliest theme from the lower MODEL.likeliestThreshold: both were chosen for precision,
 * because a wrong suggestion is worse than a missing one. Text that reads as another language
 * (French, Spanish, German, Italian, Portuguese, Dutch) gets no suggestions.
 *
 * Pure and deterministic: no I/O, no Node or DOM APIs; the model's weights are a JSON file
 * bundled with the code, so it runs in the core and could run in the renderer. Work is linear
 * in the text, and only the first
 * MAX_ANALYSED_CHARS characters are read, so a 10 MB paste costs the same as a long entry.
 */
import { looksForeign } from './language';
import {
  type CompiledPattern,
  PatternIndex,
  compilePattern,
  matchAt,
  phrasePattern,
} from './patterns';
import {
  type Features,
  MODEL,
  chooseThemes,
  entryFeatures,
  probabilities,
  strongestWords,
} from './model';
import { type Token, tokenize } from './tokens';
import {
  BUILT_IN_THEME_IDS,
  type BuiltInThemeId,
  CUES,
  MEDIUM,
  STRONG,
  THEME_VETOES,
  VETOES,
} from './vocabulary';

export { BUILT_IN_THEME_IDS, type BuiltInThemeId } from './vocabulary';

export interface UserThemeInput {
  id: string;
  label: string;
  /** Extra words or phrases that should suggest this theme. */
  keywords?: readonly string[];
}

export interface SuggestOptions {
  userThemes?: readonly UserThemeInput[];
  /** At most this many suggestions (default DEFAULT_LIMIT). */
  limit?: number;
  /** Suggestions scoring below this are dropped (default DEFAULT_MIN_SCORE). */
  minScore?: number;
}

export interface ThemeSuggestion {
  themeId: string;
  /** 0..1, rounded to two decimals. */
  score: number;
  /** Phrases exactly as they appear in the text, strongest first, at most MAX_WHY. */
  why: string[];
}

/** About 17,000 words: far beyond a journal entry, small enough to stay within milliseconds. */
export const MAX_ANALYSED_CHARS = 100_000;
/** For the user's own themes: one strong cue, or two medium ones. */
export const DEFAULT_MIN_SCORE = 0.5;
export const DEFAULT_LIMIT = 5;
export const MAX_WHY = 5;

interface Cue {
  themeId: string;
  weight: number;
  pattern: CompiledPattern;
}

const BUILT_IN_CUES: readonly Cue[] = BUILT_IN_THEME_IDS.flatMap((themeId) =>
  CUES[themeId].flatMap(([weight, patterns]) =>
    patterns.map((source) => ({ themeId, weight, pattern: compilePattern(source) })),
  ),
);
const BUILT_IN_INDEX = new PatternIndex(BUILT_IN_CUES);
const ALL_THEMES = '';

interface Veto {
  pattern: CompiledPattern;
  /** '' for every theme. */
  themeId: string;
}

const VETO_INDEX = new PatternIndex<Veto>([
  ...VETOES.map((source) => ({ themeId: ALL_THEMES, pattern: compilePattern(source) })),
  ...Object.entries(THEME_VETOES).flatMap(([themeId, sources]) =>
    sources.map((source) => ({ themeId, pattern: compilePattern(source) })),
  ),
]);

/** Words in a theme name that say nothing on their own ("Grief & loss" → grief, loss). */
const LABEL_STOPWORDS = new Set(
  'a an and the of my me i to in on for with at or but not no be do have it this that our'.split(
    ' ',
  ),
);

function contentStems(phrase: string): string[] {
  return tokenize(phrase)
    .filter((token) => !LABEL_STOPWORDS.has(token.word))
    .map((token) => token.stem);
}

/** A user theme matches by its whole name, by each word of a longer name, and by keywords. */
function userThemeCues(themes: readonly UserThemeInput[]): Cue[] {
  const cues: Cue[] = [];
  for (const theme of themes) {
    const labelStems = contentStems(theme.label);
    if (labelStems.length > 0) {
      cues.push({
        themeId: theme.id,
        weight: STRONG,
        pattern: phrasePattern(theme.label, labelStems, 2),
      });
    }
    if (labelStems.length > 1) {
      for (const value of new Set(labelStems)) {
        cues.push({ themeId: theme.id, weight: MEDIUM, pattern: phrasePattern(value, [value], 0) });
      }
    }
    for (const keyword of theme.keywords ?? []) {
      const stems = contentStems(keyword);
      if (stems.length > 0) {
        cues.push({ themeId: theme.id, weight: STRONG, pattern: phrasePattern(keyword, stems, 1) });
      }
    }
  }
  return cues;
}

interface Hit {
  cue: Cue;
  positions: number[];
}

/** Words taken out of play, for every theme ('') or for one theme. */
type Blocked = Map<string, Uint8Array>;

function isBlocked(blocked: Blocked, themeId: string, at: number): boolean {
  return blocked.get(ALL_THEMES)?.[at] === 1 || blocked.get(themeId)?.[at] === 1;
}

function findHits(
  tokens: readonly Token[],
  index: PatternIndex<Cue>,
  blocked: Blocked,
  hits: Hit[],
): void {
  const everywhere = blocked.get(ALL_THEMES);
  for (let position = 0; position < tokens.length; position += 1) {
    if (everywhere?.[position]) continue;
    for (const cue of index.candidates(tokens[position]!)) {
      const match = matchAt(cue.pattern, tokens, position);
      if (match && !match.positions.some((at) => isBlocked(blocked, cue.themeId, at))) {
        hits.push({ cue, positions: match.positions });
      }
    }
  }
}

/** Marks the words inside veto phrases, so no cue (or no cue of one theme) can use them. */
function vetoedWords(tokens: readonly Token[]): Blocked {
  const blocked: Blocked = new Map();
  for (let position = 0; position < tokens.length; position += 1) {
    for (const veto of VETO_INDEX.candidates(tokens[position]!)) {
      const match = matchAt(veto.pattern, tokens, position);
      if (!match) continue;
      const first = match.positions[veto.pattern.blockFrom]!;
      const last = match.positions[match.positions.length - 1]!;
      let marks = blocked.get(veto.themeId);
      if (!marks) {
        marks = new Uint8Array(tokens.length);
        blocked.set(veto.themeId, marks);
      }
      marks.fill(1, first, last + 1);
    }
  }
  return blocked;
}

export interface Evidence {
  /** The sum of the weights of the theme's distinct cues. */
  total: number;
  /** The weight of its strongest cue. */
  strongest: number;
  why: string[];
}

function weigh(text: string, tokens: readonly Token[], hits: Hit[]): Map<string, Evidence> {
  const byTheme = new Map<string, Hit[]>();
  for (const hit of hits) {
    const list = byTheme.get(hit.cue.themeId);
    if (list) list.push(hit);
    else byTheme.set(hit.cue.themeId, [hit]);
  }
  const evidence = new Map<string, Evidence>();
  for (const [themeId, themeHits] of byTheme) {
    themeHits.sort((a, b) => b.cue.weight - a.cue.weight || a.positions[0]! - b.positions[0]!);
    const counted = new Set<Cue>();
    const used = new Set<number>();
    const seen = new Set<string>();
    const why: string[] = [];
    let total = 0;
    let strongest = 0;
    for (const hit of themeHits) {
      // One cue counts once, and a word already counted for this theme cannot count again.
      if (counted.has(hit.cue) || hit.positions.some((at) => used.has(at))) continue;
      counted.add(hit.cue);
      for (const at of hit.positions) used.add(at);
      total += hit.cue.weight;
      strongest = Math.max(strongest, hit.cue.weight);
      const first = tokens[hit.positions[0]!]!;
      const last = tokens[hit.positions[hit.positions.length - 1]!]!;
      const phrase = text.slice(first.start, last.end);
      const key = phrase.toLowerCase();
      if (!seen.has(key) && why.length < MAX_WHY) {
        seen.add(key);
        why.push(phrase);
      }
    }
    evidence.set(themeId, { total, strongest, why });
  }
  return evidence;
}

/** What the cues found in a text, before any theme is chosen. */
export interface Analysis {
  /** The part of the text that was read (at most MAX_ANALYSED_CHARS). */
  text: string;
  tokens: Token[];
  /** Cue evidence per theme id, built-in and the user's own. */
  evidence: Map<string, Evidence>;
}

/**
 * Tokenizes a text and matches every cue against it; null for empty text and for text in
 * another language. Exported for the offline fitting of the model (scripts/eval).
 */
export function analyse(text: string, userThemes: readonly UserThemeInput[] = []): Analysis | null {
  const analysed = text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text;
  const tokens = tokenize(analysed);
  if (tokens.length === 0 || looksForeign(tokens)) return null;
  const blocked = vetoedWords(tokens);
  const hits: Hit[] = [];
  findHits(tokens, BUILT_IN_INDEX, blocked, hits);
  if (userThemes.length > 0) {
    findHits(tokens, new PatternIndex(userThemeCues(userThemes)), blocked, hits);
  }
  return { text: analysed, tokens, evidence: weigh(analysed, tokens, hits) };
}

/** The model's features for an analysed text: its words, word pairs and built-in cue evidence. */
export function featuresOf(analysis: Analysis): Features {
  const totals = new Map<string, number>();
  for (const id of BUILT_IN_THEME_IDS) {
    const found = analysis.evidence.get(id);
    if (found) totals.set(id, found.total);
  }
  return entryFeatures(analysis.tokens, totals);
}

/** The built-in themes a STRONG cue of the entry names (model.ts: chooseThemes). */
export function stronglyCued(analysis: Analysis): Set<BuiltInThemeId> {
  return new Set(
    BUILT_IN_THEME_IDS.filter((id) => (analysis.evidence.get(id)?.strongest ?? 0) >= STRONG),
  );
}

/** Quotes the words around a feature's first appearance, when no cue explains a theme. */
function quoteFeature(analysis: Analysis, name: string): string | null {
  const stems = name.slice(2).split(' ');
  const { tokens, text } = analysis;
  for (let index = 0; index + stems.length <= tokens.length; index += 1) {
    if (!stems.every((value, offset) => tokens[index + offset]!.stem === value)) continue;
    const sentence = tokens[index]!.sentence;
    let first = index;
    let last = index + stems.length - 1;
    for (let step = 0; step < QUOTE_CONTEXT; step += 1) {
      if (first > 0 && tokens[first - 1]!.sentence === sentence) first -= 1;
      if (last + 1 < tokens.length && tokens[last + 1]!.sentence === sentence) last += 1;
    }
    return text.slice(tokens[first]!.start, tokens[last]!.end);
  }
  return null;
}

/** Words quoted either side of a word the model leaned on. */
const QUOTE_CONTEXT = 2;

function modelWhy(analysis: Analysis, themeId: BuiltInThemeId, features: Features): string[] {
  const why: string[] = [];
  for (const { name } of strongestWords(MODEL, themeId, features, MAX_WHY * 2)) {
    const quote = quoteFeature(analysis, name);
    if (quote && !why.some((known) => known.toLowerCase() === quote.toLowerCase())) why.push(quote);
    if (why.length >= MODEL_WHY) break;
  }
  return why;
}

/** Quotes given for a theme that only the learned model found. */
const MODEL_WHY = 3;

/**
 * Proposes themes for an entry's plain text, best first. Same input, same output.
 *
 * Built-in themes are chosen by the fitted model (model.ts) and explained by the cues that
 * matched, or else by the words the model leaned on most. The user's own themes are matched
 * by their names and keywords: one strong cue, or two medium ones.
 */
export function suggestThemes(text: string, options: SuggestOptions = {}): ThemeSuggestion[] {
  if (typeof text !== 'string') return [];
  const userThemes = options.userThemes ?? [];
  const analysis = analyse(text, userThemes);
  if (!analysis) return [];

  const order = new Map<string, number>();
  for (const id of BUILT_IN_THEME_IDS) order.set(id, order.size);
  for (const theme of userThemes) if (!order.has(theme.id)) order.set(theme.id, order.size);

  const limit = options.limit ?? DEFAULT_LIMIT;
  const suggestions: Array<ThemeSuggestion & { order: number; raw: number }> = [];
  const features = featuresOf(analysis);
  const builtIn = new Set<string>(BUILT_IN_THEME_IDS);
  const chances = probabilities(MODEL, features);
  const words = analysis.tokens.length;
  // A caller's minScore is one bar for every theme; by default the model's own rule applies.
  const chosen =
    options.minScore === undefined
      ? chooseThemes(
          chances,
          words,
          MODEL.threshold,
          MODEL.likeliestThreshold,
          stronglyCued(analysis),
        )
      : chooseThemes(chances, words, options.minScore, options.minScore);
  for (const themeId of BUILT_IN_THEME_IDS) {
    if (!chosen.has(themeId)) continue;
    const raw = chances.get(themeId)!;
    const cues = analysis.evidence.get(themeId)?.why ?? [];
    const why = cues.length > 0 ? cues : modelWhy(analysis, themeId, features);
    if (why.length === 0) continue; // nothing in the text to show for it
    const score = Math.round(raw * 100) / 100;
    suggestions.push({ themeId, score, why, order: order.get(themeId)!, raw });
  }
  for (const [themeId, { total, strongest, why }] of analysis.evidence) {
    if (builtIn.has(themeId)) continue;
    // Weak cues only ever tip a theme that has a real cue; alone they are background noise.
    if (strongest < MEDIUM) continue;
    const raw = 1 - Math.exp(-total);
    if (raw < (options.minScore ?? DEFAULT_MIN_SCORE)) continue;
    const score = Math.round(raw * 100) / 100;
    suggestions.push({ themeId, score, why, order: order.get(themeId) ?? order.size, raw });
  }
  suggestions.sort((a, b) => b.raw - a.raw || a.order - b.order);
  return suggestions.slice(0, Math.max(0, limit)).map(({ themeId, score, why }) => ({
    themeId,
    score,
    why,
  }));
}
