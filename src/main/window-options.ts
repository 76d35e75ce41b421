import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';

/**
 * The window's web preferences: Electron's security checklist, spelled out even where it
 * matches the default, so that a test and a reviewer can read them in one place.
 */
export function hardenedWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // Middle-click would open links in new windows; nothing opens inside Lean On.
    disableBlinkFeatures: 'Auxclick',
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}

/** Light and dark backgrounds of the app (tokens.css), so the window never flashes white. */
export const BACKGROUND = { light: '#f4eee5', dark: '#1a1714' } as const;

export function windowOptions(
  preload: string,
  bounds: Partial<Rectangle> | undefined,
  dark: boolean,
): BrowserWindowConstructorOptions {
  return {
    width: bounds?.width ?? 1200,
    height: bounds?.height ?? 800,
    ...(bounds?.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Lean On',
    backgroundColor: dark ? BACKGROUND.dark : BACKGROUND.light,
    webPreferences: hardenedWebPreferences(preload),
  };
}
