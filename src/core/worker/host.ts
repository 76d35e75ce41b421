import { Worker } from 'node:worker_threads';
import type { JournalClient } from '../../shared/contract';
import { clientFromRequest } from '../../shared/client';
import { JournalError, type Result } from '../../shared/errors';
import type { ProgressEvent } from '../../shared/types';
import type { WorkerConfig, WorkerMessage } from './protocol';

export interface CoreWorker {
  /** Sends one call; resolves with the core's result value, never rejects for journal errors. */
  request(
    method: string,
    input: unknown,
    onProgress?: (event: ProgressEvent) => void,
  ): Promise<Result<unknown>>;
  /** A typed client whose functions reject with JournalError. */
  client: JournalClient;
  close(): Promise<void>;
}

interface Pending {
  resolve(result: Result<unknown>): void;
  onProgress: ((event: ProgressEvent) => void) | undefined;
}

/**
 * Starts the journal core in a worker thread so that key derivation, search and saves never
 * block the caller's thread (Electron's main process, the web bridge).
 * `workerFile` is the built worker entry; `execArgv` lets tests load it through a TS loader.
 */
export async function startCoreWorker(
  workerFile: string | URL,
  config: WorkerConfig,
  options: { execArgv?: string[] } = {},
): Promise<CoreWorker> {
  const execArgv = options.execArgv ?? [];
  const workerData: WorkerConfig = { ...config, workerFile: String(workerFile), execArgv };
  const worker = new Worker(workerFile, { workerData, execArgv });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let exited = false;

  const failAll = (message: string) => {
    for (const [id, call] of pending) {
      pending.delete(id);
      call.resolve({ ok: false, error: new JournalError('INTERNAL', message).toValue() });
    }
  };

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    worker.once('error', onError);
    worker.on('message', function onReady(message: WorkerMessage) {
      if (message.kind !== 'ready') return;
      worker.off('message', onReady);
      worker.off('error', onError);
      resolve();
    });
  });

  worker.on('message', (message: WorkerMessage) => {
    if (message.kind === 'ready') return;
    const call = pending.get(message.id);
    if (!call) return;
    if (message.kind === 'progress') {
      call.onProgress?.(message.event);
    } else {
      pending.delete(message.id);
      call.resolve(message.result);
    }
  });
  worker.on('error', (error) => failAll(`The journal core stopped: ${error.message}`));
  worker.on('exit', () => {
    exited = true;
    failAll('The journal core stopped.');
  });

  const request: CoreWorker['request'] = (method, input, onProgress) =>
    new Promise((resolve) => {
      if (exited) {
        resolve({
          ok: false,
          error: new JournalError('INTERNAL', 'The journal core stopped.').toValue(),
        });
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve, onProgress });
      worker.postMessage({ id, method, input });
    });

  const client = clientFromRequest(request);

  return {
    request,
    client,
    async close() {
      if (exited) return;
      await request('lock', {});
      await worker.terminate();
    },
  };
}
