import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyConnectionSettings, type Db } from '../../src/core/db/database';
import { migrate } from '../../src/core/db/migrate';
import { createEntry, trashEntry } from '../../src/core/entries';
import { Journal } from '../../src/core/journal';
import { PROMPTS } from '../../src/core/prompts';
import { paragraphsDoc } from '../../src/core/text';
import { type CorpusEntry, generateCorpus } from './corpus';
import { BENCH_PASSPHRASE } from './constants';

export interface BuiltCorpus {
  entries: number;
  seed: number;
  /** Documents containing each word, lower-cased, for picking search terms by frequency. */
  documentFrequency: Record<string, number>;
  themeCounts: Record<string, number>;
  buildSeconds: { encrypted: number; plain: number };
}

function insertAll(db: Db, corpus: CorpusEntry[], onProgress: (done: number) => void): void {
  const batch = 1000;
  for (let start = 0; start < corpus.length; start += batch) {
    db.transaction(() => {
      for (const entry of corpus.slice(start, start + batch)) {
        const saved = createEntry(
          db,
          {
            title: entry.title ?? '',
            doc: paragraphsDoc(entry.paragraphs),
            entryDate: entry.entryDate,
            timeZone: entry.timeZone,
            promptId: entry.promptId,
            starred: entry.starred,
            themes: entry.themes.map((id) => ({ id, source: 'manual' as const })),
          },
          entry.createdAt,
        );
        if (entry.trashed) trashEntry(db, saved.id, entry.createdAt + 86_400_000);
      }
    })();
    onProgress(Math.min(corpus.length, start + batch));
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec(`INSERT INTO entries_fts (entries_fts) VALUES ('optimize')`);
  db.exec('ANALYZE');
}

/** Builds the encrypted journal and an unencrypted twin from the same seeded corpus. */
export async function buildCorpus(
  dir: string,
  entries: number,
  seed: number,
): Promise<BuiltCorpus> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const corpus = [
    ...generateCorpus({ count: entries, seed, promptIds: PROMPTS.map((prompt) => prompt.id) }),
  ];

  const documentFrequency: Record<string, number> = {};
  const themeCounts: Record<string, number> = {};
  for (const entry of corpus) {
    const words = new Set(
      `${entry.title ?? ''} ${entry.paragraphs.join(' ')}`.toLowerCase().match(/[\p{L}\p{N}]+/gu),
    );
    for (const word of words) documentFrequency[word] = (documentFrequency[word] ?? 0) + 1;
    if (!entry.trashed)
      for (const theme of entry.themes) themeCounts[theme] = (themeCounts[theme] ?? 0) + 1;
  }

  const report = (label: string) => (done: number) => {
    if (done % 10_000 === 0 || done === entries)
      process.stderr.write(`  ${label}: ${done}/${entries} entries\n`);
  };

  let started = performance.now();
  const journal = new Journal(join(dir, 'journal'));
  await journal.create(BENCH_PASSPHRASE);
  insertAll(journal.db, corpus, report('encrypted'));
  journal.lock();
  const encrypted = (performance.now() - started) / 1000;

  started = performance.now();
  const plain = new Database(join(dir, 'plain.db'));
  applyConnectionSettings(plain);
  migrate(plain);
  insertAll(plain, corpus, report('plain'));
  plain.close();
  const plainSeconds = (performance.now() - started) / 1000;

  const built: BuiltCorpus = {
    entries,
    seed,
    documentFrequency,
    themeCounts,
    buildSeconds: { encrypted, plain: plainSeconds },
  };
  writeFileSync(join(dir, 'corpus.json'), JSON.stringify(built));
  return built;
}
