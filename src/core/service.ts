import {
  type JournalHandlers,
  METHODS,
  type MethodName,
  type MethodOutput,
  isMethodName,
} from '../shared/contract';
import { JournalError, type Result } from '../shared/errors';
import type { JournalStatus } from '../shared/types';
import { toErrorValue } from './db/database';
import * as entries from './entries';
import { AutomaticBackups } from './jobs/automatic';
import { type JobRunner, inlineJobs } from './jobs/thread';
import { computeInsights, onThisDay } from './insights';
import { salvageListing } from './integrity';
import { Journal, type JournalOptions, type ProgressFn } from './journal';
import { dailyPrompt, listPrompts } from './prompts';
import { search } from './search';
import { getSettings, updateSettings } from './settings';
import { dismissSuggestion, suggestForEntry } from './suggestions';
import { Transfers } from './transfer';
import { idleMaintenance } from './maintenance';
import * as themes from './themes';

export interface ServiceOptions extends JournalOptions {
  /** Where exports and backups run; in this thread unless the host gives a thread runner. */
  jobs?: JobRunner;
  /** Makes the daily automatic backup on unlock (the app); the CLI leaves it off. */
  automaticBackups?: boolean;
}

export function createHandlers(
  journal: Journal,
  jobs: JobRunner = inlineJobs,
  options: { automaticBackups?: boolean } = {},
): JournalHandlers {
  const transfers = new Transfers(journal, jobs);
  const automatic = new AutomaticBackups(journal, jobs);
  const startAutomatic = () => {
    if (options.automaticBackups) automatic.start();
  };
  const status = (): JournalStatus => {
    const state = journal.state();
    const base: JournalStatus = { state, journalDir: journal.dir };
    return journal.readOnly ? { ...base, readOnly: true } : base;
  };
  return {
    getStatus: status,
    createJournal: async ({ passphrase }, progress) => ({
      recoveryCode: await journal.create(passphrase, progress),
    }),
    unlock: async ({ passphrase, readOnly }, progress) => {
      await journal.unlock(passphrase, progress, { readOnly: readOnly ?? false });
      startAutomatic();
      return journal.notices.length > 0 ? { ...status(), notices: [...journal.notices] } : status();
    },
    unlockWithRecoveryCode: async ({ recoveryCode, newPassphrase }, progress) => {
      await journal.unlockWithRecoveryCode(recoveryCode, newPassphrase, progress);
      startAutomatic();
      return status();
    },
    lock: () => {
      transfers.clear();
      journal.lock();
      // Running exports and backups stop; their half-written files are removed.
      void jobs.cancelAll();
      return status();
    },
    changePassphrase: async ({ currentPassphrase, newPassphrase }, progress) => {
      await journal.changePassphrase(currentPassphrase, newPassphrase, progress);
      return null;
    },
    regenerateRecoveryCode: async ({ passphrase }) => ({
      recoveryCode: await journal.regenerateRecoveryCode(passphrase),
    }),
    getRawKey: async ({ passphrase }) => ({ hexKey: await journal.rawKey(passphrase) }),
    createEntry: (input) => entries.createEntry(journal.db, input),
    updateEntry: (input) => entries.updateEntry(journal.db, input),
    getEntry: ({ id }) => entries.getEntry(journal.db, id),
    listEntries: (input) => {
      if (!journal.readOnly) return entries.listEntries(journal.db, input);
      // A damaged journal: what can be read, in the order written, past damaged pages.
      const { entries: found, nextCursor } = salvageListing(journal.db, input.cursor, input.limit);
      return { entries: found, nextCursor };
    },
    trashEntry: ({ id }) => entries.trashEntry(journal.db, id),
    restoreEntry: ({ id }) => entries.restoreEntry(journal.db, id),
    deleteEntryForever: ({ id }) => {
      entries.deleteEntryForever(journal.db, id);
      return null;
    },
    emptyTrash: () => ({ deleted: entries.emptyTrash(journal.db) }),
    setEntryTheme: (input) => entries.setEntryTheme(journal.db, input),
    search: (input) => search(journal.db, input),
    listThemes: () => themes.listThemes(journal.db),
    createTheme: (input) => themes.createTheme(journal.db, input),
    updateTheme: (input) => themes.updateTheme(journal.db, input),
    mergeThemes: (input) => themes.mergeThemes(journal.db, input),
    deleteTheme: ({ id }) => {
      themes.deleteTheme(journal.db, id);
      return null;
    },
    listPrompts: ({ themeId }) => listPrompts(themeId),
    getDailyPrompt: ({ date }) => dailyPrompt(date),
    getSettings: () => getSettings(journal.db),
    updateSettings: (input) => {
      const settings = updateSettings(journal.db, input);
      if (input.automaticBackupFolder || input.automaticBackupKeep) startAutomatic();
      return settings;
    },
    previewImport: (input, progress) => transfers.previewImport(input, progress),
    applyImport: (input, progress) => transfers.applyImport(input, progress),
    exportJournal: (input, progress) => transfers.exportJournal(input, progress),
    createBackup: (input, progress) => transfers.createBackup(input, progress),
    suggestThemes: (input) => suggestForEntry(journal.db, input),
    getInsights: (input) => computeInsights(journal.db, input),
    getOnThisDay: (input) => onThisDay(journal.db, input),
    dismissSuggestion: (input) => {
      dismissSuggestion(journal.db, input);
      return null;
    },
    getBackupStatus: () => automatic.status(),
    // Every page, whatever the journal's size: an open checks only journals up to 8 MB fully.
    checkJournal: (_input, progress) => ({ notices: journal.checkNow(progress) }),
    restoreFromBackup: async ({ path, passphrase }) => {
      transfers.clear();
      await jobs.cancelAll();
      const result = await journal.restoreFromBackup(path, passphrase);
      return {
        damagedKeptIn: result.keptIn,
        entryCount: result.entryCount,
        backupCreatedAt: result.backupCreatedAt,
      };
    },
  };
}

/**
 * The single entry point every front goes through: validates the untrusted input against the
 * contract's schema, runs the handler, and turns every failure into an error value.
 */
/** How long the journal must be idle before edits are indexed and the WAL checkpointed. */
const MAINTENANCE_IDLE_MS = 2000;

/** Calls that never write; every other call is followed, after a pause, by maintenance. */
const READ_ONLY: ReadonlySet<MethodName> = new Set<MethodName>([
  'getStatus',
  'getEntry',
  'listEntries',
  'search',
  'listThemes',
  'listPrompts',
  'getDailyPrompt',
  'getSettings',
  'previewImport',
  'exportJournal',
  'createBackup',
  'getBackupStatus',
  'suggestThemes',
  'getInsights',
  'getOnThisDay',
]);

export class JournalService {
  readonly journal: Journal;
  private readonly handlers: JournalHandlers;
  private maintenanceTimer: NodeJS.Timeout | null = null;

  constructor(dir: string, options: ServiceOptions = {}) {
    this.journal = new Journal(dir, options);
    this.handlers = createHandlers(this.journal, options.jobs, {
      automaticBackups: options.automaticBackups ?? false,
    });
  }

  async dispatch(
    method: unknown,
    input: unknown,
    progress: ProgressFn = () => undefined,
  ): Promise<Result<unknown>> {
    if (!isMethodName(method)) {
      return { ok: false, error: new JournalError('INVALID_INPUT', 'Unknown method.').toValue() };
    }
    return this.call(method, input, progress);
  }

  async call<K extends MethodName>(
    method: K,
    input: unknown,
    progress: ProgressFn = () => undefined,
  ): Promise<Result<MethodOutput<K>>> {
    const parsed = METHODS[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
      const message = `${issue?.message ?? 'That request was not valid.'}${where}`;
      return { ok: false, error: new JournalError('INVALID_INPUT', message).toValue() };
    }
    try {
      const handler = this.handlers[method] as (
        value: unknown,
        report: ProgressFn,
      ) => MethodOutput<K> | Promise<MethodOutput<K>>;
      const value = await handler(parsed.data, progress);
      if (!READ_ONLY.has(method)) this.scheduleMaintenance();
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toErrorValue(error) };
    }
  }

  /** Runs idleMaintenance once calls that write have paused. */
  private scheduleMaintenance(): void {
    if (this.maintenanceTimer) clearTimeout(this.maintenanceTimer);
    this.maintenanceTimer = setTimeout(() => {
      this.maintenanceTimer = null;
      if (this.journal.state() !== 'unlocked') return;
      try {
        idleMaintenance(this.journal.db);
      } catch {
        // Nothing is lost: pending edits stay noted and the WAL stays valid; the next search,
        // lock or open catches up.
      }
    }, MAINTENANCE_IDLE_MS);
    this.maintenanceTimer.unref();
  }

  close(): void {
    if (this.maintenanceTimer) clearTimeout(this.maintenanceTimer);
    this.maintenanceTimer = null;
    this.journal.lock();
  }
}
