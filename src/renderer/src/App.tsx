import { useEffect, useState } from 'react';
import type { JournalStatus } from '../../shared/types';
import { createClient } from './journal-client';

/** The window's first screen: where the journal is and whether it is locked. */
export function App() {
  const [status, setStatus] = useState<JournalStatus | null>(null);
  const [error, setError] = useState<string | null>(
    window.journal ? null : 'Lean On could not reach its journal.',
  );

  useEffect(() => {
    if (!window.journal) return;
    createClient(window.journal)
      .getStatus({})
      .then(setStatus, (reason: unknown) =>
        setError(reason instanceof Error ? reason.message : String(reason)),
      );
  }, []);

  return (
    <main className="welcome">
      <h1>Lean On</h1>
      <p>A private journal for practising leaning on others.</p>
      {error && <p role="alert">{error}</p>}
      {status && (
        <p role="status">
          {status.state === 'no-journal' ? 'No journal yet in ' : 'Journal in '}
          <code>{status.journalDir}</code>
          {status.state === 'locked' ? ' (locked)' : ''}
        </p>
      )}
    </main>
  );
}
