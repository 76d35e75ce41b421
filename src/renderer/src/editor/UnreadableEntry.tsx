import type { Entry } from '../../../shared/types';
import { formatEntryDate } from './lib/dates';

interface UnreadableEntryProps {
  entry: Entry;
  /** Lexical's reason, for the person who reports it. */
  reason: string;
  onEditAsText: () => void;
}

/**
 * An entry whose formatting this version cannot read. Its words are still shown, read-only,
 * and nothing is saved unless the person chooses to carry on with it as plain text.
 */
export function UnreadableEntry({ entry, reason, onEditAsText }: UnreadableEntryProps) {
  return (
    <article className="entry-editor" aria-label="Entry editor">
      <div role="alert" className="alert">
        <p>Lean On can’t read this entry’s formatting, so it is shown as plain text.</p>
        <p>
          It may have been written by a newer version of Lean On. Nothing has been changed: update
          Lean On to see it as it was, or edit it here as plain text, which replaces its formatting
          when you save.
        </p>
        <details>
          <summary>Details</summary>
          <p>{reason}</p>
        </details>
        <div className="form-actions">
          <button type="button" className="button-secondary" onClick={onEditAsText}>
            Edit as plain text
          </button>
        </div>
      </div>
      <header className="entry-header">
        <h2 className="entry-unreadable-title">{entry.title || 'Untitled entry'}</h2>
        <p className="entry-unreadable-date">{formatEntryDate(entry.entryDate)}</p>
      </header>
      <div className="entry-surface">
        <div className="entry-content" role="document" aria-label="Entry text" tabIndex={0}>
          {entry.text}
        </div>
      </div>
    </article>
  );
}
