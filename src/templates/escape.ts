// Text going into the rendered Markdown: plain fields escaped so they stay plain, Markdown fields made safe to embed.

import type { Token } from 'markdown-it';
import { blockTokens, DIRECTIVE } from '../markdown-dialect.js';
import { DANISH_MONTHS } from '../rules/dates.js';

/**
 * A plain-text field (title, name, place) as Markdown that prints exactly that text: one line, every
 * character that could start Markdown syntax escaped, line-start markers (`#`, `-`, `+`, `1.`) too.
 */
export function escapeText(text: string): string {
  const line = text
    .replace(/\r\n|\r|\n/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>&|~#]/g, '\\$&');
  return line.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^[-+=]/, '\\$&');
}

/** A URL as a link destination in pointy brackets, which allows spaces and parentheses. */
export function linkDestination(url: string): string {
  return `<${url.replace(/[\r\n]/g, '').replace(/[\\<>]/g, '\\$&')}>`;
}

// A line whose text (after any list or quote markers) starts like a Danish date: "6. marts 2025".
const DATE_LINE = new RegExp(
  String.raw`^((?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*)(\d{1,2})\.(?=[ \t]+(?:${DANISH_MONTHS.join('|')})\b)`,
  'i',
);

/** List and quote markers plus a date fit in this many characters; past it a line cannot start like a date. */
const DATE_HEAD = 120;

/** Lines inside code blocks, which must stay as written. */
function codeLines(tokens: readonly Token[]): Set<number> {
  const lines = new Set<number>();
  for (const token of tokens) {
    if ((token.type === 'fence' || token.type === 'code_block') && token.map !== null) {
      for (let line = token.map[0]; line < token.map[1]; line++) lines.add(line);
    }
  }
  return lines;
}

/** Escapes the dot of a date starting a line ("6. marts" → "6\. marts") so it is text, not an ordered list starting at 6. */
function escapeDates(lines: (string | null)[], code: ReadonlySet<number>): void {
  for (const [i, line] of lines.entries()) {
    if (line === null || code.has(i)) continue;
    // Only the line's start can hold the date; looking at a bounded head keeps a long blank run from costing time.
    const head = line.slice(0, DATE_HEAD);
    const escaped = head.replace(DATE_LINE, '$1$2\\.');
    if (escaped !== head) lines[i] = escaped + line.slice(DATE_HEAD);
  }
}

// Every fence, also one inside a quote or a list.
const FENCE = /`{3,}|~{3,}/;

/** Escapes date-like line starts in a whole Markdown document (outside code): see the Danish trap in DESIGN.md. */
export function escapeDateParagraphs(markdown: string): string {
  const lines: (string | null)[] = markdown.split('\n');
  const dated = lines.filter((line): line is string => line !== null && DATE_LINE.test(line.slice(0, DATE_HEAD)));
  if (dated.length === 0) return markdown;
  // Code is fenced or indented. With no fence in the document and every date line at the start of its line (no
  // indent, no quote or list marker before it), no date line can be code, and the document need not be parsed to
  // find out (the Markdown stage parses it again).
  const mayBeCode = FENCE.test(markdown) || dated.some((line) => DATE_LINE.exec(line.slice(0, DATE_HEAD))?.[1] !== '');
  escapeDates(lines, mayBeCode ? codeLines(blockTokens(markdown)) : new Set());
  return lines.join('\n');
}

// Every heading (`#`, a setext underline), HTML block, fence and code block (indented by four spaces or a tab, also
// after a list or quote marker) needs one of these.
const BLOCK_SYNTAX = /[#<>`~\t]| {4}|^ {0,3}(?:=+|-+)[ \t]*$/m;

/** Whether Markdown may hold a heading, HTML, a fence or code; text that cannot is normalised without being parsed. */
export function mayHoldBlockSyntax(markdown: string): boolean {
  return BLOCK_SYNTAX.test(markdown);
}

/**
 * A Markdown field (introduction, minutes, proposal, …) made safe to place inside the document:
 * its headings move `shift` levels down (capped at 6) so they sit below the item's heading, setext
 * headings become ATX headings, a date starting a line stays text, raw HTML that would start an
 * HTML block becomes text (so an unclosed `<!--` cannot swallow the rest of the document), and a
 * code fence left open is closed. Returns '' for a field with no text.
 */
export function normaliseMarkdown(markdown: string, shift: number): string {
  const source = markdown.replace(/\r\n?/g, '\n').trimEnd().replace(/^(?:[ \t]*\n)+/, '');
  if (source === '') return '';
  const lines: (string | null)[] = source.split('\n');
  if (!mayHoldBlockSyntax(source)) {
    escapeDates(lines, new Set());
    return lines.join('\n');
  }
  const tokens = blockTokens(source);
  const code = codeLines(tokens);
  let closingFence: string | undefined;
  for (const [i, token] of tokens.entries()) {
    if (token.map === null) continue;
    const [start, end] = token.map;
    const first = lines[start] ?? '';
    if (token.type === 'heading_open') {
      const hashes = '#'.repeat(Math.min(6, Number(token.tag.slice(1)) + shift));
      if (token.markup.startsWith('#')) {
        lines[start] = first.replace(/#{1,6}/, hashes);
      } else {
        const content = tokens[i + 1]?.content ?? '';
        const prefix = first.slice(0, Math.max(0, first.indexOf(content.split('\n')[0] ?? '')));
        lines[start] = `${prefix}${hashes} ${content.replace(/\n/g, ' ')}`;
        for (let line = start + 1; line < end; line++) lines[line] = null;
      }
    } else if (token.type === 'html_block' && !DIRECTIVE.test(token.content.trim())) {
      // Every line of the block: once the first is text, a later `<!--` would open a block of its own.
      for (let line = start; line < end; line++) lines[line] = (lines[line] ?? '').replace(/^( {0,3})</, '$1\\<');
    } else if (token.type === 'fence' && token.level === 0 && !fenceClosed(token, lines[end - 1] ?? '', end - 1 > start)) {
      closingFence = token.markup;
    }
  }
  escapeDates(lines, code);
  const text = lines.filter((line): line is string => line !== null).join('\n');
  return closingFence === undefined ? text : `${text}\n${closingFence}`;
}

function fenceClosed(token: Token, lastLine: string, hasLastLine: boolean): boolean {
  const char = token.markup[0] === '~' ? '~' : '`';
  return hasLastLine && new RegExp(`^ {0,3}\\${char}{${token.markup.length},}[ \\t]*$`).test(lastLine);
}
