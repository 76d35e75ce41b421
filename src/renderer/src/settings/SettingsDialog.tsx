import { useId, useState, type SyntheticEvent } from 'react';
import type { JournalSettings } from '../../../shared/settings';
import { AutoLockSection } from './AutoLockSection';
import { AutomaticBackupSection } from './AutomaticBackupSection';
import { JournalCheckSection } from './JournalCheckSection';
import { JournalFolderSection } from './JournalFolderSection';
import { PassphraseSection } from './PassphraseSection';
import { RecoveryCodeSection } from './RecoveryCodeSection';
import { useModalDialog } from './useModalDialog';

export interface SettingsDialogProps {
  /** Current, loaded by the caller. */
  settings: JournalSettings;
  /** The journal folder's path. */
  journalDir: string;
  /** Opens the folder in the file manager; null in the web preview, which has none. */
  onShowFolder: (() => void) | null;
  onSettingsChanged: (settings: JournalSettings) => void;
  onClose: () => void;
}

/**
 * The journal's settings in a modal <dialog>. Each section saves on its own. While a new
 * recovery code is being made the dialog stays open: the old code stops working the moment
 * the new one exists, so the new one must be seen.
 */
export function SettingsDialog({
  settings,
  journalDir,
  onShowFolder,
  onSettingsChanged,
  onClose,
}: SettingsDialogProps) {
  const { dialogRef, close } = useModalDialog();
  const headingId = useId();
  const [makingCode, setMakingCode] = useState(false);

  const keepOpenWhileBusy = (event: SyntheticEvent<HTMLDialogElement>) => {
    if (makingCode) event.preventDefault();
  };

  return (
    <dialog
      ref={dialogRef}
      className="settings-dialog"
      aria-labelledby={headingId}
      onCancel={keepOpenWhileBusy}
      onClose={onClose}
    >
      <div className="settings-dialog-header">
        <h2 id={headingId}>Settings</h2>
        <button
          type="button"
          className="button-secondary button-small"
          aria-disabled={makingCode}
          onClick={() => {
            if (!makingCode) close();
          }}
        >
          Close
        </button>
      </div>
      <AutoLockSection settings={settings} onSettingsChanged={onSettingsChanged} />
      <AutomaticBackupSection settings={settings} onSettingsChanged={onSettingsChanged} />
      <PassphraseSection />
      <RecoveryCodeSection onBusyChange={setMakingCode} />
      <JournalFolderSection journalDir={journalDir} onShowFolder={onShowFolder} />
      <JournalCheckSection />
    </dialog>
  );
}
