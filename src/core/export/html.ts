import type { Db } from '../db/database';
import { promptById } from '../prompts';
import { getTheme, listThemes } from '../themes';
import { longDay, usableLocale } from './dates';
import {
  type EntrySelection,
  type ExportEntry,
  countEntries,
  entryPages,
  inReadSnapshot,
} from './entry-source';
import { docToHtml, escapeHtml } from './html-render';
import { writeFileThroughTemp } from './output';
import type { ExportProgressFn, ExportResult } from './types';

export interface HtmlExportOptions {
  /** The .html file to write; replaced atomically if it exists. */
  out: string;
  /** Inclusive range of entry days, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Only entries with this theme. */
  themeId?: string;
  /** Locale for dates on the page; the system's by default. */
  locale?: string;
  /** 'entry' starts each entry on a new printed page. */
  pageBreaks?: 'entry' | 'none';
  onProgress?: ExportProgressFn;
}

/**
 * Inline and static: the page must print the same in ten years, offline, in any browser, and
 * must never fetch anything. Printing follows the screen layout with smaller margins.
 */
const STYLE = `
:root { color-scheme: light; }
body { font: 12pt/1.55 Georgia, "Times New Roman", serif; color: #1d1d1f; max-width: 42rem;
  margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.8em; margin: 0 0 .25rem; }
.subtitle, .exported { color: #5b5b60; margin: 0; }
.cover { margin-bottom: 2.5rem; border-bottom: 1px solid #d5d5da; padding-bottom: 1rem; }
.entry { margin: 0 0 2.5rem; }
.entry-date { font-variant: small-caps; letter-spacing: .03em; color: #5b5b60; margin: 0; }
.entry h2 { font-size: 1.35em; margin: .2rem 0 .4rem; }
.meta { margin: 0 0 .6rem; font-size: .9em; color: #3c3c41; }
.theme { display: inline-block; border: 1px solid #8a8a90; border-left-width: 4px;
  border-radius: 3px; padding: 0 .4em; margin: 0 .3em .2em 0; }
.prompt { font-style: italic; color: #3c3c41; border-left: 3px solid #c8c8ce;
  padding-left: .8em; margin: 0 0 .8rem; }
.body blockquote { border-left: 3px solid #c8c8ce; margin: .8em 0; padding-left: .8em; color: #3c3c41; }
.body code { font-family: "SFMono-Regular", Consolas, monospace; font-size: .9em; }
.body a { color: #1d4f91; }
.body ul.checklist { list-style: none; padding-left: 1.2em; }
.body li.nested { list-style: none; }
.align-center { text-align: center; } .align-right, .align-end { text-align: right; }
.align-justify { text-align: justify; }
.empty { color: #5b5b60; font-style: italic; }
h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
p, li, blockquote { orphans: 3; widows: 3; }
@page { margin: 2cm 1.8cm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
  .body a { color: inherit; }
  .body a::after { content: " (" attr(href) ")"; font-size: .85em; color: #5b5b60; }
  .page-breaks .entry + .entry { break-before: page; page-break-before: always; }
}
`;

/** Scripts, frames, images, fonts, fetches: none may load, even if something slipped past escaping. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

function describeSelection(
  options: HtmlExportOptions,
  themeLabel: string | null,
  locale: string | undefined,
): string {
  const parts: string[] = [];
  if (themeLabel !== null) parts.push(`Theme: ${themeLabel}`);
  if (options.from && options.to) {
    parts.push(`${longDay(options.from, locale)} to ${longDay(options.to, locale)}`);
  } else if (options.from) {
    parts.push(`From ${longDay(options.from, locale)}`);
  } else if (options.to) {
    parts.push(`Until ${longDay(options.to, locale)}`);
  }
  return parts.length > 0 ? parts.join(' · ') : 'All entries';
}

interface ThemeLook {
  label: string;
  color: string | null;
}

function renderEntry(
  entry: ExportEntry,
  themes: ReadonlyMap<string, ThemeLook>,
  locale: string | undefined,
): string {
  const parts: string[] = ['<article class="entry">', '<header>'];
  parts.push(
    `<p class="entry-date"><time datetime="${escapeHtml(entry.entryDate)}">${escapeHtml(longDay(entry.entryDate, locale))}</time></p>`,
  );
  if (entry.title) parts.push(`<h2>${escapeHtml(entry.title)}</h2>`);
  const meta: string[] = [];
  if (entry.starred) meta.push('<span class="star">★ Starred</span>');
  for (const theme of entry.themes) {
    const look = themes.get(theme.id) ?? { label: theme.id, color: null };
    const style = look.color ? ` style="border-left-color: ${look.color}"` : '';
    meta.push(`<span class="theme"${style}>${escapeHtml(look.label)}</span>`);
  }
  if (meta.length > 0) parts.push(`<p class="meta">${meta.join(' ')}</p>`);
  if (entry.promptId) {
    const prompt = promptById(entry.promptId)?.text ?? entry.promptId;
    parts.push(`<p class="prompt">${escapeHtml(prompt)}</p>`);
  }
  parts.push('</header>');
  // Headings inside an entry start at h3: the page has h1 and each entry's title is h2.
  const body =
    docToHtml(entry.docJson, { headingOffset: 2 }) ??
    entry.text
      .split(/\r\n?|\n/)
      .map((line) => `<p>${escapeHtml(line) || '<br>'}</p>`)
      .join('');
  parts.push(`<div class="body">${body}</div>`, '</article>\n');
  return parts.join('');
}

/**
 * A printable, self-contained HTML page of the entries of a date range and/or a theme, oldest
 * first: inline CSS, no scripts, no external references. It is plaintext.
 */
export function exportHtml(db: Db, options: HtmlExportOptions): ExportResult {
  const selection: EntrySelection = {
    from: options.from,
    to: options.to,
    themeId: options.themeId,
  };
  const locale = usableLocale(options.locale);
  const { value: entryCount, bytes } = writeFileThroughTemp(options.out, (sink) =>
    inReadSnapshot(db, () => {
      const themeLabel = options.themeId ? getTheme(db, options.themeId).label : null;
      const themes = new Map<string, ThemeLook>(
        listThemes(db).map((theme) => [
          theme.id,
          { label: theme.label, color: HEX_COLOR.test(theme.color) ? theme.color : null },
        ]),
      );
      const total = countEntries(db, selection);
      const write = (text: string) => sink(Buffer.from(text, 'utf8'));
      const subtitle = describeSelection(options, themeLabel, locale);
      const exported = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date());
      write(
        [
          '<!DOCTYPE html>',
          '<html lang="en">',
          '<head>',
          '<meta charset="utf-8">',
          `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
          '<meta name="referrer" content="no-referrer">',
          '<meta name="viewport" content="width=device-width, initial-scale=1">',
          `<title>${escapeHtml(`Lean On journal – ${subtitle}`)}</title>`,
          `<style>${STYLE}</style>`,
          '</head>',
          `<body class="${options.pageBreaks === 'none' ? '' : 'page-breaks'}">`,
          '<header class="cover">',
          '<h1>Lean On journal</h1>',
          `<p class="subtitle">${escapeHtml(subtitle)}</p>`,
          `<p class="exported">${total === 1 ? '1 entry' : `${total} entries`}, exported ${escapeHtml(exported)}</p>`,
          '</header>',
          '<main>\n',
        ].join('\n'),
      );
      if (total === 0) write('<p class="empty">No entries match.</p>\n');
      let done = 0;
      options.onProgress?.(0, total);
      for (const page of entryPages(db, selection)) {
        for (const entry of page) write(renderEntry(entry, themes, locale));
        done += page.length;
        options.onProgress?.(done, total);
      }
      write('</main>\n</body>\n</html>\n');
      return done;
    }),
  );
  return {
    format: 'html',
    container: 'file',
    path: options.out,
    entryCount,
    bytes,
    encrypted: false,
  };
}
