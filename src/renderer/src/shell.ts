import type { AppShellBridge } from '../../shared/app-shell';

declare global {
  interface Window {
    leanOnShell?: AppShellBridge;
  }
}

/** The desktop shell's extras (menu commands, opening links, the file manager); null in the web preview. */
export const appShell: AppShellBridge | null = window.leanOnShell ?? null;
