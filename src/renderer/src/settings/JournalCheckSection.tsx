import { useId, useState } from 'react';
import { BusyNote } from '../components/BusyNote';
import { ErrorAlert } from '../components/ErrorAlert';
import { usePendingCall } from '../hooks/usePendingCall';
import { useJournalClient } from '../journal-context';

const NOTHING_FOUND = 'Every page was read: no damage found.';

/**
 * A full check of the journal on demand. Opening checks small journals page by page, larger
 * ones only for their length (reading a gigabyte on every unlock would be too slow), so this is
 * how damage in a large journal is found before the damaged page is needed. A damaged index is
 * rebuilt from the entries; damaged entries are reported and nothing is changed.
 */
export function JournalCheckSection() {
  const client = useJournalClient();
  const id = useId();
  const [found, setFound] = useState<string[] | null>(null);
  const check = usePendingCall(async () => {
    setFound(null);
    const { notices } = await client.checkJournal({});
    setFound(notices);
  });

  return (
    <section className="settings-section" aria-labelledby={`${id}-title`} aria-busy={check.busy}>
      <h3 id={`${id}-title`}>Check for damage</h3>
      <p className="settings-hint">
        Reads every page of your journal and rebuilds its search index if that is damaged. Your
        entries are never changed. Years of writing can take a minute or two.
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="button-secondary"
          aria-disabled={check.busy}
          onClick={() => {
            if (!check.busy) void check.run();
          }}
        >
          Check the whole journal
        </button>
      </div>
      <BusyNote busy={check.busy} text="Checking your journal…" method="checkJournal" />
      <ErrorAlert error={check.error} />
      <p className="settings-status settings-success" role="status">
        {found === null ? '' : found.length === 0 ? NOTHING_FOUND : found.join(' ')}
      </p>
    </section>
  );
}
