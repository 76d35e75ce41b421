import type { JournalClient } from '../../../shared/contract';
import { JournalError } from '../../../shared/errors';
import { METHOD_NAMES } from '../../../shared/methods';

export interface LockWatch {
  /** The same client; a call refused with LOCKED still rejects, so its caller keeps what it had. */
  client: JournalClient;
  /** Hears of every call refused with LOCKED. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/**
 * Notices when the journal was locked from somewhere else (another window, the app's
 * auto-lock) while this window still shows it: the next call it makes is refused with LOCKED.
 */
export function watchForLock(plain: JournalClient): LockWatch {
  const listeners = new Set<() => void>();
  const client = Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      async (input: unknown) => {
        try {
          return await (plain[method] as (value: unknown) => Promise<unknown>)(input);
        } catch (error) {
          if (error instanceof JournalError && error.code === 'LOCKED')
            for (const listener of listeners) listener();
          throw error;
        }
      },
    ]),
  ) as JournalClient;
  return {
    client,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
