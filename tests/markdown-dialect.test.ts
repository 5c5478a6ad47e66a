// The shared markdown-it set-up: linkify-it is not asked about text that cannot hold a link, and answers as before.

import fc from 'fast-check';
import markdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { markdownParser, MAY_HOLD_LINK } from '../src/markdown-dialect.js';

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

  test('skips text without a colon, an at sign or two slashes, which is most of a document', () => {
    expect(MAY_HOLD_LINK.test('Styregruppen drøftede vagtplanen for påsken.')).toBe(false);
    expect(markdownParser().linkify.test('Se https://example.org.')).toBe(true);
    expect(markdownParser().linkify.test('Skriv til post@example.org')).toBe(true);
  });
});
