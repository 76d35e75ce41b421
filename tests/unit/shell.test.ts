import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../src/main/menu';
import { readPreferences, visibleBounds, writePreferences } from '../../src/main/preferences';
import { hardenedWebPreferences, windowOptions } from '../../src/main/window-options';
import {
  APP_COMMANDS,
  type AppCommand,
  isAppCommand,
  isOpenableUrl,
} from '../../src/shared/app-shell';
import { tempDir } from './helpers';

// The Electron shell's decisions that do not need Electron to check: the window's hardened
// preferences, the links it will open, where it puts the window, and its menu.

describe('the window', () => {
  it('has every item of the security checklist set, not left to defaults', () => {
    const prefs = hardenedWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    const options = windowOptions('/app/preload.cjs', undefined, true);
    expect(options.webPreferences).toEqual(prefs);
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toBe('#1a1714');
  });
});

describe('links from entries', () => {
  it('open only when they are http, https or mailto, without credentials', () => {
    for (const url of ['https://example.org/a?b#c', 'http://example.org', 'mailto:me@example.org'])
      expect(isOpenableUrl(url), url).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://lean-on/index.html',
      'data:text/html,hi',
      'vbscript:x',
      'https://trusted.example@evil.example/',
      'https://user:pw@example.org/',
      'mailto:',
      'not a url',
      '',
      'ftp://example.org/',
    ])
      expect(isOpenableUrl(url), url).toBe(false);
  });
});

describe('app preferences', () => {
  it('round-trip, and a damaged or missing file reads as none', () => {
    const dir = tempDir();
    const file = join(dir, 'preferences.json');
    expect(readPreferences(file)).toEqual({});
    const prefs = {
      window: { x: 10, y: 20, width: 900, height: 700, maximized: true },
      lastJournalDir: '/home/me/journal',
    };
    writePreferences(file, prefs);
    expect(readPreferences(file)).toEqual(prefs);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, '{"window": {"x": "left"}, "lastJournalDir": 3');
    expect(readPreferences(file)).toEqual({});
    writeFileSync(file, '{"window": {"x": 1, "y": 2, "width": -5, "height": 9}}');
    expect(readPreferences(file)).toEqual({});
  });

  it('put the window back only where a display still shows it', () => {
    const laptop = { x: 0, y: 0, width: 1440, height: 900 };
    const external = { x: 1440, y: 0, width: 2560, height: 1440 };
    const onExternal = { x: 1600, y: 100, width: 1800, height: 1200 };
    expect(visibleBounds(onExternal, [laptop, external])).toEqual(onExternal);
    // The external monitor was unplugged: open centred instead of off-screen.
    expect(visibleBounds(onExternal, [laptop])).toBeUndefined();
    // Larger than the display it lands on: shrunk to fit.
    expect(visibleBounds({ x: 0, y: 0, width: 3000, height: 2000 }, [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 900,
    });
    expect(visibleBounds(undefined, [laptop])).toBeUndefined();
  });
});

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu) : []),
  ]);
}

describe('the application menu', () => {
  for (const platform of ['darwin', 'linux', 'win32'] as const) {
    it(`on ${platform} offers every command with its shortcut, plus the standard roles`, () => {
      const sent: AppCommand[] = [];
      const all = items(menuTemplate(platform, (command) => sent.push(command)));
      const byLabel = (label: string) => all.find((item) => item.label === label);
      expect(byLabel('New Entry')?.accelerator).toBe('CmdOrCtrl+N');
      expect(byLabel('Lock Journal')?.accelerator).toBe('CmdOrCtrl+L');
      expect(byLabel('Search Entries')?.accelerator).toBe('CmdOrCtrl+F');
      expect(byLabel('Settings…')?.accelerator).toMatch(/,$/);
      for (const item of all) (item.click as (() => void) | undefined)?.();
      expect(new Set(sent)).toEqual(new Set(APP_COMMANDS));
      const roles = all.map((item) => item.role).filter(Boolean);
      expect(roles).toEqual(expect.arrayContaining(['editMenu', 'viewMenu', 'windowMenu', 'quit']));
      expect(sent.every(isAppCommand)).toBe(true);
    });
  }
});
