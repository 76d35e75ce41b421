import { useEffect, useRef, useState, type FormEvent } from 'react';
import { BusyNote } from '../components/BusyNote';
import { ErrorAlert } from '../components/ErrorAlert';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { TextField } from '../components/TextField';
import { useNewPassphrase } from '../hooks/useNewPassphrase';
import { usePendingCall } from '../hooks/usePendingCall';
import { useJournalClient } from '../journal-context';

const CHANGED = 'Your passphrase is changed. Use the new one next time you unlock.';
const WRONG_CURRENT =
  'That isn’t the passphrase this journal unlocks with now. Check Caps Lock and try again.';

/**
 * Changing the passphrase: the current one proves it is the owner, the new one is typed twice.
 * The submit button stays enabled (a press while busy does nothing) so focus never falls out
 * of the form while the core derives the new key.
 */
export function PassphraseSection() {
  const client = useJournalClient();
  const form = useNewPassphrase();
  const [current, setCurrent] = useState('');
  const [currentMissing, setCurrentMissing] = useState(false);
  const [changed, setChanged] = useState(false);
  const currentRef = useRef<HTMLInputElement>(null);
  const { setPassphrase, setConfirmation } = form;
  const change = usePendingCall(async (currentPassphrase: string, newPassphrase: string) => {
    await client.changePassphrase({ currentPassphrase, newPassphrase });
    setCurrent('');
    setPassphrase('');
    setConfirmation('');
    setChanged(true);
  });

  // A wrong current passphrase is selected, ready to be typed over.
  const wrongCurrent = change.error?.code === 'WRONG_PASSPHRASE';
  useEffect(() => {
    if (!wrongCurrent) return;
    currentRef.current?.focus();
    currentRef.current?.select();
  }, [wrongCurrent, change.failures]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (change.busy) return;
    setChanged(false);
    if (current.length === 0) {
      setCurrentMissing(true);
      currentRef.current?.focus();
      return;
    }
    const newPassphrase = form.accept();
    if (newPassphrase !== null) void change.run(current, newPassphrase);
  };

  const currentProblem = currentMissing
    ? 'Enter the passphrase you unlock with now.'
    : wrongCurrent
      ? WRONG_CURRENT
      : null;

  return (
    <section className="settings-section">
      <h3>Passphrase</h3>
      <p className="settings-hint">
        Your entries stay as they are; only the key that locks them changes. Your recovery code
        keeps working.
      </p>
      <form className="settings-form" onSubmit={submit} aria-busy={change.busy} noValidate>
        <TextField
          label="Current passphrase"
          value={current}
          onChange={(value) => {
            setCurrent(value);
            setCurrentMissing(false);
            setChanged(false);
            if (wrongCurrent) change.clearError();
          }}
          autoComplete="current-password"
          readOnly={change.busy}
          inputRef={currentRef}
          problem={currentProblem}
        />
        <NewPassphraseFields
          form={form}
          label="New passphrase"
          confirmLabel="Confirm new passphrase"
          readOnly={change.busy}
        />
        {!wrongCurrent && <ErrorAlert error={change.error} />}
        <div className="form-actions">
          <button type="submit" className="button-primary" aria-disabled={change.busy}>
            Change passphrase
          </button>
        </div>
        <BusyNote busy={change.busy} text="Changing your passphrase… this takes a moment." />
        <p className="settings-status settings-success" role="status">
          {changed ? CHANGED : ''}
        </p>
      </form>
    </section>
  );
}
