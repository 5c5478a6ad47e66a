// Ordering text the same on every machine: by UTF-16 code units, never by the locale's collation.

/**
 * Compares two strings by code units, for sorting ISO dates, ids and file names: the order never depends on the
 * locale of the machine (`localeCompare` would), so every run and every machine lists things the same way.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
