import { createHeadlessEditor } from '@lexical/headless';
import {
  $convertFromMarkdownString,
  ELEMENT_TRANSFORMERS,
  TEXT_FORMAT_TRANSFORMERS,
  TEXT_MATCH_TRANSFORMERS,
} from '@lexical/markdown';
import { $getRoot, type LexicalEditor, type SerializedEditorState } from 'lexical';
import { ENTRY_NODES, isAllowedLinkUrl } from '../shared/editor-nodes';
import { JournalError } from '../shared/errors';
import { LIMITS } from '../shared/limits';

/** Shared by Markdown import and export, so that what one writes the other reads. */
export const MARKDOWN_TRANSFORMERS = [
  ...ELEMENT_TRANSFORMERS,
  ...TEXT_FORMAT_TRANSFORMERS,
  ...TEXT_MATCH_TRANSFORMERS,
];

let sharedEditor: LexicalEditor | null = null;

function headlessEditor(): LexicalEditor {
  sharedEditor ??= createHeadlessEditor({
    namespace: 'lean-on-core',
    nodes: [...ENTRY_NODES],
    onError: (error) => {
      throw error;
    },
  });
  return sharedEditor;
}

export interface DerivedDoc {
  /** The document as stored: canonical JSON. */
  json: string;
  text: string;
  wordCount: number;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

export function countWords(text: string): number {
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count += 1;
  return count;
}

interface JsonNode {
  type?: unknown;
  url?: unknown;
  children?: unknown;
  [key: string]: unknown;
}

/** Replaces links to anything but http, https and mailto by their text. */
function withSafeLinks(node: JsonNode): JsonNode {
  if (!Array.isArray(node.children)) return node;
  const children: JsonNode[] = [];
  for (const child of node.children as JsonNode[]) {
    if (typeof child !== 'object' || child === null) continue;
    const isLink = child.type === 'link' || child.type === 'autolink';
    if (isLink && !(typeof child.url === 'string' && isAllowedLinkUrl(child.url))) {
      const inner = withSafeLinks(child).children;
      if (Array.isArray(inner)) children.push(...(inner as JsonNode[]));
    } else {
      children.push(withSafeLinks(child));
    }
  }
  return { ...node, children };
}

/**
 * Validates a Lexical document, removes unsafe links, and derives its plain text and word
 * count. The JSON is the truth; the derived fields can always be rebuilt from it.
 */
export function deriveDoc(doc: unknown): DerivedDoc {
  let value = doc;
  if (typeof value === 'string') {
    if (value.length > LIMITS.docMaxBytes) throw tooLarge();
    try {
      value = JSON.parse(value);
    } catch {
      throw new JournalError('INVALID_INPUT', 'The entry’s content is not valid JSON.');
    }
  }
  const root = (value as { root?: JsonNode } | null)?.root;
  if (typeof root !== 'object' || root === null || root.type !== 'root') {
    throw new JournalError('INVALID_INPUT', 'The entry’s content is not an editor document.');
  }
  const safe = { ...(value as object), root: withSafeLinks(root) } as SerializedEditorState;
  const editor = headlessEditor();
  let state;
  try {
    state = editor.parseEditorState(safe);
  } catch (error) {
    throw new JournalError('INVALID_INPUT', 'The entry’s content could not be read.', {
      cause: error,
    });
  }
  const text = state.read(() => $getRoot().getTextContent());
  const json = JSON.stringify(state.toJSON());
  if (json.length > LIMITS.docMaxBytes) throw tooLarge();
  return { json, text, wordCount: countWords(text) };
}

function tooLarge(): JournalError {
  const megabytes = Math.round(LIMITS.docMaxBytes / (1024 * 1024));
  return new JournalError('INVALID_INPUT', `An entry can hold at most ${megabytes} MB of text.`);
}

/** Markdown (as typed on the command line or imported) to a stored document. */
export function markdownToDoc(markdown: string): DerivedDoc {
  const editor = headlessEditor();
  editor.update(
    () => {
      $convertFromMarkdownString(markdown.replace(/\r\n?/g, '\n'), MARKDOWN_TRANSFORMERS);
    },
    { discrete: true },
  );
  const state = editor.getEditorState();
  const serialized = state.toJSON();
  const json = JSON.stringify(serialized);
  // Only links can need making safe; a document without any is already what deriveDoc would
  // return, so it is not parsed a second time (that second pass was most of an import's work).
  if (json.includes('"type":"link"') || json.includes('"type":"autolink"')) {
    return deriveDoc(serialized);
  }
  if (json.length > LIMITS.docMaxBytes) throw tooLarge();
  const text = state.read(() => $getRoot().getTextContent());
  return { json, text, wordCount: countWords(text) };
}

/** A serialized editor state with one plain paragraph per string. */
export function paragraphsDoc(paragraphs: readonly string[]): SerializedEditorState {
  const children = paragraphs.map((line) => ({
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: line
      ? [{ type: 'text', version: 1, text: line, format: 0, style: '', mode: 'normal', detail: 0 }]
      : [],
  }));
  return {
    root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children },
  } as unknown as SerializedEditorState;
}

/** The smallest valid document holding the given plain text, one paragraph per line. */
export function plainTextToDoc(text: string): DerivedDoc {
  return deriveDoc(paragraphsDoc(text.split(/\r\n?|\n/)));
}

export function previewOf(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
