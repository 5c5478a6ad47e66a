// Decoding, invisible-character removal and the front-matter split.

import { describe, expect, test } from 'vitest';
import { DdhError, formatDiagnostic } from '../../src/diagnostics.js';
import { decodeSource, sanitizeText, splitFrontMatter } from '../../src/load/source.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DdhError) return e.diagnostics.map((d) => formatDiagnostic({ ...d, hint: undefined })).join('\n');
    throw e;
  }
  throw new Error('did not throw');
}

describe('decodeSource', () => {
  test('strips a BOM and turns CRLF and lone CR into LF', () => {
    const s = decodeSource(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('a\r\nb\rc\n')]), 'x.md');
    expect(s).toEqual({ file: 'x.md', text: 'a\nb\nc\n', warnings: [] });
  });

  test('UTF-16 with and without BOM looks like UTF-16', () => {
    const le = Uint8Array.from(Buffer.from('\ufefftitle: x', 'utf16le'));
    const noBom = Uint8Array.from(Buffer.from('title: x', 'utf16le'));
    expect(thrown(() => decodeSource(le, 'a.md'))).toBe('a.md:1:1  error  not UTF-8: the file looks like UTF-16');
    expect(thrown(() => decodeSource(noBom, 'a.md'))).toBe('a.md:1:1  error  not UTF-8: the file looks like UTF-16');
  });

  test('UTF-16 big-endian without a BOM looks like UTF-16 too', () => {
    const be = Uint8Array.from(Buffer.from('title: Velkomst\n', 'utf16le').swap16());
    expect(thrown(() => decodeSource(be, 'a.md'))).toBe('a.md:1:1  error  not UTF-8: the file looks like UTF-16');
  });

  test('a stray NUL in UTF-8 text is removed with a warning naming its line and column, not taken for UTF-16', () => {
    const s = decodeSource(utf8('---\ntitle: Velkomst\n---\nTekst\u0000 her.\n'), 'a.md');
    expect(s.text).toBe('---\ntitle: Velkomst\n---\nTekst her.\n');
    expect(s.warnings.map((d) => formatDiagnostic({ ...d, hint: undefined }))).toEqual(['a.md:4:6  warning  removed invisible or invalid characters (U+0000)']);
  });

  test('Latin-1 names the line and column of the first bad byte', () => {
    const bytes = Uint8Array.from(Buffer.from('---\r\ntitle: Velkomst\r\nsted: Kø\r\n', 'latin1'));
    expect(thrown(() => decodeSource(bytes, 'a.md'))).toBe('a.md:3:8  error  not UTF-8: byte 0xF8 is not valid UTF-8 (perhaps Latin-1 or Windows-1252)');
  });

  test('removes invisible characters with a warning naming the line and column', () => {
    const s = decodeSource(utf8('god\n\tto\u0001\ufffe re\n'), 'a.md');
    expect(s.text).toBe('god\n\tto re\n');
    expect(s.warnings.map(formatDiagnostic)).toEqual([
      'a.md:2:4  warning  removed invisible or invalid characters (U+0001, U+FFFE)\n    hint: delete them from the source; they would make the DOCX unreadable',
    ]);
  });
});

describe('sanitizeText', () => {
  test('keeps æøå, emoji, tab and newline; drops lone surrogates, C1 controls and noncharacters', () => {
    const input = 'æøå 😀\t–\n\ud800x\u0085y\ufdd0z\u{1fffe}';
    const { text, warnings } = sanitizeText(input, 'f.md');
    expect(text).toBe('æøå 😀\t–\nxyz');
    expect(warnings.map((w) => [w.line, w.column, w.message])).toEqual([
      [2, 1, 'removed invisible or invalid characters (U+D800, U+0085, U+FDD0, U+1FFFE)'],
    ]);
  });

  test('with an origin every warning points there and names the field', () => {
    const { warnings } = sanitizeText('a\u0007\nb\u0007', 'f.md', { line: 7, column: 3, field: 'title' });
    expect(warnings.map((w) => `${w.line}:${w.column} ${w.field}`)).toEqual(['7:3 title', '7:3 title']);
  });

  test('clean text comes back unchanged with no warnings', () => {
    expect(sanitizeText('Kl. 10–14 “ok” → ▪', 'f.md')).toEqual({ text: 'Kl. 10–14 “ok” → ▪', warnings: [] });
  });
});

describe('splitFrontMatter', () => {
  test('splits YAML and body and gives their lines', () => {
    expect(splitFrontMatter('---\ntitle: A\ntypes: [B]\n---\nTekst\n', 'f.md')).toEqual({
      yaml: 'title: A\ntypes: [B]',
      yamlLine: 2,
      body: 'Tekst\n',
      bodyLine: 5,
    });
  });

  test('accepts ---yaml and trailing spaces on the fences', () => {
    expect(splitFrontMatter('---yaml\ntitle: A\n---  \n', 'f.md').yaml).toBe('title: A');
  });

  test.each([
    ['---js\n{}\n---\n', "f.md:1:4  error  unsupported front-matter language 'js'"],
    ['---javascript\n{}\n---\n', "f.md:1:4  error  unsupported front-matter language 'javascript'"],
    ['--- toml\na = 1\n---\n', "f.md:1:5  error  unsupported front-matter language 'toml'"],
    ['# Titel\n', 'f.md:1:1  error  missing front matter'],
    ['', 'f.md:1:1  error  missing front matter'],
    ['\n\n---\ntitle: A\n---\n', 'f.md:3:1  error  missing front matter: blank line before the opening ---'],
    ['---\ntitle: A\n', 'f.md:1:1  error  front matter not closed'],
  ])('%j is refused', (text, message) => {
    expect(thrown(() => splitFrontMatter(text, 'f.md'))).toBe(message);
  });
});
