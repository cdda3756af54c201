/**
 * A report table, or a figure's case list, as CSV (issue 13): the same filters and the same scope
 * as the page (an LA the user may not report on is not found), the same rows as the table shown
 * (./report-tables.ts tableText) or every row of the list. Counts and references only (R-80).
 */
import "server-only";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { formatLongDate, todayInLondon } from "@/lib/deadlines";
import { TABLES, isReportTableId, parseFigureId } from "./definitions";
import { countTables } from "./get-report";
import { figureRows } from "./list-report-cases";
import { parseReportParams, type RawReportParams } from "./report-params";
import { resolveReportScope } from "./report-scope";
import type { SqlFilters } from "./report-sql";
import { buildTable, tableText } from "./report-tables";
import { toCsv } from "@/lib/platform/csv";
import { auditRead } from "@/lib/platform/audit/read";

export type ReportCsv = { fileName: string; body: string };

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export async function exportReportCsv(user: SessionUser, raw: RawReportParams & { table?: unknown; figure?: unknown }, now: Date = new Date()): Promise<ReportCsv> {
  const parsed = parseReportParams(raw, now);
  const scope = await resolveReportScope(user, parsed.filters.la);
  if (!parsed.ok) throw new NotFoundError("report");
  const { from, to } = parsed.filters;
  const f: SqlFilters = { laIds: scope.laIds, everyLocalAuthority: scope.everyLocalAuthority, from, to, today: todayInLondon(now) };
  const where = (scope.chosen?.name ?? "all local authorities").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();
  const table = first(raw.table);
  // Issue 13 (decision 0026): every export is in the audit trail — who, which report, which filters.
  const audited = (entityId: string) =>
    auditRead(user, { action: "export.downloaded", entityType: "Export", entityId, after: { export: "report", report: entityId, la: scope.chosen?.id ?? null, from, to } });
  if (isReportTableId(table)) {
    const counts = await countTables(f, [table]);
    await audited(table);
    return { fileName: `${table}-${where}-${from}-to-${to}.csv`, body: csvOf(tableText(buildTable(table, counts))) };
  }
  const figure = parseFigureId(first(raw.figure));
  if (!figure) throw new NotFoundError("report");
  const { rows } = await figureRows(f, figure, 1, null);
  await audited(String(first(raw.figure)));
  const head = ["Case reference", "Local authority", TABLES[figure.table].dateLabel, "Group"];
  const name = `${figure.table}${figure.prefix ? `-${figure.prefix.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase()}` : ""}`;
  return { fileName: `cases-${name}-${where}-${from}-to-${to}.csv`, body: toCsv(head, rows.map((r) => [r.reference, r.localAuthority, formatLongDate(r.on), r.group])) };
}

/** A table as text rows, its first row the header (lib/platform/csv.ts: formula-safe, BOM first). */
function csvOf([header = [], ...rows]: readonly (readonly (string | number)[])[]): string {
  return toCsv(header.map(String), rows);
}
