// The Markdown dialect shared by the templates stage (which writes it) and the Markdown stage (which reads it): CommonMark with GFM tables and linkified URLs.

import markdownIt, { type MarkdownIt, type StateCore, type Token } from 'markdown-it';

let parser: MarkdownIt | undefined;

/**
 * The markdown-it parser both Markdown stages agree on: the templates stage reads item text with it to
 * normalise it, the Markdown stage turns the rendered document into a Doc. Raw HTML is recognised only so
 * the `<!-- ddh:… -->` directives can be seen; the Markdown stage prints any other HTML as literal text.
 */
export function markdownParser(): MarkdownIt {
  if (parser === undefined) {
    parser = markdownIt('commonmark', { html: true, linkify: true, typographer: false }).enable(['table', 'linkify']);
    skipTextWithoutLinks(parser.linkify);
    parser.core.ruler.at('inline', inlineWithPlainText);
    parser.block.State = lineTableByLines(parser.block.State);
  }
  return parser;
}

/**
 * The block-level tokens markdown-it's parse gives for Markdown, their inline content left unparsed: enough to find
 * headings, HTML blocks, fences and code, without parsing every paragraph's text (most of a full parse).
 */
export function blockTokens(markdown: string): Token[] {
  const md = markdownParser();
  const tokens: Token[] = [];
  // What a full parse does around its block rules: markdown-it's normalisation before, and reference definitions
  // (which only fill the parse's references) taken out after.
  md.block.parse(markdown.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD'), md, {}, tokens);
  return tokens.filter((token) => token.type !== 'reference_definition');
}

/** What linkify-it needs in a text before it can find a link there, as markdown-it sets it up. */
export const MAY_HOLD_LINK = /[:@]|\/\//;

/**
 * markdown-it asks linkify-it about every block and text token; linkify-it answers by scanning the text with a
 * pattern of large Unicode classes, some 70 % of parsing a long document. With schema links (`http:`, `https:`,
 * `ftp:`, `mailto:`, `//`) and schemaless e-mail addresses (`@`) the only links on, as markdown-it has them, text
 * with none of `:`, `@` and `//` holds no link, and the scan is skipped (a test holds the answers to linkify-it's).
 */
function skipTextWithoutLinks(linkify: MarkdownIt['linkify']): void {
  const options = (linkify as unknown as { __opts__?: { fuzzyLink?: boolean; fuzzyIP?: boolean } }).__opts__;
  // Schemaless web addresses (`kl.dk`) need none of them: then every text is asked about.
  if (options === undefined || options.fuzzyLink !== false || options.fuzzyIP !== false) return;
  const test = linkify.test.bind(linkify);
  // Asking about '' answers no at once and resets what linkify-it keeps of its last answer for match(), as any no does.
  linkify.test = (text: string): boolean => test(MAY_HOLD_LINK.test(text) ? text : '');
}

/** The characters markdown-it's inline rules start at (its `isTerminatorChar`): its `text` rule reads up to one. */
export const INLINE_SYNTAX = /[\n!#$%&*+\-:<=>@[\\\]^_`{}~]/;

/**
 * markdown-it's core `inline` rule (each inline token's content parsed into its children), made shorter for content
 * without any of the characters its inline rules start at: there its `text` rule reads the whole content, and the
 * children are one text token of it, which is made here at once. Most of a meeting's text is such content, and parsing
 * it was about half of markdown-it's time in a cold run. A test holds the tokens to markdown-it's own.
 */
function inlineWithPlainText(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== 'inline') continue;
    const children = token.children ?? (token.children = []);
    if (INLINE_SYNTAX.test(token.content)) {
      state.md.inline.parse(token.content, state.md, state.env, children);
    } else if (token.content !== '') {
      const text = new state.Token('text', '', 0);
      text.content = token.content;
      children.push(text);
    }
  }
}

/**
 * markdown-it's block state, with its table of lines (where each begins and ends, and its indent) made line by line:
 * each line's end found natively, rather than markdown-it's reading of the whole source a character at a time in
 * script, which was a fifth of markdown-it's time in a cold 130-item render. The same table: a test holds it to
 * markdown-it's.
 */
function lineTableByLines(State: MarkdownIt['block']['State']): MarkdownIt['block']['State'] {
  return class StateByLines extends State {
    constructor(...[src, md, env, tokens]: ConstructorParameters<typeof State>) {
      super('', md, env, tokens);
      this.src = src;
      this.bMarks = [];
      this.eMarks = [];
      this.tShift = [];
      this.sCount = [];
      this.bsCount = [];
      for (let start = 0; start < src.length; ) {
        // The indent: spaces and tabs, a tab to the next multiple of four columns.
        let pos = start;
        let offset = 0;
        for (let ch = src.charCodeAt(pos); ch === 0x20 || ch === 0x09; ch = src.charCodeAt(++pos)) offset += ch === 0x09 ? 4 - (offset % 4) : 1;
        // As markdown-it has it, a last line of spaces only, without a line end, is no line.
        if (pos === src.length) break;
        let end = src.indexOf('\n', pos);
        if (end === -1) end = src.length;
        this.pushLine(start, end, pos - start, offset);
        start = end + 1;
      }
      this.pushLine(src.length, src.length, 0, 0);
      this.lineMax = this.bMarks.length - 1;
    }

    private pushLine(begin: number, end: number, indent: number, columns: number): void {
      this.bMarks.push(begin);
      this.eMarks.push(end);
      this.tShift.push(indent);
      this.sCount.push(columns);
      this.bsCount.push(0);
    }
  };
}

/** `<!-- ddh:list upper-alpha -->`, `<!-- ddh:pagebreak -->` or `<!-- ddh:keep-with-next -->` alone on a line: a directive for the Markdown stage. */
export const DIRECTIVE = /^<!--\s*ddh:(list\s+(decimal|lower-alpha|upper-alpha)|pagebreak|keep-with-next)\s*-->\s*$/;
