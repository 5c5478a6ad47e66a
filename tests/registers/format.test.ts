import { describe, expect, it } from 'vitest';
import { formatTable, type Column } from '../../src/registers/format.js';

interface Row {
  date: string;
  number: number;
  title: string;
  decision?: string;
  overdue: boolean;
}

const columns: Column<Row>[] = [
  { key: 'date', header: 'date' },
  { key: 'number', header: 'item', align: 'right' },
  { key: 'title', header: 'title' },
  { key: 'decision', header: 'decision' },
  { key: 'overdue', header: 'overdue' },
];

const rows: Row[] = [
  { date: '2026-01-27', number: 4, title: 'Vagtplan, 2026', decision: 'Godkendt "som forelagt" | med ændringer\r\nog en tilføjelse', overdue: true },
  { date: '2026-03-12', number: 12, title: 'Økonomi – ÆØÅ', overdue: false },
];

/** A strict RFC 4180 parser: fails on a bare quote, a bare LF or CR, or a record not ended by CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) throw new Error('unterminated quote');
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
            } else {
              i++;
              break;
            }
          } else field += text[i++];
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
          if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
          field += text[i++];
        }
      }
      record.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text.slice(i, i + 2) !== '\r\n') throw new Error(`record not ended by CRLF at ${i}`);
      i += 2;
      break;
    }
    records.push(record);
  }
  return records;
}

describe('formatTable', () => {
  it('csv parses back field for field under a strict RFC 4180 parser', () => {
    const out = formatTable(columns, rows, 'csv');
    expect(out.endsWith('\r\n')).toBe(true);
    expect(parseCsv(out)).toEqual([
      ['date', 'item', 'title', 'decision', 'overdue'],
      ['2026-01-27', '4', 'Vagtplan, 2026', 'Godkendt "som forelagt" | med ændringer\r\nog en tilføjelse', 'yes'],
      ['2026-03-12', '12', 'Økonomi – ÆØÅ', '', 'no'],
    ]);
  });

  it('json parses back with keys in column order, typed values and null for missing ones', () => {
    const out = formatTable(columns, rows, 'json');
    const parsed = JSON.parse(out) as Record<string, unknown>[];
    expect(parsed).toEqual([
      { date: '2026-01-27', number: 4, title: 'Vagtplan, 2026', decision: rows[0]!.decision, overdue: true },
      { date: '2026-03-12', number: 12, title: 'Økonomi – ÆØÅ', decision: null, overdue: false },
    ]);
    for (const o of parsed) expect(Object.keys(o)).toEqual(['date', 'number', 'title', 'decision', 'overdue']);
    expect(formatTable(columns, [], 'json')).toBe('[]');
  });

  it('md is a pipe table with one line per row and escaped pipes', () => {
    const out = formatTable(columns, rows, 'md');
    const lines = out.split('\n');
    expect(lines).toHaveLength(2 + rows.length);
    expect(lines[1]).toBe('| --- | ---: | --- | --- | --- |');
    for (const line of lines) {
      // Cells are the parts between unescaped pipes.
      const cells = line.slice(1, -1).split(/(?<!\\)\|/);
      expect(cells).toHaveLength(columns.length);
    }
    expect(lines[2]).toContain('Godkendt "som forelagt" \\| med ændringer og en tilføjelse');
  });

  it('table aligns columns, right-aligns numbers and keeps each row on one line', () => {
    const out = formatTable(columns, rows, 'table');
    const lines = out.split('\n');
    expect(lines).toHaveLength(2 + rows.length);
    expect(lines[0]).toMatch(/^date {8}item {2}title/);
    const titleAt = lines[0]!.indexOf('title');
    for (const line of lines.slice(2)) expect(line.slice(titleAt, titleAt + 3)).toMatch(/^(Vag|Øko)$/);
    expect(lines[2]!.slice(12, 16)).toBe('   4');
    expect(lines[3]!.slice(12, 16)).toBe('  12');
    expect(out).not.toMatch(/\r/);
  });
});
