/** Called as work advances: `done` of `total` entries. */
export type ExportProgressFn = (done: number, total: number) => void;

export type ExportFormat = 'markdown' | 'json' | 'html';

export interface ExportResult {
  format: ExportFormat;
  /** What was written: one file, a folder of files, or a zip of them. */
  container: 'file' | 'folder' | 'zip';
  path: string;
  entryCount: number;
  /** Bytes written (for a folder, the sum of its files). */
  bytes: number;
  /**
   * Always false: exports are readable by anyone who gets the file, unlike the journal and its
   * backups. The app and the CLI say so before and after exporting.
   */
  encrypted: false;
  /** A salvage only: entries, or runs of them, that damage kept out of the export. */
  unreadable?: number;
}

/** The `unreadable` field of a salvage's result; nothing for a normal export. */
export function unreadableOf(salvage: { unreadable: number } | undefined): { unreadable?: number } {
  return salvage ? { unreadable: salvage.unreadable } : {};
}
