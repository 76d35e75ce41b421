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
}
