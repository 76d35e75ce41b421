import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { JournalError } from '../shared/errors';
import { IPC_CHANNEL, isMethodName } from '../shared/methods';
import type { CoreWorker } from '../core/worker/host';

/**
 * Relays renderer calls to the core worker. Only the app's own top frame may call; the core
 * validates every input against the contract's schema before running anything.
 */
export function relayJournalCalls(
  core: CoreWorker,
  isTrustedUrl: (url: string | undefined) => boolean,
): void {
  ipcMain.handle(
    IPC_CHANNEL,
    async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) {
        return {
          ok: false,
          error: new JournalError(
            'INVALID_INPUT',
            'Calls are accepted only from the app.',
          ).toValue(),
        };
      }
      if (!isMethodName(method)) {
        return { ok: false, error: new JournalError('INVALID_INPUT', 'Unknown method.').toValue() };
      }
      return core.request(method, input);
    },
  );
}
