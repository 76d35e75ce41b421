import type { ProgressFn } from '../core/journal';

/** The part of a stream progress needs; tests pass a fake terminal. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  report: ProgressFn;
  /** Clears the progress line; call once the operation has ended, however it ended. */
  done(): void;
}

/** The core's step names (a backup's) in words. */
const LABELS: Readonly<Record<string, string>> = {
  snapshot: 'Copying the journal',
  package: 'Writing the backup',
  verify: 'Checking the backup',
  done: 'Finishing',
};

/**
 * One line on a terminal, rewritten as a long operation moves on. Where stderr is not a
 * terminal (a script, a pipe, a test) nothing is written, so output stays clean.
 */
export function progressOn(stream: ProgressStream = process.stderr): Progress {
  if (!stream.isTTY) return { report: () => undefined, done: () => undefined };
  let shown = '';
  return {
    report(fraction, label) {
      const words = LABELS[label] ?? label;
      const line = fraction === null ? `${words}…` : `${words}… ${Math.round(fraction * 100)}%`;
      if (line === shown) return;
      shown = line;
      stream.write(`\r\u001b[2K${line}`);
    },
    done() {
      if (shown !== '') stream.write('\r\u001b[2K');
      shown = '';
    },
  };
}

/** Runs `work` with a progress line that is cleared when it ends. */
export async function withProgress<T>(work: (report: ProgressFn) => Promise<T> | T): Promise<T> {
  const progress = progressOn();
  try {
    return await work(progress.report);
  } finally {
    progress.done();
  }
}
