import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseMarkdown } from '../../src/markdown/index.js';
import { markdownParser } from '../../src/markdown-dialect.js';
import { escapeDateParagraphs, escapeText, linkDestination, mayHoldBlockSyntax, normaliseMarkdown } from '../../src/templates/escape.js';
import { blockTexts, docText } from '../markdown/doc-text.js';

// Everything that means something in Markdown, plus Danish letters, digits and spaces. No ':' or '@', so
// no text turns into an autolink (which would keep the text but add a link).
const CHARS = [...'\\`*_[]()<>&|~#!=+-.)0123456789 \tabcæøåÆ–’“”▪→{}\'";%/', '&amp;', '&#35;', 'marts', '\n'];
const plainText = fc.array(fc.constantFrom(...CHARS), { maxLength: 40 }).map((parts) => parts.join(''));

describe('escapeText', () => {
  test('any text comes back out of the Markdown stage as exactly that text, on one line', () => {
    fc.assert(
      fc.property(plainText, (text) => {
        const expected = text.replace(/\n/g, ' ').replace(/^[ \t]+|[ \t]+$/g, '');
        const doc = parseMarkdown(`${escapeText(text)}\n`);
        expect(doc.blocks.length).toBeLessThanOrEqual(1);
        expect(docText(doc)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  test('also inside a heading and a table cell', () => {
    fc.assert(
      fc.property(plainText, (text) => {
        const expected = text.replace(/\n/g, ' ').replace(/^[ \t]+|[ \t]+$/g, '');
        const doc = parseMarkdown(`## Punkt 1: ${escapeText(text)}\n\n| a | b |\n| --- | --- |\n| ${escapeText(text)} | x |\n`);
        expect(blockTexts(doc.blocks)).toEqual([`Punkt 1: ${expected}`.trimEnd(), 'a', 'b', expected, 'x']);
      }),
      { numRuns: 300 },
    );
  });
});

describe('linkDestination', () => {
  test('keeps spaces, parentheses and angle brackets inside the link', () => {
    const doc = parseMarkdown(`[bilag](${linkDestination('https://example.org/a b (2)/<x>\\y')})\n`);
    expect(doc.blocks[0]).toEqual({
      type: 'paragraph',
      children: [{ type: 'link', href: 'https://example.org/a%20b%20(2)/%3Cx%3E%5Cy', children: [{ type: 'text', text: 'bilag' }] }],
    });
  });
});

describe('mayHoldBlockSyntax', () => {
  // Runs of blanks and the markers that start blocks, so indented code and setext headings come up often.
  const blocky = fc
    .array(fc.constantFrom(...CHARS, '    ', '  ', '- ', '> ', '1. ', '===', '---', '\n\n'), { maxLength: 30 })
    .map((parts) => parts.join(''));

  test('is true of any text in which markdown-it finds a heading, HTML, a fence or code', () => {
    const special = new Set(['heading_open', 'html_block', 'html_inline', 'fence', 'code_block', 'code_inline']);
    fc.assert(
      fc.property(blocky, (text) => {
        const tokens = markdownParser().parse(text, {});
        const found = tokens.some((t) => special.has(t.type) || (t.children ?? []).some((c) => special.has(c.type)));
        if (found) expect(mayHoldBlockSyntax(text)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('escapeDateParagraphs', () => {
  /** The numbers of the lines inside code blocks, as markdown-it reads the document. */
  const codeLines = (markdown: string): number[] =>
    markdownParser()
      .parse(markdown, {})
      .filter((t) => (t.type === 'fence' || t.type === 'code_block') && t.map !== null)
      .flatMap((t) => {
        const [from, to] = t.map as [number, number];
        return Array.from({ length: to - from }, (_, i) => from + i);
      });
  const lines = fc
    .array(fc.constantFrom('6. marts 2026', '12. december 2025 kl. 10', 'tekst', '```', '~~~', '    ', '> ', '- ', '1. ', '', ' '), { maxLength: 4 })
    .map((parts) => parts.join(''));
  const documents = fc.array(lines, { maxLength: 8 }).map((ls) => ls.join('\n'));

  test('escapes a date that starts a paragraph, at the top level and in a quote', () => {
    expect(escapeDateParagraphs('6. marts 2026 mødtes gruppen.\n\n> 7. marts 2026 igen.')).toBe('6\\. marts 2026 mødtes gruppen.\n\n> 7\\. marts 2026 igen.');
  });

  test('leaves code as written, also fenced or indented inside a quote', () => {
    for (const markdown of ['> ```\n> 6. marts 2026\n> ```', '>     6. marts 2026', '```\n6. marts 2026\n```', '    6. marts 2026']) {
      expect(escapeDateParagraphs(markdown)).toBe(markdown);
    }
  });

  test('never changes a line inside code', () => {
    fc.assert(
      fc.property(documents, (markdown) => {
        const before = markdown.split('\n');
        const after = escapeDateParagraphs(markdown).split('\n');
        for (const line of codeLines(markdown)) expect(after[line]).toBe(before[line]);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('normaliseMarkdown', () => {
  test('returns nothing for a field with only white space', () => {
    expect(normaliseMarkdown(' \n\r\n\t\n', 2)).toBe('');
  });

  test('keeps CRLF text intact apart from the line ends', () => {
    expect(normaliseMarkdown('Første linje\r\nanden linje\r\n\r\n- punkt\r\n', 2)).toBe('Første linje\nanden linje\n\n- punkt');
  });

  test('shifts headings, also inside quotes and lists, and turns setext headings into ATX', () => {
    expect(normaliseMarkdown('# En\n\n> ## To\n\n- ### Tre\n\nFire\nmed to linjer\n===', 2)).toBe(
      '### En\n\n> #### To\n\n- ##### Tre\n\n### Fire med to linjer',
    );
  });

  test('is idempotent once headings are not shifted', () => {
    const text = '6. marts 2025\n\n<div>\n\n```\nkode\n\nOverskrift\n---';
    const once = normaliseMarkdown(text, 0);
    expect(normaliseMarkdown(once, 0)).toBe(once);
  });

  test('leaves a directive in the text alone, so an author can break the page', () => {
    expect(normaliseMarkdown('Før\n\n<!-- ddh:pagebreak -->\n\nEfter', 2)).toBe('Før\n\n<!-- ddh:pagebreak -->\n\nEfter');
  });
});

describe('an HTML block in item text', () => {
  test('cannot open a comment that swallows what follows, on any of its lines', () => {
    const body = normaliseMarkdown('<div>\n<!-- ikke lukket\ntekst', 2);
    const doc = parseMarkdown(`${body}\n\n## Punkt 2: Næste\n`);
    expect(doc.blocks.some((b) => b.type === 'heading' && b.children.some((c) => c.type === 'text' && c.text === 'Punkt 2: Næste'))).toBe(true);
  });
});
