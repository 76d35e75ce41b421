const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const NUMBER = new Intl.NumberFormat();

/** Word-like segments, counted the way the core counts them for the entry list. */
export function countWords(text: string): number {
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count += 1;
  return count;
}

export function wordCountLabel(words: number): string {
  return `${NUMBER.format(words)} ${words === 1 ? 'word' : 'words'}`;
}
