import { type FormEvent, useId, useState } from 'react';
import type { JournalError } from '../../../shared/errors';
import { LIMITS } from '../../../shared/limits';
import type { EntryTheme, Theme } from '../../../shared/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { useJournalClient } from '../journal-context';
import { asJournalError } from '../lib/journal-errors';

interface EntryThemesProps {
  themes: Theme[];
  /** The themes on the entry (or that it will get when created). */
  active: EntryTheme[];
  onToggle: (themeId: string, on: boolean) => Promise<unknown>;
  onThemesChanged: () => void;
}

/** One toggle per theme, and a small form to add a theme of one's own. */
export function EntryThemes({ themes, active, onToggle, onThemesChanged }: EntryThemesProps) {
  const client = useJournalClient();
  const inputId = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<JournalError | null>(null);
  const [adding, setAdding] = useState(false);
  const [label, setLabel] = useState('');
  // A theme made here shows at once, before the caller has reloaded the list.
  const [created, setCreated] = useState<Theme[]>([]);
  const shown = [...themes, ...created.filter((theme) => !themes.some((t) => t.id === theme.id))];
  const isOn = (id: string) => active.some((theme) => theme.id === id);

  const run = async (key: string, task: () => Promise<unknown>) => {
    setBusy(key);
    setError(null);
    try {
      await task();
      return true;
    } catch (reason) {
      setError(asJournalError(reason));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const clean = label.trim();
    if (!clean) return;
    const existing = shown.find((theme) => theme.label.toLowerCase() === clean.toLowerCase());
    const done = await run('new', async () => {
      const theme = existing ?? (await client.createTheme({ label: clean }));
      if (!existing) {
        setCreated((list) => [...list, theme]);
        onThemesChanged();
      }
      if (!isOn(theme.id)) await onToggle(theme.id, true);
    });
    if (done) {
      setLabel('');
      setAdding(false);
    }
  };

  return (
    <div className="entry-themes">
      <div role="group" aria-label="Entry themes" className="theme-chips">
        {shown.map((theme) => (
          <button
            key={theme.id}
            type="button"
            className="theme-chip"
            aria-pressed={isOn(theme.id)}
            aria-busy={busy === theme.id || undefined}
            title={theme.description || undefined}
            onClick={() => {
              if (busy === null) void run(theme.id, () => onToggle(theme.id, !isOn(theme.id)));
            }}
          >
            <span className="theme-dot" style={{ background: theme.color }} aria-hidden="true" />
            {theme.label}
          </button>
        ))}
        {!adding && (
          <button type="button" className="theme-chip theme-new" onClick={() => setAdding(true)}>
            New theme
          </button>
        )}
      </div>
      {adding && (
        <form
          className="theme-form"
          onSubmit={(event) => void add(event)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setAdding(false);
          }}
        >
          <label htmlFor={inputId}>New theme name</label>
          <input
            id={inputId}
            type="text"
            value={label}
            maxLength={LIMITS.themeLabelMaxChars}
            autoFocus
            autoComplete="off"
            onChange={(event) => setLabel(event.target.value)}
          />
          <button type="submit" className="button-secondary" disabled={busy !== null}>
            Add
          </button>
          <button type="button" className="button-link" onClick={() => setAdding(false)}>
            Cancel
          </button>
        </form>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
