import type { Theme } from '../../../shared/types';
import { ConfirmRow } from '../components/ConfirmRow';
import { entryHeading, formatEntryDate, themeChips } from './format';
import type { ListItem } from './useEntrySource';

interface EntryRowProps {
  entry: ListItem;
  themesById: ReadonlyMap<string, Theme>;
}

/** What a row shows: day, heading, themes, star, and the matching words when searching. */
export function EntryRowContent({ entry, themesById }: EntryRowProps) {
  const { shown, more } = themeChips(entry, themesById);
  return (
    <>
      <span className="entry-row-top">
        <time className="entry-row-date" dateTime={entry.entryDate}>
          {formatEntryDate(entry.entryDate)}
        </time>
        {entry.starred && (
          <span className="entry-row-star" title="Starred">
            <span aria-hidden="true">★</span>
            <span className="visually-hidden">Starred</span>
          </span>
        )}
      </span>
      <span className="entry-row-title">{entryHeading(entry)}</span>
      {entry.snippet && entry.snippet.length > 0 && (
        <span className="entry-row-snippet">
          {entry.snippet.map((part, index) =>
            part.match ? (
              <mark key={index}>{part.text}</mark>
            ) : (
              <span key={index}>{part.text}</span>
            ),
          )}
        </span>
      )}
      {(shown.length > 0 || more > 0) && (
        <span className="entry-row-chips">
          {shown.map((theme) => (
            <span key={theme.id} className="theme-chip">
              <span className="theme-dot" style={{ background: theme.color }} aria-hidden="true" />
              <span className="theme-chip-label">{theme.label}</span>
            </span>
          ))}
          {more > 0 && (
            <span className="theme-chip theme-chip-more" title={`${more} more themes`}>
              +{more}
            </span>
          )}
        </span>
      )}
    </>
  );
}

interface TrashRowProps extends EntryRowProps {
  busy: boolean;
  confirming: boolean;
  onRestore: () => void;
  onAskDelete: () => void;
  onConfirmDelete: () => void;
  onCancelDelete: () => void;
}

/** A trashed entry with its two ways out; deleting forever asks once more. */
export function TrashRow({
  entry,
  themesById,
  busy,
  confirming,
  onRestore,
  onAskDelete,
  onConfirmDelete,
  onCancelDelete,
}: TrashRowProps) {
  const heading = entryHeading(entry);
  return (
    <div className="trash-row">
      <EntryRowContent entry={entry} themesById={themesById} />
      {confirming ? (
        <ConfirmRow
          label={`Delete ${heading} forever`}
          message="Delete forever? This cannot be undone."
          confirmText="Delete forever"
          danger
          busy={busy}
          onConfirm={onConfirmDelete}
          onCancel={onCancelDelete}
        />
      ) : (
        <div className="row-actions">
          <button type="button" className="button-small" onClick={onRestore} disabled={busy}>
            Restore
          </button>
          <button type="button" className="button-small" onClick={onAskDelete} disabled={busy}>
            Delete forever
          </button>
        </div>
      )}
    </div>
  );
}
