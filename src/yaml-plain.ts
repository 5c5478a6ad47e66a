// A direct reader for the plain YAML that ddh files nearly always are; anything outside it goes to the full parser.
//
// Parsing a small front matter with `yaml`'s document model costs about 75 µs, half of validating a repository. This
// reader takes only block mappings and sequences of one-line scalars (plain, quoted without escapes, or a flow list
// of plain words), with comments, and gives exactly the data the full path gives for them. For any other text
// (anchors, tags, block scalars, multi-line scalars, duplicate keys, odd indentation) it returns undefined, and the
// caller parses with `yaml`; a test compares the two on generated documents. Shared by the load stage (item files,
// given only text its cleaner leaves as it is) and the Markdown stage (the document's front matter).

/** Bounds as the full path's: a document past them is left to it, which reports them. */
export interface PlainLimits {
  depth: number;
  nodes: number;
}

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
/** Keys the full path refuses or reads as something other than their text. */
const SPECIAL_KEYS = /^(?:__proto__|constructor|prototype|~|null|Null|NULL)$/;
/** Characters that give a scalar's first character a meaning in YAML. */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** Text the reader does not take at all: tabs, CR, BOM and Unicode line separators. */
const UNTAKEN = /[\t\r\ufeff\u2028\u2029]/;
const NULL = /^(?:~|null|Null|NULL)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;

interface Line {
  indent: number;
  text: string;
}

/** Signals text outside the subset; caught once at the top. */
class NotPlain extends Error {}

/**
 * The data in `text` when it is plain block YAML whose top level is `expect`, else undefined. Scalars resolve as the
 * full path resolves them: null and booleans by YAML 1.2's core schema, everything else (numbers too) as written;
 * mapping entries with null values are left out.
 */
export function readPlainYaml(text: string, expect: 'mapping' | 'list', limits: PlainLimits): unknown {
  if (UNTAKEN.test(text)) return undefined;
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    const body = raw.replace(/^ +/, '');
    if (body === '' || body.startsWith('#')) continue;
    lines.push({ indent: raw.length - body.length, text: withoutTrailingSpaces(body) });
  }
  const first = lines[0];
  if (first === undefined || first.indent !== 0) return undefined;
  if ((isEntry(first.text) ? 'list' : 'mapping') !== expect) return undefined;
  const reader = new Reader(lines, limits);
  try {
    const value = reader.collection(0, 0);
    return reader.done() ? value : undefined;
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}

class Reader {
  private at = 0;
  private nodes = 0;

  constructor(
    private readonly lines: readonly Line[],
    private readonly limits: PlainLimits,
  ) {}

  done(): boolean {
    return this.at === this.lines.length;
  }

  /** The mapping or sequence whose entries start at column `indent` of the current line. */
  collection(indent: number, depth: number): unknown {
    this.count(depth);
    const line = this.lines[this.at];
    return line !== undefined && isEntry(line.text) ? this.sequence(indent, depth) : this.mapping(indent, depth);
  }

  /** A block mapping; `inline` is its first entry when it starts after a sequence's `- `. */
  private mapping(indent: number, depth: number, inline?: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    for (let entry = inline; ; entry = undefined) {
      if (entry === undefined) {
        const line = this.lines[this.at];
        if (line === undefined || line.indent < indent) return out;
        if (line.indent > indent) throw new NotPlain();
        entry = line.text;
        this.at++;
      }
      const match = KEY.exec(entry);
      const key = match?.[1];
      if (key === undefined || SPECIAL_KEYS.test(key) || seen.has(key)) throw new NotPlain();
      seen.add(key);
      const rest = match?.[2];
      const value = rest === undefined || rest.startsWith('#') ? this.nested(indent, depth, true) : this.scalar(rest, depth);
      if (value !== null) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      this.atMost(indent);
    }
  }

  private sequence(indent: number, depth: number): unknown[] {
    const out: unknown[] = [];
    for (let line = this.lines[this.at]; line !== undefined && line.indent === indent && isEntry(line.text); line = this.lines[this.at]) {
      this.at++;
      const rest = line.text.slice(2);
      if (rest === '' || rest.startsWith('#')) out.push(this.nested(indent, depth, false));
      else if (rest.startsWith(' ')) throw new NotPlain();
      else if (KEY.test(rest)) {
        this.count(depth + 1);
        out.push(this.mapping(indent + 2, depth + 1, rest));
      } else out.push(this.scalar(rest, depth));
      this.atMost(indent);
    }
    return out;
  }

  /** The value on the lines after `key:` or `-`: a deeper collection, a sequence level with a key, or null. */
  private nested(indent: number, depth: number, sequenceAlongside: boolean): unknown {
    const next = this.lines[this.at];
    if (next === undefined) return null;
    if (next.indent > indent) return this.collection(next.indent, depth + 1);
    if (sequenceAlongside && next.indent === indent && isEntry(next.text)) {
      this.count(depth + 1);
      return this.sequence(indent, depth + 1);
    }
    return null;
  }

  /**
   * One-line scalar or flow list, up to a comment (`#` after a space); continuation lines, which would be more
   * indented, are refused by `atMost`.
   */
  private scalar(rest: string, depth: number): unknown {
    this.count(depth + 1);
    const quoted = /^'((?:[^']|'')*)'|^"([^"\\]*)"/.exec(rest);
    if (quoted !== null) {
      if (!/^(?: +#.*)?$/.test(rest.slice(quoted[0].length))) throw new NotPlain();
      return quoted[2] ?? (quoted[1] ?? '').replace(/''/g, "'");
    }
    const comment = rest.indexOf(' #');
    const text = comment < 0 ? rest : withoutTrailingSpaces(rest.slice(0, comment));
    if (text.startsWith('[')) return this.flowList(text, depth + 1);
    if (INDICATOR_START.test(text) || text.includes(': ') || text.endsWith(':')) throw new NotPlain();
    return resolve(text);
  }

  /** `[A, B]` of plain words: flow scalars may not hold `,[]{}` and, here, no quotes or colons. */
  private flowList(text: string, depth: number): unknown[] {
    const inner = text.slice(1, -1);
    if (!text.endsWith(']') || /[[\]{}'":]/.test(inner)) throw new NotPlain();
    if (/^ *$/.test(inner)) return [];
    return inner.split(',').map((raw) => {
      const word = withoutTrailingSpaces(raw.replace(/^ +/, ''));
      if (word === '' || INDICATOR_START.test(word)) throw new NotPlain();
      this.count(depth);
      return resolve(word);
    });
  }

  /** Lines after an entry that are more indented than it belong to nothing the reader takes. */
  private atMost(indent: number): void {
    const next = this.lines[this.at];
    if (next !== undefined && next.indent > indent) throw new NotPlain();
  }

  /** Half the full path's bounds, so that counting a little differently from it can never accept what it refuses. */
  private count(depth: number): void {
    if (2 * depth > this.limits.depth || 2 * ++this.nodes > this.limits.nodes) throw new NotPlain();
  }
}

/** By hand: `/ +$/` takes quadratic time on a long run of spaces that does not end the text. */
function withoutTrailingSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
  return text.slice(0, end);
}

function isEntry(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/** YAML 1.2 core resolution as the full path keeps it: numbers stay the text written, since no ddh field is one. */
function resolve(word: string): string | boolean | null {
  if (NULL.test(word)) return null;
  if (TRUE.test(word)) return true;
  if (FALSE.test(word)) return false;
  return word;
}
