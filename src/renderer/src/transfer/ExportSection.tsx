import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { MethodInput } from '../../../shared/contract';
import type { ExportOutcome, Theme } from '../../../shared/types';
import { BusyNote } from '../components/BusyNote';
import { usePendingCall } from '../hooks/usePendingCall';
import { useJournalClient } from '../journal-context';
import { appShell } from '../shell';
import {
  EXPORT_KINDS,
  EXPORT_KIND_IDS,
  type ExportKind,
  type MarkdownContainer,
  exportDestinationRequest,
  exportExtension,
  suggestedExportName,
} from './export-choices';
import { HtmlExportFilters } from './HtmlExportFilters';
import { PathField } from './PathField';
import { TransferErrorAlert } from './TransferErrorAlert';
import { UnencryptedWarning } from './UnencryptedWarning';
import { entriesOf, fullPathProblem } from './transfer-text';

interface ExportSectionProps {
  themes: Theme[];
  /** True while files are being written: the dialog stays open until they are. */
  onBusyChange: (busy: boolean) => void;
  /**
   * A damaged journal open read-only: only the formats that keep every entry that can still be
   * read (Markdown, JSON), and the result says how many damage kept out.
   */
  salvage?: boolean;
}

const WRITE_ADVICE =
  'Check that the folder exists, that you are allowed to save there, and that the disk has free space.';

function resultText(outcome: ExportOutcome): string {
  if (outcome.entryCount === 0) return 'No entries matched, so the export holds none. It is at';
  return `Exported ${entriesOf(outcome.entryCount)} to`;
}

function lostText(outcome: ExportOutcome): string | null {
  if (!outcome.unreadable) return null;
  return outcome.unreadable === 1
    ? ' Damage kept one entry (or a run of them) from being read.'
    : ` Damage kept ${outcome.unreadable} entries (or runs of them) from being read.`;
}

/**
 * Readable copies of the journal: Markdown files, one complete JSON file, or a printable page.
 * Before the first export in this dialog the person is told, once, that these files are not
 * encrypted.
 */
export function ExportSection({ themes, onBusyChange, salvage = false }: ExportSectionProps) {
  const client = useJournalClient();
  const id = useId();
  const [kind, setKind] = useState<ExportKind>('markdown');
  const [container, setContainer] = useState<MarkdownContainer>('folder');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [themeId, setThemeId] = useState('');
  const [path, setPath] = useState('');
  const [pathProblem, setPathProblem] = useState<string | null>(null);
  const [rangeProblem, setRangeProblem] = useState<string | null>(null);
  const [warned, setWarned] = useState(false);
  const [warning, setWarning] = useState(false);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const pathInputRef = useRef<HTMLInputElement>(null);
  const pathButtonRef = useRef<HTMLButtonElement>(null);
  const exportButtonRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  const exporting = usePendingCall(async (input: MethodInput<'exportJournal'>) => {
    setOutcome(await client.exportJournal(input));
  });
  useEffect(() => onBusyChange(exporting.busy), [exporting.busy, onBusyChange]);

  // Once the warning is answered the Export button is back; focus goes to it, not to the page.
  useEffect(() => {
    if (warning || !returnFocus.current) return;
    returnFocus.current = false;
    exportButtonRef.current?.focus();
  }, [warning]);

  const edited = () => {
    setOutcome(null);
    exporting.clearError();
  };
  /** A path picked for one kind of export has the wrong extension, or is a folder, for another. */
  const changeShape = () => {
    if (appShell) setPath('');
    setPathProblem(null);
    edited();
  };

  const input = (): MethodInput<'exportJournal'> => {
    const out = path.trim();
    if (kind === 'markdown') return { format: kind, out, container };
    if (kind === 'json') return { format: kind, out };
    return {
      format: kind,
      out,
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(themeId ? { themeId } : {}),
    };
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (exporting.busy) return;
    if (kind === 'html' && from && to && from > to) {
      setRangeProblem('The From date is after the To date.');
      return;
    }
    const out = path.trim();
    const folder = exportExtension(kind, container) === null;
    const problem = fullPathProblem(
      out,
      appShell !== null,
      `Choose where to save the ${folder ? 'folder' : 'file'}.`,
      `Enter the full path of the ${folder ? 'new folder' : 'file'} to save.`,
    );
    if (problem) {
      setPathProblem(problem);
      (appShell ? pathButtonRef : pathInputRef).current?.focus();
      return;
    }
    if (!warned) {
      setWarning(true);
      return;
    }
    void exporting.run(input());
  };

  const confirmWarning = () => {
    returnFocus.current = true;
    setWarned(true);
    setWarning(false);
    void exporting.run(input());
  };
  const dismissWarning = () => {
    returnFocus.current = true;
    setWarning(false);
  };

  const folder = exportExtension(kind, container) === null;
  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Export files</h3>
      <p className="settings-hint">
        A copy of your entries that other apps, or you in a browser or text editor, can read.
      </p>
      <form className="settings-form" onSubmit={submit} aria-busy={exporting.busy} noValidate>
        <fieldset className="choice-group">
          <legend>Export as</legend>
          {EXPORT_KIND_IDS.filter((candidate) => !salvage || candidate !== 'html').map(
            (candidate) => {
              const radioId = `${id}-kind-${candidate}`;
              return (
                <div key={candidate} className="choice">
                  <input
                    id={radioId}
                    type="radio"
                    name={`${id}-kind`}
                    value={candidate}
                    checked={kind === candidate}
                    onChange={() => {
                      if (exporting.busy) return;
                      setKind(candidate);
                      setRangeProblem(null);
                      changeShape();
                    }}
                    aria-describedby={`${radioId}-hint`}
                  />
                  <label htmlFor={radioId}>{EXPORT_KINDS[candidate].label}</label>
                  <p id={`${radioId}-hint`} className="choice-hint">
                    {EXPORT_KINDS[candidate].hint}
                  </p>
                  {candidate === 'markdown' && kind === 'markdown' && (
                    <fieldset className="choice-group choice-nested">
                      <legend className="visually-hidden">Save the Markdown files</legend>
                      {(['folder', 'zip'] as const).map((option) => (
                        <div key={option} className="choice">
                          <input
                            id={`${id}-container-${option}`}
                            type="radio"
                            name={`${id}-container`}
                            value={option}
                            checked={container === option}
                            onChange={() => {
                              if (exporting.busy) return;
                              setContainer(option);
                              changeShape();
                            }}
                          />
                          <label htmlFor={`${id}-container-${option}`}>
                            {option === 'folder' ? 'As a folder' : 'As one .zip file'}
                          </label>
                        </div>
                      ))}
                    </fieldset>
                  )}
                  {candidate === 'html' && kind === 'html' && (
                    <HtmlExportFilters
                      themes={themes}
                      from={from}
                      to={to}
                      themeId={themeId}
                      problem={rangeProblem}
                      onChange={(next) => {
                        if (exporting.busy) return;
                        if (next.from !== undefined) setFrom(next.from);
                        if (next.to !== undefined) setTo(next.to);
                        if (next.themeId !== undefined) setThemeId(next.themeId);
                        setRangeProblem(null);
                        edited();
                      }}
                    />
                  )}
                </div>
              );
            },
          )}
        </fieldset>

        <PathField
          label="Save to (full path)"
          chooseLabel="Choose where…"
          request={exportDestinationRequest(kind, container)}
          value={path}
          onChange={(next) => {
            if (exporting.busy) return;
            setPath(next);
            setPathProblem(null);
            edited();
          }}
          hint={
            folder
              ? 'The web preview has no file picker: type the full path of a new or empty folder.'
              : `The web preview has no file picker: type the full path of the file, such as …/${suggestedExportName(kind, container)}.`
          }
          problem={pathProblem}
          busy={exporting.busy}
          inputRef={pathInputRef}
          buttonRef={pathButtonRef}
        />

        <TransferErrorAlert error={exporting.error} fileAdvice={WRITE_ADVICE} />
        {warning ? (
          <UnencryptedWarning onConfirm={confirmWarning} onDismiss={dismissWarning} />
        ) : (
          <div className="form-actions">
            <button
              ref={exportButtonRef}
              type="submit"
              className="button-primary"
              aria-disabled={exporting.busy}
            >
              Export
            </button>
          </div>
        )}
        <BusyNote busy={exporting.busy} method="exportJournal" text="Exporting your entries…" />
        <p className="settings-status settings-success" role="status">
          {outcome && (
            <>
              {resultText(outcome)} <code className="transfer-path">{outcome.path}</code>.
              {lostText(outcome)}
            </>
          )}
        </p>
      </form>
    </section>
  );
}
