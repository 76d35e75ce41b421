import { $createLinkNode, $toggleLink } from '@lexical/link';
import {
  $createRangeSelectionFromDom,
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  type BaseSelection,
  getDOMSelection,
  type LexicalEditor,
} from 'lexical';
import { isAllowedLinkUrl } from '../../../../shared/editor-nodes';

export const LINK_PROBLEM = 'Links can start only with http://, https:// or mailto:.';

/** What was typed, as a link address: bare domains get https://, bare addresses mailto:. */
export function normalizeLinkInput(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  let url = text;
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(text)) url = `mailto:${text}`;
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) url = `https://${text}`;
  return isAllowedLinkUrl(url) ? url : null;
}

/** The selection when the link form opened: focus moves to the form, the selection must not. */
export function saveSelection(editor: LexicalEditor): BaseSelection | null {
  // Read the DOM selection too: a shortcut right after Shift+Home can beat selectionchange.
  return editor.read(
    () =>
      $createRangeSelectionFromDom(getDOMSelection(window), editor) ??
      $getSelection()?.clone() ??
      null,
  );
}

export function applyLink(editor: LexicalEditor, saved: BaseSelection | null, url: string): void {
  editor.update(() => {
    if (saved) $setSelection(saved.clone());
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if (selection.isCollapsed()) {
      selection.insertNodes([$createLinkNode(url).append($createTextNode(url))]);
    } else {
      $toggleLink(url);
    }
  });
}

export function removeLink(editor: LexicalEditor): void {
  editor.update(() => $toggleLink(null));
}
