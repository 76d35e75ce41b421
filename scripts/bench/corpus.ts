// A seeded, deterministic generator of realistic journal entries for the benchmarks
// (see docs/benchmarks.md, "The corpus"). Pure TypeScript with no runtime APIs: the same
// seed and options give the same journal on every machine.

import { REAL_WORD_COUNT, VOCABULARY_SIZE, vocabularyWord } from './lexicon';
import { AliasTable, Random } from './random';
import { planCalendar } from './calendar';
import {
  COMMON_PHRASES,
  SENTENCE_OPENERS,
  THEME_IDS,
  THEME_PHRASES,
  THEME_WORDS,
  type ThemeId,
} from './vocabulary';

export { VOCABULARY_SIZE, vocabularyWord };

export interface CorpusEntry {
  title: string | null;
  paragraphs: string[];
  /** Local calendar day of the entry, 'YYYY-MM-DD' in `timeZone`. */
  entryDate: string;
  /** UTC instant in ms; falls on `entryDate` in `timeZone`. */
  createdAt: number;
  timeZone: string;
  themes: string[];
  promptId: string | null;
  starred: boolean;
  trashed: boolean;
}

export interface CorpusOptions {
  count: number;
  seed: number;
  /** Ids shaped `<theme>.<rest>`; ids whose prefix is not a built-in theme are ignored. */
  promptIds: string[];
  /** First year of the ten-year span; default 2016. Time-zone rules are exact from 2007 on. */
  startYear?: number;
}

/** Share of entries carrying each theme before prompts add theirs: a few common, some rare. */
const THEME_WEIGHTS: Record<ThemeId, number> = {
  trust: 24,
  'self-reliance': 22,
  'asking-for-help': 16,
  boundaries: 12,
  connection: 11,
  vulnerability: 8,
  receiving: 5,
  interdependence: 2,
};
const THEME_COUNT_WEIGHTS = [30, 40, 22, 8]; // 0, 1, 2 or 3 themes
const TITLE_LENGTH_WEIGHTS = [3, 3, 2, 1.2, 0.8]; // 2..6 words
const PARAGRAPH_SIZE_WEIGHTS = [1, 3, 3, 2, 1, 1]; // 2..7 sentences
const TITLE_LINKS = ['with', 'and', 'the', 'after', 'for', 'of', 'at', 'again', 'about', 'on'];
/** Ranks below this are function words (the TOP list): titles never start or end with them. */
const CONTENT_RANK = 163;

interface EntryContext {
  boostWords: readonly string[];
  phrases: readonly (readonly string[])[];
  boostChance: number;
}

let zipfTable: AliasTable | undefined;
let rankedWords: string[] | undefined;

/**
 * Zipf-Mandelbrot over the ranks, p(rank) ∝ 1 / (rank + 2.7), steepening to an exponent of 2
 * past the hand-written words: generated tail words then make up about an eighth of the text
 * (like words past the top two thousand in English) while thousands stay rare. Built once.
 */
function zipf(): { table: AliasTable; words: string[] } {
  if (!zipfTable || !rankedWords) {
    const weights = new Float64Array(VOCABULARY_SIZE);
    const knee = REAL_WORD_COUNT + 2.7;
    rankedWords = [];
    for (let rank = 0; rank < VOCABULARY_SIZE; rank++) {
      const shifted = rank + 2.7;
      weights[rank] = rank < REAL_WORD_COUNT ? 1 / shifted : (1 / knee) * (knee / shifted) ** 2;
      rankedWords.push(vocabularyWord(rank));
    }
    zipfTable = new AliasTable(weights);
  }
  return { table: zipfTable, words: rankedWords };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function pickThemes(random: Random, focus: ThemeId): ThemeId[] {
  const howMany = random.weighted(THEME_COUNT_WEIGHTS);
  const pool = [...THEME_IDS];
  const weights = pool.map((id) => THEME_WEIGHTS[id] * (id === focus ? 2.5 : 1));
  const themes: ThemeId[] = [];
  for (let i = 0; i < howMany; i++) {
    const index = random.weighted(weights);
    const id = pool[index];
    if (id === undefined) break;
    themes.push(id);
    pool.splice(index, 1);
    weights.splice(index, 1);
  }
  return themes;
}

/** Adds a prompt (and its theme) to the entry; keeps at most three themes. */
function pickPrompt(
  random: Random,
  themes: ThemeId[],
  promptsByTheme: ReadonlyMap<ThemeId, readonly string[]>,
): string {
  const own = themes.filter((id) => promptsByTheme.has(id));
  let theme: ThemeId;
  if (own.length > 0) {
    theme = random.pick(own);
  } else {
    const candidates = [...promptsByTheme.keys()];
    theme = candidates[random.weighted(candidates.map((id) => THEME_WEIGHTS[id]))] ?? THEME_IDS[0];
    if (themes.length === 3) themes.pop();
    themes.push(theme);
  }
  return random.pick(promptsByTheme.get(theme) ?? []);
}

function drawContentWord(random: Random, context: EntryContext): string {
  if (context.boostWords.length > 0 && random.chance(0.3)) return random.pick(context.boostWords);
  const { table, words } = zipf();
  let rank = table.sample(random);
  while (rank < CONTENT_RANK) rank = table.sample(random);
  return words[rank] ?? '';
}

function makeTitle(random: Random, context: EntryContext): string {
  const length = 2 + random.weighted(TITLE_LENGTH_WEIGHTS);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    const inside = i > 0 && i < length - 1;
    words.push(
      inside && random.chance(0.3) ? random.pick(TITLE_LINKS) : drawContentWord(random, context),
    );
  }
  words[0] = capitalise(words[0] ?? '');
  return words.join(' ');
}

/** One sentence of `length` words: Zipf words, some theme words, now and then a stock phrase. */
function makeSentence(random: Random, length: number, context: EntryContext): string {
  const { table, words } = zipf();
  const phraseEnd = 0.02;
  const boostEnd = phraseEnd + (context.boostWords.length > 0 ? context.boostChance : 0);
  let text = random.chance(0.3) ? random.pick(SENTENCE_OPENERS) : '';
  let used = text === '' ? 0 : 1;
  while (used < length) {
    const roll = random.next();
    let piece: string;
    if (roll < phraseEnd) {
      const phrase = random.pick(context.phrases);
      if (phrase.length > length - used) continue;
      piece = phrase.join(' ');
      used += phrase.length;
    } else {
      piece =
        roll < boostEnd ? random.pick(context.boostWords) : (words[table.sample(random)] ?? '');
      used++;
    }
    if (text === '') text = piece;
    else text += (used > 2 && random.chance(0.06) ? ', ' : ' ') + piece;
  }
  const ending = random.next();
  const mark = ending < 0.86 ? '.' : ending < 0.93 ? '?' : ending < 0.98 ? '!' : '...';
  return capitalise(text) + mark;
}

/** Splits `total` words into sentences of 5-25 words (at least two sentences). */
function sentenceLengths(random: Random, total: number): number[] {
  const count = Math.min(
    Math.floor(total / 5),
    Math.max(2, Math.ceil(total / 25), Math.round(total / 14)),
  );
  const lengths = new Array<number>(count).fill(5);
  const shares = lengths.map(() => -Math.log(1 - random.next()));
  const shareSum = shares.reduce((a, b) => a + b, 0);
  const extra = total - 5 * count;
  let left = extra;
  for (let i = 0; i < count; i++) {
    const add = Math.min(20, Math.floor((extra * (shares[i] ?? 0)) / shareSum));
    lengths[i] = 5 + add;
    left -= add;
  }
  while (left > 0) {
    const i = random.int(count);
    if ((lengths[i] ?? 25) < 25) {
      lengths[i] = (lengths[i] ?? 0) + 1;
      left--;
    }
  }
  return lengths;
}

/** Groups sentence counts into paragraphs of 2-7 sentences, or one paragraph for short entries. */
function paragraphSizes(random: Random, sentences: number, words: number): number[] {
  if (sentences <= 7 && random.chance(words < 120 ? 0.6 : 0.2)) return [sentences];
  const sizes: number[] = [];
  let left = sentences;
  while (left > 0) {
    let size = Math.min(left, 2 + random.weighted(PARAGRAPH_SIZE_WEIGHTS));
    if (left - size === 1) size = size < 7 ? size + 1 : size - 1;
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

function makeParagraphs(random: Random, total: number, context: EntryContext): string[] {
  const lengths = sentenceLengths(random, total);
  const paragraphs: string[] = [];
  let next = 0;
  for (const size of paragraphSizes(random, lengths.length, total)) {
    const sentences: string[] = [];
    for (let i = 0; i < size; i++) {
      sentences.push(makeSentence(random, lengths[next++] ?? 5, context));
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs;
}

function entryContext(themes: readonly ThemeId[]): EntryContext {
  const boostWords = themes.flatMap((id) => THEME_WORDS[id]);
  const phrases = [...COMMON_PHRASES, ...themes.flatMap((id) => THEME_PHRASES[id])];
  return { boostWords, phrases, boostChance: 0.035 * themes.length };
}

function groupPrompts(promptIds: readonly string[]): Map<ThemeId, string[]> {
  const byTheme = new Map<ThemeId, string[]>();
  for (const id of promptIds) {
    const theme = THEME_IDS.find((themeId) => id.startsWith(`${themeId}.`));
    if (theme) byTheme.set(theme, [...(byTheme.get(theme) ?? []), id]);
  }
  return byTheme;
}

/** Yields `count` entries in chronological order (createdAt ascending). */
export function* generateCorpus(options: CorpusOptions): Generator<CorpusEntry> {
  const { count, seed } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be an integer ≥ 0');
  const startYear = options.startYear ?? 2016;
  const random = new Random(seed, 2);
  const promptsByTheme = groupPrompts(options.promptIds);
  let focus: ThemeId = 'trust';
  let lastCreatedAt = -Infinity;

  for (const moment of planCalendar(new Random(seed, 1), startYear, count)) {
    const { entryDate, timeZone } = moment;
    const createdAt = Math.max(moment.createdAt, lastCreatedAt + 1);
    lastCreatedAt = createdAt;
    // Themes come in seasons: a focus theme drifts slowly and is picked more often.
    if (random.chance(1 / 40)) {
      focus = THEME_IDS[random.weighted(THEME_IDS.map((id) => THEME_WEIGHTS[id]))] ?? focus;
    }
    const themes = pickThemes(random, focus);
    const promptId =
      promptsByTheme.size > 0 && random.chance(0.15)
        ? pickPrompt(random, themes, promptsByTheme)
        : null;
    const context = entryContext(themes);
    const title = random.chance(0.6) ? makeTitle(random, context) : null;
    const words = Math.min(8000, Math.max(10, Math.round(random.logNormal(250, 0.85))));
    const paragraphs = makeParagraphs(random, words, context);
    const starred = random.chance(0.05);
    const trashed = random.chance(0.03);
    yield { title, paragraphs, entryDate, createdAt, timeZone, themes, promptId, starred, trashed };
  }
}

function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || code === 160;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Whitespace-separated words over the title and all paragraphs. */
export function wordCount(entry: CorpusEntry): number {
  let total = entry.title === null ? 0 : countWords(entry.title);
  for (const paragraph of entry.paragraphs) total += countWords(paragraph);
  return total;
}
