import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  createEditor,
} from 'lexical';
import { ENTRY_NODES } from '../../../../shared/editor-nodes';

/** A stored document this editor can load, or why it cannot. */
export type StoredDoc = { readable: true; json: string } | { readable: false; reason: string };

/**
 * Checks a stored document before the editor mounts with it. Lexical throws while it builds
 * the editor when a document names a node it does not know (say, one written by a newer
 * Lean On), which would take the whole window down instead of just this entry.
 */
export function checkStoredDoc(doc: unknown): StoredDoc {
  const json = JSON.stringify(doc);
  try {
    const probe = createEditor({ namespace: 'LeanOnCheck', nodes: ENTRY_NODES, onError: rethrow });
    probe.parseEditorState(json);
    return { readable: true, json };
  } catch (error) {
    return { readable: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function rethrow(error: Error): never {
  throw error;
}

/**
 * Fills the editor with an entry's plain text (blocks apart by a blank line, as the core
 * writes it), for an entry the person chose to carry on with as plain text.
 */
export function $setPlainText(text: string): void {
  const root = $getRoot().clear();
  for (const block of text.split('\n\n')) {
    const paragraph = $createParagraphNode();
    block.split('\n').forEach((line, index) => {
      if (index > 0) paragraph.append($createLineBreakNode());
      if (line) paragraph.append($createTextNode(line));
    });
    root.append(paragraph);
  }
}
