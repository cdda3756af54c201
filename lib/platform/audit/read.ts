/**
 * Issue 13: reads of case records, documents and exports go into the audit trail too — who viewed
 * what, and when. Called by the lib queries that load them (the case page, the family's case
 * overview, a sealed document's or a family upload's download, an export), after the scope has let the user in; never for
 * public reads (the /verify page has no signed-in user).
 *
 * Cheap and harmless (decision 0026):
 *  - one INSERT, outside any transaction: a read has nothing to roll back with it;
 *  - it never fails the page: an error is logged and the read goes on;
 *  - no flood: a repeated view or download of the same thing by the same user within
 *    READ_AUDIT_WINDOW_MINUTES adds no row (the INSERT's own NOT EXISTS, served by the
 *    (actorId, at) index). Two reads at the very same moment may both be written: harmless.
 *    Exports are never merged: each is a new file that leaves the system, with its own filters.
 */
import "server-only";
import { Prisma, writeRows } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { redactPersonal, type AuditAction, type AuditInput } from "@/lib/platform/audit";

/** A user's repeated view of one case (or download of one document) within this many minutes is one row. */
export const READ_AUDIT_WINDOW_MINUTES = 15;

export const READ_AUDIT_ACTIONS = ["case.viewed", "document.downloaded", "family_upload.downloaded", "export.downloaded"] as const satisfies readonly AuditAction[];
export type ReadAuditAction = (typeof READ_AUDIT_ACTIONS)[number];

/** The reads merged within READ_AUDIT_WINDOW_MINUTES. */
const MERGED: ReadonlySet<ReadAuditAction> = new Set(["case.viewed", "document.downloaded", "family_upload.downloaded"]);

export type ReadAuditInput = {
  action: ReadAuditAction;
  entityType: AuditInput["entityType"];
  entityId: string;
  caseId?: string | null;
  /** What was read, e.g. an export's filters: ids and choices only (the personal-data rule of ../audit.ts applies). */
  after?: Prisma.InputJsonValue | null;
};

/**
 * `whenCaseIn` (issue 14): a condition on the case row `c` (a scope's SQL twin, lib/auth/scope.ts)
 * — the row is written only if the case r.caseId meets it. So the write can go in the same round as
 * the page's scoped read instead of after it, and still records only a view the scope let in.
 */
export async function auditRead(user: Pick<SessionUser, "id">, r: ReadAuditInput, opts: { whenCaseIn?: Prisma.Sql } = {}): Promise<void> {
  try {
    const inScope = opts.whenCaseIn
      ? Prisma.sql`EXISTS (SELECT 1 FROM "Case" c WHERE c."id" = ${r.caseId ?? null} AND ${opts.whenCaseIn})`
      : Prisma.sql`TRUE`;
    const after = r.after === undefined || r.after === null ? null : JSON.stringify(redactPersonal(r.after));
    const merged = MERGED.has(r.action);
    // Through the pool (writeRows, decision 0040): it is sent on every case page.
    await writeRows(Prisma.sql`
      INSERT INTO "AuditEvent" ("id", "actorId", "action", "entityType", "entityId", "caseId", "after")
      SELECT gen_random_uuid()::text, ${user.id}, ${r.action}, ${r.entityType}, ${r.entityId}, ${r.caseId ?? null}, ${after}::jsonb
      WHERE ${inScope} AND (NOT ${merged}::boolean OR NOT EXISTS (
        SELECT 1 FROM "AuditEvent"
        WHERE "actorId" = ${user.id} AND "action" = ${r.action} AND "entityType" = ${r.entityType} AND "entityId" = ${r.entityId}
          AND "at" > now() - make_interval(mins => ${READ_AUDIT_WINDOW_MINUTES}::int)
      ))`);
  } catch (e) {
    console.error(`[audit] could not record ${r.action} of ${r.entityType} ${r.entityId}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
