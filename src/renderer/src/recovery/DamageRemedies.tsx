import { useId, useState } from 'react';
import type { RestoreOutcome } from '../../../shared/types';
import { RestoreBackupForm } from './RestoreBackupForm';

interface DamageRemediesProps {
  /** False when the keyring itself is lost or damaged: then nothing opens the file. */
  canOpenReadOnly: boolean;
  busy: boolean;
  onOpenReadOnly: () => void;
  onRestored: (outcome: RestoreOutcome) => void;
}

/**
 * What can be done about a journal that won't open because it is damaged: open it read-only
 * to read and export what can still be read, or put a backup in its place. Nothing is changed
 * or deleted until the person chooses.
 */
export function DamageRemedies({
  canOpenReadOnly,
  busy,
  onOpenReadOnly,
  onRestored,
}: DamageRemediesProps) {
  const id = useId();
  const [restoring, setRestoring] = useState(false);
  return (
    <section className="damage-remedies" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>What you can do</h2>
      <p>Nothing has been changed or deleted. Your passphrase is fine: the file is what is hurt.</p>
      <ul className="remedy-list">
        {canOpenReadOnly && (
          <li>
            <button
              type="button"
              className="button-secondary"
              aria-disabled={busy}
              onClick={() => {
                if (!busy) onOpenReadOnly();
              }}
            >
              Open read-only
            </button>
            <span>
              Read your entries and export every one that can still be read. Nothing is written.
            </span>
          </li>
        )}
        <li>
          <button
            type="button"
            className="button-secondary"
            aria-expanded={restoring}
            aria-controls={`${id}-restore`}
            onClick={() => setRestoring((open) => !open)}
          >
            Restore from a backup…
          </button>
          <span>Put a Lean On backup in the journal’s place; the damaged files are kept.</span>
        </li>
      </ul>
      <div id={`${id}-restore`} hidden={!restoring}>
        {restoring && <RestoreBackupForm onRestored={onRestored} />}
      </div>
    </section>
  );
}
