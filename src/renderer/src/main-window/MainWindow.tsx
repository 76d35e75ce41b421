import { useCallback, useEffect, useRef, useState } from 'react';
import type { JournalClient } from '../../../shared/contract';
import type { Entry, Prompt, Theme } from '../../../shared/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { EntryEditor, type EntryEditorHandle } from '../editor/EntryEditor';
import { useLockShortcut } from '../hooks/useLockShortcut';
import { usePendingCall } from '../hooks/usePendingCall';
import { Sidebar } from '../sidebar/Sidebar';

export interface MainWindowProps {
  client: JournalClient;
  /**
   * The journal is locked. The parent unmounts this component, so every piece of journal
   * state kept in here (entries, drafts, search results) goes with it. Call it also when a
   * journal call fails with LOCKED, e.g. after the app locked itself.
   */
  onLocked: () => void;
}

const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);
const LOCK_KEYS = isMac ? '⌘L' : 'Ctrl+L';

/** What the editor pane shows: a stored entry, or a new one that is not saved yet. */
type Open =
  | { kind: 'entry'; entry: Entry }
  | { kind: 'new'; key: number; prompt: Prompt | null }
  | { kind: 'none' };

/** The unlocked journal: the sidebar (prompts, themes, entries) and the editor. */
export function MainWindow({ client, onLocked }: MainWindowProps) {
  const editor = useRef<EntryEditorHandle>(null);
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
  const startEntry = useCallback(
    (prompt: Prompt | null) =>
      void navigate(() =>
        Promise.resolve<Open>({ kind: 'new', key: (newKeys.current += 1), prompt }),
      ),
    [navigate],
  );

  const lock = usePendingCall(async () => {
    await leaveEditor();
    await client.lock({});
    onLocked();
  });
  const { run: runLock } = lock;
  const requestLock = useCallback(() => void runLock(), [runLock]);
  useLockShortcut(requestLock);

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
    <div className="app-shell app-shell--journal">
      <header className="app-header">
        <p className="app-name">
          <span className="brand-mark" aria-hidden="true" />
          Lean On
        </p>
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
          {open.kind === 'none' ? (
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
              <EntryEditor
                ref={editor}
                key={open.kind === 'entry' ? open.entry.id : `new-${open.key}`}
                entry={open.kind === 'entry' ? open.entry : null}
                prompt={open.kind === 'new' ? open.prompt : null}
                themes={themes}
                onSaved={onSaved}
                onThemesChanged={onThemesChanged}
                onTrashed={onTrashed}
              />
            </>
          )}
        </main>
      </div>
    </div>
  );
}
