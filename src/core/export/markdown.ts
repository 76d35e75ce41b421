import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/database';
import { listThemes } from '../themes';
import {
  type ExportEntry,
  type SalvageCount,
  countEntries,
  entryPages,
  inReadSnapshot,
  orWhenDamaged,
} from './entry-source';
import { FileNamer } from './file-names';
import { entryToMarkdownFile } from './markdown-render';
import { writeFileThroughTemp, writeFolderThroughTemp } from './output';
import { type ExportProgressFn, type ExportResult, unreadableOf } from './types';
import { ZipWriter } from './zip';

export interface MarkdownExportOptions {
  /** A new (or empty) folder, or a .zip file. */
  out: string;
  /** Defaults to 'zip' when `out` ends in .zip, else 'folder'. */
  container?: 'folder' | 'zip';
  onProgress?: ExportProgressFn;
  /** Read past damage (a damaged journal open read-only); what was lost is counted here. */
  salvage?: SalvageCount;
}

interface MarkdownFile {
  name: string;
  content: Buffer;
  modifiedAt: number;
}

/**
 * Every entry outside the trash, oldest first, as named Markdown files. The files are made one
 * page of entries at a time and handed to `put`, so memory stays flat however long the journal.
 */
function eachMarkdownFile(
  db: Db,
  options: MarkdownExportOptions,
  put: (file: MarkdownFile) => void,
): number {
  const { onProgress, salvage } = options;
  return inReadSnapshot(
    db,
    () => {
      const themes = orWhenDamaged(salvage, () => listThemes(db), []);
      const themeLabels = new Map(themes.map((theme) => [theme.id, theme.label]));
      const namer = new FileNamer('.md');
      const selection = salvage ? { salvage } : {};
      const total = countEntries(db, selection);
      let done = 0;
      onProgress?.(0, total);
      for (const page of entryPages(db, selection)) {
        for (const entry of page) put(toFile(entry, namer, themeLabels));
        done += page.length;
        onProgress?.(done, total);
      }
      return done;
    },
    salvage,
  );
}

function toFile(
  entry: ExportEntry,
  namer: FileNamer,
  themeLabels: ReadonlyMap<string, string>,
): MarkdownFile {
  return {
    name: namer.next(entry.entryDate, entry.title, entry.text),
    content: Buffer.from(entryToMarkdownFile(entry, themeLabels), 'utf8'),
    modifiedAt: entry.updatedAt,
  };
}

/**
 * One Markdown file per entry with YAML front matter (date, title, themes, prompt, starred,
 * created, updated, id), into a new folder or a zip. Either appears under its name only when
 * complete. The files are plaintext.
 */
export function exportMarkdown(db: Db, options: MarkdownExportOptions): ExportResult {
  const container = options.container ?? (/\.zip$/i.test(options.out) ? 'zip' : 'folder');
  const result = (entryCount: number, bytes: number): ExportResult => ({
    format: 'markdown',
    container,
    path: options.out,
    entryCount,
    bytes,
    encrypted: false,
    ...unreadableOf(options.salvage),
  });
  if (container === 'zip') {
    const { value: entryCount, bytes } = writeFileThroughTemp(options.out, (sink) => {
      const zip = new ZipWriter(sink);
      const count = eachMarkdownFile(db, options, (file) =>
        zip.addFile(file.name, file.content, { compress: true, modifiedAt: file.modifiedAt }),
      );
      zip.finish();
      return count;
    });
    return result(entryCount, bytes);
  }
  let bytes = 0;
  const entryCount = writeFolderThroughTemp(options.out, (folder) =>
    eachMarkdownFile(db, options, (file) => {
      const path = join(folder, file.name);
      writeFileSync(path, file.content, { flag: 'wx', mode: 0o600 });
      // The file's date is the entry's last change, so file managers sort notes sensibly.
      const modified = new Date(file.modifiedAt);
      utimesSync(path, modified, modified);
      bytes += file.content.length;
    }),
  );
  return result(entryCount, bytes);
}
