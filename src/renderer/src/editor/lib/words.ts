const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Word-like segments, counted the way the core counts them for the entry list. */
export function countWords(text: string): number {
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count += 1;
  return count;
}

export function wordCountLabel(words: number): string {
  return `${new Intl.NumberFormat().format(words)} ${words === 1 ? 'word' : 'words'}`;
}
