import type { ChoosePathRequest } from '../../../shared/app-shell';
import type { ExportOutcome } from '../../../shared/types';
import { localIsoDate } from '../sidebar/format';

export type ExportKind = ExportOutcome['format'];
export type MarkdownContainer = 'folder' | 'zip';

export interface ExportKindChoice {
  label: string;
  hint: string;
}

export const EXPORT_KINDS: Readonly<Record<ExportKind, ExportKindChoice>> = {
  markdown: {
    label: 'Markdown files',
    hint: 'One plain-text file per entry, with its date and themes at the top. Any text editor opens them.',
  },
  json: {
    label: 'JSON (everything, in a documented format)',
    hint: 'One file with everything: formatting, themes, prompts and dates.',
  },
  html: {
    label: 'Printable page (HTML)',
    hint: 'One page to read in a browser or print, for all your entries or some of them.',
  },
};

export const EXPORT_KIND_IDS = Object.keys(EXPORT_KINDS) as ExportKind[];

/** The file's extension, or null when the export is a folder. */
export function exportExtension(kind: ExportKind, container: MarkdownContainer): string | null {
  if (kind === 'markdown') return container === 'zip' ? 'zip' : null;
  return kind;
}

/** "lean-on-2026-11-22.zip"; a folder gets the same name without an extension. */
export function suggestedExportName(
  kind: ExportKind,
  container: MarkdownContainer,
  now = new Date(),
): string {
  const extension = exportExtension(kind, container);
  return `lean-on-${localIsoDate(now)}${extension ? `.${extension}` : ''}`;
}

export function suggestedBackupName(now = new Date()): string {
  return `lean-on-backup-${localIsoDate(now)}.leanon-backup`;
}

const FILTER_NAMES: Record<string, string> = {
  zip: 'Zip archive',
  json: 'JSON file',
  html: 'Web page',
};

/** What the system's dialog is asked for: a new or empty folder, or a file to save. */
export function exportDestinationRequest(
  kind: ExportKind,
  container: MarkdownContainer,
): ChoosePathRequest {
  const extension = exportExtension(kind, container);
  if (extension === null) {
    return { mode: 'choose-folder', title: 'Choose a new or empty folder for the Markdown files' };
  }
  return {
    mode: 'save-file',
    title: 'Export your journal',
    defaultName: suggestedExportName(kind, container),
    filters: [{ name: FILTER_NAMES[extension] ?? extension, extensions: [extension] }],
  };
}

/**
 * A backup's extension is longer than the shell's filter check allows, so the dialog is given
 * the suggested name alone.
 */
export function backupDestinationRequest(): ChoosePathRequest {
  return {
    mode: 'save-file',
    title: 'Save an encrypted backup',
    defaultName: suggestedBackupName(),
  };
}
