interface JournalFolderSectionProps {
  journalDir: string;
  /** Opens the folder in the file manager; null where there is none (the web preview). */
  onShowFolder: (() => void) | null;
}

/** Where the journal lives on this computer, and how to keep a copy of it. */
export function JournalFolderSection({ journalDir, onShowFolder }: JournalFolderSectionProps) {
  return (
    <section className="settings-section">
      <h3>Where your journal is</h3>
      <p className="settings-path">
        <code>{journalDir}</code>
      </p>
      {onShowFolder && (
        <div className="form-actions">
          <button type="button" className="button-secondary" onClick={onShowFolder}>
            Show in folder
          </button>
        </div>
      )}
      <p className="settings-hint">
        To back up your journal, copy this whole folder somewhere safe while Lean On is closed or
        locked.
      </p>
    </section>
  );
}
