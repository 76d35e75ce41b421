/**
 * The few lines of YAML front matter a Markdown journal uses, and nothing more: `date`,
 * `title`, and `themes` (or `tags`), as plain or quoted scalars, `[a, b]` lists or `- item`
 * lines. Other keys are skipped with whatever is indented under them. Anything else in a key
 * this reads is refused with its line number, rather than guessed at: a full YAML parser would
 * be a large dependency for three keys.
 */

export interface FrontMatter {
  date: string | null;
  title: string | null;
  themes: string[];
}

export type FrontMatterResult =
  | { ok: true; frontMatter: FrontMatter | null; body: string }
  | { ok: false; line: number; reason: string };

const KEY_LINE = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*?))?\s*$/;
const LIST_ITEM = /^\s*-(?:\s+(.*?))?\s*$/;
const KNOWN = new Set(['date', 'title', 'themes', 'tags']);

class FrontMatterError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(reason);
  }
}

/** A scalar as YAML writes it: "double", 'single' or plain (where " #" starts a comment). */
function scalar(raw: string, line: number): string {
  const text = raw.trim();
  if (text.startsWith('"')) {
    const end = closingDoubleQuote(text);
    if (
      end === -1 ||
      text
        .slice(end + 1)
        .trim()
        .replace(/^#.*/, '') !== ''
    ) {
      throw new FrontMatterError(line, 'a quoted value does not end where it should');
    }
    try {
      return JSON.parse(text.slice(0, end + 1).replace(/\\'/g, "'")) as string;
    } catch {
      throw new FrontMatterError(line, 'a quoted value has an escape Lean On cannot read');
    }
  }
  if (text.startsWith("'")) {
    const match = /^'((?:[^']|'')*)'\s*(?:#.*)?$/.exec(text);
    if (!match) throw new FrontMatterError(line, 'a quoted value does not end where it should');
    return match[1]!.replace(/''/g, "'");
  }
  if (/^[[{|>&*!%@`]/.test(text)) {
    throw new FrontMatterError(
      line,
      `“${text.slice(0, 20)}” is YAML that Lean On does not read here`,
    );
  }
  return text.replace(/\s+#.*$/, '').trim();
}

function closingDoubleQuote(text: string): number {
  for (let i = 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** `[a, "b, c", 'd']`: one line, no nesting. */
function flowList(raw: string, line: number): string[] {
  const text = raw.trim().replace(/\s+#.*$/, '');
  if (!text.endsWith(']')) throw new FrontMatterError(line, 'a [list] does not end with ]');
  const inner = text.slice(1, -1);
  const items: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let i = 0; i < inner.length; i += 1) {
    const char = inner[i]!;
    if (quote) {
      current += char;
      if (char === '\\' && quote === '"') current += inner[++i] ?? '';
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
      current += char;
    } else if (char === '[' || char === ']' || char === '{' || char === '}') {
      throw new FrontMatterError(line, 'lists inside lists are not read');
    } else if (char === ',') {
      items.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (quote) throw new FrontMatterError(line, 'a quoted value does not end where it should');
  items.push(current);
  return items.map((item) => scalar(item, line)).filter((item) => item.length > 0);
}

function commaList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/**
 * Splits front matter (between a first line of `---` and the next `---` or `...`) from the
 * body. Text without a first `---` line has none. Line numbers in problems are the file's.
 */
export function splitFrontMatter(text: string): FrontMatterResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  if (lines[0]?.trimEnd() !== '---') return { ok: true, frontMatter: null, body: text };
  const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end === -1) {
    return {
      ok: false,
      line: 1,
      reason: 'the front matter that starts on line 1 never ends with ---',
    };
  }
  try {
    const frontMatter = readKeys(lines.slice(1, end), 2);
    const body = lines
      .slice(end + 1)
      .join('\n')
      .replace(/^\s*\n/, '');
    return { ok: true, frontMatter, body };
  } catch (error) {
    if (error instanceof FrontMatterError)
      return { ok: false, line: error.line, reason: error.message };
    throw error;
  }
}

function readKeys(lines: string[], firstLine: number): FrontMatter {
  const result: FrontMatter = { date: null, title: null, themes: [] };
  const seen = new Set<string>();
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const number = firstLine + i;
    i += 1;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const match = KEY_LINE.exec(line);
    if (!match) throw new FrontMatterError(number, 'it is not a “key: value” line');
    const key = match[1]!.toLowerCase();
    const value = match[2] ?? '';
    // The lines that belong to this key: indented ones, and "- item" lines.
    const owned: Array<{ text: string; number: number }> = [];
    while (i < lines.length && (/^\s/.test(lines[i]!) || LIST_ITEM.test(lines[i]!))) {
      if (lines[i]!.trim() !== '') owned.push({ text: lines[i]!, number: firstLine + i });
      i += 1;
    }
    if (!KNOWN.has(key)) continue;
    const name = key === 'tags' ? 'themes' : key;
    if (seen.has(key)) throw new FrontMatterError(number, `“${key}” is given twice`);
    seen.add(key);
    if (name === 'themes') {
      result.themes.push(...listValue(value, owned, number));
    } else {
      if (owned.length > 0 || value.trim().startsWith('[')) {
        throw new FrontMatterError(number, `“${key}” must be one value on its own line`);
      }
      const text = scalar(value, number);
      if (name === 'date') result.date = text.length > 0 ? text : null;
      else result.title = text;
    }
  }
  return result;
}

function listValue(
  value: string,
  owned: Array<{ text: string; number: number }>,
  number: number,
): string[] {
  if (value.trim().startsWith('[')) {
    if (owned.length > 0)
      throw new FrontMatterError(owned[0]!.number, 'a [list] is followed by more lines');
    return flowList(value, number);
  }
  if (value.trim() !== '') {
    if (owned.length > 0)
      throw new FrontMatterError(owned[0]!.number, 'a value is followed by more lines');
    return commaList(scalar(value, number));
  }
  return owned.map(({ text, number: itemLine }) => {
    const item = LIST_ITEM.exec(text);
    if (!item) throw new FrontMatterError(itemLine, 'it is not a “- item” line');
    return scalar(item[1] ?? '', itemLine);
  });
}
