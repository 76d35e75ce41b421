import { type Dirent, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LIMITS } from '../../shared/limits';
import {
  EntryCollector,
  type ReadContext,
  cleanTags,
  contentId,
  describeEntry,
  fitTitle,
  splitHeadingTitle,
  warnDroppedTags,
} from './collect';
import { type ParsedMoment, entryDayOf, isCalendarDate, parseMoment } from './dates';
import { decodeUtf8, invalid, readWholeFile } from './decode';
import { splitFrontMatter } from './front-matter';
import { formatSize } from './limits';
import type { ParsedImport } from './types';

const MARKDOWN_FILE = /\.(md|markdown)$/i;

interface MarkdownFile {
  path: string;
  /** As shown: the folder's name, then the path inside it. */
  file: string;
  size: number;
  mtimeMs: number;
}

function entriesOf(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  } catch {
    return [];
  }
}

/**
 * The folder's Markdown files, in a stable order. Hidden files and folders (.git, .trash) and
 * symbolic links are left out: links can loop, or lead outside the folder that was chosen.
 */
function listMarkdownFiles(
  root: string,
  collector: EntryCollector,
  context: ReadContext,
): MarkdownFile[] {
  const files: MarkdownFile[] = [];
  const rootName = basename(root);
  const walk = (dir: string, shown: string, depth: number): void => {
    for (const dirent of entriesOf(dir)) {
      if (dirent.name.startsWith('.')) continue;
      const path = join(dir, dirent.name);
      const file = `${shown}/${dirent.name}`;
      if (dirent.isSymbolicLink()) {
        collector.warn(
          file,
          null,
          `“${file}”`,
          'it is a link to somewhere else, so it was not followed',
        );
      } else if (dirent.isDirectory()) {
        if (depth >= context.limits.maxFolderDepth) {
          collector.warn(file, null, `“${file}”`, 'it is nested too deeply, so it was not read');
        } else {
          walk(path, file, depth + 1);
        }
      } else if (dirent.isFile() && MARKDOWN_FILE.test(dirent.name)) {
        if (files.length >= context.limits.maxFolderFiles) {
          throw invalid(
            `“${rootName}” holds more than ${context.limits.maxFolderFiles} Markdown files; import it in parts.`,
          );
        }
        const stats = statOrNull(path);
        if (stats) files.push({ path, file, ...stats });
        else collector.warn(file, null, `“${file}”`, 'it could not be read, so it was left out');
      }
    }
  };
  walk(root, rootName, 0);
  return files;
}

/** The entry's moment: from its front matter, else the date its name starts with, else the file's time. */
function momentOf(
  frontMatterDate: string | null,
  markdown: MarkdownFile,
  warn: (reason: string) => void,
  timeZone: string,
): ParsedMoment {
  if (frontMatterDate !== null) {
    const parsed = parseMoment(frontMatterDate, timeZone);
    if (parsed) return parsed;
    warn(
      `its date “${frontMatterDate.slice(0, 40)}” is not a date Lean On can read, so it was ignored`,
    );
  }
  const fromName = /^(\d{4}-\d{2}-\d{2})/.exec(basename(markdown.path))?.[1];
  if (fromName && isCalendarDate(fromName)) return parseMoment(fromName, timeZone)!;
  return { instant: Math.round(markdown.mtimeMs), localDay: null };
}

function readFile(
  markdown: MarkdownFile,
  index: number,
  collector: EntryCollector,
  context: ReadContext,
): void {
  const { file } = markdown;
  const named = describeEntry(file, index);
  if (markdown.size > LIMITS.docMaxBytes) {
    collector.skip(
      file,
      index,
      named,
      `it holds ${formatSize(markdown.size)} of text, more than the ${formatSize(LIMITS.docMaxBytes)} an entry can hold`,
    );
    return;
  }
  let text: string;
  try {
    const bytes = readWholeFile(markdown.path, file, LIMITS.docMaxBytes);
    if (bytes.includes(0)) {
      collector.skip(file, index, named, 'it looks like a binary file, not text');
      return;
    }
    text = decodeUtf8(bytes, file);
  } catch (error) {
    collector.skip(file, index, named, `it could not be read: ${(error as Error).message}`);
    return;
  }
  const split = splitFrontMatter(text);
  if (!split.ok) {
    collector.skip(
      file,
      index,
      named,
      `its front matter cannot be read (line ${split.line}: ${split.reason})`,
    );
    return;
  }
  const frontMatter = split.frontMatter;
  const moment = momentOf(
    frontMatter?.date ?? null,
    markdown,
    (reason) => collector.warn(file, index, named, reason),
    context.timeZone,
  );
  const entryDate = entryDayOf(moment, context.timeZone);
  const where = describeEntry(file, index, { date: entryDate });
  // A title in the front matter wins; else a first "# Heading" line is the title.
  const heading =
    frontMatter && frontMatter.title !== null
      ? { title: frontMatter.title, body: split.body }
      : splitHeadingTitle(split.body);
  const titled = fitTitle(heading.title, heading.body);
  const { tags, dropped } = cleanTags(frontMatter?.themes ?? []);
  warnDroppedTags(collector, file, index, where, dropped);
  collector.add(
    {
      index,
      file,
      where,
      sourceId: `${entryDate} ${contentId(titled.title, titled.body)}`,
      title: titled.title,
      body: { kind: 'markdown', text: titled.body },
      createdAt: moment.instant,
      updatedAt: Math.max(moment.instant, Math.round(markdown.mtimeMs)),
      timeZone: context.timeZone,
      entryDate,
      tags,
      starred: false,
    },
    (earlier) => `it is the same as ${earlier.where}`,
  );
}

/** Every Markdown file under `root` (a folder, or one .md file) as one entry each. */
export function readMarkdown(root: string, context: ReadContext): ParsedImport {
  const isFolder = statSync(root).isDirectory();
  const source = basename(root);
  const collector = new EntryCollector('markdown', source, context.limits);
  const files = isFolder
    ? listMarkdownFiles(root, collector, context)
    : [{ path: root, file: source, ...sizeAndTime(root) }];
  if (isFolder && files.length === 0) {
    collector.warn(source, null, `“${source}”`, 'it holds no Markdown (.md) files');
  }
  collector.count(files.length);
  files.forEach((markdown, position) => {
    readFile(markdown, position + 1, collector, context);
  });
  return collector.result();
}

function sizeAndTime(path: string): { size: number; mtimeMs: number } {
  const stats = statSync(path);
  return { size: stats.size, mtimeMs: stats.mtimeMs };
}

/** A file can vanish or be locked between listing the folder and reading it. */
function statOrNull(path: string): { size: number; mtimeMs: number } | null {
  try {
    return sizeAndTime(path);
  } catch {
    return null;
  }
}
