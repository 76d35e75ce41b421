import type { ChoosePathRequest } from '../../../shared/app-shell';
import type { ImportFormatId } from '../../../shared/types';

export interface ImportFormatChoice {
  /** As the app's users call it. */
  label: string;
  /** Which file to look for, in a sentence. */
  hint: string;
  /** A file is picked with the open-file dialog, a folder with open-folder. */
  source: 'file' | 'folder';
  filters?: ChoosePathRequest['filters'];
}

/**
 * Every format the core reads, typed by ImportFormatId so that a new format cannot be missed
 * here: the compiler asks for its label and hint.
 */
export const IMPORT_FORMATS: Readonly<Record<ImportFormatId, ImportFormatChoice>> = {
  'day-one': {
    label: 'Day One',
    hint: 'The .zip file from Day One’s Export as JSON, or the .json file inside it.',
    source: 'file',
    filters: [{ name: 'Day One export', extensions: ['zip', 'json'] }],
  },
  jrnl: {
    label: 'jrnl',
    hint: 'The .json file that jrnl writes with --export json.',
    source: 'file',
    filters: [{ name: 'jrnl export', extensions: ['json'] }],
  },
  'mini-diary': {
    label: 'Mini Diary',
    hint: 'The .json file from Mini Diary’s Export as JSON.',
    source: 'file',
    filters: [{ name: 'Mini Diary export', extensions: ['json'] }],
  },
  markdown: {
    label: 'Markdown folder',
    hint: 'A folder of .md files, one entry each. The date comes from the front matter or the file name when there is one.',
    source: 'folder',
  },
  'lean-on-backup': {
    label: 'Lean On backup',
    hint: 'A .leanon-backup file made by Lean On, from this journal or another one.',
    // No filter: the shell accepts extensions of up to 10 letters, and this one is longer.
    source: 'file',
  },
};

/** In the order offered. */
export const IMPORT_FORMAT_IDS = Object.keys(IMPORT_FORMATS) as ImportFormatId[];

export function chooseSourceRequest(format: ImportFormatId): ChoosePathRequest {
  const choice = IMPORT_FORMATS[format];
  return choice.source === 'folder'
    ? { mode: 'open-folder', title: 'Choose the folder of Markdown files to import' }
    : {
        mode: 'open-file',
        title: `Choose the ${choice.label} export to import`,
        ...(choice.filters
          ? { filters: [...choice.filters, { name: 'All files', extensions: ['*'] }] }
          : {}),
      };
}
