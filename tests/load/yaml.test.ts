// The safe YAML parse: the pre-parse gate, text kept as written, positions, tags and invisible characters in values.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { gateYaml, parseInstancePath, parseYaml, formatField } from '../../src/load/yaml.js';

const parse = (text: string, expectShape: 'mapping' | 'list' = 'mapping', firstLine = 1) => parseYaml(text, 'f.yaml', { expect: expectShape, firstLine });

describe('parseYaml', () => {
  test('numbers where text is meant stay as written; dates stay strings; booleans stay booleans', () => {
    expect(parse('time: 0800\ntitle: 1.10\nhex: 0x1F\ndate: 2024-02-30\nclosed: true\nyes: yes\n').value).toEqual({
      time: '0800',
      title: '1.10',
      hex: '0x1F',
      date: '2024-02-30',
      closed: true,
      yes: 'yes',
    });
  });

  test('empty values count as absent; an empty document is an empty mapping or list', () => {
    expect(parse('title: A\npresenter:\ndecision: ~\n').value).toEqual({ title: 'A' });
    expect(parse('').value).toEqual({});
    expect(parse('# kun en kommentar\n', 'list').value).toEqual([]);
  });

  test('aliases within the limit are expanded', () => {
    expect(parse('a: &p Anne\nb: *p\n').value).toEqual({ a: 'Anne', b: 'Anne' });
  });

  test('tags that could build objects are refused, !!str is fine', () => {
    expect(parse('a: !!str 0800\n').value).toEqual({ a: '0800' });
    expect(parse('a: !!binary aGVq\n').diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual(["1:13 YAML tag '!!binary' is not supported"]);
    expect(parse('a: !js/function x\n').value).toBeUndefined();
  });

  test('an unknown tag gets only ddh\'s error, not the library\'s "Unresolved tag" as well', () => {
    const found = (text: string) => parse(text).diagnostics.map((d) => `${d.severity} ${d.line}:${d.column} ${d.message}`);
    expect(found('a: !custom x\n')).toEqual(["error 1:12 YAML tag '!custom' is not supported"]);
    expect(found('a: !!js/function "f"\n')).toEqual(["error 1:18 YAML tag '!!js/function' is not supported"]);
    expect(found('a: !!map [x]\n')).toEqual(["error 1:10 YAML tag '!!map' is not supported"]);
    // Other notes of the library still come through, as warnings.
    expect(found('%FOO bar\n---\na: 1\n')).toEqual(['warning 1:1 Unknown directive %FOO']);
  });

  test('YAML escapes that produce invisible characters are removed with a warning at the value', () => {
    const r = parse('title: x\nnote: "a\\uFFFEb\\x01c"\n', 'mapping', 2);
    expect(r.value).toEqual({ title: 'x', note: 'abc' });
    expect(r.diagnostics.map((d) => `${d.severity} ${d.line}:${d.column} ${d.field} ${d.message}`)).toEqual([
      'warning 3:7 note removed invisible or invalid characters (U+FFFE, U+0001)',
    ]);
  });

  test('positions count from the front matter\'s first line', () => {
    const r = parse('title: A\nattachments:\n  - Oversigt\n  - title: B\n    file: b.pdf\n', 'mapping', 2);
    expect(r.locate(['attachments', 1, 'file'])).toEqual({ line: 6, column: 11 });
    expect(r.locate(['attachments', 1, 'file'], { key: true })).toEqual({ line: 6, column: 5 });
    expect(r.locate(['attachments', 1, 'missing'])).toEqual({ line: 5, column: 5 });
    expect(r.locate([])).toEqual({ line: 2, column: 1 });
  });

  test('instance paths and field names', () => {
    expect(parseInstancePath('/attachments/1/file')).toEqual(['attachments', 1, 'file']);
    expect(parseInstancePath('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(formatField(['attachments', 1, 'file'])).toBe('attachments[1].file');
    expect(formatField([0, 'date'])).toBe('[0].date');
  });

  test('a problem reached again through an alias or a << merge is reported once', () => {
    const found = (text: string) => parse(text, 'mapping', 2).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
    expect(found('base: &b {__proto__: x}\n<<: *b\n')).toEqual(["2:11 key '__proto__' is not allowed"]);
    // The same mistake written twice is two findings.
    expect(found('a: {__proto__: x}\nb: {__proto__: x}\n')).toEqual(["2:5 key '__proto__' is not allowed", "3:5 key '__proto__' is not allowed"]);
  });

  test('key that is not text is refused', () => {
    expect(parse('? [a]\n: b\n').diagnostics[0]?.message).toBe('keys must be plain text');
  });
});

describe('gateYaml', () => {
  test('passes ordinary files, block scalars with brackets and brackets inside plain text', () => {
    const text = 'title: Budget [udkast] {v2}\nnote: |\n  ' + '['.repeat(100) + '\n  slut\nlist: [a, "b]", \'c[\', {d: [e]}]\nx: it\'s [fint]\n';
    expect(gateYaml(text, 'f.yaml')).toBeUndefined();
    expect(parse(text).diagnostics).toEqual([]);
  });

  test('refuses deep flow, deep block and compact nesting, and oversized text', () => {
    expect(gateYaml('a: ' + '{b: '.repeat(40) + '}'.repeat(40), 'f.yaml')?.message).toBe('nested deeper than 32 levels');
    const block = Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n';
    expect(gateYaml(block, 'f.yaml', 1)?.line).toBe(34);
    // At the limit: 32 levels pass, 33 do not, whatever the deepest line's indent.
    const levels = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n';
    expect(gateYaml(levels(32), 'f.yaml')).toBeUndefined();
    expect(gateYaml(levels(33), 'f.yaml')?.line).toBe(33);
    // 24 block levels and 8 flow levels pass; a ninth flow level or a 25th block level is one too many.
    expect(gateYaml(`${levels(23)}${' '.repeat(23)}k: ${'['.repeat(8)}x${']'.repeat(8)}\n`, 'f.yaml')).toBeUndefined();
    expect(gateYaml(`${levels(23)}${' '.repeat(23)}k: ${'['.repeat(9)}x${']'.repeat(9)}\n`, 'f.yaml')?.line).toBe(24);
    expect(gateYaml(`${levels(24)}${' '.repeat(24)}k: ${'['.repeat(8)}x${']'.repeat(8)}\n`, 'f.yaml')?.line).toBe(25);
    expect(gateYaml('- '.repeat(40) + 'x', 'f.yaml')?.message).toBe('nested deeper than 32 levels');
    expect(gateYaml('a: ' + 'x'.repeat(1_000_001), 'f.yaml')?.message).toMatch(/^YAML too large/);
  });

  test('answers as it answers when it reads every character, at any depth of block and flow nesting', () => {
    // Many flow collections on a line of their own close every block level and open none deep: the gate then reads the
    // text character by character, and its answer for the lines before them is the answer to compare with.
    const readEveryCharacter = `\n${'[] '.repeat(9)}`;
    const piece = fc.constantFrom('- ', '-', 'k: ', 'x', ' ', '|', '"', "'", '#', '\t', 'k: [', 'k: {', '[', '{', ']', '}', ', ');
    const line = fc.tuple(fc.nat({ max: 40 }), fc.array(piece, { maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const text = lines.map(([indent, pieces]) => ' '.repeat(indent) + pieces.join('')).join('\n');
        expect(gateYaml(text, 'f.yaml'), text).toEqual(gateYaml(text + readEveryCharacter, 'f.yaml'));
      }),
      { numRuns: 3000, seed: 20261206 },
    );
  });
});
