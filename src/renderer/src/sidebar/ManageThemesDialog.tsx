import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Theme } from '../../../shared/types';
import { ConfirmRow } from '../components/ConfirmRow';
import { ErrorAlert } from '../components/ErrorAlert';
import { usePendingCall } from '../hooks/usePendingCall';
import { useJournalClient } from '../journal-context';
import { mergeSummary } from '../lib/merge-summary';

interface ManageThemesDialogProps {
  themes: Theme[];
  onThemesChanged: () => void;
  onClose: () => void;
}

type Run = (call: () => Promise<unknown>) => void;

/**
 * A modal <dialog>: showModal() makes the rest of the window inert (focus stays inside),
 * Escape closes it, and closing returns focus to the button that opened it. Every change
 * is sent at once and the caller reloads the themes.
 */
export function ManageThemesDialog({ themes, onThemesChanged, onClose }: ManageThemesDialogProps) {
  const client = useJournalClient();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [newLabel, setNewLabel] = useState('');
  const [newColor, setNewColor] = useState('#7a8f6a');
  const action = usePendingCall(async (call: () => Promise<unknown>) => {
    await call();
    onThemesChanged();
  });
  const { run: runAction } = action;
  const run: Run = (call) => void runAction(call);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    return () => dialog.close();
  }, []);

  const createTheme = (event: FormEvent) => {
    event.preventDefault();
    const label = newLabel.trim();
    if (!label) return;
    run(async () => {
      await client.createTheme({ label, color: newColor });
      setNewLabel('');
    });
  };

  return (
    <dialog ref={dialogRef} className="manage-themes" aria-labelledby={headingId} onClose={onClose}>
      <div className="manage-themes-header">
        <h2 id={headingId}>Manage themes</h2>
        <button
          type="button"
          className="button-secondary button-small"
          onClick={() => dialogRef.current?.close()}
        >
          Close
        </button>
      </div>
      <ErrorAlert error={action.error} />
      <ul className="manage-theme-list">
        {themes.map((theme) => (
          <ThemeEditor key={theme.id} theme={theme} themes={themes} busy={action.busy} run={run} />
        ))}
      </ul>
      <form className="new-theme-form" aria-labelledby={`${headingId}-new`} onSubmit={createTheme}>
        <h3 id={`${headingId}-new`}>New theme</h3>
        <div className="inline-fields">
          <label className="visually-hidden" htmlFor={`${headingId}-new-label`}>
            New theme name
          </label>
          <input
            id={`${headingId}-new-label`}
            type="text"
            value={newLabel}
            maxLength={60}
            placeholder="A name, e.g. Rest"
            onChange={(event) => setNewLabel(event.target.value)}
          />
          <label className="visually-hidden" htmlFor={`${headingId}-new-color`}>
            Colour for the new theme
          </label>
          <input
            id={`${headingId}-new-color`}
            type="color"
            value={newColor}
            onChange={(event) => setNewColor(event.target.value)}
          />
          <button type="submit" className="button-small" disabled={action.busy || !newLabel.trim()}>
            Add theme
          </button>
        </div>
      </form>
    </dialog>
  );
}

interface ThemeEditorProps {
  theme: Theme;
  themes: Theme[];
  busy: boolean;
  run: Run;
}

/** One theme: rename, recolour, and for the user's own themes, merge or delete. */
function ThemeEditor({ theme, themes, busy, run }: ThemeEditorProps) {
  const client = useJournalClient();
  const id = useId();
  const colorRef = useRef<HTMLInputElement>(null);
  const [label, setLabel] = useState(theme.label);
  const [mergeInto, setMergeInto] = useState('');
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [confirmingMerge, setConfirmingMerge] = useState(false);
  const others = themes.filter((other) => other.id !== theme.id);
  const target = others.some((other) => other.id === mergeInto) ? mergeInto : (others[0]?.id ?? '');
  const targetTheme = others.find((other) => other.id === target);

  // Saved when the picker closes (the native change event), not on every step of a drag.
  const latest = useRef({ theme, run, client });
  useEffect(() => {
    latest.current = { theme, run, client };
  });
  useEffect(() => {
    const input = colorRef.current;
    if (!input) return;
    const onChange = () => {
      const { theme: current, run: send, client: journal } = latest.current;
      if (input.value.toLowerCase() === current.color.toLowerCase()) return;
      send(() => journal.updateTheme({ id: current.id, color: input.value }));
    };
    input.addEventListener('change', onChange);
    return () => input.removeEventListener('change', onChange);
  }, []);

  const rename = (event: FormEvent) => {
    event.preventDefault();
    const next = label.trim();
    if (!next || next === theme.label) return;
    run(() => client.updateTheme({ id: theme.id, label: next }));
  };

  return (
    <li className="manage-theme" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="manage-theme-title">
        <span className="theme-dot" style={{ background: theme.color }} aria-hidden="true" />
        {theme.label}
      </h3>
      <form className="inline-fields" onSubmit={rename}>
        <label className="visually-hidden" htmlFor={`${id}-name`}>
          Name for {theme.label}
        </label>
        <input
          id={`${id}-name`}
          type="text"
          value={label}
          maxLength={60}
          onChange={(event) => setLabel(event.target.value)}
        />
        <label className="visually-hidden" htmlFor={`${id}-color`}>
          Colour for {theme.label}
        </label>
        <input ref={colorRef} id={`${id}-color`} type="color" defaultValue={theme.color} />
        <button type="submit" className="button-small" disabled={busy}>
          Save
        </button>
      </form>
      {!theme.builtIn && (
        // Remounted when the saved words change, so the field shows them as kept.
        <KeywordsForm key={theme.keywords.join('\n')} theme={theme} busy={busy} run={run} />
      )}
      <p className="manage-theme-meta">
        {theme.builtIn ? 'Built in' : 'Your theme'} ·{' '}
        {theme.entryCount === 1 ? '1 entry' : `${theme.entryCount} entries`}
      </p>
      {!theme.builtIn && others.length > 0 && (
        <div className="inline-fields">
          <label htmlFor={`${id}-merge`}>Merge into</label>
          <select
            id={`${id}-merge`}
            value={target}
            onChange={(event) => setMergeInto(event.target.value)}
          >
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button-small"
            disabled={busy || !target}
            onClick={() => setConfirmingMerge(true)}
          >
            Merge
          </button>
        </div>
      )}
      {!theme.builtIn && confirmingMerge && targetTheme && (
        <ConfirmRow
          label={`Merge ${theme.label}`}
          message={mergeSummary(theme, targetTheme)}
          confirmText="Merge themes"
          busy={busy}
          onConfirm={() => {
            setConfirmingMerge(false);
            run(() => client.mergeThemes({ from: theme.id, into: targetTheme.id }));
          }}
          onCancel={() => setConfirmingMerge(false)}
        />
      )}
      {!theme.builtIn &&
        (confirmingDelete ? (
          <ConfirmRow
            label={`Delete ${theme.label}`}
            message={`Delete the theme ${theme.label}? Entries keep their text.`}
            confirmText="Delete theme"
            danger
            busy={busy}
            onConfirm={() => run(() => client.deleteTheme({ id: theme.id }))}
            onCancel={() => setConfirmingDelete(false)}
          />
        ) : (
          <button type="button" className="button-small" onClick={() => setConfirmingDelete(true)}>
            Delete
          </button>
        ))}
    </li>
  );
}

/** The words of the person's own that suggest one of their themes, comma-separated. */
function KeywordsForm({ theme, busy, run }: Omit<ThemeEditorProps, 'themes'>) {
  const client = useJournalClient();
  const id = useId();
  const [keywords, setKeywords] = useState(theme.keywords.join(', '));
  const save = (event: FormEvent) => {
    event.preventDefault();
    const list = keywords
      .split(',')
      .map((word) => word.trim())
      .filter((word) => word.length > 0);
    run(() => client.updateTheme({ id: theme.id, keywords: list }));
  };
  return (
    <form className="inline-fields" onSubmit={save}>
      <label htmlFor={`${id}-keywords`}>Words that suggest it</label>
      <input
        id={`${id}-keywords`}
        type="text"
        value={keywords}
        placeholder="rent, budget, overdraft"
        aria-describedby={`${id}-keywords-hint`}
        onChange={(event) => setKeywords(event.target.value)}
      />
      <button type="submit" className="button-small" disabled={busy}>
        Save words
      </button>
      <span id={`${id}-keywords-hint`} className="visually-hidden">
        Separate words with commas. Entries that use them are offered this theme.
      </span>
    </form>
  );
}
