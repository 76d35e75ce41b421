import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, call, createTestJournal, doc, TZ } from './helpers';
import { decryptedPages } from './pages';

/** One lowercase token, so the search index would store it byte for byte too. */
function canary(): string {
  return `canary${randomBytes(10).toString('hex')}`;
}

/** Every regular file directly inside `dir`, with its bytes. */
function filesIn(dir: string, only?: (name: string) => boolean): Array<[string, Buffer]> {
  return readdirSync(dir)
    .filter((name) => (only ? only(name) : true))
    .map((name) => join(dir, name))
    .filter((path) => {
      try {
        return statSync(path).isFile();
      } catch {
        return false; // removed meanwhile by another test
      }
    })
    .map((path): [string, Buffer] => [path, readFileSync(path)]);
}

function leaks(files: Array<[string, Buffer]>, secrets: string[]): string[] {
  const found: string[] = [];
  for (const [path, bytes] of files) {
    for (const secret of secrets) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        if (bytes.includes(Buffer.from(secret, encoding)))
          found.push(`${path}: ${encoding} ${secret}`);
      }
    }
  }
  return found;
}

async function journalWithSecrets() {
  const journal = await createTestJournal();
  const secrets = { title: canary(), body: canary(), label: canary() };
  const theme = await call(journal.service, 'createTheme', { label: `Theme ${secrets.label}` });
  const entry = await call(journal.service, 'createEntry', {
    title: `About ${secrets.title}`,
    doc: doc(`Today I wrote ${secrets.body} down.\nAnd more about ${secrets.body}.`),
    timeZone: TZ,
    themes: [{ id: theme.id, source: 'manual' }],
  });
  // Exercise the search index and the sorts so that nothing is left out of the check.
  const { hits } = await call(journal.service, 'search', { query: secrets.body });
  expect(hits.map((hit) => hit.id)).toEqual([entry.id]);
  await call(journal.service, 'listEntries', { themes: [theme.id, 'trust'] });
  const { hexKey } = await call(journal.service, 'getRawKey', { passphrase: PASSPHRASE });
  return { ...journal, secrets: Object.values(secrets), entry, theme, hexKey };
}

describe('no plaintext on disk', () => {
  it('keeps titles, text and theme labels out of every file of the journal', async () => {
    const tmpBefore = new Set(readdirSync(tmpdir()));
    const { dir, service, secrets, hexKey } = await journalWithSecrets();

    const whileOpen = filesIn(dir);
    expect(whileOpen.map(([path]) => path).some((path) => path.endsWith('journal.db'))).toBe(true);
    expect(leaks(whileOpen, secrets)).toEqual([]);

    await call(service, 'lock');
    const afterLock = filesIn(dir);
    expect(afterLock.length).toBeGreaterThanOrEqual(2);
    expect(leaks(afterLock, secrets)).toEqual([]);

    // The check can see plaintext when it is there: with the key, the pages do hold it.
    const plain = decryptedPages(join(dir, 'journal.db'), hexKey);
    expect(plain.includes(Buffer.from('CREATE TABLE entries'))).toBe(true);
    for (const secret of secrets) expect(plain.includes(Buffer.from(secret))).toBe(true);

    const newInTmp = filesIn(tmpdir(), (name) => !tmpBefore.has(name));
    expect(leaks(newInTmp, secrets)).toEqual([]);
  });

  it('leaves nothing readable behind after deleting forever, even to the key holder', async () => {
    const tmpBefore = new Set(readdirSync(tmpdir()));
    const { dir, service, secrets, entry, theme, hexKey } = await journalWithSecrets();
    await call(service, 'trashEntry', { id: entry.id });
    expect(leaks(filesIn(dir), secrets)).toEqual([]);
    await call(service, 'deleteEntryForever', { id: entry.id });
    await call(service, 'deleteTheme', { id: theme.id });
    expect((await call(service, 'search', { query: secrets[1]! })).hits).toEqual([]);
    expect(leaks(filesIn(dir), secrets)).toEqual([]);

    await call(service, 'lock');
    expect(leaks(filesIn(dir), secrets)).toEqual([]);
    // secure_delete and FTS5's secure-delete scrub the deleted cells, not just unlink them.
    const plain = decryptedPages(join(dir, 'journal.db'), hexKey);
    expect(plain.includes(Buffer.from('CREATE TABLE entries'))).toBe(true);
    for (const secret of secrets) {
      expect(plain.includes(Buffer.from(secret)), secret).toBe(false);
    }

    await call(service, 'unlock', { passphrase: PASSPHRASE });
    expect((await call(service, 'listEntries', { trash: true })).entries).toEqual([]);
    const newInTmp = filesIn(tmpdir(), (name) => !tmpBefore.has(name));
    expect(leaks(newInTmp, secrets)).toEqual([]);
  });
});

describe('file permissions', () => {
  it.skipIf(process.platform === 'win32')(
    'lets only the owner read the journal folder and its files',
    async () => {
      const { dir, service } = await createTestJournal();
      await call(service, 'createEntry', { doc: doc('owner only'), timeZone: TZ });
      expect(statSync(dir).mode & 0o077).toBe(0);
      for (const name of readdirSync(dir)) {
        expect({ name, mode: statSync(join(dir, name)).mode & 0o077 }).toEqual({ name, mode: 0 });
      }
    },
  );
});
