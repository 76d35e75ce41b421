import { LIMITS, countChars } from '../../../shared/limits';

export type NewPassphraseField = 'passphrase' | 'confirmation';

export interface NewPassphraseProblem {
  field: NewPassphraseField;
  message: string;
}

/**
 * The core's own rule (at least 8 characters counted after NFC, not only spaces, at most
 * 1024), checked here first so the form can say so beside the field, plus the confirmation.
 */
export function checkNewPassphrase(
  passphrase: string,
  confirmation: string,
): NewPassphraseProblem | null {
  const length = countChars(passphrase);
  if (length < LIMITS.passphraseMinChars) {
    return {
      field: 'passphrase',
      message: `Use at least ${LIMITS.passphraseMinChars} characters. This one has ${length}.`,
    };
  }
  if (passphrase.trim().length === 0) {
    return {
      field: 'passphrase',
      message: 'Use some letters or other characters, not only spaces.',
    };
  }
  if (length > LIMITS.passphraseMaxChars) {
    return {
      field: 'passphrase',
      message: `Use at most ${LIMITS.passphraseMaxChars} characters.`,
    };
  }
  if (passphrase.normalize('NFC') !== confirmation.normalize('NFC')) {
    return {
      field: 'confirmation',
      message: 'The two passphrases are not the same yet. Type it once more to confirm.',
    };
  }
  return null;
}
