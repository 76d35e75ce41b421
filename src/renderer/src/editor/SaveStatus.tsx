import type { SaveStatus as Status } from './lib/entry-saver';

interface SaveStatusProps {
  status: Status;
  onRetry: () => void;
}

function statusText(status: Status): string {
  switch (status.kind) {
    case 'clean':
      return '';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'error':
      return `Not saved: ${status.error.message}`;
    case 'conflict':
      return 'Not saved: this entry was changed in another window.';
  }
}

/** "Saved", "Saving…" or why not, announced politely; Retry when a save failed. */
export function SaveStatus({ status, onRetry }: SaveStatusProps) {
  return (
    <div className={`save-status save-${status.kind}`}>
      <span role="status">{statusText(status)}</span>
      {status.kind === 'error' && (
        <button type="button" className="button-link" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
