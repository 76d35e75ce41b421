import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JournalError } from '../shared/errors';
import { writeFileAtomic } from './atomic-file';
import { type Argon2Params, deriveKey, isAcceptableKdf } from './kdf';

export const KEYRING_FILE = 'keyring.json';
const FORMAT = 'lean-on-keyring';
const KEYRING_VERSION = 1;

export type SlotType = 'passphrase' | 'recovery';

interface WrappedKey {
  alg: 'A256GCM';
  iv: string;
  ciphertext: string;
  tag: string;
}

export interface KeySlot {
  type: SlotType;
  kdf: Argon2Params & { salt: string };
  wrapped: WrappedKey;
  updatedAt: string;
}

export interface Keyring {
  format: typeof FORMAT;
  version: number;
  journalId: string;
  cipher: 'sqlcipher4';
  createdAt: string;
  slots: KeySlot[];
  /** SHA-256 of the fields above: tells damage apart from a wrong passphrase. */
  checksum: string;
}

type KeyringBody = Omit<Keyring, 'checksum'>;

function checksumOf(body: KeyringBody): string {
  const canonical = JSON.stringify([
    body.format,
    body.version,
    body.journalId,
    body.cipher,
    body.createdAt,
    body.slots,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

function additionalData(journalId: string, type: SlotType): Buffer {
  return Buffer.from(`${FORMAT}/${KEYRING_VERSION}/${journalId}/${type}`, 'utf8');
}

async function wrapKey(
  journalId: string,
  type: SlotType,
  secret: Uint8Array,
  databaseKey: Buffer,
  params: Argon2Params,
): Promise<KeySlot> {
  const salt = randomBytes(16);
  const kek = await deriveKey(secret, salt, params);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(additionalData(journalId, type));
  const ciphertext = Buffer.concat([cipher.update(databaseKey), cipher.final()]);
  kek.fill(0);
  return {
    type,
    kdf: { ...params, salt: salt.toString('base64') },
    wrapped: {
      alg: 'A256GCM',
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    },
    updatedAt: new Date().toISOString(),
  };
}

/** Returns the database key, or null when the secret is not the one this slot was made with. */
async function unwrapKey(
  journalId: string,
  slot: KeySlot,
  secret: Uint8Array,
): Promise<Buffer | null> {
  const { salt, ...params } = slot.kdf;
  const kek = await deriveKey(secret, Buffer.from(salt, 'base64'), params);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.wrapped.iv, 'base64'));
    decipher.setAAD(additionalData(journalId, slot.type));
    decipher.setAuthTag(Buffer.from(slot.wrapped.tag, 'base64'));
    const key = Buffer.concat([
      decipher.update(Buffer.from(slot.wrapped.ciphertext, 'base64')),
      decipher.final(),
    ]);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

function seal(body: KeyringBody): Keyring {
  return { ...body, checksum: checksumOf(body) };
}

export async function createKeyring(
  passphrase: Uint8Array,
  recoveryCode: Uint8Array,
  params: Argon2Params,
): Promise<{ keyring: Keyring; databaseKey: Buffer }> {
  const databaseKey = randomBytes(32);
  const journalId = randomUUID();
  const slots = [
    await wrapKey(journalId, 'passphrase', passphrase, databaseKey, params),
    await wrapKey(journalId, 'recovery', recoveryCode, databaseKey, params),
  ];
  const keyring = seal({
    format: FORMAT,
    version: KEYRING_VERSION,
    journalId,
    cipher: 'sqlcipher4',
    createdAt: new Date().toISOString(),
    slots,
  });
  return { keyring, databaseKey };
}

/** A copy of the keyring with one slot re-made for a new secret; the database key is unchanged. */
export async function replaceSlot(
  keyring: Keyring,
  type: SlotType,
  secret: Uint8Array,
  databaseKey: Buffer,
  params: Argon2Params,
): Promise<Keyring> {
  const fresh = await wrapKey(keyring.journalId, type, secret, databaseKey, params);
  const slots = keyring.slots.filter((slot) => slot.type !== type).concat(fresh);
  const { checksum: _previous, ...body } = keyring;
  return seal({ ...body, slots });
}

export async function unlockSlot(
  keyring: Keyring,
  type: SlotType,
  secret: Uint8Array,
): Promise<Buffer | null> {
  const slot = keyring.slots.find((candidate) => candidate.type === type);
  if (!slot) throw new JournalError('KEYRING_DAMAGED', `The keyring has no ${type} slot.`);
  return unwrapKey(keyring.journalId, slot, secret);
}

function isSlot(value: unknown): value is KeySlot {
  const slot = value as KeySlot;
  return (
    typeof slot === 'object' &&
    slot !== null &&
    (slot.type === 'passphrase' || slot.type === 'recovery') &&
    typeof slot.kdf === 'object' &&
    slot.kdf !== null &&
    typeof slot.kdf.salt === 'string' &&
    isAcceptableKdf(slot.kdf) &&
    typeof slot.wrapped === 'object' &&
    slot.wrapped !== null &&
    slot.wrapped.alg === 'A256GCM' &&
    typeof slot.wrapped.iv === 'string' &&
    typeof slot.wrapped.ciphertext === 'string' &&
    typeof slot.wrapped.tag === 'string'
  );
}

export function keyringPath(journalDir: string): string {
  return join(journalDir, KEYRING_FILE);
}

export function keyringExists(journalDir: string): boolean {
  return existsSync(keyringPath(journalDir));
}

export function readKeyring(journalDir: string): Keyring {
  let text: string;
  try {
    text = readFileSync(keyringPath(journalDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new JournalError('KEYRING_MISSING');
    throw new JournalError('IO_ERROR', 'The journal’s keyring.json could not be read.', {
      cause: error,
    });
  }
  return parseKeyring(text);
}

/** Validates a keyring's text (from the journal folder or from a backup) and returns it. */
export function parseKeyring(text: string): Keyring {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new JournalError('KEYRING_DAMAGED');
  }
  const keyring = parsed as Keyring;
  if (typeof keyring !== 'object' || keyring === null || keyring.format !== FORMAT) {
    throw new JournalError('KEYRING_DAMAGED');
  }
  if (typeof keyring.version !== 'number' || keyring.version > KEYRING_VERSION) {
    throw new JournalError('NEWER_VERSION');
  }
  if (
    typeof keyring.journalId !== 'string' ||
    typeof keyring.createdAt !== 'string' ||
    keyring.cipher !== 'sqlcipher4' ||
    !Array.isArray(keyring.slots) ||
    !keyring.slots.every(isSlot) ||
    keyring.checksum !== checksumOf(keyring)
  ) {
    throw new JournalError('KEYRING_DAMAGED');
  }
  return keyring;
}

export function writeKeyring(journalDir: string, keyring: Keyring): void {
  writeFileAtomic(keyringPath(journalDir), `${JSON.stringify(keyring, null, 2)}\n`);
}
