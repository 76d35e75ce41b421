// The hand-labelled entries the theme suggester is fitted and scored on (tests/data/theme-eval;
// its README tells how they were written). Shared by fit-themes.ts, themes.ts and the tests.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const THEME_EVAL_DIR = join(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../tests/data/theme-eval',
);
/** Every file the model learns from. */
export const TRAINING_FILES = [
  'dev.jsonl',
  'dev-2.jsonl',
  'dev-3.jsonl',
  'dev-4.jsonl',
  'dev-5.jsonl',
  'dev-6.jsonl',
  'dev-7.jsonl',
  'dev-8.jsonl',
  'dev-9.jsonl',
  'dev-10.jsonl',
  'dev-11.jsonl',
  'dev-12.jsonl',
  'dev-13.jsonl',
];
/** The current held-out round: scored, never fitted on nor read entry by entry. */
export const HELD_OUT_FILE = 'held-out-13.jsonl';
/**
 * Earlier held-out rounds not yet folded into training: scored again beside the current one, so
 * a change can be read on writing of both kinds. Never fitted on.
 */
export const EARLIER_HELD_OUT_FILES = [
  'held-out-12.jsonl',
  'held-out-11.jsonl',
  'held-out-10.jsonl',
  'held-out-9.jsonl',
  'held-out-8.jsonl',
];

export interface LabelledEntry {
  id: string;
  text: string;
  themes: string[];
}

export function loadLabelled(file: string): LabelledEntry[] {
  return readFileSync(join(THEME_EVAL_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledEntry);
}

export function loadTraining(): LabelledEntry[] {
  return TRAINING_FILES.flatMap(loadLabelled);
}

/** A fingerprint of the training files, recorded in the fitted model to show it is current. */
export function trainingFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of TRAINING_FILES) hash.update(readFileSync(join(THEME_EVAL_DIR, file)));
  return hash.digest('hex').slice(0, 16);
}
