import { parentPort, workerData } from 'node:worker_threads';
import { JournalService } from '../service';
import type { WorkerConfig, WorkerMessage, WorkerRequest } from './protocol';

/**
 * The core's thread. Requests run one at a time, in order, so an unlock that is still deriving
 * its key is never overtaken by a call that expects the journal to be open.
 */
function serve(): void {
  const port = parentPort;
  if (!port) throw new Error('The core worker must run in a worker thread.');
  const config = workerData as WorkerConfig;
  const service = new JournalService(config.journalDir, config.kdf ? { kdf: config.kdf } : {});
  const send = (message: WorkerMessage) => port.postMessage(message);
  let queue: Promise<void> = Promise.resolve();

  port.on('message', (request: WorkerRequest) => {
    queue = queue.then(async () => {
      const result = await service.dispatch(request.method, request.input, (fraction, label) =>
        send({ kind: 'progress', id: request.id, event: { fraction, label } }),
      );
      send({ kind: 'result', id: request.id, result });
    });
  });
  port.on('close', () => service.close());
  send({ kind: 'ready' });
}

serve();
