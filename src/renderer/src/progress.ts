import { useEffect, useState } from 'react';
import type { MethodName } from '../../shared/methods';
import type { CallProgress, ProgressBridge } from '../../shared/progress';

declare global {
  interface Window {
    journalProgress?: ProgressBridge;
  }
}

type Listener = (progress: CallProgress) => void;
const listeners = new Set<Listener>();

/** Hands a running call's progress report to whatever is showing that call. */
export function emitProgress(progress: CallProgress): void {
  for (const listener of listeners) listener(progress);
}

// In the desktop app the preload relays the core's reports; the web bridge emits its own.
window.journalProgress?.subscribe(emitProgress);

export interface ShownProgress {
  fraction: number | null;
  label: string;
}

/** The latest report of `method` while `active`; null before the first and once inactive. */
export function useCallProgress(
  method: MethodName | undefined,
  active: boolean,
): ShownProgress | null {
  const [shown, setShown] = useState<ShownProgress | null>(null);
  useEffect(() => {
    if (!method || !active) return;
    const listener: Listener = (progress) => {
      if (progress.method === method)
        setShown({ fraction: progress.fraction, label: progress.label });
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      setShown(null);
    };
  }, [method, active]);
  return active ? shown : null;
}
