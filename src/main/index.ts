import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BrowserWindow,
  Menu,
  app,
  ipcMain,
  nativeTheme,
  powerMonitor,
  screen,
  session,
  shell,
} from 'electron';
import { type AppCommand, SHELL_CHANNELS, isChoosePathRequest } from '../shared/app-shell';
import { defaultJournalDir } from '../core/paths';
import { startCoreWorker, type CoreWorker } from '../core/worker/host';
import { attachContextMenu } from './context-menu';
import { choosePath } from './file-dialogs';
import { openExternalWithConsent } from './external';
import { isTrustedSender, relayJournalCalls } from './ipc';
import { menuTemplate } from './menu';
import {
  type AppPreferences,
  readPreferences,
  visibleBounds,
  writePreferences,
} from './preferences';
import { APP_ORIGIN, isAppUrl, registerAppScheme, serveRenderer } from './protocol';
import { BACKGROUND, windowOptions } from './window-options';

const here = fileURLToPath(new URL('.', import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
/** How long the window gets to save and lock by itself before the shell locks the core. */
const LOCK_GRACE_MS = 3000;

registerAppScheme();

function isTrustedUrl(url: string | undefined): boolean {
  if (isAppUrl(url)) return true;
  return Boolean(devServerUrl && url && new URL(url).origin === new URL(devServerUrl).origin);
}

function journalDirFromArgs(prefs: AppPreferences): string {
  const flag = process.argv.indexOf('--journal');
  const fromFlag = flag > 0 ? process.argv[flag + 1] : undefined;
  return fromFlag ?? (process.env.LEAN_ON_JOURNAL || prefs.lastJournalDir || defaultJournalDir());
}

let core: CoreWorker | null = null;
let mainWindow: BrowserWindow | null = null;
let prefs: AppPreferences = {};
const prefsFile = () => join(app.getPath('userData'), 'preferences.json');

function savePreferences(): void {
  try {
    writePreferences(prefsFile(), prefs);
  } catch (error) {
    // Only comfort is lost (window placement); never a reason to stop the app.
    console.error('Lean On could not save its preferences:', error);
  }
}

function rememberBounds(window: BrowserWindow): void {
  if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
  prefs.window = { ...window.getNormalBounds(), maximized: window.isMaximized() };
}

function sendCommand(command: AppCommand): void {
  const window = mainWindow ?? BrowserWindow.getAllWindows()[0];
  if (!window) return;
  if (command !== 'lock') {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
  window.webContents.send(SHELL_CHANNELS.command, command);
}

async function coreIsLocked(): Promise<boolean> {
  const status = await core?.request('getStatus', {});
  return !status?.ok || (status.value as { state: string }).state !== 'unlocked';
}

/**
 * Locks like the Lock button does: the window saves what is typed, then locks. If it has not
 * done so within the grace period (it may be hung, or gone), the core locks anyway; anything
 * the window calls after that is refused with LOCKED.
 */
async function lockEverywhere(): Promise<void> {
  if (!core || (await coreIsLocked())) return;
  sendCommand('lock');
  const deadline = Date.now() + LOCK_GRACE_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (await coreIsLocked()) return;
  }
  await core?.request('lock', {});
}

function createWindow(): BrowserWindow {
  const saved = visibleBounds(
    prefs.window,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const options = windowOptions(
    join(here, '../preload/index.cjs'),
    saved,
    nativeTheme.shouldUseDarkColors,
  );
  // The security-critical preferences are repeated where the window is made, so that a reader
  // (and Electronegativity, which reads only this call) sees them without following a function.
  const window = new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (saved && prefs.window?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  const remember = () => rememberBounds(window);
  window.on('resized', remember);
  window.on('moved', remember);
  // Closing the window saves what is typed and locks first, then really closes.
  let lockedForClose = false;
  window.on('close', (event) => {
    remember();
    savePreferences();
    if (lockedForClose) return;
    event.preventDefault();
    lockedForClose = true;
    void lockEverywhere().finally(() => window.close());
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  mainWindow = window;
  return window;
}

/** Every web contents, now or later: no navigation, no new windows, no webviews. */
function confineWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    attachContextMenu(contents);
  });
}

/** The journal is offline: no request from any web contents may reach the network. */
function refuseNetwork(): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, respond) => {
      const allowedDev = devServerUrl !== undefined && details.url.startsWith(devServerUrl);
      respond({ cancel: !allowedDev });
    },
  );
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // Hunspell dictionaries (Windows, Linux) would come from Google's servers: never. A
  // dictionary already on this machine is used; macOS and Windows use the system's checker.
  ses.setSpellCheckerDictionaryDownloadURL('https://dictionaries.invalid/');
  if (process.platform !== 'darwin') {
    const available = new Set(ses.availableSpellCheckerLanguages);
    const wanted = app
      .getPreferredSystemLanguages()
      .flatMap((tag) => [tag, tag.split('-')[0]!])
      .filter((tag) => available.has(tag));
    if (wanted.length > 0) ses.setSpellCheckerLanguages([...new Set(wanted)].slice(0, 3));
  }
}

function handleShellCalls(journalDir: string): void {
  ipcMain.handle(SHELL_CHANNELS.openLink, (event, url: unknown) =>
    isTrustedSender(event, isTrustedUrl)
      ? openExternalWithConsent(BrowserWindow.fromWebContents(event.sender), url)
      : false,
  );
  ipcMain.handle(SHELL_CHANNELS.choosePath, (event, request: unknown) => {
    const window = BrowserWindow.fromWebContents(event.sender);
    if (!isTrustedSender(event, isTrustedUrl) || !window || !isChoosePathRequest(request))
      return null;
    return choosePath(window, request);
  });
  ipcMain.handle(SHELL_CHANNELS.showJournalFolder, (event) => {
    if (isTrustedSender(event, isTrustedUrl))
      shell.showItemInFolder(join(journalDir, 'journal.db'));
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = mainWindow ?? BrowserWindow.getAllWindows()[0];
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  void app.whenReady().then(async () => {
    prefs = readPreferences(prefsFile());
    nativeTheme.themeSource = 'system';
    nativeTheme.on('updated', () => {
      const color = nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light;
      for (const window of BrowserWindow.getAllWindows()) window.setBackgroundColor(color);
    });
    confineWebContents();
    refuseNetwork();
    serveRenderer(join(here, '../renderer'));
    const journalDir = journalDirFromArgs(prefs);
    prefs.lastJournalDir = journalDir;
    core = await startCoreWorker(new URL('./core-worker.js', import.meta.url), { journalDir });
    relayJournalCalls(core, isTrustedUrl);
    handleShellCalls(journalDir);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, sendCommand)));
    // Lock when the machine sleeps or its screen locks (where the OS says so).
    powerMonitor.on('suspend', () => void lockEverywhere());
    powerMonitor.on('lock-screen', () => void lockEverywhere());
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Quitting saves and locks first, then closes the core (and the database) for good.
  let lockedForQuit = false;
  app.on('before-quit', (event) => {
    if (lockedForQuit || !core) return;
    event.preventDefault();
    lockedForQuit = true;
    void lockEverywhere().finally(() => app.quit());
  });

  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const closing = core;
    core = null;
    savePreferences();
    void closing.close().finally(() => app.quit());
  });
}
