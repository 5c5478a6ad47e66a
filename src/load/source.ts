// Reading a source file: UTF-8 decoding, line-end normalisation, invisible-character removal and the front-matter split.

import { readFileSync } from 'node:fs';
import { DdhError, fail, problem, type Diagnostic } from '../diagnostics.js';

/** A source file as text the later stages can trust: UTF-8 decoded, BOM stripped, line ends LF, no invisible junk. */
export interface SourceText {
  /** Relative to the repository root, forward slashes. */
  file: string;
  text: string;
  /** One per line from which characters were removed. */
  warnings: Diagnostic[];
}

/** Reads and decodes a source file; `relFile` is the name used in messages. Throws DdhError when it is not UTF-8. */
export async function readSourceText(absPath: string, relFile: string): Promise<SourceText> {
  // Synchronous on purpose: many small files, each await on the thread pool costs more than the read (bench/README.md).
  return decodeSource(readFileSync(absPath), relFile);
}

const NOT_UTF8_HINT = 'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)';

/** Decodes UTF-8 bytes, strips a BOM, turns CRLF and CR into LF and removes invisible characters (with warnings). Pure. */
export function decodeSource(bytes: Uint8Array, relFile: string): SourceText {
  if (looksLikeUtf16(bytes)) {
    fail(relFile, 'not UTF-8: the file looks like UTF-16', { rule: 'encoding', line: 1, column: 1, hint: NOT_UTF8_HINT });
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch (cause) {
    const at = firstInvalidUtf8(body);
    const { line, column } = byteLineColumn(body, at);
    throw new DdhError(
      [
        problem(relFile, `not UTF-8: byte 0x${(body[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')} is not valid UTF-8 (perhaps Latin-1 or Windows-1252)`, {
          rule: 'encoding',
          line,
          column,
          hint: NOT_UTF8_HINT,
        }),
      ],
      { cause },
    );
  }
  const { text, warnings } = sanitizeText(decoded.replace(/\r\n?/g, '\n'), relFile);
  return { file: relFile, text, warnings };
}

/**
 * A UTF-16 byte-order mark, or NUL bytes in most odd or most even positions of the first 4 KB, as UTF-16 text in a
 * Latin script has them. A stray NUL or two in UTF-8 text is not that: it is decoded, and the NUL removed with a warning.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const sample = bytes.subarray(0, 4096);
  // Nearly every file has no NUL at all: found natively, without counting byte by byte.
  if (sample.indexOf(0) === -1) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  return even > Math.ceil(sample.length / 2) / 2 || odd > Math.floor(sample.length / 2) / 2;
}

/** Offset of the first byte that breaks UTF-8 (the caller knows there is one). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong three/four-byte forms, surrogates and code points above U+10FFFF.
    const c1 = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return i;
    i += need + 1;
  }
  return Math.max(0, bytes.length - 1);
}

/** 1-based line and column (in bytes) of a byte offset. */
function byteLineColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Where a piece of text came from, when it is not a whole file: all removals are then reported at this spot. */
export interface TextOrigin {
  line: number;
  column: number;
  field?: string;
}

/** True for characters that must not reach a document: controls other than tab and newline, noncharacters, lone surrogates. */
function isUnwanted(cp: number): boolean {
  if (cp < 0x20) return cp !== 0x09 && cp !== 0x0a;
  if (cp >= 0x7f && cp <= 0x9f) return true;
  if (cp >= 0xd800 && cp <= 0xdfff) return true; // only reached for unpaired halves: codePointAt joins pairs
  if (cp >= 0xfdd0 && cp <= 0xfdef) return true;
  return (cp & 0xfffe) === 0xfffe;
}

function codeName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** True when `sanitizeText` would leave `text` as it is. */
export function isCleanText(text: string): boolean {
  return !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]/.test(text);
}

/**
 * Removes C0/C1 control characters (except tab and newline), noncharacters (U+FFFE, U+FFFF, U+FDD0…) and unpaired
 * surrogates, with one warning per affected line naming file:line:col of the first removed character (HOSTILE 15).
 * Without `origin` positions are counted within `text`; with it (a parsed YAML value, where escapes shift columns)
 * every warning points at the origin.
 */
export function sanitizeText(text: string, file: string, origin?: TextOrigin): { text: string; warnings: Diagnostic[] } {
  // Fast path: nearly all text is clean.
  if (isCleanText(text)) return { text, warnings: [] };
  const out: string[] = [];
  const removedByLine = new Map<number, { column: number; codes: Set<string> }>();
  let line = 1;
  let column = 1;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const size = cp > 0xffff ? 2 : 1;
    if (isUnwanted(cp)) {
      const entry = removedByLine.get(line) ?? { column, codes: new Set<string>() };
      entry.codes.add(codeName(cp));
      removedByLine.set(line, entry);
    } else {
      out.push(ch);
    }
    if (cp === 0x0a) {
      line++;
      column = 1;
    } else {
      column++;
    }
    i += size;
  }
  const warnings = [...removedByLine].map(([l, { column: c, codes }]) =>
    problem(file, `removed invisible or invalid characters (${[...codes].join(', ')})`, {
      rule: 'characters',
      severity: 'warning',
      line: origin ? origin.line : l,
      column: origin ? origin.column : c,
      ...(origin?.field === undefined ? {} : { field: origin.field }),
      hint: 'delete them from the source; they would make the DOCX unreadable',
    }),
  );
  return { text: out.join(''), warnings };
}

/** A Markdown file split at its front matter. Lines are 1-based lines of the whole file. */
export interface FrontMatter {
  yaml: string;
  /** Line of the first YAML line (the one after the opening `---`). */
  yamlLine: number;
  body: string;
  /** Line of the first body line (the one after the closing `---`). */
  bodyLine: number;
}

const FENCE = /^---[ \t]*$/;
const TAGGED_FENCE = /^---[ \t]*(\S+)[ \t]*$/;

/**
 * Splits `---` YAML front matter from the Markdown body. Our own splitter, not gray-matter, which evaluates
 * `---js` front matter: any language tag other than yaml is refused and nothing is ever run.
 */
export function splitFrontMatter(text: string, file: string): FrontMatter {
  const lines = text.split('\n');
  const first = lines[0] ?? '';
  const hint = 'an item file starts with a line `---`, then YAML such as `title: Velkomst`, then a line `---`, then the text';
  if (!FENCE.test(first)) {
    const tag = TAGGED_FENCE.exec(first)?.[1];
    if (tag !== undefined && /^[A-Za-z]/.test(tag) && !/^ya?ml$/i.test(tag)) {
      fail(file, `unsupported front-matter language '${tag}'`, {
        rule: 'front-matter',
        line: 1,
        column: first.indexOf(tag) + 1,
        hint: 'front matter must be YAML: write the opening line as just `---`',
      });
    }
    if (tag === undefined || !/^ya?ml$/i.test(tag)) {
      const fenceAt = lines.findIndex((l) => FENCE.test(l));
      const blankBefore = fenceAt > 0 && lines.slice(0, fenceAt).every((l) => l.trim() === '');
      fail(file, blankBefore ? 'missing front matter: blank line before the opening ---' : 'missing front matter', {
        rule: 'front-matter',
        line: blankBefore ? fenceAt + 1 : 1,
        column: 1,
        hint: blankBefore ? 'delete the blank lines so that `---` is the very first line' : hint,
      });
    }
  }
  const close = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (close < 0) {
    fail(file, 'front matter not closed', { rule: 'front-matter', line: 1, column: 1, hint: 'add a line `---` after the last YAML line' });
  }
  return {
    yaml: lines.slice(1, close).join('\n'),
    yamlLine: 2,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  };
}
