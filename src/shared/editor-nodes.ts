import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';

/** The node set of an entry. The renderer's editor and the core's headless editor share it. */
export const ENTRY_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
];

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Only web and mail links are kept in an entry; anything else could run code or leak data. */
export function isAllowedLinkUrl(url: string): boolean {
  try {
    return ALLOWED_PROTOCOLS.has(new URL(url.trim()).protocol);
  } catch {
    return false;
  }
}
