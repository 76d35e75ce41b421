import { createHeadlessEditor } from '@lexical/headless';
import { $convertToMarkdownString } from '@lexical/markdown';
import type { LexicalEditor } from 'lexical';
import { ENTRY_NODES } from '../../shared/editor-nodes';
import { promptById } from '../prompts';
import { MARKDOWN_TRANSFORMERS } from '../text';
import { isoInZone } from './dates';
import type { ExportEntry } from './entry-source';

let sharedEditor: LexicalEditor | null = null;

function headlessEditor(): LexicalEditor {
  sharedEditor ??= createHeadlessEditor({
    namespace: 'lean-on-export',
    nodes: [...ENTRY_NODES],
    onError: (error) => {
      throw error;
    },
  });
  return sharedEditor;
}

/**
 * A stored document as Markdown, with the transformers Markdown import uses, so an exported
 * note reads back as the same document (underline, which Markdown cannot say, excepted).
 */
export function docToMarkdown(docJson: string): string {
  const editor = headlessEditor();
  const state = editor.parseEditorState(docJson);
  return state.read(() => $convertToMarkdownString(MARKDOWN_TRANSFORMERS), { editor });
}

/**
 * A YAML double-quoted scalar. JSON's string syntax is valid YAML; characters YAML does not
 * allow raw (C1 controls, U+FFFE/FFFF) or that YAML 1.1 readers take as line breaks
 * (U+0085, U+2028, U+2029) are escaped too.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufffe\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The YAML front matter of an entry's Markdown file. */
export function frontMatter(entry: ExportEntry, themeLabels: ReadonlyMap<string, string>): string {
  const lines = ['---', `date: ${entry.entryDate}`, `title: ${yamlString(entry.title)}`];
  const labels = entry.themes.map((theme) => themeLabels.get(theme.id) ?? theme.id);
  if (labels.length === 0) lines.push('themes: []');
  else lines.push('themes:', ...labels.map((label) => `  - ${yamlString(label)}`));
  const prompt = entry.promptId ? promptById(entry.promptId) : undefined;
  if (entry.promptId) lines.push(`prompt: ${yamlString(prompt?.text ?? entry.promptId)}`);
  lines.push(
    `starred: ${entry.starred}`,
    `created: ${isoInZone(entry.createdAt, entry.createdTimeZone)}`,
    `updated: ${isoInZone(entry.updatedAt, entry.updatedTimeZone)}`,
    `id: ${yamlString(entry.id)}`,
    '---',
  );
  return `${lines.join('\n')}\n`;
}

/** The whole file: front matter, a blank line, the body. */
export function entryToMarkdownFile(
  entry: ExportEntry,
  themeLabels: ReadonlyMap<string, string>,
): string {
  let body: string;
  try {
    body = docToMarkdown(entry.docJson).trimEnd();
  } catch {
    // One unreadable document must not stop someone taking the rest of their journal with
    // them; its plain text still holds its words.
    body = entry.text.trimEnd();
  }
  return `${frontMatter(entry, themeLabels)}\n${body}${body ? '\n' : ''}`;
}
