// The Markdown stage: rendered Markdown with YAML front matter in, the Doc every writer reads out.
//
// The Markdown is CommonMark with GFM tables; bare http(s) URLs and e-mail addresses become links.
// What CommonMark cannot say is written as an HTML comment alone on its line (a directive):
//
//   <!-- ddh:list upper-alpha -->   the ordered list right after it is lettered A, B, C
//   <!-- ddh:list lower-alpha -->   … lettered a, b, c
//   <!-- ddh:list decimal -->       … numbered 1, 2, 3 (the default; also ends a list, so the
//                                       next one starts at its own first number)
//   <!-- ddh:pagebreak -->          a page break
//   <!-- ddh:keep-with-next -->     the paragraph right after it stays on the page of the block after that:
//                                       for a label ("**Referat:**"), which must not end a page alone
//
// The list is written with numbers (`1.`, `2.`, or `3.` to start at C) so any Markdown reader still
// sees an ordered list. A directive applies only to the block right after it. Any other HTML, and a
// comment that is not a directive, is printed as literal text: nothing in the sources is dropped.
// Inline code and code blocks become plain text, line for line.

import YAML from 'yaml';
import type { Token } from 'markdown-it';
import { DdhError, problem } from '../diagnostics.js';
import type { Block, Doc, DocMeta, Inline, ListStyle, TextRun } from '../doc.js';
import { DIRECTIVE, markdownParser } from '../markdown-dialect.js';
import { readPlainYaml } from '../yaml-plain.js';

const DEFAULT_META: DocMeta = {
  title: '',
  subject: '',
  author: '',
  lang: 'da-DK',
  date: '',
  draft: false,
  header: '',
  font: 'Calibri',
  colour: '1F4E79',
};

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Parses rendered Markdown (front matter optional) into the document model. */
export function parseMarkdown(markdown: string): Doc {
  const match = FRONT_MATTER.exec(markdown);
  const meta = match === null ? { ...DEFAULT_META } : readMeta(match[1] ?? '');
  const body = match === null ? markdown.replace(/^\uFEFF/, '') : markdown.slice(match[0].length);
  return { meta, blocks: new BlockReader(markdownParser().parse(body, {})).read() };
}

/** Bounds for the direct reader; the templates stage writes a dozen plain keys. */
const META_LIMITS = { depth: 4, nodes: 100 };

function readMeta(text: string): DocMeta {
  let data: unknown;
  try {
    // The templates stage writes plain YAML, which the direct reader takes without running `yaml` cold; other front
    // matter is parsed by `yaml`. On what the templates stage writes the two agree, as it quotes text YAML would read
    // as a number or boolean (a test holds them to it).
    data = readPlainYaml(text, 'mapping', META_LIMITS) ?? YAML.parse(text);
  } catch (error) {
    throw new DdhError(
      [problem('', `the document's front matter is not valid YAML: ${error instanceof Error ? error.message : String(error)}`, { rule: 'front-matter' })],
      { cause: error },
    );
  }
  const fields: Record<string, unknown> = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const field = (key: keyof DocMeta): string | undefined => {
    const value = fields[key];
    return typeof value === 'string' ? value : undefined;
  };
  const meta: DocMeta = {
    title: field('title') ?? DEFAULT_META.title,
    subject: field('subject') ?? DEFAULT_META.subject,
    author: field('author') ?? DEFAULT_META.author,
    lang: field('lang') ?? DEFAULT_META.lang,
    date: field('date') ?? DEFAULT_META.date,
    draft: fields['draft'] === true,
    header: field('header') ?? DEFAULT_META.header,
    font: field('font') ?? DEFAULT_META.font,
    colour: field('colour') ?? DEFAULT_META.colour,
  };
  const logo = field('logo');
  if (logo !== undefined) meta.logo = logo;
  return meta;
}

interface Emphasis {
  bold: number;
  italic: number;
}

/** Walks markdown-it's flat token stream once, building nested blocks. */
class BlockReader {
  private index = 0;
  /** What a directive asked of the block right after it: a list style, or keeping a paragraph with the next block. */
  private pending: { style?: ListStyle; keep?: true } = {};

  constructor(private readonly tokens: Token[]) {}

  read(): Block[] {
    return this.blocks(undefined);
  }

  /** Reads blocks up to the closing token `until` (consumed), or to the end. */
  private blocks(until: string | undefined): Block[] {
    const out: Block[] = [];
    while (this.index < this.tokens.length) {
      const token = this.next();
      if (token.type === until) break;
      const { style, keep } = this.pending;
      this.pending = {};
      switch (token.type) {
        case 'heading_open': {
          const children = this.inlineOf(this.next());
          this.next();
          if (children.length > 0) out.push({ type: 'heading', level: Number(token.tag.slice(1)) as 1 | 2 | 3 | 4 | 5 | 6, children });
          break;
        }
        case 'paragraph_open': {
          const children = this.inlineOf(this.next());
          this.next();
          if (children.length > 0) out.push(keep === true ? { type: 'paragraph', children, keepWithNext: true } : { type: 'paragraph', children });
          break;
        }
        case 'bullet_list_open':
          out.push({ type: 'list', ordered: false, items: this.listItems('bullet_list_close') });
          break;
        case 'ordered_list_open': {
          const start = Number(token.attrGet('start') ?? 1);
          out.push({ type: 'list', ordered: true, style: style ?? 'decimal', start, items: this.listItems('ordered_list_close') });
          break;
        }
        case 'blockquote_open':
          out.push(...this.blocks('blockquote_close'));
          break;
        case 'hr':
          out.push({ type: 'rule' });
          break;
        case 'table_open':
          out.push(this.table());
          break;
        case 'fence':
        case 'code_block':
          pushLiteral(out, token.content);
          break;
        case 'html_block':
          this.htmlBlock(out, token.content);
          break;
        default:
          break;
      }
    }
    this.pending = {};
    return out;
  }

  private next(): Token {
    const token = this.tokens[this.index++];
    if (token === undefined) throw new Error('markdown token stream ended early');
    return token;
  }

  private listItems(close: string): Block[][] {
    const items: Block[][] = [];
    while (this.index < this.tokens.length) {
      const token = this.next();
      if (token.type === close) break;
      if (token.type === 'list_item_open') items.push(this.blocks('list_item_close'));
    }
    return items;
  }

  private table(): Block {
    const header: Inline[][] = [];
    const rows: Inline[][][] = [];
    let row: Inline[][] | undefined;
    let inHead = false;
    while (this.index < this.tokens.length) {
      const token = this.next();
      if (token.type === 'table_close') break;
      if (token.type === 'thead_open') inHead = true;
      else if (token.type === 'thead_close') inHead = false;
      else if (token.type === 'tr_open') row = inHead ? header : [];
      else if (token.type === 'tr_close' && row !== undefined && !inHead) rows.push(row);
      else if (token.type === 'inline') row?.push(this.inlineOf(token));
    }
    return { type: 'table', header, rows };
  }

  private htmlBlock(out: Block[], content: string): void {
    const directive = DIRECTIVE.exec(content.trim());
    if (directive === null) pushLiteral(out, content);
    else if (directive[1] === 'pagebreak') out.push({ type: 'pageBreak' });
    else if (directive[1] === 'keep-with-next') this.pending = { keep: true };
    else this.pending = { style: directive[2] as ListStyle };
  }

  private inlineOf(token: Token): Inline[] {
    const out: Inline[] = [];
    const emphasis: Emphasis = { bold: 0, italic: 0 };
    const children = token.children ?? [];
    for (let i = 0; i < children.length; i++) {
      const child = children[i] as Token;
      switch (child.type) {
        case 'strong_open':
          emphasis.bold++;
          break;
        case 'strong_close':
          emphasis.bold--;
          break;
        case 'em_open':
          emphasis.italic++;
          break;
        case 'em_close':
          emphasis.italic--;
          break;
        case 'hardbreak':
          out.push({ type: 'break' });
          break;
        case 'softbreak':
          pushText(out, ' ', emphasis);
          break;
        case 'link_open': {
          const runs: Inline[] = [];
          const inner: Emphasis = { ...emphasis };
          for (i++; i < children.length && children[i]?.type !== 'link_close'; i++) {
            const part = children[i] as Token;
            if (part.type === 'strong_open' || part.type === 'strong_close') inner.bold += part.type === 'strong_open' ? 1 : -1;
            else if (part.type === 'em_open' || part.type === 'em_close') inner.italic += part.type === 'em_open' ? 1 : -1;
            else pushText(runs, part.type === 'softbreak' || part.type === 'hardbreak' ? ' ' : part.content, inner);
          }
          out.push({ type: 'link', href: String(child.attrGet('href') ?? ''), children: runs as TextRun[] });
          break;
        }
        case 'image': {
          const src = String(child.attrGet('src') ?? '');
          out.push({ type: 'link', href: src, children: [textRun(child.content === '' ? src : child.content, emphasis)] });
          break;
        }
        default:
          // text, code_inline, html_inline (printed literally), and anything else that carries text
          pushText(out, child.content, emphasis);
      }
    }
    return out;
  }
}

function textRun(text: string, emphasis: Emphasis): TextRun {
  const run: TextRun = { type: 'text', text };
  if (emphasis.bold > 0) run.bold = true;
  if (emphasis.italic > 0) run.italic = true;
  return run;
}

/** Appends text, merging it into the previous run when the emphasis is the same. */
function pushText(out: Inline[], text: string, emphasis: Emphasis): void {
  if (text === '') return;
  const run = textRun(text, emphasis);
  const last = out[out.length - 1];
  if (last?.type === 'text' && last.bold === run.bold && last.italic === run.italic) last.text += text;
  else out.push(run);
}

/** Code and non-directive HTML: one paragraph, its lines kept apart by breaks, every character kept. */
function pushLiteral(out: Block[], content: string): void {
  const lines = content.replace(/\n$/, '').split('\n');
  const children: Inline[] = [];
  for (const [i, line] of lines.entries()) {
    if (i > 0) children.push({ type: 'break' });
    if (line !== '') children.push({ type: 'text', text: line });
  }
  if (children.some((c) => c.type === 'text')) out.push({ type: 'paragraph', children });
}
