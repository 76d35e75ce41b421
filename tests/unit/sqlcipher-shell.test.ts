import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { call, createTestJournal, doc, PASSPHRASE, TZ } from './helpers';

const shell = spawnSync('sqlcipher', ['-version'], { encoding: 'utf8' });
const version = shell.status === 0 ? /SQLCipher (\d+)\.(\d+)/.exec(shell.stdout) : null;
const haveShell = version !== null && Number(version[1]) >= 4;
if (!haveShell) {
  console.log(
    'skipped: no SQLCipher 4 shell on PATH (Debian bookworm-backports "sqlcipher"; .ci/run installs it)',
  );
}

describe('interoperability with the stock SQLCipher 4 shell', () => {
  it.skipIf(!haveShell)('opens journal.db with nothing but the raw key', async () => {
    const { dir, service } = await createTestJournal();
    const entry = await call(service, 'createEntry', {
      title: 'Portable',
      doc: doc('Nobody is locked in here.'),
      timeZone: TZ,
      themes: [{ id: 'trust', source: 'manual' }],
    });
    const { hexKey } = await call(service, 'getRawKey', { passphrase: PASSPHRASE });
    await call(service, 'lock', {});

    const script = [
      `PRAGMA key = "x'${hexKey}'";`,
      '.mode list',
      `SELECT id, title, text FROM entries;`,
      `SELECT theme_id FROM entry_themes;`,
      'PRAGMA cipher_integrity_check;',
      'PRAGMA integrity_check;',
    ].join('\n');
    const result = spawnSync('sqlcipher', [`${dir}/journal.db`], {
      input: script,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(`${entry.id}|Portable|Nobody is locked in here.`);
    expect(lines).toContain('trust');
    expect(lines[lines.length - 1]).toBe('ok');

    const wrong = spawnSync('sqlcipher', [`${dir}/journal.db`], {
      input: `PRAGMA key = "x'${'0'.repeat(64)}'";\nSELECT count(*) FROM entries;\n`,
      encoding: 'utf8',
    });
    expect(wrong.stderr).toMatch(/file is not a database/);
  });
});
