import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  type AppCommand,
  type AppShellBridge,
  type ChoosePathRequest,
  SHELL_CHANNELS,
  isAppCommand,
} from '../shared/app-shell';
import { bridgeFromRequest } from '../shared/client';
import type { Result } from '../shared/errors';
import { IPC_CHANNEL } from '../shared/methods';
import {
  type CallProgress,
  type ProgressBridge,
  PROGRESS_CHANNEL,
  isCallProgress,
} from '../shared/progress';

/**
 * One narrow, named function per contract method; the renderer never sees ipcRenderer.
 * Inputs are validated again in the core, which trusts nothing that crosses this line.
 */
const bridge = bridgeFromRequest(
  (method, input) => ipcRenderer.invoke(IPC_CHANNEL, method, input) as Promise<Result<unknown>>,
);

contextBridge.exposeInMainWorld('journal', bridge);

/** How far long calls have got; only well-formed reports reach the page. */
const progress: ProgressBridge = {
  subscribe(listener: (report: CallProgress) => void) {
    const relay = (_event: IpcRendererEvent, report: unknown) => {
      if (isCallProgress(report)) listener(report);
    };
    ipcRenderer.on(PROGRESS_CHANNEL, relay);
    return () => {
      ipcRenderer.off(PROGRESS_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('journalProgress', progress);

/** The shell's few extras, each a plain function; nothing of Electron's reaches the page. */
const shell: AppShellBridge = {
  onCommand(listener: (command: AppCommand) => void) {
    const relay = (_event: IpcRendererEvent, command: unknown) => {
      if (isAppCommand(command)) listener(command);
    };
    ipcRenderer.on(SHELL_CHANNELS.command, relay);
    return () => {
      ipcRenderer.off(SHELL_CHANNELS.command, relay);
    };
  },
  openLink: (url: string) =>
    ipcRenderer.invoke(SHELL_CHANNELS.openLink, String(url)) as Promise<boolean>,
  showJournalFolder: () => ipcRenderer.invoke(SHELL_CHANNELS.showJournalFolder) as Promise<void>,
  choosePath: (request: ChoosePathRequest) =>
    ipcRenderer.invoke(SHELL_CHANNELS.choosePath, request) as Promise<string | null>,
};

contextBridge.exposeInMainWorld('leanOnShell', shell);
