import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DdhError } from '../../src/diagnostics.js';
import type { Block, DocMeta } from '../../src/doc.js';
import { parseMarkdown } from '../../src/markdown/index.js';
import { assemble } from '../../src/templates/index.js';
import { blockTexts, docText } from './doc-text.js';

const blocks = (markdown: string): Block[] => parseMarkdown(markdown).blocks;

describe('front matter', () => {
  test('reads back every metadata the templates stage writes, whatever the text', () => {
    const tricky = fc.constantFrom('2026', '1.10', 'true', 'null', '~', '', ' kant ', 'a: b', 'a #b', "'q'", '"dq"', '[A]', '- x', 'x:', 'æ\\ø', 'Side\tto');
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), tricky);
    fc.assert(
      fc.property(fc.record({ title: text, subject: text, author: text, header: text, font: text, colour: text, date: text, draft: fc.boolean() }), (fields) => {
        const meta: DocMeta = { ...fields, lang: 'da-DK' };
        expect(parseMarkdown(assemble(meta, 'Tekst.')).meta).toStrictEqual(meta);
      }),
      { numRuns: 500, seed: 20261201 },
    );
  });

  test('becomes the document metadata', () => {
    const doc = parseMarkdown(
      '---\ntitle: "Dagsorden FBL Styregruppemøde 10.02.2026"\nsubject: Styregruppemøde 10. februar 2026\nauthor: Fælles Borgerlinje\n' +
        'lang: da-DK\ndate: 2026-02-10\ndraft: true\nheader: Fælles Borgerlinje\nlogo: /srv/logo.png\nfont: Carlito\ncolour: "003366"\n---\n\n# Titel\n',
    );
    expect(doc.meta).toEqual({
      title: 'Dagsorden FBL Styregruppemøde 10.02.2026',
      subject: 'Styregruppemøde 10. februar 2026',
      author: 'Fælles Borgerlinje',
      lang: 'da-DK',
      date: '2026-02-10',
      draft: true,
      header: 'Fælles Borgerlinje',
      logo: '/srv/logo.png',
      font: 'Carlito',
      colour: '003366',
    });
    expect(doc.blocks).toEqual([{ type: 'heading', level: 1, children: [{ type: 'text', text: 'Titel' }] }]);
  });

  test('missing fields, or no front matter at all, get the defaults', () => {
    const partial = parseMarkdown('---\ntitle: Kun en titel\n...\nTekst\n');
    expect(partial.meta).toMatchObject({ title: 'Kun en titel', lang: 'da-DK', draft: false, subject: '' });
    expect(partial.meta.logo).toBeUndefined();
    expect(docText(partial)).toBe('Tekst');
    const none = parseMarkdown('Tekst uden forside\n');
    expect(none.meta.lang).toBe('da-DK');
    expect(docText(none)).toBe('Tekst uden forside');
  });

  test('a rule later in the text is not front matter', () => {
    const doc = parseMarkdown('Første afsnit\n\n---\n\nAndet afsnit\n');
    expect(doc.meta.title).toBe('');
    expect(doc.blocks.map((b) => b.type)).toEqual(['paragraph', 'rule', 'paragraph']);
  });

  test('broken YAML is a DdhError, not a crash', () => {
    expect(() => parseMarkdown('---\ntitle: [ikke lukket\n---\n')).toThrow(DdhError);
  });
});

describe('blocks', () => {
  test('headings keep their levels', () => {
    expect(blocks('# Et\n\n## To\n\n###### Seks\n').map((b) => (b.type === 'heading' ? b.level : 0))).toEqual([1, 2, 6]);
  });

  test('emphasis becomes flags on text runs, merged where equal', () => {
    expect(blocks('Et **fedt** og *kursivt* og ***begge*** ord\n')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Et ' },
          { type: 'text', text: 'fedt', bold: true },
          { type: 'text', text: ' og ' },
          { type: 'text', text: 'kursivt', italic: true },
          { type: 'text', text: ' og ' },
          { type: 'text', text: 'begge', bold: true, italic: true },
          { type: 'text', text: ' ord' },
        ],
      },
    ]);
  });

  test('a soft line break is a space, a hard one a break', () => {
    expect(blocks('første linje\nanden linje\\\ntredje\n')).toEqual([
      {
        type: 'paragraph',
        children: [{ type: 'text', text: 'første linje anden linje' }, { type: 'break' }, { type: 'text', text: 'tredje' }],
      },
    ]);
  });

  test('links, bare URLs and e-mail addresses become links', () => {
    const [paragraph] = blocks('Se [**planen**](https://example.org/plan) eller https://example.org/x og skriv til post@example.org.\n');
    expect(paragraph).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', text: 'Se ' },
        { type: 'link', href: 'https://example.org/plan', children: [{ type: 'text', text: 'planen', bold: true }] },
        { type: 'text', text: ' eller ' },
        { type: 'link', href: 'https://example.org/x', children: [{ type: 'text', text: 'https://example.org/x' }] },
        { type: 'text', text: ' og skriv til ' },
        { type: 'link', href: 'mailto:post@example.org', children: [{ type: 'text', text: 'post@example.org' }] },
        { type: 'text', text: '.' },
      ],
    });
  });

  test('lists nest, and ordered lists keep their start', () => {
    expect(blocks('- en\n  1. to\n  2. tre\n- fire\n\n7. syv\n8. otte\n')).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [
          [
            { type: 'paragraph', children: [{ type: 'text', text: 'en' }] },
            {
              type: 'list',
              ordered: true,
              style: 'decimal',
              start: 1,
              items: [
                [{ type: 'paragraph', children: [{ type: 'text', text: 'to' }] }],
                [{ type: 'paragraph', children: [{ type: 'text', text: 'tre' }] }],
              ],
            },
          ],
          [{ type: 'paragraph', children: [{ type: 'text', text: 'fire' }] }],
        ],
      },
      {
        type: 'list',
        ordered: true,
        style: 'decimal',
        start: 7,
        items: [
          [{ type: 'paragraph', children: [{ type: 'text', text: 'syv' }] }],
          [{ type: 'paragraph', children: [{ type: 'text', text: 'otte' }] }],
        ],
      },
    ]);
  });

  test('tables keep header and rows, with inline formatting in cells', () => {
    expect(blocks('| Dato | Sted |\n| --- | --- |\n| 05.03.2026 | **Teams** |\n| 20.05.2026 | Byrådssalen \\| A |\n')).toEqual([
      {
        type: 'table',
        header: [[{ type: 'text', text: 'Dato' }], [{ type: 'text', text: 'Sted' }]],
        rows: [
          [[{ type: 'text', text: '05.03.2026' }], [{ type: 'text', text: 'Teams', bold: true }]],
          [[{ type: 'text', text: '20.05.2026' }], [{ type: 'text', text: 'Byrådssalen | A' }]],
        ],
      },
    ]);
  });

  test('blockquotes keep their content', () => {
    expect(blockTexts(blocks('> Citat\n>\n> - med liste\n'))).toEqual(['Citat', 'med liste']);
  });
});

describe('directives', () => {
  test('a list directive sets the style of the ordered list right after it', () => {
    const result = blocks('<!-- ddh:list upper-alpha -->\n\n1. første\n2. anden\n\n<!-- ddh:list lower-alpha -->\n3. tredje\n');
    expect(result.map((b) => (b.type === 'list' && b.ordered ? `${b.style}@${b.start}` : b.type))).toEqual(['upper-alpha@1', 'lower-alpha@3']);
  });

  test('a directive nested in a list item styles the nested list', () => {
    const [outer] = blocks('1. Punkt\n   <!-- ddh:list lower-alpha -->\n   1. under\n2. Næste\n');
    expect(outer?.type === 'list' && outer.ordered ? outer.style : undefined).toBe('decimal');
    const nested = outer?.type === 'list' ? outer.items[0]?.[1] : undefined;
    expect(nested).toMatchObject({ type: 'list', ordered: true, style: 'lower-alpha', start: 1 });
  });

  test('a directive applies to the next block only', () => {
    const result = blocks('<!-- ddh:list upper-alpha -->\n\nEt afsnit.\n\n1. en\n');
    expect(result[1]).toMatchObject({ type: 'list', ordered: true, style: 'decimal' });
  });

  test('a keep-with-next directive marks the paragraph right after it, and only that one', () => {
    const result = blocks('<!-- ddh:keep-with-next -->\n**Referat:**\n\nTeksten.\n\n<!-- ddh:keep-with-next -->\n\n- en liste\n\nEfter listen.\n');
    expect(result.map((b) => `${b.type}${b.type === 'paragraph' && b.keepWithNext === true ? '+keep' : ''}`)).toEqual([
      'paragraph+keep',
      'paragraph',
      'list',
      'paragraph',
    ]);
    expect(blockTexts(result.slice(0, 1))).toEqual(['Referat:']);
  });

  test('a page break directive is a page break', () => {
    expect(blocks('Før\n\n<!-- ddh:pagebreak -->\n\nEfter\n').map((b) => b.type)).toEqual(['paragraph', 'pageBreak', 'paragraph']);
  });
});

describe('no character is lost', () => {
  test('inline code and code blocks become plain text, line for line', () => {
    const result = blocks('Kør `ddh render *agenda*` nu.\n\n```yaml\ntitle: "x"\n\n  indrykket: <b>\n```\n\n    kode_med_indrykning\n');
    expect(blockTexts(result)).toEqual(['Kør ddh render *agenda* nu.', 'title: "x"\n\n  indrykket: <b>', 'kode_med_indrykning']);
  });

  test('raw HTML and comments that are not directives print literally', () => {
    const result = blocks('<div class="x">\nindhold\n</div>\n\nTekst med <span>html</span> og <!-- note --> i.\n\n<!-- ddh:ukendt -->\n');
    expect(blockTexts(result)).toEqual(['<div class="x">\nindhold\n</div>', 'Tekst med <span>html</span> og <!-- note --> i.', '<!-- ddh:ukendt -->']);
  });

  test('entities decode as CommonMark says; escapes print the character', () => {
    expect(docText(parseMarkdown('A &amp; B &copy; &#8594; &ouml; &nosuch; \\*ikke fed\\* 6\\. marts\n'))).toBe(
      'A & B © → ö &nosuch; *ikke fed* 6. marts',
    );
  });

  test('Danish and typographic characters pass through untouched', () => {
    const text = 'æøå ÆØÅ – ’ “ ” ▪ → {{#if x}} {{ y }} \' "';
    expect(docText(parseMarkdown(`${text}\n`))).toBe(text);
  });

  test('an image is kept as a link with its alt text', () => {
    expect(blocks('![Logo](https://example.org/logo.png)\n')).toEqual([
      { type: 'paragraph', children: [{ type: 'link', href: 'https://example.org/logo.png', children: [{ type: 'text', text: 'Logo' }] }] },
    ]);
  });
});
