import type { z } from 'zod';
import type { Result } from './errors';
import type { MethodName } from './methods';
import { schemas } from './schemas';
import type { Insights, OnThisDay } from './insights';
import type { JournalSettings } from './settings';
import type {
  BackupOutcome,
  BackupStatus,
  Entry,
  EntryPage,
  ExportOutcome,
  ImportOutcome,
  ImportPreview,
  JournalStatus,
  Prompt,
  RestoreOutcome,
  SearchResults,
  Theme,
  ThemeSuggestion,
} from './types';

/**
 * The method table, written once. Every front (worker, Electron IPC, preload, web bridge,
 * renderer, CLI) derives its types from it; no signature is copied by hand.
 */
export const METHODS = {
  getStatus: { input: schemas.empty },
  createJournal: { input: schemas.createJournal },
  unlock: { input: schemas.unlock },
  unlockWithRecoveryCode: { input: schemas.unlockWithRecoveryCode },
  lock: { input: schemas.empty },
  changePassphrase: { input: schemas.changePassphrase },
  regenerateRecoveryCode: { input: schemas.confirmPassphrase },
  getRawKey: { input: schemas.confirmPassphrase },
  createEntry: { input: schemas.createEntry },
  updateEntry: { input: schemas.updateEntry },
  getEntry: { input: schemas.entryRef },
  listEntries: { input: schemas.listEntries },
  trashEntry: { input: schemas.entryRef },
  restoreEntry: { input: schemas.entryRef },
  deleteEntryForever: { input: schemas.entryRef },
  emptyTrash: { input: schemas.empty },
  setEntryTheme: { input: schemas.setEntryTheme },
  search: { input: schemas.search },
  listThemes: { input: schemas.empty },
  createTheme: { input: schemas.createTheme },
  updateTheme: { input: schemas.updateTheme },
  mergeThemes: { input: schemas.mergeThemes },
  deleteTheme: { input: schemas.themeRef },
  listPrompts: { input: schemas.listPrompts },
  getDailyPrompt: { input: schemas.dailyPrompt },
  getSettings: { input: schemas.empty },
  updateSettings: { input: schemas.updateSettings },
  previewImport: { input: schemas.previewImport },
  applyImport: { input: schemas.applyImport },
  exportJournal: { input: schemas.exportJournal },
  createBackup: { input: schemas.createBackup },
  getBackupStatus: { input: schemas.empty },
  restoreFromBackup: { input: schemas.restoreFromBackup },
  checkJournal: { input: schemas.empty },
  suggestThemes: { input: schemas.suggestThemes },
  dismissSuggestion: { input: schemas.dismissSuggestion },
  getInsights: { input: schemas.getInsights },
  getOnThisDay: { input: schemas.getOnThisDay },
} as const satisfies { [K in MethodName]: { input: z.ZodType } };

interface Outputs {
  getStatus: JournalStatus;
  createJournal: { recoveryCode: string };
  unlock: JournalStatus;
  unlockWithRecoveryCode: JournalStatus;
  lock: JournalStatus;
  changePassphrase: null;
  regenerateRecoveryCode: { recoveryCode: string };
  getRawKey: { hexKey: string };
  createEntry: Entry;
  updateEntry: Entry;
  getEntry: Entry;
  listEntries: EntryPage;
  trashEntry: Entry;
  restoreEntry: Entry;
  deleteEntryForever: null;
  emptyTrash: { deleted: number };
  setEntryTheme: Entry;
  search: SearchResults;
  listThemes: Theme[];
  createTheme: Theme;
  updateTheme: Theme;
  mergeThemes: Theme;
  deleteTheme: null;
  listPrompts: Prompt[];
  getDailyPrompt: Prompt;
  getSettings: JournalSettings;
  updateSettings: JournalSettings;
  previewImport: ImportPreview;
  applyImport: ImportOutcome;
  exportJournal: ExportOutcome;
  createBackup: BackupOutcome;
  getBackupStatus: BackupStatus;
  restoreFromBackup: RestoreOutcome;
  /** What was found damaged and rebuilt; empty when nothing was. */
  checkJournal: { notices: string[] };
  suggestThemes: ThemeSuggestion[];
  dismissSuggestion: null;
  getInsights: Insights;
  getOnThisDay: OnThisDay;
}

export type { MethodName } from './methods';
export { METHOD_NAMES, isMethodName } from './methods';
export type MethodInput<K extends MethodName> = z.input<(typeof METHODS)[K]['input']>;
export type MethodParsedInput<K extends MethodName> = z.output<(typeof METHODS)[K]['input']>;
export type MethodOutput<K extends MethodName> = Outputs[K];

/** What a caller sees: one async function per method. Rejections carry a JournalError. */
export type JournalClient = {
  [K in MethodName]: (input: MethodInput<K>) => Promise<MethodOutput<K>>;
};

/**
 * What the core implements: one function per method, inputs already validated. Only key
 * derivation is asynchronous; everything touching the database is synchronous.
 */
export type JournalHandlers = {
  [K in MethodName]: (
    input: MethodParsedInput<K>,
    progress: (fraction: number | null, label: string) => void,
  ) => MethodOutput<K> | Promise<MethodOutput<K>>;
};

/** What the preload exposes: one function per method, resolving to a result value. */
export type JournalBridge = {
  [K in MethodName]: (input: MethodInput<K>) => Promise<Result<MethodOutput<K>>>;
};
