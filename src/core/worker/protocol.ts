import type { Result } from '../../shared/errors';
import type { ProgressEvent } from '../../shared/types';

/** Messages between a host and the core worker. */
export interface WorkerRequest {
  id: number;
  method: string;
  input: unknown;
}

export type WorkerMessage =
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'progress'; id: number; event: ProgressEvent }
  | { kind: 'ready' };

export interface WorkerConfig {
  journalDir: string;
  /**
   * The worker's own file and Node flags, set by the host: exports and backups run in further
   * threads started from the same file (see jobs/thread.ts).
   */
  workerFile?: string;
  execArgv?: string[];
  /** Overrides the key-derivation cost (tests, benchmarks). */
  kdf?: { name: 'argon2id'; memoryKiB: number; iterations: number; parallelism: number };
}
