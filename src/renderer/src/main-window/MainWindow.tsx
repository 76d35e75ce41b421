import { useCallback, useEffect, useRef } from 'react';
import type { JournalClient } from '../../../shared/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { usePendingCall } from '../hooks/usePendingCall';
import { useLockShortcut } from '../hooks/useLockShortcut';

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

/** The unlocked journal. For now an honest placeholder: the editor and sidebar come next. */
export function MainWindow({ client, onLocked }: MainWindowProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const lock = usePendingCall(async () => {
    await client.lock({});
    onLocked();
  });
  const { run: runLock } = lock;
  const requestLock = useCallback(() => void runLock(), [runLock]);
  useLockShortcut(requestLock);

  // Arriving from a lock screen, start reading at the top of the journal.
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <div className="app-shell">
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
      <main className="app-main">
        <h1 ref={headingRef} tabIndex={-1}>
          Your journal is open
        </h1>
        <p>
          Writing, prompts and themes will live here. When you step away, lock the journal with the
          button above or <kbd>{LOCK_KEYS}</kbd>.
        </p>
        <ErrorAlert error={lock.error} />
      </main>
    </div>
  );
}
