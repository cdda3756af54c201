/** A minimal RFC 4180 reader of the app's CSV exports (lib/platform/csv.ts), for checking what a spreadsheet would see. */
export function parseCsv(text: string): string[][] {
  if (!text.startsWith("\uFEFF")) throw new Error("a CSV export starts with a byte-order mark");
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const s = text.slice(1);
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted && ch === '"' && s[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) cell += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ",") endCell();
    else if (ch === "\r" && s[i + 1] === "\n") {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  return rows;
}
