import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { JournalClient } from '../../../shared/contract';
import { missingCase } from '../../../shared/errors';
import { DEFAULT_SETTINGS, type JournalSettings } from '../../../shared/settings';
import type { Entry, JournalStatus, Prompt, Theme } from '../../../shared/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { EntryEditor, type EntryEditorHandle } from '../editor/EntryEditor';
import { useLockShortcut } from '../hooks/useLockShortcut';
import { useIdleLock } from '../hooks/useIdleLock';
import { usePendingCall } from '../hooks/usePendingCall';
import { JournalClientContext } from '../journal-context';
import { watchForLock } from '../lib/lock-watch';
import { AboutDialog } from '../settings/AboutDialog';
import { SettingsDialog } from '../settings/SettingsDialog';
import { appShell } from '../shell';
import { ExportDialog } from '../transfer/ExportDialog';
import { ImportDialog } from '../transfer/ImportDialog';
import { InsightsView } from '../insights/InsightsView';
import { Sidebar } from '../sidebar/Sidebar';
import { EditorBoundary } from './EditorBoundary';
import { LockedAwayDialog } from './LockedAwayDialog';

export interface MainWindowProps {
  client: JournalClient;
  /**
   * The journal is locked. The parent unmounts this component, so every piece of journal
   * state kept in here (entries, drafts, search results) goes with it. `elsewhere` when the
   * journal was found locked by something other than this window's Lock (a call refused with
   * LOCKED, or the status checked when the window comes back into view).
   */
  onLocked: (how: 'here' | 'elsewhere' | 'idle') => void;
}

const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);
const LOCK_KEYS = isMac ? '⌘L' : 'Ctrl+L';

/** What the editor pane shows: a stored entry, or a new one that is not saved yet. */
type Open =
  | { kind: 'entry'; entry: Entry }
  | { kind: 'new'; key: number; prompt: Prompt | null }
  | { kind: 'insights' }
  | { kind: 'none' };

/** The unlocked journal: the sidebar (prompts, themes, entries) and the editor. */
export function MainWindow({ client: plainClient, onLocked }: MainWindowProps) {
  const editor = useRef<EntryEditorHandle>(null);
  const lockingHere = useRef(false);
  const [lockedAway, setLockedAway] = useState(false);
  /** Locked from elsewhere: unsaved writing waits for an unlock here, or goes with the window. */
  const onLockedAway = useCallback(() => {
    if (lockingHere.current) return;
    if (editor.current?.hasUnsavedChanges()) setLockedAway(true);
    else onLocked('elsewhere');
  }, [onLocked]);
  const watch = useMemo(() => watchForLock(plainClient), [plainClient]);
  const { client } = watch;
  useEffect(() => watch.subscribe(onLockedAway), [watch, onLockedAway]);
  const newKeys = useRef(0);
  const [themes, setThemes] = useState<Theme[]>([]);
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [refreshToken, setRefreshToken] = useState(0);

  const reloadThemes = useCallback(() => {
    void client.listThemes({}).then(setThemes, () => undefined);
  }, [client]);
  useEffect(reloadThemes, [reloadThemes]);

  /** Nothing typed is lost: what the editor holds is saved before it goes away. */
  const leaveEditor = useCallback(async () => {
    await editor.current?.flush();
  }, []);

  const navigation = usePendingCall(async (next: () => Promise<Open>) => {
    await leaveEditor();
    const target = await next();
    setOpen(target);
    setSelectedId(target.kind === 'entry' ? target.entry.id : null);
  });
  const { run: navigate } = navigation;

  const openEntry = useCallback(
    (id: string) =>
      void navigate(async () => ({ kind: 'entry', entry: await client.getEntry({ id }) })),
    [client, navigate],
  );
  const showInsights = useCallback(
    () => void navigate(() => Promise.resolve<Open>({ kind: 'insights' })),
    [navigate],
  );
  const startEntry = useCallback(
    (prompt: Prompt | null) =>
      void navigate(() =>
        Promise.resolve<Open>({ kind: 'new', key: (newKeys.current += 1), prompt }),
      ),
    [navigate],
  );

  const lock = usePendingCall(async (how: 'here' | 'idle') => {
    await leaveEditor();
    lockingHere.current = true;
    try {
      await client.lock({});
    } catch (error) {
      lockingHere.current = false;
      throw error;
    }
    onLocked(how);
  });
  const { run: runLock } = lock;
  const requestLock = useCallback(() => void runLock('here'), [runLock]);
  useLockShortcut(requestLock);

  const [settings, setSettings] = useState<JournalSettings>(DEFAULT_SETTINGS);
  const [journalDir, setJournalDir] = useState('');
  useEffect(() => {
    client.getSettings({}).then(setSettings, () => undefined);
    client.getStatus({}).then(
      (status: JournalStatus) => setJournalDir(status.journalDir),
      () => undefined,
    );
  }, [client]);
  const lockWhenIdle = useCallback(() => void runLock('idle'), [runLock]);
  useIdleLock(settings.autoLockMinutes, lockWhenIdle);

  const [dialog, setDialog] = useState<'settings' | 'about' | 'import' | 'export' | null>(null);
  const shell = appShell;
  const showFolder = shell ? () => void shell.showJournalFolder() : null;
  // The desktop shell's menu sends the same commands the window's own buttons perform.
  useEffect(
    () =>
      appShell?.onCommand((command) => {
        switch (command) {
          case 'new-entry':
            return startEntry(null);
          case 'lock':
            return requestLock();
          case 'search':
            return document.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
          case 'settings':
          case 'about':
          case 'import':
          case 'export':
            return setDialog(command);
          default:
            return missingCase(command);
        }
      }),
    [startEntry, requestLock],
  );

  // A window coming back into view checks that the journal is still unlocked, so that one
  // locked elsewhere does not go on showing entries until its next call.
  useEffect(() => {
    const check = () => {
      if (document.visibilityState !== 'visible') return;
      client.getStatus({}).then(
        (status) => status.state !== 'unlocked' && onLockedAway(),
        () => undefined,
      );
    };
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, [client, onLockedAway]);

  const unlockedAgain = useCallback(async () => {
    await editor.current?.flush();
    setLockedAway(false);
    reloadThemes();
    setRefreshToken((token) => token + 1);
  }, [reloadThemes]);

  const onSaved = useCallback(
    (entry: Entry) => {
      setSelectedId(entry.id);
      setRefreshToken((token) => token + 1);
      if (entry.themes.length > 0) reloadThemes();
    },
    [reloadThemes],
  );
  const onThemesChanged = useCallback(() => {
    reloadThemes();
    setRefreshToken((token) => token + 1);
  }, [reloadThemes]);
  const onTrashed = useCallback(() => {
    setOpen({ kind: 'none' });
    setSelectedId(null);
    onThemesChanged();
  }, [onThemesChanged]);

  return (
    <JournalClientContext value={client}>
      <div className="app-shell app-shell--journal">
        <header className="app-header">
          <p className="app-name">
            <span className="brand-mark" aria-hidden="true" />
            Lean On
          </p>
          <div className="app-header-actions">
            <button type="button" className="button-quiet" onClick={showInsights}>
              Insights
            </button>
            <button type="button" className="button-quiet" onClick={() => setDialog('import')}>
              Import
            </button>
            <button type="button" className="button-quiet" onClick={() => setDialog('export')}>
              Export
            </button>
            <button type="button" className="button-quiet" onClick={() => setDialog('about')}>
              About
            </button>
            <button type="button" className="button-quiet" onClick={() => setDialog('settings')}>
              Settings
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={requestLock}
              disabled={lock.busy}
              aria-keyshortcuts="Control+L Meta+L"
              title={`Lock journal (${LOCK_KEYS})`}
            >
              Lock journal
            </button>
          </div>
        </header>
        <ErrorAlert error={lock.error ?? navigation.error} />
        <div className="journal-layout">
          <Sidebar
            selectedEntryId={selectedId}
            refreshToken={refreshToken}
            themes={themes}
            onOpenEntry={openEntry}
            onNewEntry={() => startEntry(null)}
            onStartPrompt={startEntry}
            onThemesChanged={onThemesChanged}
          />
          <main className="journal-pane">
            {open.kind === 'insights' ? (
              <InsightsView
                themes={themes}
                onOpenEntry={openEntry}
                onClose={() => setOpen({ kind: 'none' })}
              />
            ) : open.kind === 'none' ? (
              <div className="journal-empty">
                <h1>Your journal</h1>
                <p>Pick an entry on the left, start from a prompt, or begin a blank page.</p>
                <button type="button" className="button-primary" onClick={() => startEntry(null)}>
                  Start writing
                </button>
              </div>
            ) : (
              <>
                <h1 className="visually-hidden">{open.kind === 'entry' ? 'Entry' : 'New entry'}</h1>
                <EditorBoundary
                  key={open.kind === 'entry' ? open.entry.id : `new-${open.key}`}
                  onClose={() => {
                    setOpen({ kind: 'none' });
                    setSelectedId(null);
                  }}
                >
                  <EntryEditor
                    ref={editor}
                    entry={open.kind === 'entry' ? open.entry : null}
                    prompt={open.kind === 'new' ? open.prompt : null}
                    themes={themes}
                    onSaved={onSaved}
                    onThemesChanged={onThemesChanged}
                    onTrashed={onTrashed}
                  />
                </EditorBoundary>
              </>
            )}
          </main>
        </div>
        {dialog === 'settings' && (
          <SettingsDialog
            settings={settings}
            journalDir={journalDir}
            onShowFolder={showFolder}
            onSettingsChanged={setSettings}
            onClose={() => setDialog(null)}
          />
        )}
        {dialog === 'import' && (
          <ImportDialog onImported={onThemesChanged} onClose={() => setDialog(null)} />
        )}
        {dialog === 'export' && <ExportDialog themes={themes} onClose={() => setDialog(null)} />}
        {dialog === 'about' && (
          <AboutDialog
            version={__APP_VERSION__}
            journalDir={journalDir}
            onClose={() => setDialog(null)}
          />
        )}
        {lockedAway && (
          <LockedAwayDialog onUnlocked={unlockedAgain} onDiscard={() => onLocked('elsewhere')} />
        )}
      </div>
    </JournalClientContext>
  );
}
