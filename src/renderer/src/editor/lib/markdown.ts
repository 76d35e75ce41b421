import {
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ELEMENT_TRANSFORMERS,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
  TEXT_MATCH_TRANSFORMERS,
  type Transformer,
} from '@lexical/markdown';

/**
 * Markdown shortcuts limited to the entry's node set: headings, quotes, lists, links, and
 * bold / italic / strikethrough. No code blocks or inline code (no such node or format kept).
 */
export const ENTRY_MARKDOWN: Transformer[] = [
  ...ELEMENT_TRANSFORMERS,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
  ...TEXT_MATCH_TRANSFORMERS,
];
