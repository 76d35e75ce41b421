import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { JournalError, type Result } from '../../shared/errors';
import type { ProgressEvent } from '../../shared/types';
import type { BackupSource } from '../backup';
import { DATABASE_FILE, type Db, openEncrypted, toErrorValue } from '../db/database';
import type { ProgressFn } from '../journal';
import { type Job, type JobOutcome, runJob } from './jobs';

/**
 * Runs jobs (exports and backups) for an unlocked journal. `run` resolves with the job's
 * outcome or rejects with a JournalError; `cancelAll` stops every running job (on lock) and
 * removes what they had half written.
 */
export interface JobRunner {
  run<J extends Job>(source: BackupSource, job: J, progress: ProgressFn): Promise<JobOutcome<J>>;
  cancelAll(): Promise<void>;
}

/** Runs each job to the end in the calling thread: the CLI, and tests of the service. */
export const inlineJobs: JobRunner = {
  run: (source, job, progress) => {
    try {
      return Promise.resolve(runJob(source, job, progress));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
  cancelAll: () => Promise.resolve(),
};

/** What the core thread sends a job thread. */
export interface JobWorkerData {
  role: 'job';
  dir: string;
  /** A copy of the database key; the job thread wipes it when done. */
  key: Uint8Array;
  job: Job;
}

type JobMessage =
  | { kind: 'progress'; event: ProgressEvent }
  | { kind: 'target'; path: string }
  | { kind: 'result'; result: Result<unknown> };

interface Running {
  worker: Worker;
  targets: string[];
  cancelled: boolean;
}

/**
 * Runs each job in a worker thread of its own, on its own connection to the journal file, so
 * the core thread stays free to save while a 1 GB backup is copied and verified. WAL lets the
 * job read one consistent snapshot while the journal goes on changing.
 */
export class ThreadJobRunner implements JobRunner {
  private readonly running = new Set<Running>();

  constructor(
    private readonly workerFile: string | URL,
    private readonly execArgv: string[] = [],
  ) {}

  run<J extends Job>(source: BackupSource, job: J, progress: ProgressFn): Promise<JobOutcome<J>> {
    const key = source.withDatabaseKey((databaseKey) => new Uint8Array(databaseKey));
    const workerData: JobWorkerData = { role: 'job', dir: source.dir, key, job };
    let worker: Worker;
    try {
      worker = new Worker(this.workerFile, {
        workerData,
        execArgv: this.execArgv,
        transferList: [key.buffer],
      });
    } catch (error) {
      key.fill(0);
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const entry: Running = { worker, targets: [], cancelled: false };
    this.running.add(entry);
    return new Promise<JobOutcome<J>>((resolve, reject) => {
      let settled = false;
      const settle = (action: () => void) => {
        if (settled) return;
        settled = true;
        this.running.delete(entry);
        action();
      };
      worker.on('message', (message: JobMessage) => {
        if (message.kind === 'progress') progress(message.event.fraction, message.event.label);
        else if (message.kind === 'target') entry.targets.push(message.path);
        else
          settle(() => {
            if (message.result.ok) resolve(message.result.value as JobOutcome<J>);
            else reject(new JournalError(message.result.error.code, message.result.error.message));
          });
      });
      worker.on('error', (error) =>
        settle(() => reject(new JournalError('INTERNAL', `The job stopped: ${error.message}`))),
      );
      worker.on('exit', () =>
        settle(() =>
          reject(
            entry.cancelled
              ? new JournalError(
                  'LOCKED',
                  'The journal was locked, so this stopped before the end; nothing was written.',
                )
              : new JournalError('INTERNAL', 'The job stopped before it finished.'),
          ),
        ),
      );
    });
  }

  async cancelAll(): Promise<void> {
    const stopping = [...this.running].map(async (entry) => {
      entry.cancelled = true;
      await entry.worker.terminate();
      for (const target of entry.targets) removeScratch(target);
    });
    await Promise.all(stopping);
  }
}

/**
 * Everything a job writes goes through hidden scratch names beside its target (see
 * export/output.ts tempPathFor): `.<name>.<pid>.<time>.<purpose>`. A job stopped midway can't
 * tidy up after itself, so the runner removes this process's scratch files for the target.
 */
function removeScratch(target: string): void {
  const prefix = `.${basename(target)}.${process.pid}.`;
  const folder = dirname(target);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix)) rmSync(join(folder, name), { recursive: true, force: true });
  }
}

/** The job thread's side: open the journal file with the key, run the job, report, wipe the key. */
export function serveJob(data: JobWorkerData, send: (message: JobMessage) => void): void {
  const key = Buffer.from(data.key.buffer, data.key.byteOffset, data.key.byteLength);
  let db: Db | null = null;
  try {
    const salvage = data.job.kind === 'export' && data.job.salvage;
    db = openForJob(join(data.dir, DATABASE_FILE), key, salvage);
    const open = db;
    const source: BackupSource = {
      db: open,
      dir: data.dir,
      withDatabaseKey: (use) => use(key),
    };
    const value = runJob(
      source,
      data.job,
      (fraction, label) => send({ kind: 'progress', event: { fraction, label } }),
      (path) => send({ kind: 'target', path }),
    );
    send({ kind: 'result', result: { ok: true, value } });
  } catch (error) {
    send({ kind: 'result', result: { ok: false, error: toErrorValue(error) } });
  } finally {
    db?.close();
    key.fill(0);
  }
}

function openForJob(path: string, key: Buffer, readonly: boolean): Db {
  // A salvage reads a damaged journal: read-only, so that closing never checkpoints a WAL into
  // it. Other jobs need a writable handle only because VACUUM INTO refuses a read-only one (and
  // so does query_only); they only ever read through it.
  const db = openEncrypted(path, key, { create: false, readonly });
  try {
    db.pragma('busy_timeout = 5000');
    // Sorts and temporary tables stay in memory: nothing decrypted spills to a temp file.
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
