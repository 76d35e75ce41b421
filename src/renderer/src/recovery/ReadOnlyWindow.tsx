import { useCallback, useEffect, useId, useState } from 'react';
import type { JournalClient } from '../../../shared/contract';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import type { Entry, EntrySummary } from '../../../shared/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { useIdleLock } from '../hooks/useIdleLock';
import { useLockShortcut } from '../hooks/useLockShortcut';
import { usePendingCall } from '../hooks/usePendingCall';
import { JournalClientContext } from '../journal-context';
import { entryHeading, formatEntryDate } from '../sidebar/format';
import { ExportDialog } from '../transfer/ExportDialog';
import { RestoreBackupForm, restoredNotice } from './RestoreBackupForm';

export interface ReadOnlyWindowProps {
  client: JournalClient;
  /** What the read-only open found damaged, in plain sentences. */
  notices: string[];
  /** The journal is locked (by the person, by idle time, or by a restore): back to unlock. */
  onLocked: (notice: string) => void;
}

const PAGE = 100;

/**
 * A damaged journal opened read-only: the entries that can still be read, to read, and the two
 * ways forward (export what can be read, or restore a backup in its place). Nothing here can
 * change the journal; the core refuses every write as well.
 */
export function ReadOnlyWindow({ client, notices, onLocked }: ReadOnlyWindowProps) {
  const id = useId();
  const [entries, setEntries] = useState<EntrySummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [open, setOpen] = useState<Entry | null>(null);
  const [dialog, setDialog] = useState<'export' | 'restore' | null>(null);

  const loadPage = useCallback(
    async (after: string | null) => {
      const page = await client.listEntries(
        after ? { limit: PAGE, cursor: after } : { limit: PAGE },
      );
      setEntries((shown) => (after ? [...shown, ...page.entries] : page.entries));
      setCursor(page.nextCursor);
    },
    [client],
  );
  const listing = usePendingCall(loadPage);
  const { run: list } = listing;
  useEffect(() => void list(null), [list]);

  const reading = usePendingCall(async (entryId: string) => {
    setOpen(await client.getEntry({ id: entryId }));
  });

  const lock = usePendingCall(async (notice: string) => {
    await client.lock({});
    onLocked(notice);
  });
  const { run: runLock } = lock;
  const requestLock = useCallback(
    () => void runLock('Your journal is locked and encrypted.'),
    [runLock],
  );
  useLockShortcut(requestLock);
  const lockWhenIdle = useCallback(
    () => void runLock('Your journal locked itself after a while without activity.'),
    [runLock],
  );
  useIdleLock(DEFAULT_SETTINGS.autoLockMinutes, lockWhenIdle);

  return (
    <JournalClientContext value={client}>
      <div className="app-shell app-shell--journal read-only-window">
        <header className="app-header">
          <p className="app-name">
            <span className="brand-mark" aria-hidden="true" />
            Lean On <span className="read-only-badge">Read-only</span>
          </p>
          <div className="app-header-actions">
            <button type="button" className="button-quiet" onClick={() => setDialog('export')}>
              Export what can be read…
            </button>
            <button
              type="button"
              className="button-quiet"
              aria-expanded={dialog === 'restore'}
              aria-controls={`${id}-restore`}
              onClick={() => setDialog(dialog === 'restore' ? null : 'restore')}
            >
              Restore from a backup…
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={requestLock}
              disabled={lock.busy}
              aria-keyshortcuts="Control+L Meta+L"
            >
              Lock journal
            </button>
          </div>
        </header>
        <section className="damage-banner" aria-labelledby={`${id}-banner`}>
          <h1 id={`${id}-banner`}>This journal is damaged and open read-only</h1>
          <p>
            You can read the entries that can still be read, and export them. Nothing can be
            written, so nothing more is lost. Restoring a backup puts it in the journal’s place and
            keeps the damaged files.
          </p>
          {notices.length > 0 && (
            <ul className="damage-findings">
              {notices.map((notice) => (
                <li key={notice}>{notice}</li>
              ))}
            </ul>
          )}
          <ErrorAlert error={lock.error} />
        </section>
        <div id={`${id}-restore`} className="read-only-restore" hidden={dialog !== 'restore'}>
          {dialog === 'restore' && (
            <RestoreBackupForm
              headingLevel={2}
              onRestored={(outcome) => onLocked(restoredNotice(outcome))}
            />
          )}
        </div>
        <div className="journal-layout">
          <nav className="read-only-list" aria-label="Entries that can be read">
            <p className="settings-hint">In the order they were written.</p>
            <ErrorAlert error={listing.error} />
            {listing.error && (
              <p className="settings-hint">
                “Export what can be read” reads past the damage, entry by entry.
              </p>
            )}
            <ul>
              {entries.map((entry) => (
                <li key={entry.id}>
                  <button
                    type="button"
                    className="read-only-entry"
                    aria-current={open?.id === entry.id ? 'true' : undefined}
                    onClick={() => void reading.run(entry.id)}
                  >
                    <span className="read-only-entry-title">{entryHeading(entry)}</span>
                    <span className="read-only-entry-date">{formatEntryDate(entry.entryDate)}</span>
                  </button>
                </li>
              ))}
            </ul>
            {cursor && (
              <button
                type="button"
                className="button-secondary button-small"
                disabled={listing.busy}
                onClick={() => void list(cursor)}
              >
                Show more
              </button>
            )}
            {!listing.busy && !listing.error && entries.length === 0 && (
              <p className="settings-hint">No entries could be listed.</p>
            )}
          </nav>
          {/* Focusable so that a long entry can be scrolled with the keyboard. */}
          <main className="journal-pane" tabIndex={0} aria-label="Reading pane">
            <ErrorAlert error={reading.error} />
            {open ? (
              <article className="read-only-entry-text" aria-labelledby={`${id}-entry`}>
                <h2 id={`${id}-entry`}>{entryHeading(open)}</h2>
                <p className="read-only-entry-date">{formatEntryDate(open.entryDate)}</p>
                {open.text.split(/\n+/).map((paragraph, index) => (
                  <p key={index}>{paragraph}</p>
                ))}
              </article>
            ) : (
              <div className="journal-empty">
                <h2>Your entries, read-only</h2>
                <p>Pick an entry on the left to read it.</p>
              </div>
            )}
          </main>
        </div>
        {dialog === 'export' && (
          <ExportDialog themes={[]} salvage onClose={() => setDialog(null)} />
        )}
      </div>
    </JournalClientContext>
  );
}
