/**
 * CSV for spreadsheets (RFC 4180: every cell quoted, quotes doubled, CRLF line ends). CSV injection
 * (OWASP): a cell a spreadsheet would read as a formula — one starting with =, +, -, @, a tab or a
 * carriage return — gets a leading apostrophe, so it is shown as text and never run. Pure.
 */

/** Put first in the file, so a spreadsheet reads it as UTF-8 (names with accents). */
export const CSV_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '""';
  const s = String(value);
  const safe = FORMULA_START.test(s) ? `'${s}` : s;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
