import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportHtml } from '../../src/core/export/html';
import { docToHtml, escapeHtml } from '../../src/core/export/html-render';
import { markdownToDoc } from '../../src/core/text';
import { TZ, call, createTestJournal, linkDoc, tempDir } from './helpers';

function mdDoc(markdown: string): unknown {
  return JSON.parse(markdownToDoc(markdown).json) as unknown;
}

function text(value: string, format = 0) {
  return { type: 'text', version: 1, text: value, format, style: '', mode: 'normal', detail: 0 };
}

function block(type: string, children: unknown[], extra: Record<string, unknown> = {}) {
  return { type, version: 1, direction: null, format: '', indent: 0, children, ...extra };
}

function docOf(...children: unknown[]) {
  return { root: block('root', children) };
}

const ALLOWED_TAGS = new Set(
  'html head meta title style body header main article time p h1 h2 h3 h4 h5 h6 span div strong em u s mark code sub sup a br ul ol li blockquote'.split(
    ' ',
  ),
);

/**
 * Since the page escapes every "<" of text, each "<" left starts a real tag: each must be a
 * known, harmless tag whose attributes are all quoted, none an event handler or a reference
 * that loads anything, and whose only links are web or mail links.
 */
function assertInert(html: string): void {
  expect(html).not.toMatch(/<script/i);
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  expect(style).not.toMatch(/url\(|@import|expression\(/i);
  const markup = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/^<!DOCTYPE html>/, '');
  for (const [tag] of markup.matchAll(/<[^>]*>?/g)) {
    expect(tag).toMatch(/^<\/?[a-z0-9]+(\s+[a-z-]+="[^"<>]*")*\s*>$/i);
    const name = /^<\/?([a-z0-9]+)/i.exec(tag)![1]!.toLowerCase();
    expect(ALLOWED_TAGS.has(name), `tag <${name}>`).toBe(true);
    for (const [, attribute, value] of tag.matchAll(/\s([a-z-]+)="([^"]*)"/gi)) {
      expect(attribute!.toLowerCase()).not.toMatch(
        /^on|^(src|srcset|action|data|poster|background|formaction)$/,
      );
      if (attribute === 'href') expect(value).toMatch(/^(https?:\/\/|mailto:)/);
    }
  }
}

describe('HTML rendering of a document', () => {
  it('renders headings, every text format, lists, quotes and safe links', () => {
    const html = docToHtml(
      docOf(
        block('heading', [text('Big')], { tag: 'h1' }),
        block('paragraph', [
          text('b', 1),
          text('i', 2),
          text('s', 4),
          text('u', 8),
          text('c', 16),
          text('bi', 3),
          { type: 'linebreak', version: 1 },
          block('link', [text('web')], { url: 'https://example.com/?a=1&b="2"' }),
          block('link', [text('mail')], { url: 'mailto:me@example.com' }),
          block('link', [text('evil')], { url: 'javascript:alert(1)' }),
          block('link', [text('data')], { url: 'data:text/html,<script>alert(1)</script>' }),
          block('autolink', [text('file')], { url: 'file:///etc/passwd' }),
        ]),
        block('quote', [text('quoted')]),
        block('list', [block('listitem', [text('one')], { value: 1 })], {
          listType: 'number',
          start: 3,
          tag: 'ol',
        }),
        block(
          'list',
          [
            block('listitem', [text('outer')], { value: 1 }),
            block(
              'listitem',
              [block('list', [block('listitem', [text('inner')])], { listType: 'bullet' })],
              { value: 2 },
            ),
          ],
          { listType: 'bullet', tag: 'ul' },
        ),
        block('list', [block('listitem', [text('done')], { checked: true })], {
          listType: 'check',
        }),
        block('paragraph', []),
        block('mystery-node', [text('kept words')]),
      ),
      { headingOffset: 2 },
    )!;
    expect(html).toContain('<h3>Big</h3>');
    expect(html).toContain('<strong>b</strong>');
    expect(html).toContain('<em>i</em>');
    expect(html).toContain('<s>s</s>');
    expect(html).toContain('<u>u</u>');
    expect(html).toContain('<code>c</code>');
    expect(html).toContain('<strong><em>bi</em></strong>');
    expect(html).toContain('<br>');
    expect(html).toContain(
      '<a href="https://example.com/?a=1&amp;b=&quot;2&quot;" rel="noreferrer">web</a>',
    );
    expect(html).toContain('<a href="mailto:me@example.com" rel="noreferrer">mail</a>');
    expect(html).toContain('evil');
    expect(html).toContain('data');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('data:');
    expect(html).not.toContain('file:');
    expect(html).toContain('<blockquote>quoted</blockquote>');
    expect(html).toContain('<ol start="3"><li>one</li></ol>');
    expect(html).toContain(
      '<ul><li>outer</li><li class="nested"><ul><li>inner</li></ul></li></ul>',
    );
    expect(html).toContain('<ul class="checklist"><li>☑ done</li></ul>');
    expect(html).toContain('<p><br></p>');
    expect(html).toContain('kept words');
    assertInert(html);
  });

  it('escapes markup in text, and refuses attributes from anything but link URLs', () => {
    const html = docToHtml(
      docOf(
        block('paragraph', [text('<script>alert(1)</script> & <img src=x onerror=alert(2)>')], {
          format: '" onmouseover="alert(3)',
          direction: '"><script>',
          indent: '5; background: url(x)',
        }),
        block('heading', [text('h')], { tag: 'h1 onclick=alert(4)' }),
        block('list', [block('listitem', [text('x')])], {
          listType: 'number',
          start: '1"><script>',
        }),
      ),
    )!;
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;',
    );
    expect(html).toContain('<p>');
    expect(html).toContain('<h1>h</h1>');
    expect(html).toContain('<ol>');
    assertInert(html);
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
    expect(docToHtml('not json')).toBeNull();
    expect(docToHtml({ nothing: true })).toBeNull();
  });

  it('does not overflow the stack on absurdly deep documents', () => {
    let node: unknown = text('deep');
    for (let depth = 0; depth < 5000; depth += 1) node = block('quote', [node]);
    const html = docToHtml(docOf(node))!;
    expect(html).toContain('deep');
  });
});

describe('HTML export', () => {
  it('writes one inert, self-contained page with entries escaped and formatted', async () => {
    const { service } = await createTestJournal();
    await call(service, 'createEntry', {
      title: '<script>alert("title")</script>',
      doc: mdDoc(
        '## Inner heading\n\nSome **bold** and *italic* and ~~gone~~, <img src=x onerror=alert(1)>.\n\n> a quote\n\n- a\n- b\n\n1. one',
      ),
      timeZone: TZ,
      entryDate: '2024-04-01',
      starred: true,
      themes: [{ id: 'trust', source: 'manual' }],
    });
    await call(service, 'createEntry', {
      title: 'Links',
      doc: linkDoc('https://example.com/help', 'a helpful page'),
      timeZone: TZ,
      entryDate: '2024-04-02',
    });
    await call(service, 'createEntry', {
      title: 'Underlined',
      doc: docOf(block('paragraph', [text('underlined words', 8)])),
      timeZone: TZ,
      entryDate: '2024-04-03',
    });
    const out = join(tempDir(), 'print.html');
    const result = exportHtml(service.journal.db, { out, locale: 'en-GB' });
    expect(result).toMatchObject({
      format: 'html',
      container: 'file',
      entryCount: 3,
      encrypted: false,
    });
    const html = readFileSync(out, 'utf8');
    assertInert(html);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(
      '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'',
    );
    expect(html).toContain('<style>');
    expect(html).toContain('break-before: page');
    expect(html).toContain('<h2>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;</h2>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<h4>Inner heading</h4>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>italic</em>');
    expect(html).toContain('<s>gone</s>');
    expect(html).toContain('<u>underlined words</u>');
    expect(html).toContain('<blockquote>a quote</blockquote>');
    expect(html).toContain('<ul><li>a</li><li>b</li></ul>');
    expect(html).toContain('<ol><li>one</li></ol>');
    expect(html).toContain(
      '<a href="https://example.com/help" rel="noreferrer">a helpful page</a>',
    );
    expect(html).toMatch(/Monday,? 1 April 2024/);
    expect(html).toContain('★ Starred');
    expect(html).toContain('>Trust</span>');
    // Oldest first.
    expect(html.indexOf('1 April 2024')).toBeLessThan(html.indexOf('2 April 2024'));
  });

  it('exports a date range or a theme, and only that', async () => {
    const { service } = await createTestJournal();
    const days = ['2024-01-10', '2024-02-10', '2024-02-20', '2024-03-10'];
    for (const [index, day] of days.entries()) {
      await call(service, 'createEntry', {
        title: `On ${day}`,
        doc: mdDoc(`written on ${day}`),
        timeZone: TZ,
        entryDate: day,
        themes: index % 2 === 0 ? [{ id: 'boundaries', source: 'manual' }] : [],
      });
    }
    const trashed = await call(service, 'createEntry', {
      title: 'On 2024-02-15',
      doc: mdDoc('trashed'),
      timeZone: TZ,
      entryDate: '2024-02-15',
      themes: [{ id: 'boundaries', source: 'manual' }],
    });
    await call(service, 'trashEntry', { id: trashed.id });
    const db = service.journal.db;

    const february = join(tempDir(), 'february.html');
    expect(exportHtml(db, { out: february, from: '2024-02-01', to: '2024-02-29' }).entryCount).toBe(
      2,
    );
    const febHtml = readFileSync(february, 'utf8');
    expect(febHtml).toContain('On 2024-02-10');
    expect(febHtml).toContain('On 2024-02-20');
    expect(febHtml).not.toContain('On 2024-01-10');
    expect(febHtml).not.toContain('On 2024-03-10');
    expect(febHtml).not.toContain('On 2024-02-15');

    const theme = join(tempDir(), 'boundaries.html');
    expect(exportHtml(db, { out: theme, themeId: 'boundaries' }).entryCount).toBe(2);
    const themeHtml = readFileSync(theme, 'utf8');
    expect(themeHtml).toContain('Theme: Boundaries');
    expect(themeHtml).toContain('On 2024-01-10');
    expect(themeHtml).toContain('On 2024-02-20');
    expect(themeHtml).not.toContain('On 2024-02-10');
    expect(themeHtml).not.toContain('On 2024-02-15');

    const badLocale = join(tempDir(), 'bad-locale.html');
    expect(exportHtml(db, { out: badLocale, locale: 'not a locale!' }).entryCount).toBe(4);

    const none = join(tempDir(), 'none.html');
    expect(exportHtml(db, { out: none, from: '2030-01-01' }).entryCount).toBe(0);
    expect(readFileSync(none, 'utf8')).toContain('No entries match.');

    expect(() => exportHtml(db, { out: none, themeId: 'no-such-theme' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(() => exportHtml(db, { out: none, from: '2024/01/01' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});
