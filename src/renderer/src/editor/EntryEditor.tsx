import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { forwardRef, useMemo, useState } from 'react';
import { ENTRY_NODES } from '../../../shared/editor-nodes';
import type { Entry, Prompt, Theme } from '../../../shared/types';
import { type EntryEditorHandle, EntryWorkspace } from './EntryWorkspace';
import { $setPlainText, checkStoredDoc } from './lib/stored-doc';
import { UnreadableEntry } from './UnreadableEntry';
import { editorTheme } from './themes/editor-theme';

export type { EntryEditorHandle } from './EntryWorkspace';

export interface EntryEditorProps {
  /** The entry to edit, or null for a new entry not yet saved (created on the first save with content). */
  entry: Entry | null;
  /** For a new entry started from a prompt: shown above the editor; the created entry gets promptId. */
  prompt: Prompt | null;
  /** All themes (built-in and the user's), in display order. */
  themes: Theme[];
  /** After every successful save or theme change, with the entry as stored. */
  onSaved(entry: Entry): void;
  /** After a theme was created inline, so the caller can reload the theme list. */
  onThemesChanged(): void;
  /** After the entry was moved to the trash. */
  onTrashed(entry: Entry): void;
}

function onError(error: Error): void {
  // Lexical reports here what it could not do (e.g. a malformed stored document).
  console.error(error);
}

/**
 * Writes one entry. The caller remounts it per entry (key={entry?.id ?? 'new-<n>'}) and calls
 * flush() before switching entries or locking.
 */
export const EntryEditor = forwardRef<EntryEditorHandle, EntryEditorProps>(
  function EntryEditor(props, ref) {
    // After a conflict the person may load the stored version: the editor starts over with it.
    const [loaded, setLoaded] = useState({ entry: props.entry, generation: 0, asText: false });
    const stored = useMemo(() => loaded.entry && checkStoredDoc(loaded.entry.doc), [loaded.entry]);
    if (loaded.entry && stored && !stored.readable && !loaded.asText) {
      return (
        <UnreadableEntry
          entry={loaded.entry}
          reason={stored.reason}
          onEditAsText={() => setLoaded((prev) => ({ ...prev, asText: true }))}
        />
      );
    }
    const text = loaded.entry?.text ?? '';
    return (
      <LexicalComposer
        key={loaded.generation}
        initialConfig={{
          namespace: 'LeanOnEntry',
          nodes: ENTRY_NODES,
          theme: editorTheme,
          onError,
          editorState: !stored
            ? undefined
            : stored.readable
              ? stored.json
              : () => $setPlainText(text),
        }}
      >
        <EntryWorkspace
          {...props}
          entry={loaded.entry}
          handleRef={ref}
          onReloaded={(entry) =>
            setLoaded((prev) => ({ entry, generation: prev.generation + 1, asText: false }))
          }
        />
      </LexicalComposer>
    );
  },
);
