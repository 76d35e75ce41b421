import type { EditorThemeClasses } from 'lexical';

/** Class names Lexical puts on what it renders; styled in styles/editor.css. */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'ed-paragraph',
  quote: 'ed-quote',
  heading: {
    h1: 'ed-heading ed-h1',
    h2: 'ed-heading ed-h2',
    h3: 'ed-heading ed-h3',
    h4: 'ed-heading ed-h4',
    h5: 'ed-heading ed-h5',
    h6: 'ed-heading ed-h6',
  },
  list: {
    ul: 'ed-list ed-ul',
    ol: 'ed-list ed-ol',
    listitem: 'ed-listitem',
    nested: { listitem: 'ed-nested-listitem' },
  },
  link: 'ed-link',
  text: {
    bold: 'ed-bold',
    italic: 'ed-italic',
    underline: 'ed-underline',
    strikethrough: 'ed-strikethrough',
    underlineStrikethrough: 'ed-underline-strikethrough',
  },
};
