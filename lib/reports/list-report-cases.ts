/**
 * The cases behind one figure of the report (issue 13): the rows its number counts — the same SQL
 * (./report-sql.ts), so the list and the number always agree — with each case's reference, its
 * LA and the date that put it in the period. Paged; nothing else about a case is shown (no names,
 * no free text: R-80, and a purged case still lists).
 */
import "server-only";
import { Prisma } from "@/lib/platform/db";
import { reportsDb } from "@/lib/platform/db/replica";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import { REPORT_CASES_PER_PAGE, TABLES, figureTitle, parseFigureId, type FigureRef } from "./definitions";
import { parseReportParams, type RawReportParams, type ReportFilters } from "./report-params";
import { resolveReportScope, type ReportScope } from "./report-scope";
import { figureWhere, tableSource, type SqlFilters } from "./report-sql";

export type ReportCaseRow = { itemId: string; caseId: string; reference: string; localAuthority: string; on: string; group: string };
export type ReportCases = {
  figure: FigureRef;
  figureId: string;
  title: string;
  dateLabel: string;
  filters: ReportFilters;
  scope: ReportScope;
  rows: ReportCaseRow[];
  total: number;
  page: number;
  perPage: number;
};

type Raw = { item_id: string; case_id: string; reference: string; la_name: string; on_date: Date; bucket: string };

/** The figure's rows, paged (`perPage` null: every row, for the CSV export). */
export async function figureRows(f: SqlFilters, figure: FigureRef, page: number, perPage: number | null): Promise<{ rows: ReportCaseRow[]; total: number }> {
  if (f.laIds.length === 0) return { rows: [], total: 0 };
  const source = Prisma.sql`SELECT * FROM (${tableSource(figure.table, f)}) s WHERE ${figureWhere(figure.prefix)}`;
  const [{ n } = { n: 0 }] = await reportsDb().$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n FROM (${source}) x`);
  const limit = perPage === null ? Prisma.empty : Prisma.sql`LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`;
  const rows = await reportsDb().$queryRaw<Raw[]>(Prisma.sql`
    SELECT x.item_id, x.case_id, c."reference", l."name" AS la_name, x.on_date, x.bucket
    FROM (${source}) x JOIN "Case" c ON c."id" = x.case_id JOIN "LocalAuthority" l ON l."id" = c."localAuthorityId"
    ORDER BY x.on_date, c."reference", x.item_id ${limit}`);
  const t = TABLES[figure.table];
  return {
    total: Number(n),
    rows: rows.map((r) => ({ itemId: r.item_id, caseId: r.case_id, reference: r.reference, localAuthority: r.la_name, on: isoFromDbDate(r.on_date), group: t.bucketLabel(r.bucket) })),
  };
}

export async function listReportCases(user: SessionUser, raw: RawReportParams & { figure?: unknown; page?: unknown }, now: Date = new Date()): Promise<ReportCases> {
  const figure = parseFigureId(Array.isArray(raw.figure) ? raw.figure[0] : raw.figure);
  const parsed = parseReportParams(raw, now);
  const scope = await resolveReportScope(user, parsed.filters.la);
  // A list is only ever opened from a report's link: a figure or period that is not one is not found.
  if (!figure || !parsed.ok) throw new NotFoundError("figure");
  const f: SqlFilters = { laIds: scope.laIds, everyLocalAuthority: scope.everyLocalAuthority, from: parsed.filters.from, to: parsed.filters.to, today: todayInLondon(now) };
  const asked = Number.parseInt(String((Array.isArray(raw.page) ? raw.page[0] : raw.page) ?? "1"), 10);
  let page = Number.isFinite(asked) && asked > 0 ? asked : 1;
  let result = await figureRows(f, figure, page, REPORT_CASES_PER_PAGE);
  const lastPage = Math.max(1, Math.ceil(result.total / REPORT_CASES_PER_PAGE));
  if (page > lastPage) {
    page = lastPage;
    result = await figureRows(f, figure, page, REPORT_CASES_PER_PAGE);
  }
  const id = figure.prefix ? `${figure.table}.${figure.prefix}` : figure.table;
  return { figure, figureId: id, title: figureTitle(figure), dateLabel: TABLES[figure.table].dateLabel, filters: parsed.filters, scope, ...result, page, perPage: REPORT_CASES_PER_PAGE };
}
