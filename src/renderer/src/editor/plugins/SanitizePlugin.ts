import { AutoLinkNode, LinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { TextNode } from 'lexical';
import { useEffect } from 'react';
import { isAllowedLinkUrl } from '../../../../shared/editor-nodes';
import { ALLOWED_TEXT_FORMATS } from '../lib/formats';

function $unwrapUnsafeLink(node: LinkNode): void {
  if (isAllowedLinkUrl(node.getURL())) return;
  for (const child of node.getChildren()) node.insertBefore(child);
  node.remove();
}

function $keepBasicFormatting(node: TextNode): void {
  const format = node.getFormat();
  if ((format & ~ALLOWED_TEXT_FORMATS) !== 0) node.setFormat(format & ALLOWED_TEXT_FORMATS);
  if (node.getStyle() !== '') node.setStyle('');
}

/**
 * Whatever arrives (pasted HTML, Lexical JSON from another editor, markdown links) keeps only
 * what an entry may hold: links to the web or mail, and basic text formats without inline
 * styles. Other nodes (images, iframes, scripts) are never created: no such node is registered.
 */
export function SanitizePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(LinkNode, $unwrapUnsafeLink),
        editor.registerNodeTransform(AutoLinkNode, $unwrapUnsafeLink),
        editor.registerNodeTransform(TextNode, $keepBasicFormatting),
      ),
    [editor],
  );
  return null;
}
