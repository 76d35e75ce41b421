import { type BrowserWindow, dialog, shell } from 'electron';
import { isOpenableUrl } from '../shared/app-shell';

/**
 * The one way out of the app: a link from an entry opens in the system's browser or mail app,
 * only if it parses as http, https or mailto, and only after the person has seen exactly
 * where it goes and said yes.
 */
export async function openExternalWithConsent(
  window: BrowserWindow | null,
  url: unknown,
): Promise<boolean> {
  if (typeof url !== 'string' || !isOpenableUrl(url)) return false;
  const target = new URL(url).href;
  const options = {
    type: 'question' as const,
    buttons: ['Open link', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link outside Lean On?',
    detail: `${target}\n\nIt opens in your ${target.startsWith('mailto:') ? 'mail app' : 'web browser'}. Lean On itself never goes online.`,
  };
  const { response } = window
    ? await dialog.showMessageBox(window, options)
    : await dialog.showMessageBox(options);
  if (response !== 0) return false;
  await shell.openExternal(target);
  return true;
}
