import type { FormEvent } from 'react';
import { BusyNote } from '../components/BusyNote';
import { ErrorAlert } from '../components/ErrorAlert';
import { LockLayout } from '../components/LockLayout';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { useJournalClient } from '../journal-context';
import { useNewPassphrase } from '../hooks/useNewPassphrase';
import { usePendingCall } from '../hooks/usePendingCall';

interface CreateScreenProps {
  /** The journal exists and is unlocked; its recovery code is shown once, next. */
  onCreated: (recoveryCode: string) => void;
  /** Someone created a journal here in the meantime: unlock that one instead. */
  onJournalExists: () => void;
}

/** First run: choose the passphrase that encrypts the journal. */
export function CreateScreen({ onCreated, onJournalExists }: CreateScreenProps) {
  const client = useJournalClient();
  const form = useNewPassphrase();
  const create = usePendingCall(async (passphrase: string) => {
    const { recoveryCode } = await client.createJournal({ passphrase });
    onCreated(recoveryCode);
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.busy) return;
    const passphrase = form.accept();
    if (passphrase !== null) void create.run(passphrase);
  };

  return (
    <LockLayout
      title="Create your journal"
      intro={
        <>
          <p>
            Choose a passphrase to lock your journal. Everything you write is encrypted with it and
            stays on this computer.
          </p>
          <p>Nobody else knows it, so pick something you will remember.</p>
        </>
      }
    >
      <form className="lock-form" onSubmit={submit} aria-busy={create.busy} noValidate>
        <NewPassphraseFields
          form={form}
          label="Passphrase"
          confirmLabel="Confirm passphrase"
          readOnly={create.busy}
          autoFocus
        />
        <ErrorAlert
          error={create.error}
          action={
            create.error?.code === 'JOURNAL_EXISTS' && (
              <button type="button" className="button-secondary" onClick={onJournalExists}>
                Go to unlock
              </button>
            )
          }
        />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={create.busy}>
            Create journal
          </button>
        </div>
        <BusyNote busy={create.busy} text="Protecting your journal… this takes a moment." />
      </form>
    </LockLayout>
  );
}
