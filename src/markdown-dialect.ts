// The Markdown dialect shared by the templates stage (which writes it) and the Markdown stage (which reads it): CommonMark with GFM tables and linkified URLs.

import markdownIt, { type MarkdownIt } from 'markdown-it';

let parser: MarkdownIt | undefined;

/**
 * The markdown-it parser both Markdown stages agree on: the templates stage reads item text with it to
 * normalise it, the Markdown stage turns the rendered document into a Doc. Raw HTML is recognised only so
 * the `<!-- ddh:… -->` directives can be seen; the Markdown stage prints any other HTML as literal text.
 */
export function markdownParser(): MarkdownIt {
  parser ??= markdownIt('commonmark', { html: true, linkify: true, typographer: false }).enable(['table', 'linkify']);
  return parser;
}

/** `<!-- ddh:list upper-alpha -->`, `<!-- ddh:pagebreak -->` or `<!-- ddh:keep-with-next -->` alone on a line: a directive for the Markdown stage. */
export const DIRECTIVE = /^<!--\s*ddh:(list\s+(decimal|lower-alpha|upper-alpha)|pagebreak|keep-with-next)\s*-->\s*$/;
