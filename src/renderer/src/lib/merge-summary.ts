import { mergedKeywords } from '../../../shared/keywords';
import { LIMITS } from '../../../shared/limits';
import type { Theme } from '../../../shared/types';

/** What merging `from` into `into` will do, said before it is done: it cannot be undone. */
export function mergeSummary(from: Theme, into: Theme): string {
  const entries =
    from.entryCount === 0
      ? ''
      : ` ${from.entryCount === 1 ? 'Its entry' : `Its ${from.entryCount} entries`} will be tagged ${into.label}.`;
  return `Merge ${from.label} into ${into.label}?${entries} ${wordsSummary(from, into)} ${from.label} is then removed; this cannot be undone.`;
}

/** Where the name and words that suggest `from` go, exactly as the core will store them. */
function wordsSummary(from: Theme, into: Theme): string {
  const { handedOn, leftOut } = mergedKeywords(from, into);
  const words = from.keywords.length > 0 ? 'Its name and the words that suggest it' : 'Its name';
  if (into.builtIn) {
    return `${words} will no longer suggest anything: built-in themes are suggested by what an entry says, not by keywords.`;
  }
  if (leftOut.length === 0) return `${words} will suggest ${into.label} instead.`;
  const room = `a theme takes at most ${LIMITS.themeKeywordsMax} keywords of up to ${LIMITS.themeKeywordMaxChars} characters`;
  if (handedOn.length === 0) return `${words} will not suggest ${into.label}: ${room}.`;
  const except = leftOut.length <= 3 ? quotedList(leftOut) : `${leftOut.length} of them`;
  return `${words} will suggest ${into.label} instead, except ${except}: ${room}.`;
}

/** “a”, “b” and “c”. */
function quotedList(words: readonly string[]): string {
  const quoted = words.map((word) => `“${word}”`);
  const last = quoted.pop() ?? '';
  return quoted.length === 0 ? last : `${quoted.join(', ')} and ${last}`;
}
