import { $isLinkNode } from '@lexical/link';
import {
  $isListNode,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import {
  $createHeadingNode,
  $createQuoteNode,
  $isHeadingNode,
  $isQuoteNode,
} from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  type LexicalEditor,
  type RangeSelection,
} from 'lexical';

export type BlockType = 'paragraph' | 'h2' | 'heading' | 'quote' | 'bullet' | 'number';

/** The kind of block the selection starts in. */
export function $blockTypeOf(selection: RangeSelection): BlockType {
  const anchor = selection.anchor.getNode();
  const list = $getNearestNodeOfType(anchor, ListNode);
  if ($isListNode(list)) return list.getListType() === 'number' ? 'number' : 'bullet';
  const block = anchor.getKey() === 'root' ? null : anchor.getTopLevelElement();
  if ($isHeadingNode(block)) return block.getTag() === 'h2' ? 'h2' : 'heading';
  if ($isQuoteNode(block)) return 'quote';
  return 'paragraph';
}

export function $selectionIsInLink(selection: RangeSelection): boolean {
  return $findMatchingParent(selection.anchor.getNode(), $isLinkNode) !== null;
}

/** Turns the selected blocks into a heading or quote, or back into paragraphs. */
export function toggleBlock(editor: LexicalEditor, type: 'h2' | 'quote'): void {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if ($blockTypeOf(selection) === type) $setBlocksType(selection, () => $createParagraphNode());
    else if (type === 'h2') $setBlocksType(selection, () => $createHeadingNode('h2'));
    else $setBlocksType(selection, () => $createQuoteNode());
  });
}

export function toggleList(editor: LexicalEditor, type: 'bullet' | 'number', current: BlockType) {
  if (current === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
  else if (type === 'bullet') editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
  else editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined);
}

/** The block type of the current selection, read from the editor's latest state. */
export function currentBlockType(editor: LexicalEditor): BlockType {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    return $isRangeSelection(selection) ? $blockTypeOf(selection) : 'paragraph';
  });
}
