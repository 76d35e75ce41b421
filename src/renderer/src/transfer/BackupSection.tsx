import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { BackupOutcome } from '../../../shared/types';
import { BusyNote } from '../components/BusyNote';
import { usePendingCall } from '../hooks/usePendingCall';
import { useJournalClient } from '../journal-context';
import { appShell } from '../shell';
import { backupDestinationRequest, suggestedBackupName } from './export-choices';
import { PathField } from './PathField';
import { TransferErrorAlert } from './TransferErrorAlert';
import { entriesOf, formatSize, fullPathProblem } from './transfer-text';

interface BackupSectionProps {
  /** True while the backup is written and checked: the dialog stays open until it is. */
  onBusyChange: (busy: boolean) => void;
}

const WRITE_ADVICE =
  'Check that the folder exists, that you are allowed to save there, and that the disk has free space.';

/**
 * One file holding the whole journal, still encrypted: the safe way to keep a copy elsewhere.
 * The core checks the finished file before it takes the chosen name.
 */
export function BackupSection({ onBusyChange }: BackupSectionProps) {
  const client = useJournalClient();
  const id = useId();
  const [path, setPath] = useState('');
  const [pathProblem, setPathProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<BackupOutcome | null>(null);
  const pathInputRef = useRef<HTMLInputElement>(null);
  const pathButtonRef = useRef<HTMLButtonElement>(null);

  const backingUp = usePendingCall(async (out: string) => {
    setOutcome(await client.createBackup({ out }));
  });
  useEffect(() => onBusyChange(backingUp.busy), [backingUp.busy, onBusyChange]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (backingUp.busy) return;
    const out = path.trim();
    const problem = fullPathProblem(
      out,
      appShell !== null,
      'Choose where to save the backup.',
      'Enter the full path of the backup file to save.',
    );
    if (problem) {
      setPathProblem(problem);
      (appShell ? pathButtonRef : pathInputRef).current?.focus();
      return;
    }
    setOutcome(null);
    void backingUp.run(out);
  };

  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Encrypted backup</h3>
      <p className="settings-hint">
        A single file holding your whole journal, still encrypted. Only your passphrase or your
        recovery code opens it (the ones you have when you make it), so it is safe to keep on
        another drive.
      </p>
      <form className="settings-form" onSubmit={submit} aria-busy={backingUp.busy} noValidate>
        <PathField
          label="Backup file (full path)"
          chooseLabel="Choose where to save the backup…"
          request={backupDestinationRequest()}
          value={path}
          onChange={(next) => {
            if (backingUp.busy) return;
            setPath(next);
            setPathProblem(null);
            setOutcome(null);
            backingUp.clearError();
          }}
          hint={`The web preview has no file picker: type the full path of the file, such as …/${suggestedBackupName()}.`}
          problem={pathProblem}
          busy={backingUp.busy}
          inputRef={pathInputRef}
          buttonRef={pathButtonRef}
        />
        <TransferErrorAlert error={backingUp.error} fileAdvice={WRITE_ADVICE} />
        <div className="form-actions">
          <button type="submit" className="button-secondary" aria-disabled={backingUp.busy}>
            Make a backup
          </button>
        </div>
        <BusyNote
          busy={backingUp.busy}
          method="createBackup"
          text="Making your backup… it is checked before it is saved, which takes a moment."
        />
        <p className="settings-status settings-success" role="status">
          {outcome && (
            <>
              Backup saved: <code className="transfer-path">{outcome.path}</code> (
              {formatSize(outcome.bytes)}, {entriesOf(outcome.entryCount)}).
            </>
          )}
        </p>
      </form>
    </section>
  );
}
