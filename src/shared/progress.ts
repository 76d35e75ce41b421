import { type MethodName, isMethodName } from './methods';

/** The channel (Electron IPC) on which a running call's progress reaches the window. */
export const PROGRESS_CHANNEL = 'journal:progress';

/** How far a running call has got: what the core reported, and for which method. */
export interface CallProgress {
  method: MethodName;
  /** 0..1, or null when the length of the step is unknown. */
  fraction: number | null;
  label: string;
}

export function isCallProgress(value: unknown): value is CallProgress {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    isMethodName(candidate.method) &&
    typeof candidate.label === 'string' &&
    candidate.label.length <= 500 &&
    (candidate.fraction === null ||
      (typeof candidate.fraction === 'number' &&
        candidate.fraction >= 0 &&
        candidate.fraction <= 1))
  );
}

/** What the preload exposes: a subscription to every call's progress. */
export interface ProgressBridge {
  subscribe(listener: (progress: CallProgress) => void): () => void;
}
