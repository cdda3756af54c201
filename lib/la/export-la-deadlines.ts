/**
 * The dashboard as a CSV file (/la/export.csv, issue 12): the rows of the filters on screen, every
 * page of them, with the columns the screen shows — the same query and the same scope
 * (./list-la-deadlines.ts), so nothing the officer may not see can be in it. Cells are made
 * safe from spreadsheet formulas (lib/platform/csv.ts). Audited: who exported which filters, and
 * how many rows — never the rows themselves.
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { toCsv, type CsvCell } from "@/lib/platform/csv";
import type { RawDashboardParams } from "./dashboard-params";
import { listAllLaDeadlines, type DashboardRow } from "./list-la-deadlines";

export const CSV_HEADER = [
  "Case reference",
  "Child or young person",
  "Stage",
  "Kind",
  "What is due",
  "Responsible",
  "Due by",
  "Working days left",
  "Status",
  "Meeting date",
  "Note",
] as const;

function cells(r: DashboardRow): CsvCell[] {
  return [r.reference, r.childName, r.statusLabel, r.kindLabel, r.what, r.responsible, r.dueOn, r.workingDaysLeft, r.stateLabel, r.meetingOn, r.note];
}

export type LaDeadlinesCsv = { fileName: string; body: string; rows: number };

export async function exportLaDeadlines(user: SessionUser, raw: RawDashboardParams = {}, ip: string | null = null, now: Date = new Date()): Promise<LaDeadlinesCsv> {
  const r = await listAllLaDeadlines(user, raw, now);
  const filters = { kind: r.params.kind, status: r.params.status, due: r.params.due };
  if (r.localAuthorityId) {
    const localAuthorityId = r.localAuthorityId;
    await transaction((tx) =>
      writeAudit(tx, { actor: user, action: "la.deadlines_exported", entityType: "LocalAuthority", entityId: localAuthorityId, after: { ...filters, rows: r.rows.length }, ip }),
    );
  }
  return { fileName: `outstanding-deadlines-${r.dates.today}.csv`, body: toCsv(CSV_HEADER, r.rows.map(cells)), rows: r.rows.length };
}
