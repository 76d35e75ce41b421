/** Bounds shared by every front so that all of them refuse the same things. */
export const LIMITS = {
  /** Keywords a theme may carry for the suggester, and each one's length. */
  themeKeywordsMax: 20,
  themeKeywordMaxChars: 40,
  passphraseMinChars: 8,
  passphraseMaxChars: 1024,
  titleMaxChars: 500,
  /** Serialized Lexical JSON of one entry. Imports of 10 MB entries must fit. */
  docMaxBytes: 32 * 1024 * 1024,
  themeLabelMaxChars: 60,
  searchQueryMaxChars: 1000,
  pageMax: 500,
  pageDefault: 50,
} as const;

/** Counts user-visible characters the way people count them (code points after NFC). */
export function countChars(text: string): number {
  return [...text.normalize('NFC')].length;
}
