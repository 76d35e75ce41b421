import { useCallback, useEffect, useRef, useState } from 'react';
import type { JournalError } from '../../../shared/errors';
import { asJournalError } from '../lib/journal-errors';

export interface PendingCall<A extends unknown[]> {
  /** Starts the call unless one is running. Resolves once it has settled; never rejects. */
  run: (...args: A) => Promise<void>;
  busy: boolean;
  error: JournalError | null;
  /** Counts failures, so that effects can react to a repeated, identical error. */
  failures: number;
  clearError: () => void;
}

/**
 * One async journal call at a time with its busy and error state: the form stays responsive
 * while the core derives a key, and nothing is set after the screen has gone away.
 */
export function usePendingCall<A extends unknown[]>(
  call: (...args: A) => Promise<void>,
): PendingCall<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<JournalError | null>(null);
  const [failures, setFailures] = useState(0);
  const mounted = useRef(true);
  const running = useRef(false);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (...args: A) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        await call(...args);
      } catch (reason) {
        if (mounted.current) {
          setError(asJournalError(reason));
          setFailures((count) => count + 1);
        }
      } finally {
        running.current = false;
        if (mounted.current) setBusy(false);
      }
    },
    [call],
  );

  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, failures, clearError };
}
