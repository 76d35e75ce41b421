import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_NORMAL, FORMAT_TEXT_COMMAND, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { currentBlockType, toggleBlock, toggleList } from '../lib/format-actions';
import { matchesShortcut, SHORTCUTS } from '../lib/shortcuts';

/**
 * The shortcuts Lexical does not bind itself: strikethrough, heading, quote, lists and link.
 * Renders nothing.
 */
export function ShortcutsPlugin({ onLink }: { onLink: () => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          const actions: [boolean, () => void][] = [
            [
              matchesShortcut(event, SHORTCUTS.strikethrough),
              () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'strikethrough'),
            ],
            [matchesShortcut(event, SHORTCUTS.heading), () => toggleBlock(editor, 'h2')],
            [matchesShortcut(event, SHORTCUTS.quote), () => toggleBlock(editor, 'quote')],
            [
              matchesShortcut(event, SHORTCUTS.bullet),
              () => toggleList(editor, 'bullet', currentBlockType(editor)),
            ],
            [
              matchesShortcut(event, SHORTCUTS.number),
              () => toggleList(editor, 'number', currentBlockType(editor)),
            ],
            [matchesShortcut(event, SHORTCUTS.link), onLink],
          ];
          const match = actions.find(([matches]) => matches);
          if (!match) return false;
          event.preventDefault();
          match[1]();
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor, onLink],
  );
  return null;
}
