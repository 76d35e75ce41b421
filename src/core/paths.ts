import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'Lean On';

/**
 * Present only while a journal is being created or restored; a crash leaves it, and creating
 * again starts over.
 */
export const CREATING_MARKER = '.creating';

/**
 * Where the desktop app keeps its data: Electron's userData folder for the product name,
 * computed without Electron so that the CLI finds the same journal.
 */
export function appDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  }
  if (platform === 'darwin') {
    return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  }
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER_NAME);
}

export function defaultJournalDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  return join(appDataDir(platform, env, home), 'journal');
}
