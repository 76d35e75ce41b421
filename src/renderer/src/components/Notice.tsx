interface NoticeProps {
  message: string | null;
  onDismiss: () => void;
}

/**
 * A quiet, dismissible note at the foot of the window about what just happened. A polite
 * live region rather than role="status", which the main window keeps for its save state.
 */
export function Notice({ message, onDismiss }: NoticeProps) {
  return (
    <div className="notice-area" aria-live="polite">
      {message && (
        <div className="notice-toast">
          <p>{message}</p>
          <button type="button" className="button-link" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
