import { parentPort, workerData } from 'node:worker_threads';
import type { MethodName } from '../../shared/contract';
import { type JobWorkerData, ThreadJobRunner, serveJob } from '../jobs/thread';
import { JournalService } from '../service';
import type { WorkerConfig, WorkerMessage, WorkerRequest } from './protocol';

/**
 * Calls that run in a job thread of their own: the queue does not wait for them to finish,
 * so saving goes on while a long export or backup runs (locking stops them).
 */
const IN_BACKGROUND: ReadonlySet<string> = new Set<MethodName>(['exportJournal', 'createBackup']);

function workerFileOf(config: WorkerConfig): string | URL | null {
  if (!config.workerFile) return null;
  return config.workerFile.startsWith('file:') ? new URL(config.workerFile) : config.workerFile;
}

/**
 * The core's thread. Requests run one at a time, in order, so an unlock that is still deriving
 * its key is never overtaken by a call that expects the journal to be open.
 */
function serve(): void {
  const port = parentPort;
  if (!port) throw new Error('The core worker must run in a worker thread.');
  const config = workerData as WorkerConfig;
  const file = workerFileOf(config);
  const service = new JournalService(config.journalDir, {
    ...(config.kdf ? { kdf: config.kdf } : {}),
    ...(file ? { jobs: new ThreadJobRunner(file, config.execArgv ?? []) } : {}),
    automaticBackups: true,
  });
  const send = (message: WorkerMessage) => port.postMessage(message);
  let queue: Promise<void> = Promise.resolve();

  port.on('message', (request: WorkerRequest) => {
    queue = queue.then(async () => {
      const running = service.dispatch(request.method, request.input, (fraction, label) =>
        send({ kind: 'progress', id: request.id, event: { fraction, label } }),
      );
      const reply = running.then((result) => send({ kind: 'result', id: request.id, result }));
      // A background call has started (in order) once dispatch returns; the next may go.
      if (!IN_BACKGROUND.has(request.method)) await reply;
    });
  });
  port.on('close', () => service.close());
  send({ kind: 'ready' });
}

if ((workerData as Partial<JobWorkerData> | null)?.role === 'job') {
  const port = parentPort;
  if (!port) throw new Error('A job must run in a worker thread.');
  serveJob(workerData as JobWorkerData, (message) => port.postMessage(message));
} else {
  serve();
}
