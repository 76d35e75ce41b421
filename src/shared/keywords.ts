import { LIMITS } from './limits';
import type { Theme } from './types';

/**
 * A theme's keywords as stored: trimmed, NFC, single-spaced, without repeats (compared
 * case-insensitively), in the order given, and no more than LIMITS.themeKeywordsMax of them.
 */
export function cleanKeywords(
  keywords: readonly string[],
  max: number = LIMITS.themeKeywordsMax,
): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const keyword of keywords) {
    if (kept.length === max) break;
    const clean = keyword.normalize('NFC').replace(/\s+/g, ' ').trim();
    const folded = clean.toLowerCase();
    if (clean === '' || seen.has(folded)) continue;
    seen.add(folded);
    kept.push(clean);
  }
  return kept;
}

export interface MergedKeywords {
  /** The keywords `into` has after the merge. */
  keywords: string[];
  /** Of `from`'s name and keywords, those that will suggest `into`. */
  handedOn: string[];
  /** Of `from`'s name and keywords, those that will suggest nothing after the merge. */
  leftOut: string[];
}

/**
 * What happens to the words that suggest `from` when it is merged into `into`. The core
 * stores `keywords`; the window says `handedOn` and `leftOut` before asking, so the two
 * cannot disagree. A built-in theme is suggested by the model alone and takes no keywords;
 * a theme of the person's own keeps its keywords first and gains `from`'s keywords and name
 * (a name longer than a keyword may be is left out) while there is room.
 */
export function mergedKeywords(
  from: Pick<Theme, 'label' | 'keywords'>,
  into: Pick<Theme, 'builtIn' | 'keywords'>,
): MergedKeywords {
  const offered = cleanKeywords([...from.keywords, from.label], Infinity);
  if (into.builtIn) return { keywords: [...into.keywords], handedOn: [], leftOut: offered };
  const fits = (word: string) => word.length <= LIMITS.themeKeywordMaxChars;
  const keywords = cleanKeywords([...into.keywords, ...offered.filter(fits)]);
  const kept = new Set(keywords.map((word) => word.toLowerCase()));
  return {
    keywords,
    handedOn: offered.filter((word) => kept.has(word.toLowerCase())),
    leftOut: offered.filter((word) => !kept.has(word.toLowerCase())),
  };
}
