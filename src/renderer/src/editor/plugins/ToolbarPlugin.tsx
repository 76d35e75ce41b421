import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import { type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react';
import { useToolbarState } from '../hooks/useToolbarState';
import { toggleBlock, toggleList } from '../lib/format-actions';
import { removeLink } from '../lib/links';
import { type ShortcutName, SHORTCUTS, shortcutAria, shortcutLabel } from '../lib/shortcuts';

interface ToolProps {
  label: string;
  glyph: ReactNode;
  shortcut?: ShortcutName;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
}

function Tool({ label, glyph, shortcut, pressed, disabled, onClick }: ToolProps) {
  const keys = shortcut ? SHORTCUTS[shortcut] : null;
  return (
    <button
      type="button"
      className="tool"
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={keys ? shortcutAria(keys) : undefined}
      title={keys ? `${label} (${shortcutLabel(keys)})` : label}
      disabled={disabled}
      // Keep the editor's selection: a toolbar click must not move focus out of the text.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      <span aria-hidden="true">{glyph}</span>
    </button>
  );
}

/** Icons rather than letters, so the visible text never disagrees with the button's name. */
const HEADING_ICON = (
  <svg
    width="16"
    height="16"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2.4"
    strokeLinecap="round"
  >
    <path d="M6 4v16M18 4v16M6 12h12" />
  </svg>
);

const NUMBERED_LIST_ICON = (
  <svg
    width="16"
    height="16"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2.2"
    strokeLinecap="round"
  >
    <path d="M10 6h10M10 12h10M10 18h10" />
    <path d="M4 4.5l1.5-1v5" />
    <path d="M3.5 13.5a1.5 1.5 0 1 1 2.6 1L3.5 17.5h3" />
  </svg>
);

const LINK_ICON = (
  <svg
    width="16"
    height="16"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2.2"
    strokeLinecap="round"
  >
    <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
    <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
  </svg>
);

/** Arrow keys move between the toolbar's buttons; Tab leaves the toolbar (one tab stop). */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
  const edge = { Home: 0, End: -1 }[event.key];
  if (step === undefined && edge === undefined) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')].filter(
    (button) => !button.disabled,
  );
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const target =
    edge !== undefined
      ? buttons.at(edge)
      : buttons[(index + step! + buttons.length) % buttons.length];
  if (!target) return;
  event.preventDefault();
  for (const button of buttons) button.tabIndex = button === target ? 0 : -1;
  target.focus();
}

/** The formatting toolbar. Rendered above the text; it reflects the selection. */
export function ToolbarPlugin({ onLink }: { onLink: () => void }) {
  const [editor] = useLexicalComposerContext();
  const state = useToolbarState();
  const toolbarRef = useRef<HTMLDivElement>(null);
  // One tab stop: only the first button starts in the tab order (the arrows do the rest).
  useEffect(() => {
    toolbarRef.current
      ?.querySelectorAll('button')
      .forEach((button, index) => (button.tabIndex = index === 0 ? 0 : -1));
  }, []);
  const format = (kind: 'bold' | 'italic' | 'underline' | 'strikethrough') => () =>
    editor.dispatchCommand(FORMAT_TEXT_COMMAND, kind);
  return (
    <div
      role="toolbar"
      aria-label="Formatting"
      className="entry-toolbar"
      ref={toolbarRef}
      onKeyDown={moveFocus}
    >
      <Tool
        label="Bold"
        glyph={<b>B</b>}
        shortcut="bold"
        pressed={state.bold}
        onClick={format('bold')}
      />
      <Tool
        label="Italic"
        glyph={<i>I</i>}
        shortcut="italic"
        pressed={state.italic}
        onClick={format('italic')}
      />
      <Tool
        label="Underline"
        glyph={<u>U</u>}
        shortcut="underline"
        pressed={state.underline}
        onClick={format('underline')}
      />
      <Tool
        label="Strikethrough"
        glyph={<s>S</s>}
        shortcut="strikethrough"
        pressed={state.strikethrough}
        onClick={format('strikethrough')}
      />
      <span className="tool-divider" aria-hidden="true" />
      <Tool
        label="Heading"
        glyph={HEADING_ICON}
        shortcut="heading"
        pressed={state.blockType === 'h2'}
        onClick={() => toggleBlock(editor, 'h2')}
      />
      <Tool
        label="Quote"
        glyph="❝"
        shortcut="quote"
        pressed={state.blockType === 'quote'}
        onClick={() => toggleBlock(editor, 'quote')}
      />
      <Tool
        label="Bulleted list"
        glyph="•≡"
        shortcut="bullet"
        pressed={state.blockType === 'bullet'}
        onClick={() => toggleList(editor, 'bullet', state.blockType)}
      />
      <Tool
        label="Numbered list"
        glyph={NUMBERED_LIST_ICON}
        shortcut="number"
        pressed={state.blockType === 'number'}
        onClick={() => toggleList(editor, 'number', state.blockType)}
      />
      <Tool
        label="Link"
        glyph={LINK_ICON}
        shortcut="link"
        pressed={state.link}
        onClick={() => (state.link ? removeLink(editor) : onLink())}
      />
      <span className="tool-divider" aria-hidden="true" />
      <Tool
        label="Undo"
        glyph="↶"
        shortcut="undo"
        disabled={!state.canUndo}
        onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
      />
      <Tool
        label="Redo"
        glyph="↷"
        shortcut="redo"
        disabled={!state.canRedo}
        onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
      />
    </div>
  );
}
