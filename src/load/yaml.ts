// Safe YAML parsing with positions: a cheap gate against hostile nesting, a direct reader for plain files, else `yaml`
// (1.2 core) and our own walk to plain data.

import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { problem, uniqueDiagnostics, type Diagnostic } from '../diagnostics.js';
import { readPlainYaml } from '../yaml-plain.js';
import { isCleanText, sanitizeText } from './source.js';

/** Real items never come near these; they bound the work any text can cause. */
export const YAML_LIMITS = { bytes: 1_000_000, depth: 32, aliases: 50, nodes: 20_000 } as const;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The library's notes on tags it cannot resolve: the walker refuses every written tag itself, naming it, so they would only repeat that. */
const TAG_WARNINGS = new Set(['TAG_RESOLVE_FAILED', 'BAD_COLLECTION_TYPE']);

/** Keys whose values are file paths. */
const PATH_KEYS = new Set(['file', 'logo']);

/** A 1-based position in the file (not in the YAML snippet). */
export interface Position {
  line: number;
  column: number;
}

/** The outcome of parsing one YAML text: plain data (undefined when there were errors) and the means to place a path. */
export interface ParsedYaml {
  value: unknown;
  diagnostics: Diagnostic[];
  /** Position of the node at `path`: the value (or with `key` its key), the key when the value is empty, else the nearest parent. */
  locate(path: readonly (string | number)[], options?: { key?: boolean }): Position;
}

export interface YamlOptions {
  /** Line in the file of the YAML's first line: 2 for front matter after `---`, 1 for a .yaml file. */
  firstLine?: number;
  /** What the top level must be; an empty document counts as an empty one of these. */
  expect: 'mapping' | 'list';
}

/** `attachments[1].file` from `['attachments', 1, 'file']`. */
export function formatField(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** `['attachments', 1, 'file']` from ajv's `/attachments/1/file`. */
export function parseInstancePath(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/**
 * Parses YAML text safely and completely: every problem becomes a Diagnostic with the file's own line and column.
 * Plain scalars stay as written where YAML would make a number (`0800`, `1.10`); dates stay strings; empty map
 * values count as absent; keys that reach object prototypes, tags and excessive aliases are refused before any
 * data is built.
 */
export function parseYaml(text: string, file: string, options: YamlOptions): ParsedYaml {
  const offset = (options.firstLine ?? 1) - 1;
  const gate = gateYaml(text, file, offset);
  const unplaced: ParsedYaml['locate'] = () => ({ line: offset + 1, column: 1 });
  if (gate) return { value: undefined, diagnostics: [gate], locate: unplaced };

  // Text the cleaner would change goes the full way, which reports each removed character where it was.
  const plain = isCleanText(text) ? readPlainYaml(text, options.expect, YAML_LIMITS) : undefined;
  if (plain !== undefined) {
    // Positions are wanted only for a problem, so the full parse that gives them waits until one is placed.
    let full: ((path: readonly (string | number)[], key: boolean) => Position | undefined) | undefined;
    const locate: ParsedYaml['locate'] = (path, opts) => {
      full ??= fullParse(text, offset).locate;
      return full(path, opts?.key ?? false) ?? unplaced(path);
    };
    return { value: plain, diagnostics: [], locate };
  }

  return parseWithYaml(text, file, options);
}

/** The full path of `parseYaml`, after the gate: `yaml`'s document walked to plain data. Exported for the tests that hold the direct reader to it. */
export function parseWithYaml(text: string, file: string, options: YamlOptions): ParsedYaml {
  const offset = (options.firstLine ?? 1) - 1;
  const unplaced: ParsedYaml['locate'] = () => ({ line: offset + 1, column: 1 });
  const { doc, at, locate: place } = fullParse(text, offset);
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    const hint = yamlHint(e.code);
    diagnostics.push(problem(file, yamlMessage(e.code, e.message, text, e.pos[0]), { rule: 'yaml', ...at(errorStart(e.code, e.message, text, e.pos[0])), ...(hint ? { hint } : {}) }));
  }
  for (const w of doc.warnings) {
    if (TAG_WARNINGS.has(w.code)) continue;
    diagnostics.push(problem(file, firstSentence(w.message), { rule: 'yaml', severity: 'warning', ...at(w.pos[0]) }));
  }
  const locate: ParsedYaml['locate'] = (path, opts) => place(path, opts?.key ?? false) ?? unplaced(path);
  if (doc.errors.length > 0) return { value: undefined, diagnostics, locate };

  const contents = doc.contents;
  const kind = contents === null || (isScalar(contents) && contents.value === null) ? 'empty' : isMap(contents) ? 'mapping' : isSeq(contents) ? 'list' : 'other';
  if (kind !== 'empty' && kind !== options.expect) {
    const found = kind === 'mapping' ? 'a mapping' : kind === 'list' ? 'a list' : 'a single value';
    const example = options.expect === 'mapping' ? 'keys such as `title: Velkomst`' : 'entries starting with `- `';
    diagnostics.push(
      problem(file, `must be a ${options.expect}, found ${found}`, { rule: 'yaml', ...at(contents?.range?.[0] ?? 0), hint: `write ${example}` }),
    );
    return { value: undefined, diagnostics, locate };
  }
  if (kind === 'empty') return { value: options.expect === 'mapping' ? {} : [], diagnostics, locate };

  const walker = new Walker(file, at);
  const value = walker.convert(contents as Node, [], 0);
  diagnostics.push(...uniqueDiagnostics(walker.diagnostics));
  return { value: walker.failed ? undefined : value, diagnostics, locate };
}

/** `yaml`'s document of `text`, with the means to turn its offsets into positions in the file. */
function fullParse(text: string, offset: number) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false, merge: false, keepSourceTokens: false });
  const at = (pos: number): Position => {
    const { line, col } = lineCounter.linePos(pos);
    return { line: line + offset, column: col };
  };
  return { doc, at, locate: (path: readonly (string | number)[], key: boolean) => locateNode(doc, path, at, key) };
}

/** Builds plain data from the AST: null-free maps of own properties, no prototype keys, bounded alias expansion. */
class Walker {
  readonly diagnostics: Diagnostic[] = [];
  failed = false;
  private aliases = 0;
  private nodes = 0;

  constructor(
    private readonly file: string,
    private readonly at: (pos: number) => Position,
  ) {}

  private error(node: { range?: [number, number, number] | null } | null | undefined, message: string, hint?: string): undefined {
    this.failed = true;
    this.diagnostics.push(problem(this.file, message, { rule: 'yaml', ...this.at(node?.range?.[0] ?? 0), ...(hint ? { hint } : {}) }));
    return undefined;
  }

  convert(node: Node, path: (string | number)[], depth: number): unknown {
    if (++this.nodes > YAML_LIMITS.nodes) {
      if (this.nodes === YAML_LIMITS.nodes + 1) this.error(node, `too many values (more than ${YAML_LIMITS.nodes})`, 'an item needs far fewer; look for repeated aliases (*name)');
      return undefined;
    }
    if (depth > YAML_LIMITS.depth) return this.error(node, `nested deeper than ${YAML_LIMITS.depth} levels`);
    if (node.tag !== undefined && node.tag !== 'tag:yaml.org,2002:str' && !isAlias(node) && hasExplicitTag(node)) {
      return this.error(node, `YAML tag '${node.tag.replace('tag:yaml.org,2002:', '!!')}' is not supported`, 'remove the tag (the part starting with !); write the value as plain text');
    }
    if (isAlias(node)) {
      if (++this.aliases > YAML_LIMITS.aliases) {
        if (this.aliases === YAML_LIMITS.aliases + 1) this.error(node, `too many aliases (more than ${YAML_LIMITS.aliases}): this looks like an alias bomb`, 'write the values out instead of repeating *aliases');
        return undefined;
      }
      // A document's anchors are resolved against the document the node belongs to.
      const target = node.source === undefined ? undefined : this.anchors.get(node.source);
      if (target === undefined) return this.error(node, `unknown alias *${node.source}`);
      return this.convert(target, path, depth + 1);
    }
    if (isScalar(node)) {
      if (node.anchor !== undefined) this.anchors.set(node.anchor, node);
      const v = node.value;
      if (typeof v === 'number' || typeof v === 'bigint') {
        // No ddh field is a number: keep `0800` and `1.10` exactly as written.
        return node.type === 'PLAIN' && node.source !== undefined ? this.clean(String(node.source), node, path) : String(v);
      }
      if (typeof v === 'string') return this.clean(v, node, path);
      return v;
    }
    if (isSeq(node)) {
      if (node.anchor !== undefined) this.anchors.set(node.anchor, node);
      const out: unknown[] = [];
      node.items.forEach((item, i) => {
        out.push(item === null ? null : this.convert(item as Node, [...path, i], depth + 1));
      });
      return out;
    }
    if (isMap(node)) {
      if (node.anchor !== undefined) this.anchors.set(node.anchor, node);
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = this.keyOf(pair);
        if (key === undefined) continue;
        const value = pair.value === null ? null : this.convert(pair.value as Node, [...path, key], depth + 1);
        if (value === null || value === undefined) continue;
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return this.error(node, 'unsupported YAML value');
  }

  private readonly anchors = new Map<string, Node>();

  private keyOf(pair: Pair): string | undefined {
    const k = pair.key;
    if (!isScalar(k) || k.value === null || typeof k.value === 'object') {
      this.error(isScalar(k) || isMap(k) || isSeq(k) || isAlias(k) ? k : null, 'keys must be plain text', 'write `key: value`');
      return undefined;
    }
    const key = typeof k.value === 'number' && k.type === 'PLAIN' && k.source !== undefined ? String(k.source) : String(k.value);
    if (FORBIDDEN_KEYS.has(key)) {
      this.error(k, `key '${key}' is not allowed`, 'remove this key: it is not a ddh field');
      return undefined;
    }
    return key;
  }

  private clean(text: string, node: Node, path: (string | number)[]): string {
    // Paths are never printed as document text; the path rules refuse NUL and control characters instead of
    // silently removing them, which could make a refused path point at another file.
    if (PATH_KEYS.has(String(path.at(-1)))) return text;
    const { text: cleaned, warnings } = sanitizeText(text, this.file, { ...this.at(node.range?.[0] ?? 0), field: formatField(path) });
    this.diagnostics.push(...warnings);
    return cleaned;
  }
}

/** True when the source carried a tag (`!foo`, `!!binary`) rather than the schema resolving one for a plain value. */
function hasExplicitTag(node: Node): boolean {
  // The core schema resolves plain and quoted scalars without setting `tag`; a tag present means it was written.
  return typeof node.tag === 'string';
}

/** Position of the node at `path`: the value, the key when the value is empty, or the deepest existing parent. */
function locateNode(doc: Document, path: readonly (string | number)[], at: (pos: number) => Position, key: boolean): Position | undefined {
  let node: unknown = doc.contents;
  let best: Position | undefined = rangeStart(node, at);
  for (const [i, seg] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.source ?? p.key.value) === String(seg));
      if (!isPair(pair)) return best;
      const last = i === path.length - 1;
      best = (last && key ? rangeStart(pair.key, at) : undefined) ?? rangeStart(pair.value, at) ?? rangeStart(pair.key, at) ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) return best;
      best = rangeStart(item, at) ?? best;
      node = item;
    } else {
      return best;
    }
  }
  return best;
}

function rangeStart(node: unknown, at: (pos: number) => Position): Position | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? at(range[0]) : undefined;
}

function firstSentence(message: string): string {
  return message.split(/ at line \d+/)[0]?.trim() ?? message;
}

/** Where to point for an error: an unterminated quote is reported by `yaml` at the end, the user needs its start. */
function errorStart(code: string, message: string, text: string, pos: number): number {
  if (code !== 'MISSING_CHAR') return pos;
  const quote = /closing (["'])/.exec(message)?.[1];
  const open = quote === undefined ? -1 : text.lastIndexOf(quote, pos - 1);
  return open >= 0 ? open : pos;
}

function yamlMessage(code: string, message: string, text: string, pos: number): string {
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = /^[^:\n]*/.exec(text.slice(pos))?.[0].trim();
      return key ? `duplicate key '${key}'` : 'duplicate key';
    }
    case 'TAB_AS_INDENT':
      return 'tab used for indentation';
    case 'MISSING_CHAR':
      return /quote/i.test(message) ? 'unterminated quote' : firstSentence(message);
    case 'MULTIPLE_DOCS':
      return 'more than one YAML document (a line `---` inside the YAML)';
    default:
      return firstSentence(message);
  }
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each key may appear once; delete or rename one of them';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'MISSING_CHAR':
      return 'close the quote, or write the value without quotes';
    case 'BAD_INDENT':
      return 'indent values under the same key by the same number of spaces';
    default:
      return undefined;
  }
}

/** Flow collections opened in a text the gate need not read, at most: an item's `types: [O, B]` is one. */
const FEW_FLOW_OPENINGS = 8;
const FLOW_OPENING = /[[{]/g;
/** A line starting with enough spaces and dashes to open, with the few flow levels, more levels than the limit. */
const DEEP_START = new RegExp(`^[ -]{${YAML_LIMITS.depth - 1 - FEW_FLOW_OPENINGS}}`, 'm');

/**
 * Whether a text could nest deeper than the limit, found natively, so that most text (nearly every file) is not read
 * character by character. Each `[` or `{` opens at most one flow level. Block levels are strictly increasing columns,
 * each at most one past a line's leading spaces and dashes, so a text whose lines start with fewer than
 * depth − 1 − FEW_FLOW_OPENINGS of them has at most depth − FEW_FLOW_OPENINGS block levels.
 */
function mayNestDeep(text: string): boolean {
  FLOW_OPENING.lastIndex = 0;
  for (let openings = 0; FLOW_OPENING.test(text); ) if (++openings > FEW_FLOW_OPENINGS) return true;
  return DEEP_START.test(text);
}

/**
 * A cheap look at the raw text before the parser sees it: too large, or nested deeper than any real file
 * (flow `[[[[` or block `- - - -`). `yaml` can abort the whole process on very deep nesting, so this runs first.
 */
export function gateYaml(text: string, file: string, lineOffset = 0): Diagnostic | undefined {
  if (text.length > YAML_LIMITS.bytes) {
    return problem(file, `YAML too large (${text.length} characters; the limit is ${YAML_LIMITS.bytes})`, { rule: 'yaml-limit', line: lineOffset + 1, column: 1 });
  }
  if (!mayNestDeep(text)) return undefined;
  const tooDeep = (line: number, column: number): Diagnostic =>
    problem(file, `nested deeper than ${YAML_LIMITS.depth} levels`, {
      rule: 'yaml-limit',
      line: line + lineOffset,
      column,
      hint: 'ddh files need only a few levels of lists and keys',
    });
  const indents: number[] = [];
  let flow = 0;
  let blockScalarIndent = -1;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] ?? '';
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    if (line.trim() === '' || (blockScalarIndent >= 0 && indent > blockScalarIndent)) continue;
    blockScalarIndent = -1;
    let i = indent;
    if (flow === 0) {
      while (indents.length > 0 && (indents.at(-1) ?? 0) >= indent) indents.pop();
      indents.push(indent);
      // Compact nested sequences: `- - - x` opens one level per dash.
      while (line.startsWith('- ', i) || (line[i] === '-' && i + 1 === line.length)) {
        indents.push(i + 2);
        i += 2;
        while (line[i] === ' ') i++;
      }
      if (indents.length > YAML_LIMITS.depth) return tooDeep(n + 1, i + 1);
    }
    let quote: string | undefined;
    let valueStart = true;
    for (; i < line.length; i++) {
      const c = line[i];
      if (quote !== undefined) {
        if (c === quote) {
          if (quote === "'" && line[i + 1] === "'") i++;
          else quote = undefined;
        } else if (c === '\\' && quote === '"') i++;
        continue;
      }
      if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
      if ((c === '"' || c === "'") && (valueStart || (flow > 0 && /[[{,:\s]/.test(line[i - 1] ?? ' ')))) quote = c;
      else if ((c === '[' || c === '{') && (valueStart || flow > 0)) {
        flow++;
        if (flow + indents.length > YAML_LIMITS.depth) return tooDeep(n + 1, i + 1);
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
      else if (flow === 0 && (c === '|' || c === '>') && valueStart && /^[|>][-+0-9]*\s*(#.*)?$/.test(line.slice(i))) {
        blockScalarIndent = indent;
        break;
      }
      if (c === ' ' || c === '\t') continue;
      // In block context a value starts after `key: ` or `- `; inside flow every position may open a collection.
      valueStart = (c === ':' || c === '-' || c === '?') && (line[i + 1] === ' ' || line[i + 1] === undefined);
    }
  }
  return undefined;
}
