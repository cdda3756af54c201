/**
 * Issue 13: the one change the database lets through on audit rows (decision 0026). The retention
 * purge (lib/data-protection) keeps a purged case's audit trail — who did what, when — but not
 * what was written: each of the case's rows gets `before` / `after` = REDACTED_AUDIT_VALUE (a null
 * one stays null). The trigger on "AuditEvent" allows exactly that, and only while the
 * transaction-local setting app.audit_redaction names the row's case, which only this function
 * sets (and clears again before returning). Everything else about a row stays as it was.
 *
 * Call it inside the purge's transaction: the setting lives and dies with that transaction.
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";

/** What a redacted row's before and after hold. */
export const REDACTED_AUDIT_VALUE = { redacted: true } as const;

/** The setting the trigger reads (prisma/migrations/20261203110000_audit_trail). */
const REDACTION_SETTING = "app.audit_redaction";

/** Returns how many rows were redacted (rows already redacted, or with nothing to redact, are left alone). */
export async function redactCaseAudit(tx: Tx, caseId: string): Promise<number> {
  if (caseId.trim() === "") throw new Error("redactCaseAudit needs a case id");
  const marker = JSON.stringify(REDACTED_AUDIT_VALUE);
  await tx.$queryRaw`SELECT set_config(${REDACTION_SETTING}, ${caseId}, true)`;
  const redacted = await tx.$executeRaw`
    UPDATE "AuditEvent"
    SET "before" = CASE WHEN "before" IS NULL THEN NULL ELSE ${marker}::jsonb END,
        "after" = CASE WHEN "after" IS NULL THEN NULL ELSE ${marker}::jsonb END
    WHERE "caseId" = ${caseId}
      AND (("before" IS NOT NULL AND "before" <> ${marker}::jsonb) OR ("after" IS NOT NULL AND "after" <> ${marker}::jsonb))`;
  // Closed again at once (a failed UPDATE aborts the transaction, and the setting goes with it).
  await tx.$queryRaw`SELECT set_config(${REDACTION_SETTING}, '', true)`;
  return redacted;
}
