import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { useEffect } from 'react';
import { countWords } from '../lib/words';

/** Reports the word count, at most every 200 ms while the text changes. Renders nothing. */
export function WordCountPlugin({ onCount }: { onCount: (words: number) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const count = () => {
      timer = undefined;
      onCount(editor.getEditorState().read(() => countWords($getRoot().getTextContent())));
    };
    count();
    const unregister = editor.registerTextContentListener(() => {
      timer ??= setTimeout(count, 200);
    });
    return () => {
      clearTimeout(timer);
      unregister();
    };
  }, [editor, onCount]);
  return null;
}
