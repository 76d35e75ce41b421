// npm run bench:suggest [-- --runs R --seed S]   (also run by `npm run bench`)
// Theme-suggestion latency: loading the suggester (the first import of src/core/suggest plus its
// first call, and the heap that adds), then suggestThemes on entries of 100, 1,000 and 5,000
// words cut from the seeded benchmark corpus, a different text on every run (20 warm-up, R
// measured, default 200), then one 10 MB paste. A second 1,000-word row stitches the labelled
// prose of tests/data/theme-eval/dev*.jsonl, the kind of text `npm run eval:themes` reads.
// Target (the issue): under 5 ms for a 1,000-word entry. Prints a table and JSON; passes or
// fails nothing.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ThemeSuggestion } from '../../src/core/suggest';
import { generateCorpus } from './corpus';
import { type Timing, ms, summarize } from './stats';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    seed: { type: 'string', default: '42' },
  },
});

const runs = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number ≥ 1.');
if (!Number.isInteger(seed)) throw new Error('--seed takes a whole number.');
const WARMUP = 20;
const SIZES = [100, 1000, 5000] as const;
const TARGET_WORDS = 1000;
const TARGET_MS = 5;
const PASTE_CHARS = 10_000_000;
const LABELLED_DIR = join(process.cwd(), 'tests', 'data', 'theme-eval');
const log = (text: string) => process.stderr.write(`${text}\n`);
const mib = (bytes: number) => bytes / 2 ** 20;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Consecutive words of the seeded corpus, entry after entry: never the same text twice. */
function corpusWords(): (count: number) => string {
  // 100,000 entries (the largest benchmark journal) are about 36 million words: plenty.
  const entries = generateCorpus({ count: 100_000, seed, promptIds: [] });
  let buffer: string[] = [];
  return (count) => {
    while (buffer.length < count) {
      const entry = entries.next();
      if (entry.done) throw new Error('The corpus ran out.');
      const { title, paragraphs } = entry.value;
      const text = [...(title === null ? [] : [title]), ...paragraphs].join('\n\n');
      // Each word keeps the whitespace after it, so paragraphs stay paragraphs.
      buffer = buffer.concat(`${text}\n\n`.split(/(?<=\s)(?=\S)/));
    }
    return buffer.splice(0, count).join('').trimEnd();
  };
}

/** The labelled development entries, stitched in a fixed order (every 7th, wrapping round). */
function labelledWords(): ((count: number) => string) | undefined {
  if (!existsSync(LABELLED_DIR)) return undefined;
  const texts = readdirSync(LABELLED_DIR)
    .filter((file) => /^dev.*\.jsonl$/.test(file))
    .sort()
    .flatMap((file) => readFileSync(join(LABELLED_DIR, file), 'utf8').split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text);
  if (texts.length === 0) return undefined;
  let next = 0;
  return (count) => {
    const words: string[] = [];
    while (words.length < count) {
      words.push(...texts[next]!.split(/\s+/).filter((word) => word !== ''));
      next = (next + 7) % texts.length;
    }
    return words.slice(0, count).join(' ');
  };
}

interface SizeResult {
  words: number;
  source: 'corpus' | 'labelled';
  meanChars: number;
  meanSuggestions: number;
  timing: Timing;
}

/** One call per text: the first WARMUP unmeasured, the rest measured. */
function measure(
  suggestThemes: (text: string) => ThemeSuggestion[],
  texts: readonly string[],
  words: number,
  source: SizeResult['source'],
): SizeResult {
  const samples: number[] = [];
  let suggestions = 0;
  texts.forEach((text, run) => {
    const start = performance.now();
    const result = suggestThemes(text);
    const elapsed = performance.now() - start;
    if (run < WARMUP) return;
    samples.push(elapsed);
    suggestions += result.length;
  });
  return {
    words,
    source,
    meanChars: texts.reduce((sum, text) => sum + text.length, 0) / texts.length,
    meanSuggestions: suggestions / samples.length,
    timing: summarize(samples),
  };
}

const loadBefore = loadavg();
const nextWords = corpusWords();
const firstText = nextWords(TARGET_WORDS);

log('Loading the suggester');
gc();
const heapBefore = process.memoryUsage().heapUsed;
const importStart = performance.now();
const { suggestThemes } = await import('../../src/core/suggest');
const importMs = performance.now() - importStart;
const callStart = performance.now();
suggestThemes(firstText);
const firstCallMs = performance.now() - callStart;
gc();
const heapAddedMiB = mib(process.memoryUsage().heapUsed - heapBefore);

log(`Generating ${WARMUP + runs} texts per size (seed ${seed})`);
const textsBySize = SIZES.map((words) =>
  Array.from({ length: WARMUP + runs }, () => nextWords(words)),
);
const nextLabelled = labelledWords();
const labelledTexts = nextLabelled
  ? Array.from({ length: WARMUP + runs }, () => nextLabelled(TARGET_WORDS))
  : undefined;
const pasteParts: string[] = [];
for (let chars = 0; chars < PASTE_CHARS;) {
  const part = nextWords(5000);
  pasteParts.push(part);
  chars += part.length + 2;
}
const paste = pasteParts.join('\n\n').slice(0, PASTE_CHARS);

log(`Measuring (${WARMUP} warm-up and ${runs} measured runs per size, a new text each run)`);
const sizes = SIZES.map((words, index) =>
  measure(suggestThemes, textsBySize[index]!, words, 'corpus'),
);
const labelled = labelledTexts
  ? measure(suggestThemes, labelledTexts, TARGET_WORDS, 'labelled')
  : undefined;
const pasteStart = performance.now();
const pasteSuggestions = suggestThemes(paste).length;
const pasteMs = performance.now() - pasteStart;
const loadAfter = loadavg();

const target = sizes.find((size) => size.words === TARGET_WORDS)!;
const verdict = (timing: Timing) =>
  `p50 ${timing.p50 < TARGET_MS ? 'met' : 'NOT met'}, p95 ${timing.p95 < TARGET_MS ? 'met' : 'NOT met'}`;
const row = (label: string, size: SizeResult, note = '') =>
  `| ${label} | ${Math.round(size.meanChars).toLocaleString('en')} | ${ms(size.timing.p50)} | ${ms(size.timing.p95)} | ${ms(size.timing.max)} | ${size.meanSuggestions.toFixed(2)} | ${note} |`;

const lines = [
  `Lean On theme-suggestion benchmark: seed ${seed}, ${runs} measured runs per size after ${WARMUP} warm-up, a different text each run`,
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average ${loadBefore[0]!.toFixed(2)} before, ${loadAfter[0]!.toFixed(2)} after`,
  '',
  `Loading the suggester (first import through tsx, then the first call on a 1,000-word entry): ${ms(importMs + firstCallMs)} ms (import ${ms(importMs)} ms + first call ${ms(firstCallMs)} ms); heap ${heapAddedMiB.toFixed(1)} MiB larger after both, measured between two full GCs`,
  '',
  '| suggestThemes (ms) | mean chars | p50 | p95 | max | themes per call | target |',
  '|---|---|---|---|---|---|---|',
  ...sizes.map((size) =>
    row(
      `${size.words.toLocaleString('en')} words, seeded corpus`,
      size,
      size === target ? `< ${TARGET_MS} ms: ${verdict(size.timing)}` : '',
    ),
  ),
  ...(labelled
    ? [
        row(
          `${TARGET_WORDS.toLocaleString('en')} words, labelled prose (dev*.jsonl)`,
          labelled,
          `< ${TARGET_MS} ms: ${verdict(labelled.timing)}`,
        ),
      ]
    : []),
  '',
  `One ${(paste.length / 1_000_000).toFixed(1)} MB paste (${paste.length.toLocaleString('en')} characters, a single call; only the first 100,000 characters are read): ${ms(pasteMs)} ms, ${pasteSuggestions} themes`,
];
process.stdout.write(
  `${lines.join('\n')}\n\nJSON:\n${JSON.stringify({
    seed,
    runs,
    warmup: WARMUP,
    target: { words: TARGET_WORDS, ms: TARGET_MS },
    loadBefore,
    loadAfter,
    loading: { importMs, firstCallMs, heapAddedMiB },
    sizes,
    labelled,
    paste: { chars: paste.length, ms: pasteMs, suggestions: pasteSuggestions },
  })}\n`,
);
