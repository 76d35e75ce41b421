import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMUM_KDF } from '../../src/core/kdf';
import type { Keyring } from '../../src/core/keyring';
import { JournalService } from '../../src/core/service';
import {
  PASSPHRASE,
  call,
  createTestJournal,
  entryInput,
  failCode,
  openRawDatabase,
  serviceFor,
  sha256File,
  tempDir,
} from './helpers';

const NEW_PASSPHRASE = 'a brand new passphrase';

function readKeyringFile(dir: string): Keyring {
  return JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8')) as Keyring;
}

function writeKeyringFile(dir: string, keyring: unknown): void {
  writeFileSync(join(dir, 'keyring.json'), JSON.stringify(keyring, null, 2));
}

/** A journal, locked, with its raw key read while it was open. */
async function lockedJournal() {
  const journal = await createTestJournal();
  const { hexKey } = await call(journal.service, 'getRawKey', { passphrase: PASSPHRASE });
  await call(journal.service, 'lock');
  return { ...journal, hexKey, dbPath: join(journal.dir, 'journal.db') };
}

describe('create, lock and unlock', () => {
  it('creates an unlocked journal, and lock makes every entry call LOCKED', async () => {
    const { dir, service } = await createTestJournal();
    expect(await call(service, 'getStatus')).toEqual({ state: 'unlocked', journalDir: dir });
    await call(service, 'createEntry', entryInput('first words'));
    expect((await call(service, 'lock')).state).toBe('locked');
    expect(await failCode(service, 'listEntries', {})).toBe('LOCKED');
    expect(await failCode(service, 'createEntry', entryInput('more'))).toBe('LOCKED');
    expect(await failCode(service, 'search', { query: 'first' })).toBe('LOCKED');
    expect(await failCode(service, 'listThemes')).toBe('LOCKED');
  });

  it('unlocks with the right passphrase only', async () => {
    const { dir, service } = await lockedJournal();
    expect(await failCode(service, 'unlock', { passphrase: 'not the passphrase' })).toBe(
      'WRONG_PASSPHRASE',
    );
    expect(await call(service, 'getStatus')).toEqual({ state: 'locked', journalDir: dir });
    expect((await call(service, 'unlock', { passphrase: PASSPHRASE })).state).toBe('unlocked');
    expect((await call(service, 'listEntries', {})).entries).toEqual([]);
  });

  it('checks the passphrase even when the journal is already open', async () => {
    const { service } = await createTestJournal();
    expect(await failCode(service, 'unlock', { passphrase: 'not the passphrase' })).toBe(
      'WRONG_PASSPHRASE',
    );
    expect((await call(service, 'getStatus')).state).toBe('unlocked');
    expect((await call(service, 'unlock', { passphrase: PASSPHRASE })).state).toBe('unlocked');
  });

  it('refuses weak passphrases', async () => {
    const service = serviceFor(tempDir());
    for (const passphrase of ['short', '1234567', '        ', ' \t\n \t\n  ']) {
      expect(await failCode(service, 'createJournal', { passphrase })).toBe('WEAK_PASSPHRASE');
    }
    expect((await call(service, 'getStatus')).state).toBe('no-journal');
  });

  it('unlocks with the same text typed in another Unicode normal form', async () => {
    const composed = 'caf\u00e9 na\u00efve \u{1F331} passphrase';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const dir = tempDir();
    const service = serviceFor(dir);
    await call(service, 'createJournal', { passphrase: composed });
    await call(service, 'lock');
    expect((await call(service, 'unlock', { passphrase: decomposed })).state).toBe('unlocked');
  });

  it('refuses to create twice, or over foreign files', async () => {
    const { dir, service } = await createTestJournal();
    expect(await failCode(service, 'createJournal', { passphrase: PASSPHRASE })).toBe(
      'JOURNAL_EXISTS',
    );
    expect(await failCode(serviceFor(dir), 'createJournal', { passphrase: PASSPHRASE })).toBe(
      'JOURNAL_EXISTS',
    );
    const foreign = tempDir();
    writeFileSync(join(foreign, 'holiday.jpg'), 'not a journal');
    expect(await failCode(serviceFor(foreign), 'createJournal', { passphrase: PASSPHRASE })).toBe(
      'NOT_A_JOURNAL',
    );
    expect(readFileSync(join(foreign, 'holiday.jpg'), 'utf8')).toBe('not a journal');
  });

  it('says NO_JOURNAL for a missing or empty folder', async () => {
    const empty = tempDir();
    expect(await failCode(serviceFor(empty), 'unlock', { passphrase: PASSPHRASE })).toBe(
      'NO_JOURNAL',
    );
    const missing = serviceFor(join(empty, 'does', 'not', 'exist'));
    expect(await failCode(missing, 'unlock', { passphrase: PASSPHRASE })).toBe('NO_JOURNAL');
  });

  it('creates again over what a crashed create left behind', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.creating'), '');
    writeFileSync(join(dir, 'journal.db'), randomBytes(4096));
    const service = serviceFor(dir);
    expect((await call(service, 'getStatus')).state).toBe('no-journal');
    await call(service, 'createJournal', { passphrase: PASSPHRASE });
    expect(existsSync(join(dir, '.creating'))).toBe(false);
    await call(service, 'createEntry', entryInput('after the crash'));
    await call(service, 'lock');
    await call(service, 'unlock', { passphrase: PASSPHRASE });
    expect((await call(service, 'listEntries', {})).entries).toHaveLength(1);
  });
});

describe('a damaged keyring or database is never a wrong passphrase', () => {
  it('says KEYRING_MISSING when keyring.json is gone', async () => {
    const { dir, service } = await lockedJournal();
    rmSync(join(dir, 'keyring.json'));
    expect(await failCode(service, 'unlock', { passphrase: PASSPHRASE })).toBe('KEYRING_MISSING');
  });

  it('says KEYRING_DAMAGED for garbage, a changed ciphertext byte, or a bad checksum', async () => {
    const { dir, service } = await lockedJournal();
    const original = readKeyringFile(dir);
    const flipped = structuredClone(original);
    const slot = flipped.slots.find((candidate) => candidate.type === 'passphrase')!;
    const bytes = Buffer.from(slot.wrapped.ciphertext, 'base64');
    bytes[5] = bytes[5]! ^ 0x01;
    slot.wrapped.ciphertext = bytes.toString('base64');
    const badChecksum = { ...original, checksum: 'ab'.repeat(32) };
    const damaged: unknown[] = ['{"format": "lean-on-keyr', '[]', flipped, badChecksum];
    for (const content of damaged) {
      if (typeof content === 'string') writeFileSync(join(dir, 'keyring.json'), content);
      else writeKeyringFile(dir, content);
      expect(await failCode(service, 'unlock', { passphrase: PASSPHRASE })).toBe('KEYRING_DAMAGED');
      expect(await failCode(service, 'unlock', { passphrase: 'wrong one!' })).toBe(
        'KEYRING_DAMAGED',
      );
    }
    writeKeyringFile(dir, original);
    expect((await call(service, 'unlock', { passphrase: PASSPHRASE })).state).toBe('unlocked');
  });

  it('says CORRUPT for random bytes, a truncated or an empty journal.db', async () => {
    const { service, dbPath } = await lockedJournal();
    const original = readFileSync(dbPath);
    for (const damaged of [
      randomBytes(original.length),
      original.subarray(0, 100),
      Buffer.alloc(0),
    ]) {
      writeFileSync(dbPath, damaged);
      expect(await failCode(service, 'unlock', { passphrase: PASSPHRASE })).toBe('CORRUPT');
      expect((await call(service, 'getStatus')).state).toBe('locked');
    }
  });

  it("says CORRUPT for another journal's database", async () => {
    const { service, dbPath } = await lockedJournal();
    const other = await lockedJournal();
    writeFileSync(dbPath, readFileSync(other.dbPath));
    expect(await failCode(service, 'unlock', { passphrase: PASSPHRASE })).toBe('CORRUPT');
  });

  it('refuses a journal from a newer version and leaves its bytes alone', async () => {
    const { service, dbPath, hexKey } = await lockedJournal();
    const raw = openRawDatabase(dbPath, hexKey);
    raw.pragma('user_version = 9999');
    raw.close();
    const before = sha256File(dbPath);
    expect(await failCode(service, 'unlock', { passphrase: PASSPHRASE })).toBe('NEWER_VERSION');
    expect(sha256File(dbPath)).toBe(before);
    const reopened = openRawDatabase(dbPath, hexKey);
    expect(reopened.pragma('user_version', { simple: true })).toBe(9999);
  });
});

describe('passphrase and recovery code', () => {
  it('changes the passphrase by rewriting only the keyring', async () => {
    const { service, dbPath } = await lockedJournal();
    const before = sha256File(dbPath);
    expect(
      await failCode(service, 'changePassphrase', {
        currentPassphrase: 'not it at all',
        newPassphrase: NEW_PASSPHRASE,
      }),
    ).toBe('WRONG_PASSPHRASE');
    expect(
      await failCode(service, 'changePassphrase', {
        currentPassphrase: PASSPHRASE,
        newPassphrase: 'weak',
      }),
    ).toBe('WEAK_PASSPHRASE');
    await call(service, 'changePassphrase', {
      currentPassphrase: PASSPHRASE,
      newPassphrase: NEW_PASSPHRASE,
    });
    expect(sha256File(dbPath)).toBe(before);
    expect(await failCode(service, 'unlock', { passphrase: PASSPHRASE })).toBe('WRONG_PASSPHRASE');
    expect((await call(service, 'unlock', { passphrase: NEW_PASSPHRASE })).state).toBe('unlocked');
  });

  it('unlocks with the recovery code and sets a new passphrase', async () => {
    const { service, recoveryCode } = await lockedJournal();
    expect(recoveryCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/);
    const typed = recoveryCode.toLowerCase().replace(/-/g, ' ');
    const status = await call(service, 'unlockWithRecoveryCode', {
      recoveryCode: typed,
      newPassphrase: NEW_PASSPHRASE,
    });
    expect(status.state).toBe('unlocked');
    await call(service, 'lock');
    expect(await failCode(service, 'unlock', { passphrase: PASSPHRASE })).toBe('WRONG_PASSPHRASE');
    expect((await call(service, 'unlock', { passphrase: NEW_PASSPHRASE })).state).toBe('unlocked');
  });

  it('refuses a wrong or malformed recovery code', async () => {
    const { service, recoveryCode } = await lockedJournal();
    const last = recoveryCode.at(-1) === '0' ? '1' : '0';
    const wrong = `${recoveryCode.slice(0, -1)}${last}`;
    for (const code of [wrong, 'not-a-code', '', `${recoveryCode}-AAAA`, 'UUUU'.repeat(8)]) {
      expect(
        await failCode(service, 'unlockWithRecoveryCode', {
          recoveryCode: code,
          newPassphrase: NEW_PASSPHRASE,
        }),
      ).toBe('WRONG_RECOVERY_CODE');
    }
    expect((await call(service, 'unlock', { passphrase: PASSPHRASE })).state).toBe('unlocked');
  });

  it('regenerating the recovery code retires the old one', async () => {
    const { service, recoveryCode } = await createTestJournal();
    expect(
      await failCode(service, 'regenerateRecoveryCode', { passphrase: 'nope nope nope' }),
    ).toBe('WRONG_PASSPHRASE');
    const { recoveryCode: fresh } = await call(service, 'regenerateRecoveryCode', {
      passphrase: PASSPHRASE,
    });
    expect(fresh).not.toBe(recoveryCode);
    await call(service, 'lock');
    const input = { recoveryCode, newPassphrase: NEW_PASSPHRASE };
    expect(await failCode(service, 'unlockWithRecoveryCode', input)).toBe('WRONG_RECOVERY_CODE');
    await call(service, 'unlockWithRecoveryCode', { ...input, recoveryCode: fresh });
    expect((await call(service, 'getStatus')).state).toBe('unlocked');
  });
});

describe('raw key and keyring', () => {
  it('shows the raw key only after the passphrase, and only while unlocked', async () => {
    const { dir, service } = await createTestJournal();
    await call(service, 'createEntry', entryInput('readable elsewhere', { title: 'Portable' }));
    expect(await failCode(service, 'getRawKey', { passphrase: 'guessing again' })).toBe(
      'WRONG_PASSPHRASE',
    );
    const { hexKey } = await call(service, 'getRawKey', { passphrase: PASSPHRASE });
    expect(hexKey).toMatch(/^[0-9a-f]{64}$/);
    await call(service, 'lock');
    expect(await failCode(service, 'getRawKey', { passphrase: PASSPHRASE })).toBe('LOCKED');

    const raw = openRawDatabase(join(dir, 'journal.db'), hexKey);
    const rows = raw.prepare('SELECT title, text FROM entries').all();
    expect(rows).toEqual([{ title: 'Portable', text: 'readable elsewhere' }]);
  });

  it("stores Argon2id parameters at or above OWASP's minimum", async () => {
    const { dir } = await createTestJournal();
    const passphraseSlot = readKeyringFile(dir).slots.find((slot) => slot.type === 'passphrase');
    expect(passphraseSlot?.kdf).toMatchObject({ name: 'argon2id', parallelism: 1 });
    expect(passphraseSlot!.kdf.memoryKiB).toBeGreaterThanOrEqual(19456);
    expect(passphraseSlot!.kdf.iterations).toBeGreaterThanOrEqual(2);
    expect(Buffer.from(passphraseSlot!.kdf.salt, 'base64').length).toBeGreaterThanOrEqual(16);

    // The app's own default, not the tests' lowered cost, is what users get.
    const appDir = tempDir();
    const app = new JournalService(appDir);
    try {
      await call(app, 'createJournal', { passphrase: PASSPHRASE });
    } finally {
      app.close();
    }
    for (const slot of readKeyringFile(appDir).slots) {
      expect(slot.kdf.memoryKiB).toBeGreaterThan(MINIMUM_KDF.memoryKiB);
      expect(slot.kdf.iterations).toBeGreaterThanOrEqual(MINIMUM_KDF.iterations);
    }
  });
});
