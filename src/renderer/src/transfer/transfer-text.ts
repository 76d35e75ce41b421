import type { ImportOutcome, ImportPreview } from '../../../shared/types';

const NUMBER = new Intl.NumberFormat();

/** "1 entry", "1,204 entries". */
export function countOf(count: number, one: string, many: string): string {
  return `${NUMBER.format(count)} ${count === 1 ? one : many}`;
}

export function entriesOf(count: number): string {
  return countOf(count, 'entry', 'entries');
}

/** "124 entries to add, 3 already in your journal, 2 that can’t be read". */
export function previewCountsText(counts: ImportPreview['counts']): string {
  const parts = [counts.add === 0 ? 'No new entries to add' : `${entriesOf(counts.add)} to add`];
  if (counts.duplicates > 0)
    parts.push(`${NUMBER.format(counts.duplicates)} already in your journal`);
  if (counts.skipped > 0) parts.push(`${NUMBER.format(counts.skipped)} that can’t be read`);
  return parts.join(', ');
}

/** What an applied import did, in sentences. */
export function importOutcomeText(outcome: ImportOutcome): string[] {
  const was = (count: number) => (count === 1 ? 'was' : 'were');
  const lines = [
    outcome.added === 0
      ? 'No entries were added.'
      : `${entriesOf(outcome.added)} ${was(outcome.added)} added to your journal.`,
  ];
  if (outcome.duplicates > 0) {
    const it = outcome.duplicates === 1 ? 'it was' : 'they were';
    lines.push(
      `${NUMBER.format(outcome.duplicates)} ${was(outcome.duplicates)} already in your journal and ${was(outcome.duplicates)} left as ${it}.`,
    );
  }
  if (outcome.skipped > 0) {
    lines.push(
      `${NUMBER.format(outcome.skipped)} couldn’t be read and ${was(outcome.skipped)} left out.`,
    );
  }
  if (outcome.createdThemes > 0) {
    lines.push(
      `${countOf(outcome.createdThemes, 'new theme was', 'new themes were')} made from tags.`,
    );
  }
  return lines;
}

/** Bytes as people read them: "840 bytes", "12 KB", "3.4 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return countOf(bytes, 'byte', 'bytes');
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = value < 10 ? 1 : 0;
  return `${value.toLocaleString(undefined, { maximumFractionDigits: digits })} ${units[unit]}`;
}

/**
 * The core reads only full paths (it never guesses what a relative one is relative to); the
 * same test as its schema, so the person hears about it before anything is sent.
 */
export function isFullPath(path: string): boolean {
  return /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path) && !path.includes('\0');
}

export const NOT_A_FULL_PATH =
  'Give the full path, starting with / (or with a drive letter such as C:\\ on Windows).';

/**
 * What is wrong with a path field's value, or null when it is a full path: nothing chosen yet
 * (`chooseText` in the desktop app, which has a picker; `typeText` in the web preview, where
 * it is typed), or a path that is not a full one.
 */
export function fullPathProblem(
  path: string,
  hasPicker: boolean,
  chooseText: string,
  typeText: string,
): string | null {
  if (path === '') return hasPicker ? chooseText : typeText;
  return isFullPath(path) ? null : NOT_A_FULL_PATH;
}
