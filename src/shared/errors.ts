/**
 * Errors cross every boundary (worker, IPC, HTTP bridge, CLI) as plain values with a stable code.
 * The message is one plain sentence a person can act on; it never blames them.
 */
export const ERROR_CODES = [
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_CODE',
  'WEAK_PASSPHRASE',
  'NO_JOURNAL',
  'JOURNAL_EXISTS',
  'NOT_A_JOURNAL',
  'KEYRING_MISSING',
  'KEYRING_DAMAGED',
  'CORRUPT',
  'NEWER_VERSION',
  'LOCKED',
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'IO_ERROR',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface JournalErrorValue {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: JournalErrorValue };

/** The default sentence for each code; callers may give a more specific one. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  WRONG_PASSPHRASE: 'That passphrase does not open this journal.',
  WRONG_RECOVERY_CODE: 'That recovery code does not open this journal.',
  WEAK_PASSPHRASE: 'Choose a passphrase of at least 8 characters.',
  NO_JOURNAL: 'There is no journal in this folder yet.',
  JOURNAL_EXISTS: 'A journal already exists in this folder.',
  NOT_A_JOURNAL: 'This folder holds files that are not a Lean On journal.',
  KEYRING_MISSING:
    'The journal’s keyring.json is missing, so it cannot be unlocked; restore it from a backup of the folder.',
  KEYRING_DAMAGED:
    'The journal’s keyring.json is damaged, so it cannot be unlocked; restore it from a backup of the folder.',
  CORRUPT: 'The journal file is damaged and could not be read.',
  NEWER_VERSION:
    'This journal was written by a newer version of Lean On; update the app to open it. Nothing was changed.',
  LOCKED: 'The journal is locked.',
  INVALID_INPUT: 'That request was not valid.',
  NOT_FOUND: 'That item no longer exists.',
  CONFLICT: 'This entry was changed elsewhere since it was opened.',
  IO_ERROR: 'The journal could not be written to disk.',
  INTERNAL: 'Something unexpected went wrong.',
};

export class JournalError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string = DEFAULT_MESSAGES[code], options?: ErrorOptions) {
    super(message, options);
    this.name = 'JournalError';
    this.code = code;
  }

  toValue(): JournalErrorValue {
    return { code: this.code, message: this.message };
  }
}

export function isJournalErrorValue(value: unknown): value is JournalErrorValue {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { code?: unknown; message?: unknown };
  return (
    typeof candidate.message === 'string' &&
    typeof candidate.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(candidate.code)
  );
}

/** Exhaustive switches end here: the compiler proves the case cannot happen. */
export function missingCase(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
