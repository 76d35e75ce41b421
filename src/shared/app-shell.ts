/**
 * What the desktop shell (Electron's main process) and the window say to each other beyond
 * the journal contract: menu commands, and the few things only the shell can do. The web
 * preview has no shell; the window then works without these.
 */
export const APP_COMMANDS = [
  'new-entry',
  'lock',
  'search',
  'settings',
  'about',
  'import',
  'export',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value);
}

export const SHELL_CHANNELS = {
  /** main → window: a menu item, or the shell asking the window to lock (idle, suspend). */
  command: 'lean-on:command',
  /** window → main: open a link from an entry in the system browser, after asking. */
  openLink: 'lean-on:open-link',
  /** window → main: show the journal's folder in the file manager. */
  showJournalFolder: 'lean-on:show-journal-folder',
  /** window → main: the system's open or save dialog, for imports, exports and backups. */
  choosePath: 'lean-on:choose-path',
} as const;

/** What the system's file dialog is asked for. */
export interface ChoosePathRequest {
  mode: 'open-file' | 'open-folder' | 'save-file' | 'choose-folder';
  title: string;
  /** For save-file: the suggested file name. */
  defaultName?: string;
  /** File types offered, e.g. [{ name: 'JSON', extensions: ['json'] }]. */
  filters?: Array<{ name: string; extensions: string[] }>;
}

export function isChoosePathRequest(value: unknown): value is ChoosePathRequest {
  if (typeof value !== 'object' || value === null) return false;
  const request = value as Record<string, unknown>;
  const modes = ['open-file', 'open-folder', 'save-file', 'choose-folder'];
  return (
    typeof request.mode === 'string' &&
    modes.includes(request.mode) &&
    typeof request.title === 'string' &&
    request.title.length <= 200 &&
    (request.defaultName === undefined ||
      (typeof request.defaultName === 'string' && request.defaultName.length <= 255)) &&
    (request.filters === undefined ||
      (Array.isArray(request.filters) &&
        request.filters.length <= 10 &&
        request.filters.every(
          (filter: unknown) =>
            typeof filter === 'object' &&
            filter !== null &&
            typeof (filter as { name?: unknown }).name === 'string' &&
            Array.isArray((filter as { extensions?: unknown }).extensions) &&
            (filter as { extensions: unknown[] }).extensions.every(
              (extension) => typeof extension === 'string' && /^[\w*-]{1,20}$/.test(extension),
            ),
        )))
  );
}

/** Exposed by the preload as `window.leanOnShell`. */
export interface AppShellBridge {
  /** Listens for shell commands; returns the function that stops listening. */
  onCommand(listener: (command: AppCommand) => void): () => void;
  /** Asks the person, then opens an http, https or mailto link outside the app. */
  openLink(url: string): Promise<boolean>;
  showJournalFolder(): Promise<void>;
  /** The system's file dialog; the chosen full path, or null if the person cancelled. */
  choosePath(request: ChoosePathRequest): Promise<string | null>;
}

/** The only kinds of link an entry may open, and only in the system's own apps. */
export function isOpenableUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0;
    return (
      (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
      parsed.hostname.length > 0 &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}
