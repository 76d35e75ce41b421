import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { JournalError } from '../shared/errors';
import { IPC_CHANNEL, isMethodName } from '../shared/methods';
import { PROGRESS_CHANNEL } from '../shared/progress';
import type { CoreWorker } from '../core/worker/host';

/**
 * Relays renderer calls to the core worker. Only the app's own top frame may call; the core
 * validates every input against the contract's schema before running anything.
 */
/** A call from the app's own top frame, served from app:// (or the dev server). */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  isTrustedUrl: (url: string | undefined) => boolean,
): boolean {
  const frame = event.senderFrame;
  return Boolean(frame && frame.parent === null && isTrustedUrl(frame.url));
}

export function relayJournalCalls(
  core: CoreWorker,
  isTrustedUrl: (url: string | undefined) => boolean,
): void {
  ipcMain.handle(
    IPC_CHANNEL,
    async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
      if (!isTrustedSender(event, isTrustedUrl)) {
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
      // Long calls (imports, exports, backups) report how far they have got as they go.
      const sender = event.sender;
      return core.request(method, input, ({ fraction, label }) => {
        if (!sender.isDestroyed()) sender.send(PROGRESS_CHANNEL, { method, fraction, label });
      });
    },
  );
}
