export interface Shortcut {
  /** KeyboardEvent.code, so that shifted digits work on every layout. */
  code: string;
  shift?: boolean;
  alt?: boolean;
}

export const IS_MAC = /Mac|iPhone|iPad/.test(navigator.userAgent);

/** The editor's keyboard shortcuts. Bold, italic, underline, undo and redo are Lexical's own. */
export const SHORTCUTS = {
  bold: { code: 'KeyB' },
  italic: { code: 'KeyI' },
  underline: { code: 'KeyU' },
  strikethrough: { code: 'KeyX', shift: true },
  heading: { code: 'Digit2', alt: true },
  quote: { code: 'KeyQ', alt: true },
  bullet: { code: 'Digit8', shift: true },
  number: { code: 'Digit7', shift: true },
  link: { code: 'KeyK' },
  undo: { code: 'KeyZ' },
  redo: { code: 'KeyZ', shift: true },
} satisfies Record<string, Shortcut>;

export type ShortcutName = keyof typeof SHORTCUTS;

function keyOf(code: string): string {
  return code.replace(/^(Key|Digit)/, '');
}

export function matchesShortcut(event: KeyboardEvent, shortcut: Shortcut): boolean {
  const mod = IS_MAC ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return (
    mod &&
    event.code === shortcut.code &&
    event.shiftKey === Boolean(shortcut.shift) &&
    event.altKey === Boolean(shortcut.alt)
  );
}

/** For people: "Ctrl+Shift+X" or "⇧⌘X". */
export function shortcutLabel(shortcut: Shortcut): string {
  const key = keyOf(shortcut.code);
  if (IS_MAC) return `${shortcut.alt ? '⌥' : ''}${shortcut.shift ? '⇧' : ''}⌘${key}`;
  return ['Ctrl', shortcut.shift && 'Shift', shortcut.alt && 'Alt', key].filter(Boolean).join('+');
}

/** For aria-keyshortcuts: "Control+Shift+X". */
export function shortcutAria(shortcut: Shortcut): string {
  return [IS_MAC ? 'Meta' : 'Control', shortcut.shift && 'Shift', shortcut.alt && 'Alt']
    .filter(Boolean)
    .concat(keyOf(shortcut.code))
    .join('+');
}
