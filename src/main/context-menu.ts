import { Menu, type MenuItemConstructorOptions, type WebContents } from 'electron';

/**
 * The editing context menu: spelling suggestions for a misspelt word (and "Add to
 * dictionary"), then the usual cut, copy, paste and select all for where the pointer is.
 */
export function attachContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const items: MenuItemConstructorOptions[] = [];
    if (params.misspelledWord) {
      for (const suggestion of params.dictionarySuggestions.slice(0, 6)) {
        items.push({ label: suggestion, click: () => contents.replaceMisspelling(suggestion) });
      }
      if (params.dictionarySuggestions.length === 0)
        items.push({ label: 'No suggestions', enabled: false });
      items.push(
        {
          label: 'Add to Dictionary',
          click: () => contents.session.addWordToSpellCheckerDictionary(params.misspelledWord),
        },
        { type: 'separator' },
      );
    }
    const { editFlags, isEditable } = params;
    if (isEditable) {
      items.push(
        { role: 'cut', enabled: editFlags.canCut },
        { role: 'copy', enabled: editFlags.canCopy },
        { role: 'paste', enabled: editFlags.canPaste },
        { type: 'separator' },
        { role: 'selectAll', enabled: editFlags.canSelectAll },
      );
    } else if (params.selectionText.trim()) {
      items.push({ role: 'copy', enabled: editFlags.canCopy });
    }
    if (items.length > 0) Menu.buildFromTemplate(items).popup();
  });
}
