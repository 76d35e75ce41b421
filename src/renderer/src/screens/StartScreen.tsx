import type { JournalError } from '../../../shared/errors';
import { ErrorAlert } from '../components/ErrorAlert';
import { LockLayout } from '../components/LockLayout';

interface StartScreenProps {
  /** Set when the journal could not be reached; otherwise Lean On is still asking. */
  error: JournalError | null;
  onRetry?: () => void;
}

/** Before the journal's state is known, or when it cannot be reached at all. */
export function StartScreen({ error, onRetry }: StartScreenProps) {
  if (!error) {
    return (
      <div className="lock-screen" aria-busy="true">
        <p className="visually-hidden" role="status">
          Opening Lean On…
        </p>
      </div>
    );
  }
  return (
    <LockLayout title="Lean On can’t reach your journal">
      <ErrorAlert error={error} />
      {onRetry && (
        <div className="form-actions">
          <button type="button" className="button-primary" onClick={onRetry}>
            Try again
          </button>
        </div>
      )}
    </LockLayout>
  );
}
