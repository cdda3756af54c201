import type { Prisma, Tx } from "@/lib/db/client";

/** One timeline entry. Callers write the audit row in the same transaction (lib/audit). */
export async function recordEvent(
  tx: Tx,
  e: { caseId: string; actorId: string | null; type: string; summary: string; rule?: string | null; data?: Prisma.InputJsonValue; visibility?: "STAFF" | "SHARED" },
): Promise<void> {
  await tx.caseEvent.create({
    data: { caseId: e.caseId, actorId: e.actorId, type: e.type, summary: e.summary, rule: e.rule ?? null, data: e.data, visibility: e.visibility ?? "STAFF" },
  });
}
