import { useId, useRef, useState, type FormEvent } from 'react';
import type { RestoreOutcome } from '../../../shared/types';
import { BusyNote } from '../components/BusyNote';
import { TextField } from '../components/TextField';
import { usePendingCall } from '../hooks/usePendingCall';
import { useJournalClient } from '../journal-context';
import { appShell } from '../shell';
import { PathField } from '../transfer/PathField';
import { TransferErrorAlert } from '../transfer/TransferErrorAlert';
import { fullPathProblem } from '../transfer/transfer-text';

interface RestoreBackupFormProps {
  /** The backup is in place; the journal is locked and opens with the backup's passphrase. */
  onRestored: (outcome: RestoreOutcome) => void;
  /** The form's heading level where it is shown: under an h2 it is an h3. */
  headingLevel?: 2 | 3;
}

const READ_ADVICE =
  'Check that the file is a Lean On backup (.leanon-backup) and that it can be read.';

/** "Restored 1,204 entries from the backup made 3 Nov 2026, 08:02. …" */
export function restoredNotice(outcome: RestoreOutcome): string {
  const made = new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(outcome.backupCreatedAt));
  const entries =
    outcome.entryCount === 1 ? '1 entry' : `${outcome.entryCount.toLocaleString()} entries`;
  const kept = outcome.damagedKeptIn
    ? ` The damaged files were kept, not deleted, in ${outcome.damagedKeptIn}.`
    : '';
  return `The backup made ${made} (${entries}) is now your journal.${kept} Unlock it with the passphrase it had when the backup was made.`;
}

/**
 * Puts a backup in the place of a journal that can't be opened. The core checks the backup with
 * its passphrase before it moves anything, and keeps the damaged files in a folder beside it.
 */
export function RestoreBackupForm({ onRestored, headingLevel = 3 }: RestoreBackupFormProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const client = useJournalClient();
  const id = useId();
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [pathProblem, setPathProblem] = useState<string | null>(null);
  const [passphraseProblem, setPassphraseProblem] = useState<string | null>(null);
  const pathInputRef = useRef<HTMLInputElement>(null);
  const pathButtonRef = useRef<HTMLButtonElement>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);

  const restoring = usePendingCall(async (file: string, secret: string) => {
    onRestored(await client.restoreFromBackup({ path: file, passphrase: secret }));
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (restoring.busy) return;
    const file = path.trim();
    const problem = fullPathProblem(
      file,
      appShell !== null,
      'Choose the backup to restore.',
      'Enter the full path of the backup file.',
    );
    setPathProblem(problem);
    if (problem) {
      (appShell ? pathButtonRef : pathInputRef).current?.focus();
      return;
    }
    if (passphrase.length === 0) {
      setPassphraseProblem('Type the passphrase the journal had when this backup was made.');
      passphraseRef.current?.focus();
      return;
    }
    void restoring.run(file, passphrase);
  };

  return (
    <form
      className="settings-form restore-form"
      onSubmit={submit}
      aria-busy={restoring.busy}
      aria-labelledby={`${id}-title`}
      noValidate
    >
      <Heading id={`${id}-title`}>Restore from a backup</Heading>
      <p className="settings-hint">
        The backup takes the journal’s place. Nothing is deleted: the damaged files are moved into a
        folder named “replaced-…” beside it.
      </p>
      <PathField
        label="Backup file (full path)"
        chooseLabel="Choose backup…"
        request={{
          mode: 'open-file',
          title: 'Choose the Lean On backup to restore',
          filters: [
            { name: 'Lean On backup', extensions: ['leanon-backup'] },
            { name: 'All files', extensions: ['*'] },
          ],
        }}
        value={path}
        onChange={(next) => {
          if (restoring.busy) return;
          setPath(next);
          setPathProblem(null);
          restoring.clearError();
        }}
        hint="The web preview has no file picker: type the full path of the .leanon-backup file."
        problem={pathProblem}
        busy={restoring.busy}
        inputRef={pathInputRef}
        buttonRef={pathButtonRef}
      />
      <TextField
        label="Backup’s passphrase"
        value={passphrase}
        onChange={(value) => {
          setPassphrase(value);
          setPassphraseProblem(null);
          restoring.clearError();
        }}
        hint="The passphrase the journal had when the backup was made."
        problem={passphraseProblem}
        autoComplete="off"
        readOnly={restoring.busy}
        inputRef={passphraseRef}
      />
      <TransferErrorAlert error={restoring.error} fileAdvice={READ_ADVICE} />
      <div className="form-actions">
        <button type="submit" className="button-primary" aria-disabled={restoring.busy}>
          Restore this backup
        </button>
      </div>
      <BusyNote
        busy={restoring.busy}
        method="restoreFromBackup"
        text="Checking the backup and putting it in place…"
      />
    </form>
  );
}
