import type { ReactNode } from 'react';

interface ConfirmRowProps {
  /** The group's accessible name: what is being confirmed ("Delete Loss"). */
  label: string;
  /** What will happen, said before it does. */
  message: ReactNode;
  /** The confirming button's text ("Delete forever"); it takes focus when the row opens. */
  confirmText: string;
  /** Red for an action that destroys something. */
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** An inline "are you sure?" for an action that cannot be undone: the act, or Cancel. */
export function ConfirmRow({
  label,
  message,
  confirmText,
  danger = false,
  busy = false,
  onConfirm,
  onCancel,
}: ConfirmRowProps) {
  return (
    <div className="row-confirm" role="group" aria-label={label}>
      <p>{message}</p>
      <div className="row-actions">
        <button
          type="button"
          className={danger ? 'button-small button-danger' : 'button-small'}
          onClick={onConfirm}
          disabled={busy}
          autoFocus
        >
          {confirmText}
        </button>
        <button type="button" className="button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
