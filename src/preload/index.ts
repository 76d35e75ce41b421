import { contextBridge, ipcRenderer } from 'electron';
import type { JournalBridge } from '../shared/contract';
import { IPC_CHANNEL, METHOD_NAMES } from '../shared/methods';

/**
 * One narrow, named function per contract method; the renderer never sees ipcRenderer.
 * Inputs are validated again in the core, which trusts nothing that crosses this line.
 */
const bridge = Object.fromEntries(
  METHOD_NAMES.map((method) => [
    method,
    (input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, input),
  ]),
) as JournalBridge;

contextBridge.exposeInMainWorld('journal', bridge);
