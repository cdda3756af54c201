/**
 * The `retention-purge` job (issue 13, decision 0028): anonymises one case past retention and not
 * on hold (./retention.ts), in one transaction with its audit row and the effect key
 * `retention-purge:<caseId>` — so a second delivery, or a scan that queued it twice, does nothing.
 * The case row is locked first and the rule read again inside the transaction: an admin placing a
 * legal hold (or re-opening the case) while the job waits wins, and the job does nothing.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { writeAudit } from "@/lib/platform/audit";
import { claimEffect } from "@/lib/platform/jobs/effects";
import { anonymiseCase, deleteStoredFiles, type AnonymisedCounts } from "./anonymise";
import { isDueForPurge, retentionYears } from "./retention";

export const purgeJobSchema = z.object({ caseId: z.string().min(1).max(100) });

export const purgeEffectKey = (caseId: string) => `retention-purge:${caseId}`;

export type PurgeOutcome = { status: "PURGED"; counts: AnonymisedCounts } | { status: "ALREADY_PURGED" | "NOT_DUE" };

export async function purgeCase(data: unknown, now: Date = new Date()): Promise<PurgeOutcome> {
  const job = purgeJobSchema.parse(data);
  return transaction(async (tx): Promise<PurgeOutcome> => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Case" WHERE "id" = ${job.caseId} FOR UPDATE`;
    if (locked.length === 0) return { status: "NOT_DUE" };
    if (!(await isDueForPurge(tx, job.caseId, now))) return { status: "NOT_DUE" };
    if (!(await claimEffect(tx, purgeEffectKey(job.caseId), "retention-purge"))) return { status: "ALREADY_PURGED" };
    const { counts, storageKeys } = await anonymiseCase(tx, job.caseId, now);
    await writeAudit(tx, {
      actor: null,
      action: "case.purged",
      entityType: "Case",
      entityId: job.caseId,
      caseId: job.caseId,
      after: { why: "retention", retentionYears: retentionYears(), ...counts },
    });
    await deleteStoredFiles(storageKeys);
    return { status: "PURGED", counts };
  });
}
