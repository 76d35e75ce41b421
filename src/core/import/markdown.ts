import { LIMITS } from '../../shared/limits';
import { type DerivedDoc, markdownToDoc, plainTextToDoc } from '../text';
import { lowerFirst } from './collect';
import { formatSize } from './limits';
import type { ImportBody } from './types';

/** Backslash-escapes Markdown's punctuation so the text is read back exactly as it is. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, (char) => `\\${char}`);
}

/**
 * The visible stand-in for a picture or attachment: "[Photo: 5f3c.jpeg]". Its name is escaped
 * so that no character in it formats the text.
 */
export function placeholder(kind: string, name: string): string {
  return `[${kind}: ${escapeMarkdown(name)}]`;
}

/**
 * Replaces every match of `pattern` with a placeholder. One followed straight away by "(" would
 * be read as a link's text, so a space keeps them apart.
 */
export function replaceWithPlaceholders(
  text: string,
  pattern: RegExp,
  toPlaceholder: (match: RegExpExecArray) => string,
): string {
  let result = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const end = match.index + match[0].length;
    result += text.slice(last, match.index) + toPlaceholder(match);
    if (text[end] === '(') result += ' ';
    last = end;
  }
  return result + text.slice(last);
}

const IMAGE = /!\[([^\]\n]*)\]\(\s*<?([^)>\s]*)>?(?:\s+"[^"\n]*")?\s*\)/g;

function fileNameOf(target: string): string {
  const path = target.split(/[?#]/)[0] ?? '';
  const name = path.split(/[/\\]/).pop() ?? '';
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * Turns Markdown images into text placeholders. The editor has no images, and an entry must
 * never reach for a file or the network on its own, so neither the path nor the URL is kept.
 */
export function imagesToPlaceholders(markdown: string): string {
  return replaceWithPlaceholders(markdown, IMAGE, (match) => {
    const name = (match[1] ?? '').trim() || fileNameOf(match[2] ?? '') || 'image';
    return placeholder('Image', name);
  });
}

export function bodyBytes(body: ImportBody): number {
  return Buffer.byteLength(body.text, 'utf8');
}

export type Converted = { ok: true; doc: DerivedDoc } | { ok: false; reason: string };

function tooMuchText(bytes: number): string {
  return `it holds ${formatSize(bytes)} of text, more than the ${formatSize(LIMITS.docMaxBytes)} an entry can hold`;
}

/**
 * The stored document for an imported body, or why there cannot be one. Text larger than an
 * entry can hold is refused before the (slow, memory-hungry) conversion; the converted
 * document is checked again by deriveDoc.
 */
export function convertBody(body: ImportBody): Converted {
  const bytes = bodyBytes(body);
  if (bytes > LIMITS.docMaxBytes) return { ok: false, reason: tooMuchText(bytes) };
  try {
    const doc =
      body.kind === 'markdown'
        ? markdownToDoc(imagesToPlaceholders(body.text))
        : plainTextToDoc(body.text);
    return { ok: true, doc };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `it could not be converted: ${lowerFirst(message)}` };
  }
}

/**
 * A body up to this size cannot become a document over the limit: Lexical's JSON takes at most
 * about 120 bytes per byte of text (a file of empty lines, each a paragraph), half this ratio.
 */
const CONVERTS_WITHIN_LIMIT_BYTES = Math.floor(LIMITS.docMaxBytes / 256);

/**
 * Why a body cannot be imported, or null, without keeping its document: what a preview needs.
 * Only a body large enough that its document might exceed the limit is converted (and the
 * result dropped); any other is converted when it is written.
 */
export function bodyProblem(body: ImportBody): string | null {
  const bytes = bodyBytes(body);
  if (bytes > LIMITS.docMaxBytes) return tooMuchText(bytes);
  if (bytes <= CONVERTS_WITHIN_LIMIT_BYTES) return null;
  const converted = convertBody(body);
  return converted.ok ? null : converted.reason;
}
