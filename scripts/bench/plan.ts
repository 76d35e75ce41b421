// What the measuring process will do, decided beforehand from the corpus so that the
// measuring process loads nothing but the journal core (its peak RSS is the app's).
import type { BuiltCorpus } from './build';
import { generateCorpus } from './corpus';

export interface QueryShape {
  name: string;
  query: string;
  themes?: string[];
  /** Entries whose words match, from the corpus (before trash); for the report. */
  documents: number;
}

const fold = (word: string) => word.normalize('NFKD').replace(/\p{M}/gu, '');

/** Picks search terms by how many entries hold them, as benchmarks.md asks. */
export function pickQueries(built: BuiltCorpus): QueryShape[] {
  const n = built.entries;
  const words = Object.entries(built.documentFrequency).filter(([word]) =>
    /^\p{L}{4,}$/u.test(word),
  );
  const closest = (target: number, filter: (word: string) => boolean = () => true) =>
    words
      .filter(([word]) => filter(word))
      .reduce((best, candidate) =>
        Math.abs(candidate[1] - target) < Math.abs(best[1] - target) ? candidate : best,
      );
  const rare = closest(Math.max(1, n * 0.0005), (word) => word === fold(word));
  const common = closest(n * 0.25, (word) => word === fold(word));
  const middle = closest(n * 0.05, (word) => word === fold(word) && word !== common[0]);
  const accented = closest(n * 0.01, (word) => word !== fold(word));
  const prefixBase = closest(n * 0.02, (word) => word.length >= 6 && word === fold(word));
  const phraseDocs = words.find(([word]) => word === 'help')?.[1] ?? 0;
  return [
    { name: `rare term (${rare[0]})`, query: rare[0], documents: rare[1] },
    { name: `common term (${common[0]})`, query: common[0], documents: common[1] },
    {
      name: `two terms (${common[0]} ${middle[0]})`,
      query: `${common[0]} ${middle[0]}`,
      documents: Math.min(common[1], middle[1]),
    },
    {
      name: `prefix (${prefixBase[0].slice(0, 4)}*)`,
      query: `${prefixBase[0].slice(0, 4)}*`,
      documents: prefixBase[1],
    },
    { name: 'phrase ("asked for help")', query: '"asked for help"', documents: phraseDocs },
    {
      name: `diacritics (${fold(accented[0])} → ${accented[0]})`,
      query: fold(accented[0]),
      documents: accented[1],
    },
    {
      name: `common term in one theme (${common[0]}, boundaries)`,
      query: common[0],
      themes: ['boundaries'],
      documents: common[1],
    },
    { name: 'no match (zqxjvw)', query: 'zqxjvw', documents: 0 },
  ];
}

export interface SaveSample {
  title: string;
  paragraphs: string[];
  timeZone: string;
  themes: string[];
}

export interface BenchPlan {
  entries: number;
  queries: QueryShape[];
  /** Themes by how many entries carry them, most first. */
  themeIds: string[];
  /** 200 new entries, then 200 replacement texts for editing them. */
  samples: SaveSample[];
}

export function makePlan(built: BuiltCorpus): BenchPlan {
  const samples = [...generateCorpus({ count: 400, seed: built.seed + 1, promptIds: [] })].map(
    (entry) => ({
      title: entry.title ?? '',
      paragraphs: entry.paragraphs,
      timeZone: entry.timeZone,
      themes: entry.themes,
    }),
  );
  return {
    entries: built.entries,
    queries: pickQueries(built),
    themeIds: Object.entries(built.themeCounts)
      .sort((a, b) => b[1] - a[1])
      .map(([id]) => id),
    samples,
  };
}
