import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
} from 'lexical';
import { useEffect, useState } from 'react';
import { $blockTypeOf, $selectionIsInLink, type BlockType } from '../lib/format-actions';

export interface ToolbarState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  blockType: BlockType;
  link: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

const INITIAL: ToolbarState = {
  bold: false,
  italic: false,
  underline: false,
  strikethrough: false,
  blockType: 'paragraph',
  link: false,
  canUndo: false,
  canRedo: false,
};

type Formats = Omit<ToolbarState, 'canUndo' | 'canRedo'>;

function sameFormats(prev: ToolbarState, next: Formats): boolean {
  return (Object.keys(next) as Array<keyof Formats>).every((key) => prev[key] === next[key]);
}

/** What the selection looks like, so that the toolbar's buttons can say it (aria-pressed). */
export function useToolbarState(): ToolbarState {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState(INITIAL);
  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return null;
            return {
              bold: selection.hasFormat('bold'),
              italic: selection.hasFormat('italic'),
              underline: selection.hasFormat('underline'),
              strikethrough: selection.hasFormat('strikethrough'),
              blockType: $blockTypeOf(selection),
              link: $selectionIsInLink(selection),
            };
          });
          // The same state keeps the same object, so typing does not re-render the toolbar.
          if (next) setState((prev) => (sameFormats(prev, next) ? prev : { ...prev, ...next }));
        }),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (canUndo) => {
            setState((prev) => (prev.canUndo === canUndo ? prev : { ...prev, canUndo }));
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (canRedo) => {
            setState((prev) => (prev.canRedo === canRedo ? prev : { ...prev, canRedo }));
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );
  return state;
}
