import { describe, expect, it } from 'vitest';
import {
  countWords,
  deriveDoc,
  markdownToDoc,
  plainTextToDoc,
  previewOf,
} from '../../src/core/text';

interface Node {
  type: string;
  text?: string;
  tag?: string;
  format?: number | string;
  listType?: string;
  url?: string;
  children?: Node[];
}

function blocksOf(json: string): Node[] {
  return (JSON.parse(json) as { root: Node }).root.children ?? [];
}

function textNodes(node: Node): Node[] {
  if (node.type === 'text') return [node];
  return (node.children ?? []).flatMap(textNodes);
}

describe('markdownToDoc', () => {
  it('gives exactly what deriving the stored document again gives, links or none', () => {
    const samples = [
      '# Heading\n\nPlain *emphasis*, **strong**, `code` and ~~struck~~.',
      '- one\n- two\n  - nested\n\n1. first\n2. second',
      '> a quote\n\nemoji 🌱 and RTL שלום and "quotes" with \\*escapes\\*',
      'A [safe link](https://example.org/) and an [unsafe one](javascript:alert(1)).',
      'Text that says "type":"link" without being one.',
      '',
    ];
    for (const markdown of samples) {
      const direct = markdownToDoc(markdown);
      expect(deriveDoc(JSON.parse(direct.json))).toEqual(direct);
    }
    expect(markdownToDoc(samples[3]!).json).not.toContain('javascript:');
  });

  it('turns headings, emphasis, lists and quotes into editor nodes', () => {
    const { json, text, wordCount } = markdownToDoc(
      '# Today\n\n## Morning\n\nI felt **proud** and *tired*.\n\n- tea\n- walk\n\n1. ask\n2. wait\n\n> be gentle',
    );
    const blocks = blocksOf(json);
    expect(blocks.map((block) => block.type)).toEqual([
      'heading',
      'heading',
      'paragraph',
      'list',
      'list',
      'quote',
    ]);
    expect(blocks[0]).toMatchObject({ tag: 'h1' });
    expect(blocks[1]).toMatchObject({ tag: 'h2' });
    const formats = new Map(textNodes(blocks[2]!).map((node) => [node.text, node.format]));
    expect([formats.get('proud'), formats.get('tired'), formats.get('I felt ')]).toEqual([1, 2, 0]);
    expect(blocks[3]).toMatchObject({ listType: 'bullet' });
    expect(blocks[4]).toMatchObject({ listType: 'number' });
    expect(blocks[3]!.children!.map((item) => item.type)).toEqual(['listitem', 'listitem']);
    expect(text).toBe(
      'Today\n\nMorning\n\nI felt proud and tired.\n\ntea\n\nwalk\n\nask\n\nwait\n\nbe gentle',
    );
    expect(wordCount).toBe(13);
    expect(text).not.toMatch(/[#*>]/);
  });

  it('keeps web links and drops unsafe ones, keeping their text', () => {
    const { json, text } = markdownToDoc(
      'See [my notes](https://example.org/notes), [mail](mailto:me@example.org) and [this](javascript:alert(1)).',
    );
    const links = blocksOf(json)[0]!.children!.filter((node) => node.type === 'link');
    expect(links.map((link) => link.url)).toEqual([
      'https://example.org/notes',
      'mailto:me@example.org',
    ]);
    expect(json).not.toContain('javascript');
    expect(text).toBe('See my notes, mail and this.');
  });

  it('starts from a clean document each time', () => {
    markdownToDoc('# Something long\n\n- with\n- a list');
    const second = markdownToDoc('just this');
    expect(second.text).toBe('just this');
    expect(blocksOf(second.json)).toHaveLength(1);
  });

  it('accepts Windows line endings', () => {
    expect(markdownToDoc('# A\r\n\r\nb\r\n').text).toBe('A\n\nb');
  });
});

describe('plainTextToDoc', () => {
  it('makes one paragraph per line, keeping empty lines', () => {
    const derived = plainTextToDoc('first line\n\nthird line\r\nfourth');
    const blocks = blocksOf(derived.json);
    expect(blocks.map((block) => block.type)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(
      blocks.map((block) => (block.children ?? []).map((child) => child.text).join('')),
    ).toEqual(['first line', '', 'third line', 'fourth']);
    expect(derived.wordCount).toBe(5);
  });

  it('stores text verbatim, markup characters included', () => {
    const derived = plainTextToDoc('**not bold** <b>nor this</b> & "quotes"');
    expect(derived.text).toBe('**not bold** <b>nor this</b> & "quotes"');
    expect(textNodes(blocksOf(derived.json)[0]!).every((node) => node.format === 0)).toBe(true);
  });

  it('round-trips through deriveDoc unchanged', () => {
    const derived = plainTextToDoc('café 🙂\nnaïve');
    expect(deriveDoc(JSON.parse(derived.json))).toEqual(derived);
    expect(deriveDoc(derived.json)).toEqual(derived);
  });
});

describe('countWords', () => {
  it('counts contractions and hyphen-free words as people do', () => {
    expect(countWords("I don't think it's fair")).toBe(5);
    expect(countWords("we'll see, won't we?")).toBe(4);
    expect(countWords('one, two; three... four!')).toBe(4);
    expect(countWords('')).toBe(0);
    expect(countWords(' \n\t ')).toBe(0);
  });

  it('counts words in scripts written without spaces', () => {
    const chinese = countWords('我喜欢写日记');
    expect(chinese).toBeGreaterThan(1);
    expect(chinese).toBeLessThanOrEqual(6);
    const japanese = countWords('今日は日記を書く');
    expect(japanese).toBeGreaterThan(1);
    expect(japanese).toBeLessThanOrEqual(8);
    expect(countWords('Привет мир')).toBe(2);
    expect(countWords('שלום עולם')).toBe(2);
  });

  it('does not count emoji or punctuation as words', () => {
    expect(countWords('🙂')).toBe(0);
    expect(countWords('🙂 🌱 ❤️')).toBe(0);
    expect(countWords('great day 🙂🙂')).toBe(2);
    expect(countWords('great🙂day')).toBe(2);
    expect(countWords('— … !!')).toBe(0);
  });
});

describe('previewOf', () => {
  it('flattens whitespace and keeps short text whole', () => {
    expect(previewOf('  line one\n\n\tline two  ')).toBe('line one line two');
    expect(previewOf('')).toBe('');
  });

  it('cuts long text to the limit with an ellipsis', () => {
    const long = 'word '.repeat(100);
    const preview = previewOf(long);
    expect(preview.length).toBeLessThanOrEqual(200);
    expect(preview.endsWith('…')).toBe(true);
    expect(preview.startsWith('word word')).toBe(true);
    expect(preview).not.toMatch(/\s…$/);
    expect(previewOf('abcdefghij', 5)).toBe('abcd…');
    expect(previewOf('abcde', 5)).toBe('abcde');
  });
});
