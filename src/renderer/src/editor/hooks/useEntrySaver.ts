import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Entry } from '../../../../shared/types';
import { useJournalClient } from '../../journal-context';
import { type DocSnapshot, EntrySaver, type SaverState } from '../lib/entry-saver';
import { todayLocal } from '../lib/dates';

export interface EntrySaverHook {
  saver: EntrySaver;
  state: SaverState;
}

/**
 * One EntrySaver for the mounted entry, with its state as React state. It saves what is
 * pending when the window is hidden or closed and when the editor unmounts (entry switch).
 */
export function useEntrySaver(
  entry: Entry | null,
  promptId: string | null,
  onSaved: (entry: Entry) => void,
): EntrySaverHook {
  const client = useJournalClient();
  const [editor] = useLexicalComposerContext();
  const [saver] = useState(
    () =>
      new EntrySaver({
        client,
        entry,
        newId: crypto.randomUUID(),
        promptId,
        initialFields: {
          title: entry?.title ?? '',
          entryDate: entry?.entryDate ?? todayLocal(),
          starred: entry?.starred ?? false,
        },
        readDoc: (): DocSnapshot => {
          const state = editor.getEditorState();
          return {
            doc: state.toJSON(),
            empty: state.read(() => $getRoot().getTextContent().trim() === ''),
          };
        },
      }),
  );
  const state = useSyncExternalStore(saver.subscribe, saver.getState);
  useEffect(() => saver.setStoredListener(onSaved), [saver, onSaved]);

  useEffect(() => {
    const flush = () => saver.flushQuietly();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [saver]);

  return { saver, state };
}
