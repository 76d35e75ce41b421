import { useEffect, useRef, useState, type FormEvent } from 'react';
import { BusyNote } from '../components/BusyNote';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import { usePendingCall } from '../hooks/usePendingCall';
import { useJournalClient } from '../journal-context';
import { NewRecoveryCode } from './NewRecoveryCode';

const WRONG_PASSPHRASE =
  'That isn’t the passphrase this journal unlocks with. Check Caps Lock and try again.';

interface RecoveryCodeSectionProps {
  /** True while a new code is being made: the dialog must not close before it is shown. */
  onBusyChange: (busy: boolean) => void;
}

/**
 * A new recovery code replaces the old one at once. The code lives only in this component's
 * state: Done drops it, and so does closing the dialog, which unmounts the section.
 */
export function RecoveryCodeSection({ onBusyChange }: RecoveryCodeSectionProps) {
  const client = useJournalClient();
  const [passphrase, setPassphrase] = useState('');
  const [passphraseMissing, setPassphraseMissing] = useState(false);
  const [code, setCode] = useState<string | null>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const makeButtonRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const make = usePendingCall(async (confirmed: string) => {
    const { recoveryCode } = await client.regenerateRecoveryCode({ passphrase: confirmed });
    setPassphrase('');
    setCode(recoveryCode);
  });

  useEffect(() => onBusyChange(make.busy), [make.busy, onBusyChange]);

  const wrongPassphrase = make.error?.code === 'WRONG_PASSPHRASE';
  useEffect(() => {
    if (!wrongPassphrase) return;
    passphraseRef.current?.focus();
    passphraseRef.current?.select();
  }, [wrongPassphrase, make.failures]);

  // After Done the form is back: focus goes to its button rather than to the page.
  useEffect(() => {
    if (code !== null || !returnFocus.current) return;
    returnFocus.current = false;
    makeButtonRef.current?.focus();
  }, [code]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (make.busy) return;
    if (passphrase.length === 0) {
      setPassphraseMissing(true);
      passphraseRef.current?.focus();
      return;
    }
    void make.run(passphrase);
  };

  const done = () => {
    returnFocus.current = true;
    setCode(null);
  };

  return (
    <section className="settings-section">
      <h3>Recovery code</h3>
      <p className="settings-hint">
        If you forget your passphrase, your recovery code is the way back in. Make a new one if you
        have lost it, or if someone else may have seen it.
      </p>
      {code === null ? (
        <form className="settings-form" onSubmit={submit} aria-busy={make.busy} noValidate>
          <p className="settings-note">
            Your current recovery code stops working as soon as the new one is made.
          </p>
          <TextField
            label="Passphrase"
            value={passphrase}
            onChange={(value) => {
              setPassphrase(value);
              setPassphraseMissing(false);
              if (wrongPassphrase) make.clearError();
            }}
            hint="To make sure it is you."
            autoComplete="current-password"
            readOnly={make.busy}
            inputRef={passphraseRef}
            problem={
              passphraseMissing
                ? 'Enter your passphrase to make a new code.'
                : wrongPassphrase
                  ? WRONG_PASSPHRASE
                  : null
            }
          />
          {!wrongPassphrase && <ErrorAlert error={make.error} />}
          <div className="form-actions">
            <button
              ref={makeButtonRef}
              type="submit"
              className="button-secondary"
              aria-disabled={make.busy}
            >
              Make a new recovery code
            </button>
          </div>
          <BusyNote busy={make.busy} text="Making your new recovery code… this takes a moment." />
        </form>
      ) : (
        <NewRecoveryCode code={code} onDone={done} />
      )}
    </section>
  );
}
