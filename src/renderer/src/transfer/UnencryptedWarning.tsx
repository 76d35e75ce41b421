import { useEffect, useId, useRef } from 'react';

interface UnencryptedWarningProps {
  onConfirm: () => void;
  onDismiss: () => void;
}

/**
 * Said once, before the first export in the dialog: an export leaves the journal's encryption
 * behind. It takes the Export button's place and its focus, so it is read before anything is
 * written.
 */
export function UnencryptedWarning({ onConfirm, onDismiss }: UnencryptedWarningProps) {
  const id = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => boxRef.current?.focus(), []);
  return (
    <div
      ref={boxRef}
      className="transfer-warning"
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      tabIndex={-1}
    >
      <h4 id={`${id}-title`}>Exported files aren’t encrypted</h4>
      <p id={`${id}-text`}>
        Anyone who has them can read your entries. Keep them somewhere private, and delete them when
        you are done with them.
      </p>
      <div className="form-actions">
        <button type="button" className="button-primary" onClick={onConfirm}>
          I understand, export
        </button>
        <button type="button" className="button-secondary" onClick={onDismiss}>
          Not now
        </button>
      </div>
    </div>
  );
}
