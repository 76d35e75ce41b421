import { useId } from 'react';
import { LIMITS } from '../../../shared/limits';
import { EntryDate } from './EntryDate';
import type { EntryFields } from './lib/entry-saver';

interface EntryHeaderProps {
  fields: EntryFields;
  canTrash: boolean;
  trashing: boolean;
  onEdit: (patch: Partial<EntryFields>, immediate?: boolean) => void;
  onTrash: () => void;
  /** Enter in the title moves on to the text. */
  onTitleDone: () => void;
}

/** The entry's date, star, trash button and title. */
export function EntryHeader(props: EntryHeaderProps) {
  const { fields, canTrash, trashing, onEdit, onTrash, onTitleDone } = props;
  const id = useId();
  return (
    <div className="entry-header">
      <div className="entry-meta">
        <EntryDate value={fields.entryDate} onChange={(entryDate) => onEdit({ entryDate })} />
        <button
          type="button"
          className="entry-star"
          aria-pressed={fields.starred}
          aria-label="Star entry"
          title={fields.starred ? 'Starred' : 'Star entry'}
          onClick={() => onEdit({ starred: !fields.starred }, true)}
        >
          <span aria-hidden="true">{fields.starred ? '★' : '☆'}</span>
        </button>
        <button
          type="button"
          className="button-link entry-trash"
          disabled={!canTrash || trashing}
          onClick={onTrash}
        >
          Move to trash
        </button>
      </div>
      <label htmlFor={`${id}-title`} className="visually-hidden">
        Title
      </label>
      <input
        id={`${id}-title`}
        className="entry-title"
        type="text"
        value={fields.title}
        placeholder="Untitled"
        maxLength={LIMITS.titleMaxChars}
        autoComplete="off"
        onChange={(event) => onEdit({ title: event.target.value })}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
            event.preventDefault();
            onTitleDone();
          }
        }}
      />
    </div>
  );
}
