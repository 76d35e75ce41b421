import { useEffect, useId, useRef, useState, type FormEvent, type SyntheticEvent } from 'react';
import type { ImportFormatId, ImportOutcome, ImportPreview } from '../../../shared/types';
import { BusyNote } from '../components/BusyNote';
import { TextField } from '../components/TextField';
import { usePendingCall } from '../hooks/usePendingCall';
import { useJournalClient } from '../journal-context';
import { useModalDialog } from '../settings/useModalDialog';
import { appShell } from '../shell';
import { IMPORT_FORMATS, IMPORT_FORMAT_IDS, chooseSourceRequest } from './import-formats';
import { ImportPreviewDetails } from './ImportPreviewDetails';
import { PathField } from './PathField';
import { TransferErrorAlert } from './TransferErrorAlert';
import { entriesOf, importOutcomeText, fullPathProblem, previewCountsText } from './transfer-text';

export interface ImportDialogProps {
  /** Entries (and perhaps themes) were added: the caller reloads its lists. */
  onImported: () => void;
  onClose: () => void;
}

const READ_ADVICE = 'Check that the file is still there and that you are allowed to open it.';

/**
 * Bringing entries in from another journal app, in a modal <dialog>: choose the format and the
 * file, see what would happen, then import. Only Import writes anything; a preview reads the
 * export and keeps its plan in the core until the import or the next preview.
 */
export function ImportDialog({ onImported, onClose }: ImportDialogProps) {
  const client = useJournalClient();
  const { dialogRef, close } = useModalDialog();
  const id = useId();
  const [format, setFormat] = useState<ImportFormatId | null>(null);
  const [path, setPath] = useState('');
  const [backupPassphrase, setBackupPassphrase] = useState('');
  const [formatProblem, setFormatProblem] = useState<string | null>(null);
  const [pathProblem, setPathProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [createThemes, setCreateThemes] = useState(true);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const firstRadioRef = useRef<HTMLInputElement>(null);
  const pathInputRef = useRef<HTMLInputElement>(null);
  const pathButtonRef = useRef<HTMLButtonElement>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  // Bumped whenever the format or path changes: a preview that arrives for an earlier choice
  // is not shown, so Import always applies what is on screen.
  const choice = useRef(0);

  const previewing = usePendingCall(
    async (request: { path: string; format: ImportFormatId; backupPassphrase?: string }) => {
      const asked = choice.current;
      const result = await client.previewImport(request);
      if (choice.current !== asked) return;
      setPreview(result);
      setCreateThemes(true);
    },
  );
  const importing = usePendingCall(async (previewId: string, withThemes: boolean) => {
    setOutcome(await client.applyImport({ previewId, createThemes: withThemes }));
  });

  useEffect(() => {
    if (outcome) doneRef.current?.focus();
  }, [outcome]);

  const changed = () => {
    choice.current += 1;
    setPreview(null);
    previewing.clearError();
    importing.clearError();
  };

  const chooseFormat = (next: ImportFormatId) => {
    if (importing.busy) return;
    // A file chosen for one format is no use for a format that reads a folder, and back.
    if (appShell && format && IMPORT_FORMATS[format].source !== IMPORT_FORMATS[next].source) {
      setPath('');
    }
    setFormat(next);
    setFormatProblem(null);
    setPathProblem(null);
    changed();
  };

  const changeBackupPassphrase = (next: string) => {
    if (importing.busy) return;
    setBackupPassphrase(next);
    changed();
  };

  const changePath = (next: string) => {
    if (importing.busy) return;
    setPath(next);
    setPathProblem(null);
    changed();
  };

  const requestPreview = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (previewing.busy || importing.busy) return;
    if (!format) {
      setFormatProblem('Choose the app your entries come from.');
      firstRadioRef.current?.focus();
      return;
    }
    const trimmed = path.trim();
    const problem = fullPathProblem(
      trimmed,
      appShell !== null,
      `Choose the ${IMPORT_FORMATS[format].source} to import.`,
      'Enter the full path of the file or folder to import.',
    );
    if (problem) {
      setPathProblem(problem);
      (appShell ? pathButtonRef : pathInputRef).current?.focus();
      return;
    }
    changed();
    void previewing.run(
      format === 'lean-on-backup'
        ? { path: trimmed, format, backupPassphrase }
        : { path: trimmed, format },
    );
  };

  const keepOpenWhileImporting = (event: SyntheticEvent<HTMLDialogElement>) => {
    if (importing.busy) event.preventDefault();
  };
  const closed = () => {
    if (outcome) onImported();
    onClose();
  };

  const formatChoice = format ? IMPORT_FORMATS[format] : null;
  const summaryId = `${id}-summary`;

  return (
    <dialog
      ref={dialogRef}
      className="settings-dialog transfer-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={keepOpenWhileImporting}
      onClose={closed}
    >
      <div className="settings-dialog-header">
        <h2 id={`${id}-title`}>Import entries</h2>
        <button
          type="button"
          className="button-secondary button-small"
          aria-disabled={importing.busy}
          onClick={() => {
            if (!importing.busy) close();
          }}
        >
          Close
        </button>
      </div>

      {outcome ? (
        <section className="settings-section transfer-result" aria-labelledby={`${id}-done`}>
          <h3 id={`${id}-done`}>Import finished</h3>
          <div id={summaryId}>
            {importOutcomeText(outcome).map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          <div className="form-actions">
            <button
              ref={doneRef}
              type="button"
              className="button-primary"
              aria-describedby={summaryId}
              onClick={close}
            >
              Done
            </button>
          </div>
        </section>
      ) : (
        <>
          <p className="settings-hint transfer-intro">
            Bring in entries from another journal app. You will see what would come in first;
            nothing changes in your journal until you press Import.
          </p>
          <form
            className="settings-form"
            onSubmit={requestPreview}
            aria-busy={previewing.busy}
            noValidate
          >
            <fieldset
              className="choice-group"
              aria-describedby={formatProblem ? `${id}-format-problem` : undefined}
            >
              <legend>Import from</legend>
              {IMPORT_FORMAT_IDS.map((candidate, index) => {
                const radioId = `${id}-format-${candidate}`;
                return (
                  <div key={candidate} className="choice">
                    <input
                      ref={index === 0 ? firstRadioRef : undefined}
                      id={radioId}
                      type="radio"
                      name={`${id}-format`}
                      value={candidate}
                      checked={format === candidate}
                      onChange={() => chooseFormat(candidate)}
                      aria-describedby={`${radioId}-hint`}
                    />
                    <label htmlFor={radioId}>{IMPORT_FORMATS[candidate].label}</label>
                    <p id={`${radioId}-hint`} className="choice-hint">
                      {IMPORT_FORMATS[candidate].hint}
                    </p>
                  </div>
                );
              })}
              {formatProblem && (
                <p id={`${id}-format-problem`} className="field-problem" role="alert">
                  {formatProblem}
                </p>
              )}
            </fieldset>

            {format && formatChoice && (
              <PathField
                label="File or folder path"
                chooseLabel={formatChoice.source === 'folder' ? 'Choose folder…' : 'Choose file…'}
                request={chooseSourceRequest(format)}
                value={path}
                onChange={changePath}
                hint="The web preview has no file picker: type the full path, starting with /."
                problem={pathProblem}
                busy={previewing.busy || importing.busy}
                inputRef={pathInputRef}
                buttonRef={pathButtonRef}
              />
            )}
            {format === 'lean-on-backup' && (
              <TextField
                label="Backup passphrase"
                value={backupPassphrase}
                onChange={changeBackupPassphrase}
                autoComplete="off"
                hint="The passphrase the journal had when the backup was made: this journal’s own, if it is a backup of this one."
              />
            )}

            <TransferErrorAlert error={previewing.error} fileAdvice={READ_ADVICE} />
            <div className="form-actions">
              <button
                type="submit"
                className={preview ? 'button-secondary' : 'button-primary'}
                aria-disabled={previewing.busy || importing.busy}
              >
                Preview
              </button>
            </div>
            <BusyNote
              busy={previewing.busy}
              method="previewImport"
              text="Reading the export… a long journal can take a moment."
            />
            <p className="visually-hidden" role="status">
              {preview ? `Preview ready: ${previewCountsText(preview.counts)}.` : ''}
            </p>
          </form>

          {preview && (
            <div className="transfer-step">
              <ImportPreviewDetails
                preview={preview}
                createThemes={createThemes}
                onCreateThemesChange={(create) => {
                  if (!importing.busy) setCreateThemes(create);
                }}
              />
              <TransferErrorAlert error={importing.error} fileAdvice={READ_ADVICE} />
              <div className="form-actions">
                <button
                  type="button"
                  className="button-primary"
                  disabled={preview.counts.add === 0}
                  aria-disabled={importing.busy}
                  onClick={() => void importing.run(preview.previewId, createThemes)}
                >
                  Import {entriesOf(preview.counts.add)}
                </button>
              </div>
              {preview.counts.add === 0 && (
                <p className="settings-hint">There is nothing new to bring in from this export.</p>
              )}
              <BusyNote
                busy={importing.busy}
                method="applyImport"
                text="Importing the entries… a long journal can take a moment."
              />
            </div>
          )}
        </>
      )}
    </dialog>
  );
}
