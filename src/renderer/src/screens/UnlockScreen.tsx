import { useEffect, useRef, useState, type FormEvent } from 'react';
import { BusyNote } from '../components/BusyNote';
import { ErrorAlert } from '../components/ErrorAlert';
import { LockLayout } from '../components/LockLayout';
import { TextField } from '../components/TextField';
import { useJournalClient } from '../journal-context';
import { usePendingCall } from '../hooks/usePendingCall';
import { DamageRemedies } from '../recovery/DamageRemedies';
import { restoredNotice } from '../recovery/RestoreBackupForm';

interface UnlockScreenProps {
  /**
   * With what opening found and did about it (a rebuilt search index, say), if anything;
   * `readOnly` when a damaged journal was opened read-only, to export what can be read.
   */
  onUnlocked: (notices: string[], readOnly: boolean) => void;
  onForgot: () => void;
  /** A quiet word about what just happened, e.g. that the journal was locked. */
  notice: string | null;
}

/** The journal exists and is locked: its passphrase opens it. */
export function UnlockScreen({ onUnlocked, onForgot, notice }: UnlockScreenProps) {
  const client = useJournalClient();
  const [passphrase, setPassphrase] = useState('');
  const [empty, setEmpty] = useState(false);
  // The note about what just happened stays only until the next attempt.
  const [showNotice, setShowNotice] = useState(true);
  const inputRef = useRef<HTMLInputElement>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const unlock = usePendingCall(async (value: string, readOnly: boolean) => {
    const status = await client.unlock(
      readOnly ? { passphrase: value, readOnly } : { passphrase: value },
    );
    onUnlocked(status.notices ?? [], status.readOnly === true);
  });
  const code = unlock.error?.code;
  // Damage to the file (or its keyring) is not a wrong passphrase; what can be done is offered.
  const damaged = code === 'CORRUPT' || code === 'KEYRING_DAMAGED' || code === 'KEYRING_MISSING';

  // After a failed attempt the passphrase is selected, ready to be typed over.
  useEffect(() => {
    if (unlock.failures === 0) return;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [unlock.failures]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (unlock.busy) return;
    setShowNotice(false);
    setRestored(null);
    if (passphrase.length === 0) {
      setEmpty(true);
      inputRef.current?.focus();
      return;
    }
    void unlock.run(passphrase, false);
  };

  return (
    <LockLayout
      title="Unlock your journal"
      intro={<p>Welcome back. Enter your passphrase to open your journal.</p>}
    >
      {notice && showNotice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <form className="lock-form" onSubmit={submit} aria-busy={unlock.busy} noValidate>
        <TextField
          label="Passphrase"
          value={passphrase}
          onChange={(value) => {
            setPassphrase(value);
            setEmpty(false);
          }}
          problem={empty ? 'Type your passphrase to unlock.' : null}
          autoComplete="current-password"
          autoFocus
          readOnly={unlock.busy}
          inputRef={inputRef}
        />
        <ErrorAlert error={unlock.error} />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={unlock.busy}>
            Unlock
          </button>
          <button type="button" className="button-link" onClick={onForgot}>
            Forgot your passphrase?
          </button>
        </div>
        <BusyNote busy={unlock.busy} text="Unlocking…" />
      </form>
      {restored && (
        <p className="notice" role="status">
          {restored}
        </p>
      )}
      {damaged && (
        <DamageRemedies
          canOpenReadOnly={code === 'CORRUPT'}
          busy={unlock.busy}
          onOpenReadOnly={() => void unlock.run(passphrase, true)}
          onRestored={(outcome) => {
            unlock.clearError();
            setRestored(restoredNotice(outcome));
            setPassphrase('');
            inputRef.current?.focus();
          }}
        />
      )}
    </LockLayout>
  );
}
