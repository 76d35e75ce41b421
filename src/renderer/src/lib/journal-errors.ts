import { JournalError, missingCase } from '../../../shared/errors';

/** Anything a call rejected with, as a JournalError (the client already rejects with these). */
export function asJournalError(reason: unknown): JournalError {
  if (reason instanceof JournalError) return reason;
  return new JournalError(
    'INTERNAL',
    reason instanceof Error && reason.message ? reason.message : undefined,
  );
}

export interface Explanation {
  /** What happened, in one plain sentence. */
  message: string;
  /** What the person can do about it, when the message does not already say. */
  advice: string | null;
}

const NOT_YOUR_PASSPHRASE = 'Your passphrase is not the problem here.';

/**
 * What each error means for the person at the lock screen. A damaged or missing file is
 * never described as a wrong passphrase: the remedies are different.
 */
export function explainError(error: JournalError): Explanation {
  const { code, message } = error;
  switch (code) {
    case 'WRONG_PASSPHRASE':
      return {
        message: 'That passphrase doesn’t open this journal. Check Caps Lock and try again.',
        advice: null,
      };
    case 'WRONG_RECOVERY_CODE':
      return {
        message,
        advice: 'Compare it with the copy you saved, one group of four at a time.',
      };
    case 'KEYRING_MISSING':
    case 'KEYRING_DAMAGED':
      return {
        message,
        advice: `${NOT_YOUR_PASSPHRASE} Once keyring.json is back, the same passphrase opens the journal again.`,
      };
    case 'CORRUPT':
      return {
        message,
        advice: `${NOT_YOUR_PASSPHRASE} On the unlock screen you can open it read-only to export what can still be read, or put a backup in its place; the damaged files are kept either way.`,
      };
    case 'NOT_A_JOURNAL':
      return {
        message,
        advice: `${NOT_YOUR_PASSPHRASE} Check that Lean On is using the right folder, or restore the journal folder from a backup.`,
      };
    case 'NEWER_VERSION':
      return {
        message,
        advice: 'Install the latest version of Lean On, then unlock again.',
      };
    case 'WEAK_PASSPHRASE':
    case 'INVALID_INPUT':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'LOCKED':
      return { message, advice: null };
    case 'NO_JOURNAL':
      return { message, advice: 'Close Lean On and open it again to create a new journal.' };
    case 'JOURNAL_EXISTS':
      return { message, advice: 'Unlock it with its passphrase instead.' };
    case 'IO_ERROR':
      return {
        message,
        advice: 'Check that the disk has free space and that the journal folder can be written to.',
      };
    case 'INTERNAL':
      return {
        message,
        advice: 'Try again. If it keeps happening, close Lean On and open it again.',
      };
    default:
      return missingCase(code);
  }
}
