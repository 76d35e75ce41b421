import { contextBridge, ipcRenderer } from 'electron';
import { bridgeFromRequest } from '../shared/client';
import type { Result } from '../shared/errors';
import { IPC_CHANNEL } from '../shared/methods';

/**
 * One narrow, named function per contract method; the renderer never sees ipcRenderer.
 * Inputs are validated again in the core, which trusts nothing that crosses this line.
 */
const bridge = bridgeFromRequest(
  (method, input) => ipcRenderer.invoke(IPC_CHANNEL, method, input) as Promise<Result<unknown>>,
);

contextBridge.exposeInMainWorld('journal', bridge);
