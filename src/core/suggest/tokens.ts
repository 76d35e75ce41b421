/**
 * Tokens for the theme suggester: words with their place in the original text, folded to a
 * crude stem so that "asked", "asking" and "asks" meet at "ask". The stemmer is deliberately
 * small: patterns are stemmed with the same function, so it only has to be consistent, not
 * linguistically right.
 */

export interface Token {
  /** Lower-case surface form (contraction parts get their expanded word, e.g. "not"). */
  word: string;
  stem: string;
  /** Span of the whole surface word in the original text, for quoting it back. */
  start: number;
  end: number;
  sentence: number;
}

const IRREGULAR: Record<string, string> = {
  said: 'say',
  says: 'say',
  told: 'tell',
  felt: 'feel',
  kept: 'keep',
  gave: 'give',
  given: 'give',
  took: 'take',
  taken: 'take',
  brought: 'bring',
  thought: 'think',
  sought: 'seek',
  went: 'go',
  gone: 'go',
  goes: 'go',
  made: 'make',
  met: 'meet',
  left: 'leave',
  got: 'get',
  gotten: 'get',
  built: 'build',
  broke: 'break',
  broken: 'break',
  spoke: 'speak',
  spoken: 'speak',
  wrote: 'write',
  written: 'write',
  sent: 'send',
  spent: 'spend',
  ran: 'run',
  came: 'come',
  saw: 'see',
  knew: 'know',
  fell: 'fall',
  held: 'hold',
  stood: 'stand',
  sat: 'sit',
  lied: 'lie',
  lying: 'lie',
  cried: 'cry',
  tried: 'try',
  relied: 'rely',
  carried: 'carry',
  was: 'be',
  were: 'be',
  been: 'be',
  being: 'be',
  is: 'be',
  are: 'be',
  am: 'be',
  has: 'have',
  had: 'have',
  having: 'have',
  did: 'do',
  does: 'do',
  done: 'do',
  doing: 'do',
  fought: 'fight',
  bought: 'buy',
  paid: 'pay',
  taught: 'teach',
  lent: 'lend',
  lost: 'lose',
  chose: 'choose',
  chosen: 'choose',
  understood: 'understand',
  hid: 'hide',
  hidden: 'hide',
  began: 'begin',
  begun: 'begin',
  drew: 'draw',
  drawn: 'draw',
  shown: 'show',
  threw: 'throw',
  thrown: 'throw',
  forgot: 'forget',
  forgave: 'forgive',
  forgiven: 'forgive',
  leant: 'lean',
  meant: 'mean',
  dealt: 'deal',
  children: 'child',
  people: 'people',
  ourselves: 'ourselves',
  themselves: 'themselves',
  yourself: 'yourself',
  myself: 'myself',
  herself: 'herself',
  himself: 'himself',
  nothing: 'nothing',
  something: 'something',
  anything: 'anything',
  everything: 'everything',
};

const UNDOUBLE = /([bcdfghjkmnprtvw])\1$/;

/** Stems are remembered across calls; the bound keeps a 10 MB paste from growing it forever. */
const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

function cachedStem(lowerWord: string): string {
  let value = STEM_CACHE.get(lowerWord);
  if (value === undefined) {
    if (STEM_CACHE.size >= STEM_CACHE_LIMIT) STEM_CACHE.clear();
    value = stem(lowerWord);
    STEM_CACHE.set(lowerWord, value);
  }
  return value;
}

/** A consistent, crude stem: irregular forms first, then common English suffixes. */
export function stem(lowerWord: string): string {
  const irregular = IRREGULAR[lowerWord];
  // The base form goes through the same rules, so "had" and "have" both end at "hav".
  if (irregular !== undefined) return irregular === lowerWord ? irregular : stem(irregular);
  let word = lowerWord;
  if (word.length <= 3) return word;
  // Plural or third person first ("mornings" → morning), then tense ("morning" → morn).
  if (word.endsWith('ies') && word.length > 4) word = `${word.slice(0, -3)}y`;
  else if (/(?:ss|sh|ch|x|z)es$/.test(word)) word = word.slice(0, -2);
  else if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) word = word.slice(0, -1);
  if (word.endsWith('ied') && word.length > 4) word = `${word.slice(0, -3)}y`;
  else if (word.endsWith('ing') && word.length >= 6) {
    word = word.slice(0, -3).replace(UNDOUBLE, '$1');
  } else if (word.endsWith('ed') && word.length >= 5) {
    word = word.slice(0, -2).replace(UNDOUBLE, '$1');
  }
  if (word.length >= 4 && word.endsWith('e')) word = word.slice(0, -1);
  return word;
}

/** Contractions whose first part is not simply the word before "n't". */
const NOT_BASES: Record<string, string> = { wo: 'will', ca: 'can', sha: 'shall', ai: 'be' };

const CLITICS: Record<string, string> = {
  d: 'would',
  ll: 'will',
  m: 'am',
  re: 'are',
  ve: 'have',
};

/** Contractions written without an apostrophe, as people type them in a hurry. */
const BARE_CONTRACTIONS: Record<string, readonly string[]> = {
  dont: ['do', 'not'],
  didnt: ['did', 'not'],
  doesnt: ['does', 'not'],
  cant: ['can', 'not'],
  couldnt: ['could', 'not'],
  wouldnt: ['would', 'not'],
  shouldnt: ['should', 'not'],
  wasnt: ['was', 'not'],
  isnt: ['is', 'not'],
  havent: ['have', 'not'],
  hadnt: ['had', 'not'],
  cannot: ['can', 'not'],
  im: ['i', 'am'],
  ive: ['i', 'have'],
};

/** The words a surface word stands for: "didn't" → did, not; "I'd" → i, would. */
function expand(lower: string): readonly string[] {
  const bare = BARE_CONTRACTIONS[lower];
  if (bare) return bare;
  const apostrophe = lower.indexOf("'");
  if (apostrophe < 0) return [lower];
  const head = lower.slice(0, apostrophe);
  const tail = lower.slice(apostrophe + 1);
  if (tail === 't' && head.endsWith('n')) {
    const base = head.slice(0, -1);
    return [NOT_BASES[base] ?? base, 'not'];
  }
  if (lower === "let's") return ['let', 'us'];
  const clitic = CLITICS[tail];
  if (clitic) return [head, clitic];
  // "'s" is "is", "has" or a possessive; none of them carries a theme, so it is dropped.
  return head ? [head] : [];
}

const WORD_OR_BREAK = /([\p{L}\p{N}]+(?:['’][\p{L}]+)*)|([.!?]+|\n)/gu;

/** Splits text into stemmed tokens; hyphenated words become separate tokens. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  for (const match of text.matchAll(WORD_OR_BREAK)) {
    const surface = match[1];
    if (surface === undefined) {
      sentence += 1;
      continue;
    }
    const start = match.index;
    const end = start + surface.length;
    const lower = surface.toLowerCase().replace(/’/g, "'");
    for (const word of expand(lower)) {
      tokens.push({ word, stem: cachedStem(word), start, end, sentence });
    }
  }
  return tokens;
}
