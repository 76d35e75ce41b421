import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, session } from 'electron';
import { defaultJournalDir } from '../core/paths';
import { startCoreWorker, type CoreWorker } from '../core/worker/host';
import { relayJournalCalls } from './ipc';
import { APP_ORIGIN, isAppUrl, registerAppScheme, serveRenderer } from './protocol';

const here = fileURLToPath(new URL('.', import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

registerAppScheme();

function isTrustedUrl(url: string | undefined): boolean {
  if (isAppUrl(url)) return true;
  return Boolean(devServerUrl && url && new URL(url).origin === new URL(devServerUrl).origin);
}

function journalDirFromArgs(): string {
  const flag = process.argv.indexOf('--journal');
  const fromFlag = flag > 0 ? process.argv[flag + 1] : undefined;
  return fromFlag ?? (process.env.LEAN_ON_JOURNAL || defaultJournalDir());
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Lean On',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-redirect', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

/** The journal is offline: no request from any web contents may reach the network. */
function refuseNetwork(): void {
  session.defaultSession.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, respond) => {
      const allowedDev = devServerUrl !== undefined && details.url.startsWith(devServerUrl);
      respond({ cancel: !allowedDev });
    },
  );
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
}

let core: CoreWorker | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  void app.whenReady().then(async () => {
    refuseNetwork();
    serveRenderer(join(here, '../renderer'));
    core = await startCoreWorker(new URL('./core-worker.js', import.meta.url), {
      journalDir: journalDirFromArgs(),
    });
    relayJournalCalls(core, isTrustedUrl);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const closing = core;
    core = null;
    void closing.close().finally(() => app.quit());
  });
}
