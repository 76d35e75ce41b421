interface ConflictNoticeProps {
  busy: boolean;
  onReload: () => void;
  onKeepMine: () => void;
}

/** Another window saved this entry: the person chooses which version stays. */
export function ConflictNotice({ busy, onReload, onKeepMine }: ConflictNoticeProps) {
  return (
    <div role="alert" className="alert entry-conflict">
      <p>This entry was changed in another window.</p>
      <p>Your text is still here. Keep yours to save it over the other version, or load theirs.</p>
      <div className="form-actions">
        <button type="button" className="button-primary" disabled={busy} onClick={onKeepMine}>
          Keep mine
        </button>
        <button type="button" className="button-secondary" disabled={busy} onClick={onReload}>
          Reload stored version
        </button>
      </div>
    </div>
  );
}
