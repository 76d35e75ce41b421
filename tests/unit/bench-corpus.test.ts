import builtInThemes from '../../resources/themes.json';
import { describe, it, expect } from 'vitest';
import {
  type CorpusEntry,
  type CorpusOptions,
  generateCorpus,
  VOCABULARY_SIZE,
  vocabularyWord,
  wordCount,
} from '../../scripts/bench/corpus';

const THEMES = builtInThemes.map((theme) => theme.id);
const PROMPT_IDS = THEMES.flatMap((theme) =>
  Array.from({ length: 8 }, (_, i) => `${theme}.prompt-${i + 1}`),
);

function generate(count: number, seed = 20240, promptIds = PROMPT_IDS): CorpusEntry[] {
  const options: CorpusOptions = { count, seed, promptIds };
  return [...generateCorpus(options)];
}

const cache = new Map<number, CorpusEntry[]>();
function corpus(count: number): CorpusEntry[] {
  let entries = cache.get(count);
  if (!entries) {
    entries = generate(count);
    cache.set(count, entries);
  }
  return entries;
}

const normalise = (token: string): string =>
  token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').toLowerCase();

/** How many entries contain each term (lower-cased, punctuation stripped). */
function documentFrequencies(entries: readonly CorpusEntry[]): Map<string, number> {
  const frequencies = new Map<string, number>();
  for (const entry of entries) {
    const seen = new Set<string>();
    for (const text of [entry.title ?? '', ...entry.paragraphs]) {
      for (const token of text.split(/\s+/)) {
        const term = normalise(token);
        if (term) seen.add(term);
      }
    }
    for (const term of seen) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
  }
  return frequencies;
}

function localDate(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

describe('benchmark corpus generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const first = generate(300, 7);
    expect(generate(300, 7)).toEqual(first);
    expect(generate(300, 8)).not.toEqual(first);
    expect(first).toHaveLength(300);
  });

  it('yields entries in chronological order, each on its local day', () => {
    const entries = corpus(2000);
    for (let i = 1; i < entries.length; i++) {
      expect(entries[i]!.createdAt).toBeGreaterThan(entries[i - 1]!.createdAt);
    }
    for (const entry of entries) {
      expect(entry.entryDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(localDate(entry.createdAt, entry.timeZone)).toBe(entry.entryDate);
    }
    const zones = new Set(entries.map((entry) => entry.timeZone));
    expect(zones.size).toBeGreaterThan(1);
    const home = entries.filter((entry) => entry.timeZone === 'Europe/Berlin').length;
    expect(home / entries.length).toBeGreaterThan(0.8);
  });

  it('spreads dates over at least nine years, in bursts with gaps', () => {
    const entries = corpus(2000);
    const first = Date.parse(entries[0]!.entryDate);
    const last = Date.parse(entries[entries.length - 1]!.entryDate);
    expect((last - first) / (365.25 * 86_400_000)).toBeGreaterThanOrEqual(9);
    const perDay = new Map<string, number>();
    for (const entry of entries)
      perDay.set(entry.entryDate, (perDay.get(entry.entryDate) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeGreaterThanOrEqual(3);
    const days = [...perDay.keys()].map((day) => Date.parse(day));
    const longGaps = days.filter((day, i) => i > 0 && day - days[i - 1]! >= 14 * 86_400_000);
    expect(longGaps.length).toBeGreaterThanOrEqual(10);
  });

  it('has a vocabulary of at least 5,000 distinct words, with diacritics at varied ranks', () => {
    expect(VOCABULARY_SIZE).toBeGreaterThanOrEqual(5000);
    const words = Array.from({ length: VOCABULARY_SIZE }, (_, rank) => vocabularyWord(rank));
    expect(new Set(words.map((word) => word.toLowerCase())).size).toBe(VOCABULARY_SIZE);
    expect(vocabularyWord(0)).toBe('the');
    expect(() => vocabularyWord(VOCABULARY_SIZE)).toThrow(RangeError);
    for (const word of ['café', 'naïve', 'Zoë', 'José', 'résumé', 'fiancée', 'Müller', 'piñata']) {
      expect(words).toContain(word);
    }
    const accented = words.flatMap((word, rank) => (/[^\p{ASCII}]/u.test(word) ? [rank] : []));
    expect(accented.some((rank) => rank < 1000)).toBe(true);
    expect(accented.some((rank) => rank > 10_000)).toBe(true);
    expect(documentFrequencies(corpus(2000)).size).toBeGreaterThanOrEqual(5000);
  });

  it('uses only vocabulary words in the text', () => {
    const known = new Set(
      Array.from({ length: VOCABULARY_SIZE }, (_, rank) => vocabularyWord(rank).toLowerCase()),
    );
    const unknown = [...documentFrequencies(corpus(2000)).keys()].filter(
      (term) => !known.has(term),
    );
    expect(unknown).toEqual([]);
  });

  it('draws lengths from a skewed distribution with a median near 250 words', () => {
    const counts = corpus(2000)
      .map(wordCount)
      .sort((a, b) => a - b);
    const median = counts[counts.length >> 1]!;
    expect(median).toBeGreaterThanOrEqual(180);
    expect(median).toBeLessThanOrEqual(320);
    const shortToMid = counts.filter((n) => n >= 50 && n <= 300).length / counts.length;
    expect(shortToMid).toBeGreaterThan(0.4);
    expect(corpus(5000).some((entry) => wordCount(entry) >= 2000)).toBe(true);
  });

  it('writes sentences of 5-25 words in paragraphs of 2-7 sentences, titles of 2-6 words', () => {
    const entries = corpus(2000);
    let singleParagraph = 0;
    for (const entry of entries) {
      if (entry.paragraphs.length === 1) singleParagraph++;
      for (const paragraph of entry.paragraphs) {
        const sentences = paragraph.split(/(?<=[.?!]) /);
        expect(sentences.length).toBeLessThanOrEqual(7);
        if (entry.paragraphs.length > 1) expect(sentences.length).toBeGreaterThanOrEqual(2);
        for (const sentence of sentences) {
          expect(sentence).toMatch(/^\p{Lu}.*[.?!]$/u);
          const words = sentence.split(' ').length;
          expect(words).toBeGreaterThanOrEqual(5);
          expect(words).toBeLessThanOrEqual(25);
        }
      }
      if (entry.title !== null) {
        expect(entry.title).toMatch(/^\p{Lu}/u);
        const words = entry.title.split(' ').length;
        expect(words).toBeGreaterThanOrEqual(2);
        expect(words).toBeLessThanOrEqual(6);
      }
    }
    expect(singleParagraph).toBeGreaterThan(0);
    const titled = entries.filter((entry) => entry.title !== null).length / entries.length;
    expect(titled).toBeGreaterThan(0.5);
    expect(titled).toBeLessThan(0.7);
  });

  it('counts whitespace-separated words over title and paragraphs', () => {
    const entry: CorpusEntry = {
      ...corpus(2000)[0]!,
      title: 'Two words',
      paragraphs: ['One two three.', '  Four\tfive\nsix. '],
    };
    expect(wordCount(entry)).toBe(8);
  });

  it('tags 0-3 valid, distinct themes with an uneven distribution', () => {
    const entries = corpus(2000);
    const perTheme = new Map<string, number>();
    for (const entry of entries) {
      expect(entry.themes.length).toBeLessThanOrEqual(3);
      expect(new Set(entry.themes).size).toBe(entry.themes.length);
      for (const theme of entry.themes) {
        expect(THEMES).toContain(theme);
        perTheme.set(theme, (perTheme.get(theme) ?? 0) + 1);
      }
    }
    expect(entries.some((entry) => entry.themes.length === 0)).toBe(true);
    expect(entries.some((entry) => entry.themes.length === 3)).toBe(true);
    const trust = perTheme.get('trust') ?? 0;
    const interdependence = perTheme.get('interdependence') ?? 0;
    expect(interdependence).toBeGreaterThan(0);
    expect(trust).toBeGreaterThan(4 * interdependence);
  });

  it('uses theme words more often in entries carrying that theme', () => {
    const entries = corpus(2000);
    const share = (list: CorpusEntry[]): number =>
      list.filter((entry) => entry.paragraphs.some((p) => /\bboundary\b/i.test(p))).length /
      list.length;
    const tagged = entries.filter((entry) => entry.themes.includes('boundaries'));
    const untagged = entries.filter((entry) => !entry.themes.includes('boundaries'));
    expect(share(tagged)).toBeGreaterThan(1.5 * share(untagged));
  });

  it('links prompts to one of the entry’s themes', () => {
    const entries = corpus(2000);
    const prompted = entries.filter((entry) => entry.promptId !== null);
    for (const entry of prompted) {
      expect(PROMPT_IDS).toContain(entry.promptId);
      expect(entry.themes).toContain(entry.promptId!.split('.')[0]);
    }
    expect(prompted.length / entries.length).toBeGreaterThan(0.1);
    expect(prompted.length / entries.length).toBeLessThan(0.2);
    const onlyTrust = generate(500, 3, ['trust.a', 'trust.b', 'not-a-theme.c']);
    for (const entry of onlyTrust.filter((e) => e.promptId !== null)) {
      expect(['trust.a', 'trust.b']).toContain(entry.promptId);
      expect(entry.themes).toContain('trust');
    }
    expect(generate(500, 3, []).every((entry) => entry.promptId === null)).toBe(true);
  });

  it('trashes a few percent and stars some', () => {
    const entries = corpus(2000);
    const trashed = entries.filter((entry) => entry.trashed).length / entries.length;
    expect(trashed).toBeGreaterThanOrEqual(0.01);
    expect(trashed).toBeLessThanOrEqual(0.06);
    const starred = entries.filter((entry) => entry.starred).length / entries.length;
    expect(starred).toBeGreaterThan(0.02);
    expect(starred).toBeLessThan(0.09);
  });

  it('has common terms in ≥ 20% of entries and many rare ones in ≤ 0.1%', () => {
    const entries = corpus(2000);
    const frequencies = [...documentFrequencies(entries).values()];
    expect(frequencies.some((n) => n >= 0.2 * entries.length)).toBe(true);
    expect(frequencies.some((n) => n >= 0.25 * entries.length && n <= 0.45 * entries.length)).toBe(
      true,
    );
    expect(frequencies.filter((n) => n <= 0.001 * entries.length).length).toBeGreaterThan(1000);
  });

  it('generates 10,000 entries', () => {
    const started = performance.now();
    let words = 0;
    let count = 0;
    for (const entry of generateCorpus({ count: 10_000, seed: 99, promptIds: PROMPT_IDS })) {
      words += wordCount(entry);
      count++;
    }
    const ms = performance.now() - started;
    console.log(`bench corpus: ${count} entries, ${words} words in ${ms.toFixed(0)} ms`);
    expect(count).toBe(10_000);
  });
});
