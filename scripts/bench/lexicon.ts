// The ranked vocabulary of the benchmark corpus: the hand-written lists from vocabulary.ts,
// then a deterministic tail of syllable-made rare words and names. The tail is fixed (not
// seeded by the corpus) so a rank means the same word in every corpus.

import { Random } from './random';
import {
  COMMON_PHRASES,
  DEEP_WORDS,
  REAL_WORD_LISTS,
  SENTENCE_OPENERS,
  THEME_PHRASES,
  THEME_WORDS,
} from './vocabulary';

export const VOCABULARY_SIZE = 40_000;

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w.length > 0);
const SIMPLE_ONSETS = words(`b c d f g h j k l m n p r s t v w z`);
const CLUSTER_ONSETS = words(`br bl cr dr fl fr gl gr pl pr sh st tr th ch`);
const VOWELS = words(`a e i o u a e i o a e`);
const DIPHTHONGS = words(`ai ea oo ou ie`);
const ACCENTED = words(`é è ë ö ü á í ó ñ å ø`);
const SIMPLE_CODAS = words(`n r l s t m`);
const CLUSTER_CODAS = words(`nd nt st rk sh ng`);
const SUFFIXES = words(`- - - - ing ed er ly ous ment ness ic ish ful`).map((s) =>
  s === '-' ? '' : s,
);
const NAME_ENDINGS = words(`a o en ia ine an ette us ix son berg ow`);

function syllable(random: Random): string {
  const onset = random.pick(random.chance(0.25) ? CLUSTER_ONSETS : SIMPLE_ONSETS);
  const roll = random.next();
  const vowel =
    roll < 0.012 ? random.pick(ACCENTED) : random.pick(roll < 0.2 ? DIPHTHONGS : VOWELS);
  const coda = random.next();
  if (coda < 0.55) return onset + vowel;
  return onset + vowel + random.pick(coda < 0.9 ? SIMPLE_CODAS : CLUSTER_CODAS);
}

/** A plausible rare word, or (about one in seven) a capitalised name. */
function tailWord(random: Random): string {
  const syllables = random.chance(0.7) ? 2 : 3;
  let word = '';
  for (let i = 0; i < syllables; i++) word += syllable(random);
  if (random.chance(0.15)) {
    word += random.pick(NAME_ENDINGS);
    return word.charAt(0).toUpperCase() + word.slice(1);
  }
  return word + random.pick(SUFFIXES);
}

function buildVocabulary(size: number): { ranked: string[]; realCount: number } {
  const seen = new Set<string>();
  const ranked: string[] = [];
  const add = (word: string): void => {
    const key = word.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    ranked.push(word);
  };
  for (const list of REAL_WORD_LISTS) list.forEach(add);
  // Safety net: every word the generator can emit outside the Zipf draw must have a rank.
  const extras = [
    SENTENCE_OPENERS,
    ...Object.values(THEME_WORDS),
    ...COMMON_PHRASES,
    ...Object.values(THEME_PHRASES).flat(),
  ];
  for (const list of extras) list.forEach(add);
  const realCount = ranked.length;
  const deep = new Map(DEEP_WORDS.map(([word, rank]) => [rank, word]));
  const random = new Random(0x1ea0, 7);
  while (ranked.length < size) {
    const placed = deep.get(ranked.length);
    add(placed ?? tailWord(random));
  }
  return { ranked, realCount };
}

const BUILT = buildVocabulary(VOCABULARY_SIZE);
const VOCABULARY: readonly string[] = BUILT.ranked;

/** How many leading ranks are hand-written real words rather than generated ones. */
export const REAL_WORD_COUNT = BUILT.realCount;

/** The word at `rank` (0 = most common), in its written form (names capitalised). */
export function vocabularyWord(rank: number): string {
  const word = VOCABULARY[rank];
  if (word === undefined) throw new RangeError(`no vocabulary word at rank ${rank}`);
  return word;
}

/** Rank of a word (case-sensitive written form), or -1. */
const RANK_BY_WORD = new Map(VOCABULARY.map((word, rank) => [word, rank]));
export function vocabularyRank(word: string): number {
  return RANK_BY_WORD.get(word) ?? -1;
}
