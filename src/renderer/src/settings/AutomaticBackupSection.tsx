import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { JournalError } from '../../../shared/errors';
import { MAX_AUTOMATIC_BACKUP_KEEP, type JournalSettings } from '../../../shared/settings';
import type { BackupStatus } from '../../../shared/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { useJournalClient } from '../journal-context';
import { asJournalError } from '../lib/journal-errors';
import { appShell } from '../shell';
import { PathField } from '../transfer/PathField';
import { fullPathProblem } from '../transfer/transfer-text';

interface AutomaticBackupSectionProps {
  settings: JournalSettings;
  onSettingsChanged: (settings: JournalSettings) => void;
}

/** How often the status is read again while a backup is being made. */
const POLL_MS = 1000;

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function describeLast(status: BackupStatus['automatic']): string {
  if (status.running) return 'Making today’s backup now…';
  const last = status.last;
  if (!last) return status.folder ? 'No automatic backup has been made yet.' : '';
  const at = when.format(new Date(last.at));
  if (!last.ok) return `${last.message ?? 'The last automatic backup failed.'} (${at})`;
  return last.created
    ? `Last backup made and checked ${at}.`
    : `Today’s backup was already there (checked ${at}).`;
}

/**
 * Daily encrypted backups into a folder the person picks (another drive, ideally): made on the
 * first unlock of each day, checked, and only the newest few kept. Off until a folder is
 * chosen.
 */
export function AutomaticBackupSection({
  settings,
  onSettingsChanged,
}: AutomaticBackupSectionProps) {
  const client = useJournalClient();
  const id = useId();
  const [folder, setFolder] = useState(settings.automaticBackupFolder ?? '');
  const [keep, setKeep] = useState(String(settings.automaticBackupKeep));
  const [problem, setProblem] = useState<string | null>(null);
  const [keepProblem, setKeepProblem] = useState<string | null>(null);
  const [error, setError] = useState<JournalError | null>(null);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<BackupStatus['automatic'] | null>(null);
  const [saved, setSaved] = useState('');
  const folderInputRef = useRef<HTMLInputElement>(null);
  const folderButtonRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLInputElement>(null);

  // Each change of `reads` reads the status again: after a save, and while a backup runs.
  const [reads, setReads] = useState(0);
  const refresh = useCallback(() => setReads((count) => count + 1), []);
  useEffect(() => {
    let live = true;
    client.getBackupStatus({}).then(
      (value) => live && setStatus(value.automatic),
      // The status is a courtesy; the settings above still work without it.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, reads]);

  // While a backup is being made in the background, its end is shown when it comes.
  useEffect(() => {
    if (!status?.running) return;
    const timer = window.setTimeout(refresh, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [status, refresh]);

  const save = async (
    patch: Partial<Pick<JournalSettings, 'automaticBackupFolder' | 'automaticBackupKeep'>>,
  ) => {
    setSaving(true);
    setError(null);
    setSaved('');
    try {
      const next = await client.updateSettings(patch);
      onSettingsChanged(next);
      setSaved(
        next.automaticBackupFolder
          ? `Saved. A backup is made each day you unlock, keeping the newest ${next.automaticBackupKeep}.`
          : 'Automatic backups are off. Backups already made are left where they are.',
      );
      refresh();
    } catch (reason) {
      setError(asJournalError(reason));
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    const path = folder.trim();
    const pathProblem = fullPathProblem(
      path,
      appShell !== null,
      'Choose the folder for automatic backups.',
      'Enter the full path of the folder for automatic backups.',
    );
    const count = Number(keep);
    const countProblem =
      Number.isInteger(count) && count >= 1 && count <= MAX_AUTOMATIC_BACKUP_KEEP
        ? null
        : `Keep a whole number of backups from 1 to ${MAX_AUTOMATIC_BACKUP_KEEP}.`;
    setProblem(pathProblem);
    setKeepProblem(countProblem);
    if (pathProblem) {
      (appShell ? folderButtonRef : folderInputRef).current?.focus();
      return;
    }
    if (countProblem) {
      keepRef.current?.focus();
      return;
    }
    void save({ automaticBackupFolder: path, automaticBackupKeep: count });
  };

  const on = settings.automaticBackupFolder !== null;
  const last = status ? describeLast(status) : '';
  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Automatic backups</h3>
      <p className="settings-hint">
        {on
          ? 'Each day you unlock, Lean On makes an encrypted backup here, checks it opens, and removes the oldest beyond the number you keep.'
          : 'Off. Choose a folder, ideally on another drive, and Lean On makes an encrypted backup there each day you unlock, checked before it is kept.'}
      </p>
      <form className="settings-form" onSubmit={submit} aria-busy={saving} noValidate>
        <PathField
          label="Backup folder (full path)"
          chooseLabel="Choose backup folder…"
          request={{ mode: 'choose-folder', title: 'Folder for automatic backups' }}
          value={folder}
          onChange={(next) => {
            setFolder(next);
            setProblem(null);
            setSaved('');
          }}
          hint="The web preview has no folder picker: type the folder’s full path."
          problem={problem}
          busy={saving}
          inputRef={folderInputRef}
          buttonRef={folderButtonRef}
        />
        <div className="settings-field">
          <label htmlFor={`${id}-keep`}>Backups to keep</label>
          <input
            id={`${id}-keep`}
            ref={keepRef}
            type="number"
            className="settings-number"
            inputMode="numeric"
            min={1}
            max={MAX_AUTOMATIC_BACKUP_KEEP}
            value={keep}
            readOnly={saving}
            aria-invalid={keepProblem !== null}
            aria-describedby={keepProblem ? `${id}-keep-problem` : undefined}
            onChange={(event) => {
              setKeep(event.target.value);
              setKeepProblem(null);
              setSaved('');
            }}
          />
        </div>
        {keepProblem && (
          <p id={`${id}-keep-problem`} className="field-problem" role="alert">
            {keepProblem}
          </p>
        )}
        <ErrorAlert error={error} />
        <div className="form-actions">
          <button type="submit" className="button-secondary" aria-disabled={saving}>
            {on ? 'Save backup settings' : 'Turn on automatic backups'}
          </button>
          {on && (
            <button
              type="button"
              className="button-link"
              aria-disabled={saving}
              onClick={() => {
                if (!saving) void save({ automaticBackupFolder: null });
              }}
            >
              Turn off
            </button>
          )}
        </div>
        <p className="settings-status settings-success" role="status">
          {saved}
        </p>
        <p
          className={`settings-status${status?.last && !status.last.ok && !status.running ? ' settings-problem' : ''}`}
          role="status"
        >
          {last}
        </p>
      </form>
    </section>
  );
}
