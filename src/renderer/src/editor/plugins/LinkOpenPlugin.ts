import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { isOpenableUrl } from '../../../../shared/app-shell';
import { appShell } from '../../shell';

const WEB_PREVIEW_NOTICE =
  'Links open in your browser from the Lean On app. In this preview, copy the address instead.';

/**
 * Ctrl+click (Cmd+click on a Mac) on a link asks the desktop shell to open it outside the app,
 * after the person confirms. A plain click only places the caret, as in any editor, and
 * nothing ever opens inside Lean On: middle clicks and modified clicks are stopped here.
 */
export function LinkOpenPlugin({ onNotice }: { onNotice: (message: string) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const anchor = event.target instanceof Element ? event.target.closest('a') : null;
      if (!anchor) return;
      const opening = event.type === 'auxclick' || event.ctrlKey || event.metaKey || event.shiftKey;
      if (!opening) return;
      event.preventDefault();
      if (event.type === 'auxclick') return;
      const href = anchor.getAttribute('href') ?? '';
      if (!isOpenableUrl(href)) return;
      if (appShell) void appShell.openLink(href);
      else onNotice(WEB_PREVIEW_NOTICE);
    };
    return editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('click', onClick);
      previous?.removeEventListener('auxclick', onClick);
      root?.addEventListener('click', onClick);
      root?.addEventListener('auxclick', onClick);
    });
  }, [editor, onNotice]);
  return null;
}
