// One formatter for the registers: an aligned terminal table, a Markdown pipe table, RFC 4180 CSV or JSON.

/** The output formats of the registers. */
export const TABLE_FORMATS = ['table', 'md', 'csv', 'json'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** A column: the row field it shows, its heading, and whether it lines up on the right (numbers). */
export interface Column<T> {
  key: keyof T & string;
  header: string;
  align?: 'left' | 'right';
}

/** A cell as text: booleans read yes/no, a missing value is empty. */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** Table cells are one line: line breaks inside a value become single spaces. */
// Split and trim rather than one regex with \s* on both sides: no backtracking on long blank runs.
const oneLine = (s: string): string => (/[\r\n]/.test(s) ? s.split(/[\r\n]+/).map((part) => part.trim()).join(' ') : s);

/** Width as the eye counts it on a terminal: code points, not UTF-16 units. */
const width = (s: string): number => [...s].length;

function pad(s: string, to: number, align: Column<unknown>['align']): string {
  const fill = ' '.repeat(Math.max(0, to - width(s)));
  return align === 'right' ? fill + s : s + fill;
}

function plainTable<T>(columns: readonly Column<T>[], cells: string[][]): string {
  const header = columns.map((c) => c.header);
  const widths = columns.map((_, i) => Math.max(width(header[i] ?? ''), ...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: readonly string[]): string => r.map((cell, i) => pad(cell, widths[i] ?? 0, columns[i]?.align)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

function markdownTable<T>(columns: readonly Column<T>[], cells: string[][]): string {
  const escape = (s: string): string => s.replace(/\|/g, '\\|');
  const line = (r: readonly string[]): string => `| ${r.map(escape).join(' | ')} |`;
  const rule = `| ${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`;
  return [line(columns.map((c) => c.header)), rule, ...cells.map(line)].join('\n');
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled; every record ends CRLF. */
function csv<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  const field = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const record = (r: readonly string[]): string => `${r.map(field).join(',')}\r\n`;
  return record(columns.map((c) => c.header)) + rows.map((row) => record(columns.map((c) => text(row[c.key])))).join('');
}

/** An array of objects whose keys follow the column order; a missing value is null, numbers and booleans stay typed. */
function json<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  const objects = rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, row[c.key] ?? null])));
  return JSON.stringify(objects, null, 2);
}

/**
 * Formats register rows. `table` and `md` end without a line break and put each row on one line;
 * `csv` keeps line breaks inside quoted fields and ends every record with CRLF.
 */
export function formatTable<T>(columns: readonly Column<T>[], rows: readonly T[], format: TableFormat): string {
  switch (format) {
    case 'csv':
      return csv(columns, rows);
    case 'json':
      return json(columns, rows);
    case 'md':
      return markdownTable(columns, rows.map((row) => columns.map((c) => oneLine(text(row[c.key])))));
    case 'table':
      return plainTable(columns, rows.map((row) => columns.map((c) => oneLine(text(row[c.key])))));
  }
}
