import {
  IS_BOLD,
  IS_CODE,
  IS_HIGHLIGHT,
  IS_ITALIC,
  IS_STRIKETHROUGH,
  IS_SUBSCRIPT,
  IS_SUPERSCRIPT,
  IS_UNDERLINE,
} from 'lexical';
import { isAllowedLinkUrl } from '../../shared/editor-nodes';

/**
 * Renders a stored Lexical document (its serialized JSON) to HTML by walking the JSON, not
 * through a DOM: the core has none, and a walker that only knows a fixed set of tags cannot
 * emit anything it was not written to emit. Every string from the document is escaped; the
 * only attribute values taken from it are link URLs, and only http, https and mailto ones.
 */

type JsonNode = Record<string, unknown>;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe in text and in double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** Outer to inner: the order tags nest in when several formats apply to one run of text. */
const TEXT_FORMATS: ReadonlyArray<readonly [number, string]> = [
  [IS_BOLD, 'strong'],
  [IS_ITALIC, 'em'],
  [IS_UNDERLINE, 'u'],
  [IS_STRIKETHROUGH, 's'],
  [IS_HIGHLIGHT, 'mark'],
  [IS_CODE, 'code'],
  [IS_SUBSCRIPT, 'sub'],
  [IS_SUPERSCRIPT, 'sup'],
];

const ALIGNMENTS = new Set(['left', 'center', 'right', 'justify', 'start', 'end']);

/** Deeper nesting than any editor produces is flattened to text, so a crafted file cannot exhaust the stack. */
const MAX_DEPTH = 64;

export interface DocHtmlOptions {
  /** Added to heading levels, so an entry's "h1" sits below the page's own headings. */
  headingOffset?: number;
}

function childrenOf(node: JsonNode): JsonNode[] {
  const children = node.children;
  if (!Array.isArray(children)) return [];
  return children.filter((child): child is JsonNode => typeof child === 'object' && child !== null);
}

/** The words under a node, gathered without recursion, since it serves the too-deep case. */
function textOf(node: JsonNode): string {
  const parts: string[] = [];
  const stack: JsonNode[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (typeof next.text === 'string') parts.push(next.text);
    else stack.push(...childrenOf(next).reverse());
  }
  return parts.join('');
}

/** Class and direction attributes of a block, from a closed set of values. */
function blockAttributes(node: JsonNode): string {
  const attributes: string[] = [];
  if (typeof node.format === 'string' && ALIGNMENTS.has(node.format)) {
    attributes.push(`class="align-${node.format}"`);
  }
  if (node.direction === 'rtl' || node.direction === 'ltr') {
    attributes.push(`dir="${node.direction}"`);
  }
  const indent =
    typeof node.indent === 'number' ? Math.min(Math.max(Math.trunc(node.indent), 0), 10) : 0;
  if (indent > 0 && node.type !== 'listitem') {
    attributes.push(`style="margin-inline-start: ${indent * 2}em"`);
  }
  return attributes.length > 0 ? ` ${attributes.join(' ')}` : '';
}

function renderText(node: JsonNode): string {
  const text = typeof node.text === 'string' ? node.text : '';
  let html = escapeHtml(text).replace(/\r\n?|\n/g, '<br>');
  const format = typeof node.format === 'number' ? node.format : 0;
  for (const [flag, tag] of [...TEXT_FORMATS].reverse()) {
    if (format & flag) html = `<${tag}>${html}</${tag}>`;
  }
  return html;
}

function renderChildren(node: JsonNode, options: Required<DocHtmlOptions>, depth: number): string {
  return childrenOf(node)
    .map((child) => renderNode(child, options, depth + 1))
    .join('');
}

function renderList(node: JsonNode, options: Required<DocHtmlOptions>, depth: number): string {
  const listType = node.listType;
  const items = renderChildren(node, options, depth);
  if (listType === 'number') {
    const start = typeof node.start === 'number' && Number.isInteger(node.start) ? node.start : 1;
    return `<ol${start === 1 ? '' : ` start="${start}"`}>${items}</ol>`;
  }
  return `<ul${listType === 'check' ? ' class="checklist"' : ''}>${items}</ul>`;
}

function renderListItem(node: JsonNode, options: Required<DocHtmlOptions>, depth: number): string {
  const children = childrenOf(node);
  // Lexical nests a list inside an item of its own; that item carries no bullet of its own.
  if (children.length > 0 && children.every((child) => child.type === 'list')) {
    return `<li class="nested">${renderChildren(node, options, depth)}</li>`;
  }
  const mark = node.checked === true ? '☑ ' : node.checked === false ? '☐ ' : '';
  return `<li>${mark}${renderChildren(node, options, depth)}</li>`;
}

function renderNode(node: JsonNode, options: Required<DocHtmlOptions>, depth: number): string {
  if (depth > MAX_DEPTH) return escapeHtml(textOf(node));
  switch (node.type) {
    case 'root':
      return renderChildren(node, options, depth);
    case 'paragraph': {
      const inner = renderChildren(node, options, depth);
      return `<p${blockAttributes(node)}>${inner || '<br>'}</p>`;
    }
    case 'heading': {
      const level = /^h([1-6])$/.exec(typeof node.tag === 'string' ? node.tag : '')?.[1];
      const shifted = Math.min(Number(level ?? 1) + options.headingOffset, 6);
      return `<h${shifted}${blockAttributes(node)}>${renderChildren(node, options, depth)}</h${shifted}>`;
    }
    case 'quote':
      return `<blockquote${blockAttributes(node)}>${renderChildren(node, options, depth)}</blockquote>`;
    case 'list':
      return renderList(node, options, depth);
    case 'listitem':
      return renderListItem(node, options, depth);
    case 'link':
    case 'autolink': {
      const inner = renderChildren(node, options, depth);
      const url = typeof node.url === 'string' ? node.url.trim() : '';
      if (!isAllowedLinkUrl(url)) return inner;
      return `<a href="${escapeHtml(url)}" rel="noreferrer">${inner}</a>`;
    }
    case 'text':
    case 'tab':
      return renderText(node);
    case 'linebreak':
      return '<br>';
    default:
      // A node type this renderer does not know keeps its words, and nothing else.
      return typeof node.text === 'string'
        ? escapeHtml(node.text)
        : renderChildren(node, options, depth);
  }
}

/** The body of an entry as HTML, or null when the document cannot be read at all. */
export function docToHtml(doc: unknown, options: DocHtmlOptions = {}): string | null {
  let value = doc;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return null;
    }
  }
  const root = (value as { root?: unknown } | null)?.root;
  if (typeof root !== 'object' || root === null) return null;
  return renderNode(root as JsonNode, { headingOffset: options.headingOffset ?? 0 }, 0);
}
