/**
 * CSV for spreadsheets (RFC 4180): comma-separated, CRLF line ends, a cell quoted when it holds a
 * comma, a quote or a line break (quotes doubled), UTF-8 with a byte-order mark so Excel reads
 * accented names (Łukasz, Zoë) correctly.
 *
 * CSV injection (OWASP): a text cell that starts with = + - @, a tab or a carriage return would be
 * read by a spreadsheet as a formula; it is written with a ' in front, so it is shown as the text it
 * is. Numbers are written as numbers (a number is never a formula, and "-2" stays a number).
 * Pure; decision 0023.
 */

export type CsvCell = string | number | null | undefined;

export const CSV_BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as written: text made safe from formula injection, then quoted if it must be. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole file: the header row, then one line per row, each ended by CRLF, after the byte-order mark. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const line = (cells: readonly CsvCell[]) => `${cells.map(csvCell).join(",")}\r\n`;
  return CSV_BOM + line(header) + rows.map(line).join("");
}
