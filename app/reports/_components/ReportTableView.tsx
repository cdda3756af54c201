import Link from "next/link";
import type { ReportTable } from "@/lib/reports/report-tables";
import { TABLES } from "@/lib/reports/definitions";

/**
 * One report table (issue 13): a caption, column and row headers, each count a link to the cases
 * behind it, and a link to download the same table as CSV (the export writes these exact rows).
 */
export function ReportTableView({ table, query }: { table: ReportTable; query: (extra: Record<string, string>) => string }) {
  const t = TABLES[table.id];
  return (
    <>
      <table className="table" data-testid={`table-${table.id}`}>
        <caption className="h-s text-left">
          {table.title}
          <span className="hint font-normal">Counts {t.counts}, {t.period}.</span>
        </caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.header}>
              <th scope="row" className={r.total ? "" : "font-normal"}>
                {r.header}
              </th>
              {r.cells.map((c, i) => (
                <td key={i} className={r.total ? "font-bold" : undefined}>
                  {c.figure ? (
                    <Link href={`/reports/cases?${query({ figure: c.figure })}`}>
                      {c.text}
                      <span className="visually-hidden">
                        {" "}
                        – the cases: {r.header}, {table.columns[i + 1]}
                      </span>
                    </Link>
                  ) : (
                    c.text
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="body -mt-4">
        <a href={`/reports/export?${query({ table: table.id })}`}>
          Download this table as CSV<span className="visually-hidden"> ({table.title})</span>
        </a>
      </p>
    </>
  );
}
