/**
 * The CSV export of /admin/audit (issue 13): the filtered rows, newest first, read in batches of
 * EXPORT_BATCH_SIZE (keyset on the page's order) so a large trail streams out without being held in
 * memory. The export is itself audited ("export.downloaded", with its filters as ids) before the
 * first row is read. Personal values were never written into before/after (../audit.ts), so the
 * file holds what the page shows: who (name and email of staff), what, when.
 */
import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { todayInLondon } from "@/lib/deadlines";
import { londonWallClock } from "@/lib/meetings/london-time";
import { auditRead } from "./read";
import { CSV_BOM, csvCell, type CsvCell } from "@/lib/platform/csv";
import { auditRows, resolveAuditFilter, type AuditRow } from "./list-audit-events";
import type { RawAuditParams } from "./audit-filter";

export const EXPORT_BATCH_SIZE = 1000;

export const AUDIT_CSV_HEADER = ["When (UTC)", "When (Europe/London)", "Who", "Email", "Action", "What happened", "Entity", "Entity id", "Case reference", "Case id", "IP address", "Before", "After"] as const;

/** One line of the file (lib/platform/csv.ts makes each cell formula-safe and quotes it when it must). */
const csvLine = (cells: readonly CsvCell[]) => `${cells.map(csvCell).join(",")}\r\n`;

function londonText(at: Date): string {
  const { date, minutes } = londonWallClock(at);
  return `${date} ${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function csvRow(r: AuditRow): string {
  return csvLine([
    r.at.toISOString(),
    londonText(r.at),
    r.actor?.name ?? "",
    r.actor?.email ?? "",
    r.action,
    r.actionText,
    r.entityType,
    r.entityId,
    r.case?.reference ?? "",
    r.case?.id ?? "",
    r.ip ?? "",
    r.before === null ? "" : JSON.stringify(r.before),
    r.after === null ? "" : JSON.stringify(r.after),
  ]);
}

export type AuditCsv = { ok: true; fileName: string; chunks: AsyncGenerator<string> } | { ok: false; query: RawAuditParams };

/** `ok: false` when the filters have a mistake (a date that is not real): the page says what. */
export async function exportAuditCsv(user: SessionUser, raw: RawAuditParams): Promise<AuditCsv> {
  const filter = await resolveAuditFilter(user, raw);
  if (Object.keys(filter.errors).length > 0) return { ok: false, query: raw };
  const { params } = filter;
  await auditRead(user, {
    action: "export.downloaded",
    entityType: "Export",
    entityId: "audit-trail",
    caseId: filter.caseId,
    after: { export: "audit-trail", caseId: filter.caseId, actorId: filter.actorId, action: params.action, from: params.from || null, to: params.to || null },
  });
  const where = filter.where;
  async function* chunks(): AsyncGenerator<string> {
    yield CSV_BOM + csvLine(AUDIT_CSV_HEADER);
    if (!where) return;
    let cursor: { id: string } | undefined;
    for (;;) {
      const rows = await auditRows(where, { take: EXPORT_BATCH_SIZE, cursor });
      if (rows.length === 0) return;
      yield rows.map(csvRow).join("");
      if (rows.length < EXPORT_BATCH_SIZE) return;
      cursor = { id: rows[rows.length - 1]!.id };
    }
  }
  return { ok: true, fileName: `audit-trail-${todayInLondon()}.csv`, chunks: chunks() };
}
