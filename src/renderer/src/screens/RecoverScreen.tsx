import { useEffect, useRef, useState, type FormEvent } from 'react';
import { BusyNote } from '../components/BusyNote';
import { ErrorAlert } from '../components/ErrorAlert';
import { LockLayout } from '../components/LockLayout';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { TextField } from '../components/TextField';
import { useJournalClient } from '../journal-context';
import { useNewPassphrase } from '../hooks/useNewPassphrase';
import { usePendingCall } from '../hooks/usePendingCall';

interface RecoverScreenProps {
  /** The journal is open and the new passphrase replaces the forgotten one. */
  onRecovered: () => void;
  onBack: () => void;
}

/** A forgotten passphrase: the recovery code opens the journal and a new passphrase is set. */
export function RecoverScreen({ onRecovered, onBack }: RecoverScreenProps) {
  const client = useJournalClient();
  const [recoveryCode, setRecoveryCode] = useState('');
  const [codeMissing, setCodeMissing] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const form = useNewPassphrase();
  const recover = usePendingCall(async (code: string, newPassphrase: string) => {
    await client.unlockWithRecoveryCode({ recoveryCode: code, newPassphrase });
    onRecovered();
  });

  // A code that did not fit is selected, ready to be checked or typed over.
  const wrongCode = recover.error?.code === 'WRONG_RECOVERY_CODE';
  useEffect(() => {
    if (!wrongCode) return;
    codeRef.current?.focus();
    codeRef.current?.select();
  }, [wrongCode, recover.failures]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (recover.busy) return;
    if (recoveryCode.trim().length === 0) {
      setCodeMissing(true);
      codeRef.current?.focus();
      return;
    }
    const newPassphrase = form.accept();
    if (newPassphrase !== null) void recover.run(recoveryCode, newPassphrase);
  };

  return (
    <LockLayout
      title="Use your recovery code"
      intro={
        <p>
          Enter the recovery code you kept when you created this journal, then choose a new
          passphrase. Your entries stay just as they are.
        </p>
      }
    >
      <form className="lock-form" onSubmit={submit} aria-busy={recover.busy} noValidate>
        <TextField
          label="Recovery code"
          type="text"
          className="code-input"
          value={recoveryCode}
          onChange={(value) => {
            setRecoveryCode(value);
            setCodeMissing(false);
          }}
          hint="32 letters and digits in groups of four. Capitals and dashes don’t matter."
          problem={codeMissing ? 'Enter your recovery code to continue.' : null}
          autoFocus
          readOnly={recover.busy}
          inputRef={codeRef}
        />
        <NewPassphraseFields
          form={form}
          label="New passphrase"
          confirmLabel="Confirm new passphrase"
          readOnly={recover.busy}
        />
        <ErrorAlert error={recover.error} />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={recover.busy}>
            Unlock with recovery code
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={onBack}
            disabled={recover.busy}
          >
            Back
          </button>
        </div>
        <BusyNote
          busy={recover.busy}
          text="Checking the code and setting your new passphrase… this takes a moment."
        />
      </form>
    </LockLayout>
  );
}
