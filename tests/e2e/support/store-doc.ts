// node --import tsx tests/e2e/support/store-doc.ts DIR ID  (passphrase and doc JSON on stdin)
// Writes a document straight into an entry of an encrypted journal, past the core's checks,
// as a newer Lean On might have stored it. A separate process because Playwright's loader
// cannot load the native database module's typings path.
import { readFileSync } from 'node:fs';
import { Journal } from '../../../src/core/journal';

const [dir, id] = process.argv.slice(2);
if (!dir || !id) throw new Error('usage: store-doc.ts DIR ID < {"passphrase", "doc"}');
const { passphrase, doc } = JSON.parse(readFileSync(0, 'utf8')) as {
  passphrase: string;
  doc: unknown;
};
const journal = new Journal(dir);
await journal.unlock(passphrase);
const { changes } = journal.db
  .prepare('UPDATE entries SET doc = ? WHERE id = ?')
  .run(JSON.stringify(doc), id);
journal.lock();
if (changes !== 1) throw new Error(`No entry ${id}.`);
