/**
 * The names of the contract's methods, free of any dependency so that the sandboxed preload
 * can list them without bundling the schemas. `METHODS` in contract.ts must match exactly.
 */
export const METHOD_NAMES = [
  'getStatus',
  'createJournal',
  'unlock',
  'unlockWithRecoveryCode',
  'lock',
  'changePassphrase',
  'regenerateRecoveryCode',
  'getRawKey',
  'createEntry',
  'updateEntry',
  'getEntry',
  'listEntries',
  'trashEntry',
  'restoreEntry',
  'deleteEntryForever',
  'emptyTrash',
  'setEntryTheme',
  'search',
  'listThemes',
  'createTheme',
  'updateTheme',
  'mergeThemes',
  'deleteTheme',
  'listPrompts',
  'getDailyPrompt',
  'getSettings',
  'updateSettings',
  'previewImport',
  'applyImport',
  'exportJournal',
  'createBackup',
  'getBackupStatus',
  'restoreFromBackup',
  'checkJournal',
  'suggestThemes',
  'dismissSuggestion',
  'getInsights',
  'getOnThisDay',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);
}

/** The one IPC channel every call goes through; the method travels as the first argument. */
export const IPC_CHANNEL = 'journal:call';
