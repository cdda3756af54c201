/**
 * The audit trail of an anonymised case (decision 0028): its rows stay — who did what, when — but
 * what they recorded is redacted. The one call site the purge and an erasure of a whole case use.
 *
 * TODO(lead, issue 13): `audit-trail` makes AuditEvent append-only with a trigger and provides
 * `redactCaseAudit(tx, caseId)` in lib/platform/audit (replacing before/after with
 * {"redacted": true}, the one change the trigger lets through). It was not on main when this was
 * written: when it is, replace the body below with `return redactCaseAudit(tx, caseId);`. Until
 * then this does the same redaction with a plain UPDATE (rows already redacted are left alone).
 * writeAudit already keeps personal values out of before/after (PERSONAL_KEYS), so this removes
 * what is left: statuses, ids and dates recorded about the case.
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";

/** What a redacted row's before and after hold (the same marker as audit-trail's redactCaseAudit). */
export const REDACTED_AUDIT_MARKER = { redacted: true } as const;

export async function redactAuditOfPurgedCase(tx: Tx, caseId: string): Promise<number> {
  const marker = JSON.stringify(REDACTED_AUDIT_MARKER);
  return tx.$executeRaw`
    UPDATE "AuditEvent"
    SET "before" = CASE WHEN "before" IS NULL THEN NULL ELSE ${marker}::jsonb END,
        "after" = CASE WHEN "after" IS NULL THEN NULL ELSE ${marker}::jsonb END
    WHERE "caseId" = ${caseId}
      AND (("before" IS NOT NULL AND "before" <> ${marker}::jsonb) OR ("after" IS NOT NULL AND "after" <> ${marker}::jsonb))`;
}
