import { randomBytes } from 'node:crypto';
import { JournalError } from '../shared/errors';
import { LIMITS, countChars } from '../shared/limits';

/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Passphrases are compared as NFC so that the same text typed on any keyboard unlocks. */
export function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

export function assertAcceptablePassphrase(passphrase: string): void {
  const chars = countChars(passphrase);
  if (chars < LIMITS.passphraseMinChars || passphrase.trim().length === 0) {
    throw new JournalError(
      'WEAK_PASSPHRASE',
      `Choose a passphrase of at least ${LIMITS.passphraseMinChars} characters.`,
    );
  }
  if (chars > LIMITS.passphraseMaxChars) {
    throw new JournalError(
      'WEAK_PASSPHRASE',
      `Passphrases can be at most ${LIMITS.passphraseMaxChars} characters.`,
    );
  }
}

/** 160 random bits as 32 base32 characters in eight groups of four. */
export function generateRecoveryCode(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/**
 * Accepts what people actually paste: lower case, spaces, missing or extra hyphens,
 * and the letters Crockford maps onto digits (O→0, I/L→1).
 */
export function normalizeRecoveryCode(input: string): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== 32 || [...cleaned].some((char) => !CROCKFORD.includes(char))) return null;
  return cleaned.match(/.{4}/g)!.join('-');
}
