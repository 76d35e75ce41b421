import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import { usePendingCall } from '../hooks/usePendingCall';
import { useJournalClient } from '../journal-context';

interface LockedAwayDialogProps {
  /** Unlocked again here; the caller saves what is waiting. */
  onUnlocked: () => Promise<void>;
  /** The person lets the unsaved text go; the caller shows the unlock screen. */
  onDiscard: () => void;
}

/**
 * The journal was locked from elsewhere while this window held unsaved writing. Rather than
 * drop it with the rest of the window, it stays (only in this window's memory, never on disk
 * unencrypted) until the person unlocks here to save it or chooses to let it go.
 */
export function LockedAwayDialog({ onUnlocked, onDiscard }: LockedAwayDialogProps) {
  const client = useJournalClient();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [passphrase, setPassphrase] = useState('');
  const unlock = usePendingCall(async (value: string) => {
    await client.unlock({ passphrase: value });
    await onUnlocked();
  });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    return () => dialog.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase.length > 0) void unlock.run(passphrase);
  };

  return (
    <dialog
      ref={dialogRef}
      className="locked-away"
      aria-labelledby={headingId}
      // Escape must not drop the writing silently: the choice is made with the buttons.
      onCancel={(event) => event.preventDefault()}
    >
      <h2 id={headingId}>Your journal was locked</h2>
      <p>
        It was locked from another window while you were writing here. What you wrote since the last
        save is still in this window, but it can only be saved once the journal is unlocked.
      </p>
      <form className="lock-form" onSubmit={submit} aria-busy={unlock.busy} noValidate>
        <TextField
          label="Passphrase"
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="current-password"
          autoFocus
        />
        <ErrorAlert error={unlock.error} />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={unlock.busy}>
            {unlock.busy ? 'Unlocking…' : 'Unlock and save'}
          </button>
          <button type="button" className="button-secondary" onClick={onDiscard}>
            Discard unsaved writing
          </button>
        </div>
      </form>
    </dialog>
  );
}
