/**
 * The audit trail of an anonymised case (decision 0028): its rows stay — who did what, when — but
 * what they recorded is redacted. The one call site the purge and an erasure of a whole case use,
 * inside their transaction: `redactCaseAudit` (lib/platform/audit, decision 0026) is the only
 * change the append-only trigger on AuditEvent lets through (before/after become {"redacted": true}).
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import { redactCaseAudit } from "@/lib/platform/audit/redact-case-audit";

export async function redactAuditOfPurgedCase(tx: Tx, caseId: string): Promise<number> {
  return redactCaseAudit(tx, caseId);
}
