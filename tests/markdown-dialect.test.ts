// The shared markdown-it set-up: linkify-it is not asked about text that cannot hold a link, and answers as before; lines
// are tabled as markdown-it tables them; block tokens alone are the block tokens of a full parse.

import fc from 'fast-check';
import markdownIt, { type StateBlock } from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { blockTokens, INLINE_SYNTAX, markdownParser, MAY_HOLD_LINK } from '../src/markdown-dialect.js';

describe('markdownParser', () => {
  test('finds the links linkify-it finds unaided, in any text', () => {
    const ours = markdownParser().linkify;
    const unaided = markdownIt('commonmark', { html: true, linkify: true }).linkify;
    const piece = fc.oneof(
      fc.constantFrom('https://example.org/a?b=c', 'http://x.dk', 'ftp://f.dk', '//cdn.dk/x', 'mailto:a@b.dk', 'post@kl.dk', 'kl.dk', 'www.kl.dk', '1.2.3.4'),
      fc.constantFrom(' ', ':', '@', '/', '.', 'Referat:', 'kl. 10:00', '(', ')', '<', '>', 'æøå', '\n'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const text = pieces.join('');
        expect(ours.test(text), text).toBe(unaided.test(text));
        expect(ours.match(text), text).toEqual(unaided.match(text));
      }),
      { numRuns: 2000, seed: 20261201 },
    );
  });

  test("parses any Markdown into markdown-it's own tokens, text without inline syntax included", () => {
    const unaided = markdownIt('commonmark', { html: true, linkify: true, typographer: false }).enable(['table', 'linkify']);
    const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
    const piece = fc.oneof(
      fc.constantFrom(...ascii, '\n', '\n\n', '\t', 'æ', 'ø', 'å', '\u00a0', '\u2028', '😀', 'e\u0301'),
      fc.constantFrom('# ', '- ', '1. ', '> ', '**fed**', '_kursiv_', '`kode`', '[link](https://x.dk)', '<b>', '&amp;', 'a\\*', 'kl. 10:00', 'post@kl.dk', '| a | b |\n| - | - |\n| c | d |'),
      fc.string({ maxLength: 8 }),
      fc.constant('Styregruppen drøftede vagtplanen for påsken og bad om en status'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const markdown = pieces.join('');
        expect(JSON.stringify(markdownParser().parse(markdown, {})), markdown).toBe(JSON.stringify(unaided.parse(markdown, {})));
      }),
      { numRuns: 3000, seed: 20261206 },
    );
    // The shortcut takes text without inline syntax, and only such text: what markdown-it's text rule reads in one go.
    expect(INLINE_SYNTAX.test('Styregruppen drøftede (kort) vagtplanen, 3 gange.')).toBe(false);
    for (const char of '\n!#$%&*+-:<=>@[\\]^_`{}~') expect(INLINE_SYNTAX.test(`a${char}b`), char).toBe(true);
  });

  test("makes markdown-it's table of lines, for any text of spaces, tabs and line ends", () => {
    const unaided = markdownIt('commonmark');
    const table = (state: StateBlock) => ({ b: state.bMarks, e: state.eMarks, t: state.tShift, s: state.sCount, bs: state.bsCount, max: state.lineMax, src: state.src });
    const text = fc.array(fc.constantFrom(' ', '  ', '\t', '\n', 'a', 'æ', '> ', '- ', '\u00a0'), { maxLength: 24 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, (src) => {
        const ours = new (markdownParser().block.State)(src, markdownParser(), {}, []);
        expect(table(ours), JSON.stringify(src)).toEqual(table(new unaided.block.State(src, unaided, {}, [])));
      }),
      { numRuns: 3000, seed: 20261206 },
    );
  });

  test('skips text without a colon, an at sign or two slashes, which is most of a document', () => {
    expect(MAY_HOLD_LINK.test('Styregruppen drøftede vagtplanen for påsken.')).toBe(false);
    expect(markdownParser().linkify.test('Se https://example.org.')).toBe(true);
    expect(markdownParser().linkify.test('Skriv til post@example.org')).toBe(true);
  });
});

describe('blockTokens', () => {
  test("are the block tokens of a full parse, for any Markdown", () => {
    const line = fc.oneof(
      fc.constantFrom('# Overskrift', 'Overskrift', '===', '---', '- punkt', '1. punkt', '6. marts', '> citat', '```', '~~~js', '    kode', '\tkode'),
      fc.constantFrom('<!-- ddh:pagebreak -->', '<!--', '-->', '<div>', '| a | b |', '| --- | --- |', '[ref]: https://x.dk', '', '  ', 'tekst *fed* `kode`'),
      fc.string({ maxLength: 12 }),
    );
    const shape = (t: { type: string; map: [number, number] | null; markup: string; tag: string; content: string; level: number; info: string }) => ({ type: t.type, map: t.map, markup: t.markup, tag: t.tag, content: t.content, level: t.level, info: t.info });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), (lines, newline) => {
        const markdown = lines.join(newline);
        expect(blockTokens(markdown).map(shape), markdown).toEqual(markdownParser().parse(markdown, {}).map(shape));
      }),
      { numRuns: 1000, seed: 20261202 },
    );
  });
});
