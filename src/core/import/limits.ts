const MB = 1024 * 1024;

/**
 * How much an import reads, at most. Exports are untrusted files: a damaged or hostile one must
 * end in a clear refusal, never in the worker running out of memory. Each bound is far above
 * any real journal's export; tests lower them to exercise the refusals.
 */
export interface ImportLimits {
  /** A file read whole: a JSON export, or the JSON inside a zip once unpacked. */
  maxFileBytes: number;
  /** All the JSON unpacked from one zip together. */
  maxZipTotalBytes: number;
  /** The zip's table of contents (photos included), read before anything else. */
  maxZipDirectoryBytes: number;
  /** Markdown files looked at in one folder, and how deep it is walked. */
  maxFolderFiles: number;
  maxFolderDepth: number;
  /** Entries in one export. */
  maxEntries: number;
}

export const IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 256 * MB,
  maxZipTotalBytes: 512 * MB,
  maxZipDirectoryBytes: 64 * MB,
  maxFolderFiles: 100_000,
  maxFolderDepth: 32,
  maxEntries: 1_000_000,
};

/** "12 MB" or "3 KB", rounded up so that a file just over a limit never reads as equal to it. */
export function formatSize(bytes: number): string {
  if (bytes < MB) return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
  return `${Math.ceil(bytes / MB)} MB`;
}
