import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HISTORY_MERGE_TAG } from 'lexical';
import { useEffect } from 'react';

/**
 * Tells the saver when the document (not just the selection) changed. Like Lexical's
 * OnChangePlugin it ignores history-merge updates: loading a stored entry and re-running
 * node transforms on it are not edits. Renders nothing.
 */
export function AutosavePlugin({ onChange }: { onChange: () => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        if (prevEditorState.isEmpty() || tags.has(HISTORY_MERGE_TAG)) return;
        onChange();
      }),
    [editor, onChange],
  );
  return null;
}
