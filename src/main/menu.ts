import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../shared/app-shell';

/**
 * The application menu: the platform's standard roles plus the journal's own commands, each
 * with its shortcut shown. The commands go to the window, which does exactly what its own
 * buttons do (saving first, then locking, for instance).
 */
export function menuTemplate(
  platform: NodeJS.Platform,
  send: (command: AppCommand) => void,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const command = (label: string, accelerator: string, name: AppCommand) => ({
    label,
    accelerator,
    click: () => send(name),
  });
  const journal: MenuItemConstructorOptions = {
    label: mac ? 'Journal' : '&Journal',
    submenu: [
      command('New Entry', 'CmdOrCtrl+N', 'new-entry'),
      command('Search Entries', 'CmdOrCtrl+F', 'search'),
      { type: 'separator' },
      command('Import…', 'CmdOrCtrl+Shift+I', 'import'),
      command('Export…', 'CmdOrCtrl+Shift+E', 'export'),
      { type: 'separator' },
      command('Lock Journal', 'CmdOrCtrl+L', 'lock'),
      ...(mac
        ? []
        : [
            { type: 'separator' } as const,
            command('Settings…', 'CmdOrCtrl+,', 'settings'),
            { type: 'separator' } as const,
            { role: 'quit' } as const,
          ]),
    ],
  };
  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      command('About Lean On', '', 'about'),
      { type: 'separator' },
      command('Settings…', 'Cmd+,', 'settings'),
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: mac ? [] : [command('About Lean On', '', 'about')],
  };
  return [
    ...(mac ? [appMenu] : []),
    journal,
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    help,
  ];
}
