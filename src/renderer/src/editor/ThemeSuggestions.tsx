import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { useEffect, useId, useRef, useState } from 'react';
import type { JournalError } from '../../../shared/errors';
import type { EntryTheme, Theme, ThemeSuggestion } from '../../../shared/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { useJournalClient } from '../journal-context';
import { asJournalError } from '../lib/journal-errors';

/** Suggestions wait for a pause in writing this long, so they never interrupt a sentence. */
const PAUSE_MS = 1500;

interface ThemeSuggestionsProps {
  /** The stored entry's id; null while the entry is new and unsaved. */
  entryId: string | null;
  themes: Theme[];
  /** The themes the entry has: never suggested. */
  active: EntryTheme[];
  /** Puts the theme on the entry, marked as suggested. */
  onAccept: (themeId: string) => Promise<unknown>;
}

/**
 * Quiet theme suggestions under the entry, worked out in the core (on this device) from the
 * text after a pause in writing. Each says why (the phrases that led to it) and can be added
 * or turned down; a theme turned down is not offered again for this entry.
 */
export function ThemeSuggestions({ entryId, themes, active, onAccept }: ThemeSuggestionsProps) {
  const [editor] = useLexicalComposerContext();
  const client = useJournalClient();
  const id = useId();
  const [suggestions, setSuggestions] = useState<ThemeSuggestion[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<JournalError | null>(null);
  // Turned down here (before the entry was saved too): not shown again while it is open.
  const [declined, setDeclined] = useState<ReadonlySet<string>>(new Set());
  const latest = useRef(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () => {
      timer = undefined;
      const text = editor.getEditorState().read(() => $getRoot().getTextContent());
      const asked = ++latest.current;
      client.suggestThemes(entryId ? { text, entryId } : { text }).then(
        (found) => {
          // Only the answer to the latest question counts.
          if (asked === latest.current) setSuggestions(found);
        },
        () => undefined, // A suggestion is a courtesy: its failure is not the person's concern.
      );
    };
    timer = setTimeout(ask, 0);
    const unregister = editor.registerTextContentListener(() => {
      clearTimeout(timer);
      timer = setTimeout(ask, PAUSE_MS);
    });
    return () => {
      clearTimeout(timer);
      unregister();
    };
  }, [editor, client, entryId]);

  const label = (themeId: string) => themes.find((theme) => theme.id === themeId)?.label;
  const shown = suggestions.filter(
    (suggestion) =>
      label(suggestion.themeId) !== undefined &&
      !active.some((theme) => theme.id === suggestion.themeId) &&
      !declined.has(suggestion.themeId),
  );
  if (shown.length === 0 && !error) return null;

  const act = async (themeId: string, task: () => Promise<unknown>) => {
    setBusy(themeId);
    setError(null);
    try {
      await task();
      setSuggestions((list) => list.filter((suggestion) => suggestion.themeId !== themeId));
    } catch (reason) {
      setError(asJournalError(reason));
    } finally {
      setBusy(null);
    }
  };
  const accept = (themeId: string) => act(themeId, () => onAccept(themeId));
  const decline = (themeId: string) =>
    act(themeId, async () => {
      setDeclined((set) => new Set(set).add(themeId));
      if (entryId) await client.dismissSuggestion({ entryId, themeId });
    });

  return (
    <section className="theme-suggestions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="theme-suggestions-title">
        Suggested themes
      </h2>
      <ul className="theme-suggestion-list">
        {shown.map((suggestion) => {
          const name = label(suggestion.themeId)!;
          const whyId = `${id}-${suggestion.themeId}-why`;
          return (
            <li key={suggestion.themeId} className="theme-suggestion">
              <span className="theme-suggestion-name">{name}</span>
              <button
                type="button"
                className="button-link"
                aria-expanded={open === suggestion.themeId}
                aria-controls={whyId}
                onClick={() => setOpen(open === suggestion.themeId ? null : suggestion.themeId)}
              >
                Why?
              </button>
              <button
                type="button"
                className="button-secondary button-small"
                aria-label={`Add ${name}`}
                aria-disabled={busy !== null}
                onClick={() => {
                  if (busy === null) void accept(suggestion.themeId);
                }}
              >
                Add
              </button>
              <button
                type="button"
                className="button-quiet button-small"
                aria-label={`Not this: ${name}`}
                aria-disabled={busy !== null}
                onClick={() => {
                  if (busy === null) void decline(suggestion.themeId);
                }}
              >
                Not this
              </button>
              <div id={whyId} className="theme-suggestion-why" hidden={open !== suggestion.themeId}>
                <p>Suggested because you wrote:</p>
                <ul>
                  {suggestion.why.map((phrase) => (
                    <li key={phrase}>“{phrase}”</li>
                  ))}
                </ul>
              </div>
            </li>
          );
        })}
      </ul>
      <ErrorAlert error={error} />
    </section>
  );
}
