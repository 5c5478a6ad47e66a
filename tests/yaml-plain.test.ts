// The direct reader of plain YAML: it must give exactly what the full `yaml` path gives, or decline.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isCleanText, splitFrontMatter } from '../src/load/source.js';
import { readPlainYaml } from '../src/yaml-plain.js';
import { parseWithYaml, parseYaml, YAML_LIMITS } from '../src/load/yaml.js';

const root = path.resolve(import.meta.dirname, '..');
type Shape = 'mapping' | 'list';

/** The reader as the load stage uses it: only on text the cleaner leaves as it is. */
const plain = (text: string, shape: Shape = 'mapping') => (isCleanText(text) ? readPlainYaml(text, shape, YAML_LIMITS) : undefined);

/** Every check: the reader declines, or the full path gives the same data and no diagnostic at all (parseYaml reports none for what the reader takes). */
function expectSameAsFull(text: string, shape: Shape): boolean {
  const direct = plain(text, shape);
  if (direct !== undefined) {
    const full = parseWithYaml(text, 'f.yaml', { expect: shape });
    expect(full.diagnostics, text).toEqual([]);
    expect(direct, text).toStrictEqual(full.value);
  }
  return direct !== undefined;
}

/** Every YAML text the repository ships: meeting.yaml files, settings and the items' front matter. */
function shippedYaml(): { file: string; text: string; shape: Shape }[] {
  const out: { file: string; text: string; shape: Shape }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.yaml')) {
        const shape = entry.name === 'plan.yaml' || entry.name === 'members.yaml' ? 'list' : 'mapping';
        out.push({ file: full, text: readFileSync(full, 'utf8'), shape });
      } else if (entry.name.endsWith('.md')) {
        out.push({ file: full, text: splitFrontMatter(readFileSync(full, 'utf8'), full).yaml, shape: 'mapping' });
      }
    }
  };
  walk(path.join(root, 'meetings'));
  out.push({ file: 'ddh.yaml', text: readFileSync(path.join(root, 'ddh.yaml'), 'utf8'), shape: 'mapping' });
  return out;
}

describe('readPlainYaml', () => {
  test('reads the files ddh ships itself, giving what the full path gives', () => {
    const files = shippedYaml();
    expect(files.length).toBeGreaterThan(20);
    const taken = files.filter(({ text, shape }) => expectSameAsFull(text, shape));
    // The speed it exists for: the example meetings' items and meeting files are read directly, all but those with a
    // block scalar (`update: |-`), which the reader leaves to the full path.
    const items = files.filter((f) => (f.file.endsWith('.md') || f.file.endsWith('meeting.yaml')) && !/: +[|>]/.test(f.text));
    expect(items.length).toBeGreaterThan(15);
    expect(items.filter((f) => taken.includes(f)).map((f) => f.file)).toEqual(items.map((f) => f.file));
  });

  test('reads mappings, lists, lists alongside a key, quoted text and flow lists of words', () => {
    const text = [
      'title: Status, budget og plan for 2027',
      "presenter: 'Sekretariatet ''DDH'''",
      'time: "10:00-12:00"',
      'url: https://example.org/a?b=c',
      'types: [D, B]',
      'none: []',
      'empty:',
      'closed: false',
      'carried:',
      '- id: punkt-a',
      '  since: 2026-01-27',
      '  note: ~',
      '-',
      'remote:',
      '  - Anne Holm',
      '  - name: Bo Lund',
      '    org: Aarhus Kommune',
      '# a comment line',
      '',
      'n: 0800  # as written',
      "q: 'a #b' # c",
      'h: x#y',
      'c: # nothing',
    ].join('\n');
    expect(plain(text)).toStrictEqual({
      title: 'Status, budget og plan for 2027',
      presenter: "Sekretariatet 'DDH'",
      time: '10:00-12:00',
      url: 'https://example.org/a?b=c',
      types: ['D', 'B'],
      none: [],
      closed: false,
      carried: [{ id: 'punkt-a', since: '2026-01-27' }, null],
      remote: ['Anne Holm', { name: 'Bo Lund', org: 'Aarhus Kommune' }],
      n: '0800',
      q: 'a #b',
      h: 'x#y',
    });
    expect(expectSameAsFull(text, 'mapping')).toBe(true);
  });

  test.each([
    ['an anchor and alias', 'a: &x A\nb: *x'],
    ['a tag', 'a: !!str A'],
    ['text after a quote', "a: 'b' c"],
    ['a comment right after a quote', 'a: "b"#c'],
    ['a block scalar', 'a: |\n  text'],
    ['a multi-line plain scalar', 'a: one\n  two'],
    ['a duplicate key', 'a: 1\na: 2'],
    ['a prototype key', '__proto__: x'],
    ['a null key', 'null: x'],
    ['a quoted key', '"a": x'],
    ['an escape in double quotes', 'a: "x\\ty"'],
    ['a mapping in a plain scalar', 'a: b: c'],
    ['a flow mapping', 'a: {b: c}'],
    ['a nested flow list', 'a: [b, [c]]'],
    ['a tab', 'a:\tb'],
    ['a CR', 'a: b\r\nc: d'],
    ['a document marker', '---\na: b'],
    ['the wrong top level', '- a'],
    ['an indented top level', '  a: b'],
    ['odd indentation', 'a:\n    b: c\n  d: e'],
    ['a compact nested list', 'a:\n  - - b'],
  ])('declines %s', (_, text) => {
    expect(plain(text)).toBeUndefined();
  });

  // Pieces chosen near every edge of the subset: indicators, core-schema words, quotes, colons, comments, indents.
  const scalars = [
    'Velkomst', 'Status, budget', 'true', 'True', 'TRUE', 'false', 'null', 'Null', '~', 'yes', 'no', 'on', '0800', '1.10',
    '1e3', '.inf', '-.inf', '.nan', '0x1F', '0o17', '+1', '-5', '2025-01-28', '2024-02-30', '10:00', 'a:b', 'a: b', 'x:',
    'x #y', 'x#y', "'q'", "'it''s'", "'open", '"dq"', '"a\\nb"', '"a\'b"', '""', "''", '[A, B]', '[]', '[ ]', '[a, ]',
    '[~, true, 1]', '[a b, c]', '[a: b]', '["a"]', '[a, [b]]', '{a: 1}', '- x', '-x', '|', '>-', '&a x', '*a', '!t x',
    '%x', '@x', '`x', '? x', ': x', 'æøå ÆØÅ', 'a  b', 'a\u00a0', '\u00a0a', 'a\u200bb', 'https://x.dk/#a', 'é', '<<',
  ];
  const keys = ['title', 'id', 'a_b', 'a-b', 'Type2', 'true', 'null', '~', '1', 'æ', 'a b', '<<', '__proto__', 'constructor', 'x'];
  // Most of a tree is what real files hold, so that a fair share of documents is read directly.
  const usual = ['Velkomst', 'Status, budget', 'true', 'False', 'null', '~', '0800', '2025-01-28', '10:00', 'x#y', 'a # c', "'it''s'", '"dq"', '[A, B]', '[]'];
  const treeScalar = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: fc.constantFrom(...scalars) });
  const treeKey = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('title', 'id', 'a_b', 'a-b', 'since', 'x') }, { weight: 1, arbitrary: fc.constantFrom(...keys) });
  const indents = [0, 1, 2, 3, 4];

  type Piece = { kind: 'key'; key: string; value?: string } | { kind: 'entry'; value?: string } | { kind: 'entryKey'; key: string; value?: string } | { kind: 'comment' } | { kind: 'blank' };
  const piece: fc.Arbitrary<Piece> = fc.oneof(
    fc.record({ kind: fc.constant('key' as const), key: fc.constantFrom(...keys), value: fc.option(fc.constantFrom(...scalars), { nil: undefined }) }),
    fc.record({ kind: fc.constant('entry' as const), value: fc.option(fc.constantFrom(...scalars), { nil: undefined }) }),
    fc.record({ kind: fc.constant('entryKey' as const), key: fc.constantFrom(...keys), value: fc.option(fc.constantFrom(...scalars), { nil: undefined }) }),
    fc.constant({ kind: 'comment' as const }),
    fc.constant({ kind: 'blank' as const }),
  );
  const line = fc.tuple(fc.constantFrom(...indents), piece, fc.constantFrom('', ' ', '  ')).map(([indent, p, trailing]) => {
    const pad = ' '.repeat(indent);
    const value = (v: string | undefined): string => (v === undefined ? '' : ` ${v}`);
    switch (p.kind) {
      case 'key':
        return `${pad}${p.key}:${value(p.value)}${trailing}`;
      case 'entry':
        return `${pad}-${value(p.value)}${trailing}`;
      case 'entryKey':
        return `${pad}- ${p.key}:${value(p.value)}${trailing}`;
      case 'comment':
        return `${pad}# note`;
      case 'blank':
        return trailing;
    }
  });

  test('on documents of random lines, gives the full path\'s data whenever it reads one', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom<Shape>('mapping', 'list'), (lines, shape) => {
        expectSameAsFull(lines.join('\n'), shape);
      }),
      { numRuns: 4000, seed: 20261201 },
    );
  });

  // Well-formed trees written out with random indentation, then sometimes one line spliced in or re-indented.
  type Tree = string | undefined | Tree[] | { [key: string]: Tree };
  const { tree } = fc.letrec<{ tree: Tree; map: Tree; list: Tree }>((self) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, treeScalar, fc.constant(undefined), self('map'), self('list')),
    map: fc.dictionary(treeKey, self('tree'), { minKeys: 1, maxKeys: 4 }),
    list: fc.array(self('tree'), { minLength: 1, maxLength: 4 }),
  }));
  const write = (value: Tree, indent: number, step: number, alongside: boolean): string[] => {
    const pad = ' '.repeat(indent);
    if (Array.isArray(value)) {
      return value.flatMap((item) => {
        if (item === undefined || typeof item === 'string') return [`${pad}-${item === undefined ? '' : ` ${item}`}`];
        const inner = write(item, indent + 2, step, false);
        if (!Array.isArray(item) && inner[0] !== undefined) return [`${pad}- ${inner[0].slice(indent + 2)}`, ...inner.slice(1)];
        return [`${pad}-`, ...write(item, indent + step, step, false)];
      });
    }
    if (value === undefined || typeof value === 'string') return [`${pad}${value ?? ''}`];
    return Object.entries(value).flatMap(([key, item]) => {
      if (item === undefined || typeof item === 'string') return [`${pad}${key}:${item === undefined ? '' : ` ${item}`}`];
      return [`${pad}${key}:`, ...write(item, Array.isArray(item) && alongside ? indent : indent + step, step, alongside)];
    });
  };
  const document = fc
    .tuple(fc.oneof(tree.filter((t) => typeof t === 'object' && t !== null)), fc.constantFrom(1, 2, 3, 4), fc.boolean(), fc.option(fc.tuple(fc.nat(), line, fc.boolean()), { freq: 3 }))
    .map(([value, step, alongside, splice]) => {
      const lines = write(value, 0, step, alongside);
      if (splice !== null) {
        const [at, extra, replace] = splice;
        lines.splice(at % (lines.length + 1), replace ? 1 : 0, extra);
      }
      return { text: lines.join('\n'), shape: (Array.isArray(value) ? 'list' : 'mapping') as Shape };
    });

  test('on generated documents, gives the full path\'s data whenever it reads one', () => {
    let taken = 0;
    const runs = 3000;
    fc.assert(
      fc.property(document, ({ text, shape }) => {
        if (expectSameAsFull(text, shape)) taken++;
      }),
      { numRuns: runs, seed: 20261201 },
    );
    // The property means something only if a fair share of documents is read directly.
    expect(taken).toBeGreaterThan(runs / 5);
  });

  test('gives the full path\'s data for long runs of blanks (its trims are loops, not backtracking patterns)', () => {
    const blanks = ' '.repeat(300_000);
    for (const text of [`a: b${blanks}c`, `a: [b,${blanks}c`, `a: [${blanks}]`, `a: 'b${blanks}`, `- b${blanks}#`, `a:${blanks}b: c`]) {
      expectSameAsFull(text, text.startsWith('-') ? 'list' : 'mapping');
    }
  });

  test('parseYaml leaves text with characters to remove to the full path, which warns where they were', () => {
    const parsed = parseYaml('title: A\u0007B\n', 'f.yaml', { expect: 'mapping' });
    expect(parsed.value).toStrictEqual({ title: 'AB' });
    expect(parsed.diagnostics).toEqual([expect.objectContaining({ rule: 'characters', severity: 'warning', line: 1, field: 'title' })]);
  });

  test('parseYaml places problems in a directly read file through the full parse', () => {
    const parsed = parseYaml('title: A\ncarried:\n  - id: x\n    since: 2026-01-27\n', 'f.yaml', { expect: 'mapping', firstLine: 2 });
    expect(parsed.value).toStrictEqual({ title: 'A', carried: [{ id: 'x', since: '2026-01-27' }] });
    expect(parsed.locate(['carried', 0, 'since'])).toEqual({ line: 5, column: 12 });
    expect(parsed.locate(['carried'], { key: true })).toEqual({ line: 3, column: 1 });
  });
});
