/**
 * CSV for spreadsheets (RFC 4180), safe to open in Excel or LibreOffice: every field quoted, and a
 * field that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
 * return: "CSV injection", OWASP) is prefixed with an apostrophe, so it shows as the text it is.
 * A byte-order mark first, so accented names open as UTF-8. Pure.
 */
export const CSV_BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === "string" && FORMULA_START.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return CSV_BOM + rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
