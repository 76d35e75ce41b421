import { IS_BOLD, IS_ITALIC, IS_STRIKETHROUGH, IS_UNDERLINE } from 'lexical';

/** The text formats an entry keeps; code, highlight, sub- and superscript are dropped. */
export const ALLOWED_TEXT_FORMATS = IS_BOLD | IS_ITALIC | IS_UNDERLINE | IS_STRIKETHROUGH;
