import { useId, useState } from 'react';
import { formatEntryDate } from './lib/dates';

interface EntryDateProps {
  value: string;
  onChange: (value: string) => void;
}

/**
 * The entry's day, shown as words; pressing it opens a date input labelled "Entry date".
 * The input is not there at rest, so the text surface stays the only textbox named "Entry…".
 */
export function EntryDate({ value, onChange }: EntryDateProps) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  if (!editing) {
    return (
      <button type="button" className="entry-date" onClick={() => setEditing(true)}>
        {formatEntryDate(value)}
        <span className="visually-hidden"> (change entry date)</span>
      </button>
    );
  }
  return (
    <span className="entry-date-edit">
      <label htmlFor={id} className="visually-hidden">
        Entry date
      </label>
      <input
        id={id}
        type="date"
        className="entry-date-input"
        value={value}
        required
        autoFocus
        onChange={(event) => {
          if (event.target.value) onChange(event.target.value);
        }}
        onBlur={() => setEditing(false)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === 'Escape') {
            event.preventDefault();
            setEditing(false);
          }
        }}
      />
    </span>
  );
}
