import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, COMMAND_PRIORITY_CRITICAL, PASTE_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { LIMITS } from '../../../../shared/limits';

const TOO_LARGE = 'That paste is too large for one entry, so it was not added.';

/** Text and markup the clipboard offers, by length: a cheap stand-in for the bytes it adds. */
function pastedLength(event: ClipboardEvent | KeyboardEvent | InputEvent): number {
  const data = 'clipboardData' in event ? event.clipboardData : null;
  if (!data) return 0;
  const plain = data.getData('text/plain').length;
  // Markup carries tags and styles that are dropped, so count it at a quarter of its length.
  return Math.max(plain, Math.ceil(data.getData('text/html').length / 4));
}

/**
 * Refuses a paste that would push the entry past the size the journal stores, before Lexical
 * parses it (parsing many megabytes of HTML would freeze the window). Renders nothing.
 */
export function PasteGuardPlugin({ onRefused }: { onRefused: (message: string) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const incoming = pastedLength(event);
          if (incoming === 0) return false;
          const current = editor.getEditorState().read(() => $getRoot().getTextContentSize());
          // The stored JSON adds structure around the text: leave it a fifth of the room.
          if ((current + incoming) * 1.25 <= LIMITS.docMaxBytes) return false;
          event.preventDefault();
          onRefused(TOO_LARGE);
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    [editor, onRefused],
  );
  return null;
}
