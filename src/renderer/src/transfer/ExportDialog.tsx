import { useId, useState, type SyntheticEvent } from 'react';
import type { Theme } from '../../../shared/types';
import { useModalDialog } from '../settings/useModalDialog';
import { BackupSection } from './BackupSection';
import { ExportSection } from './ExportSection';

export interface ExportDialogProps {
  /** The journal's themes, for the printable page's theme filter. */
  themes: Theme[];
  onClose: () => void;
  /** A damaged journal open read-only: exports read past damage, and no backup is offered. */
  salvage?: boolean;
}

/**
 * Copies of the journal in a modal <dialog>: readable exports (not encrypted, and said so) and
 * the encrypted backup. While either is being written the dialog stays open, so its result is
 * seen.
 */
export function ExportDialog({ themes, onClose, salvage = false }: ExportDialogProps) {
  const { dialogRef, close } = useModalDialog();
  const headingId = useId();
  const [exporting, setExporting] = useState(false);
  const [backingUp, setBackingUp] = useState(false);
  const busy = exporting || backingUp;

  const keepOpenWhileBusy = (event: SyntheticEvent<HTMLDialogElement>) => {
    if (busy) event.preventDefault();
  };

  return (
    <dialog
      ref={dialogRef}
      className="settings-dialog transfer-dialog"
      aria-labelledby={headingId}
      onCancel={keepOpenWhileBusy}
      onClose={onClose}
    >
      <div className="settings-dialog-header">
        <h2 id={headingId}>{salvage ? 'Export what can be read' : 'Export your journal'}</h2>
        <button
          type="button"
          className="button-secondary button-small"
          aria-disabled={busy}
          onClick={() => {
            if (!busy) close();
          }}
        >
          Close
        </button>
      </div>
      <ExportSection themes={themes} onBusyChange={setExporting} salvage={salvage} />
      {!salvage && <BackupSection onBusyChange={setBackingUp} />}
    </dialog>
  );
}
