/**
 * The case timeline: one entry per thing that happened. STAFF entries are read by staff only;
 * SHARED entries also by the LA officer and the family, so a SHARED summary never holds
 * staff free text. Callers write the audit row in the same transaction (lib/platform/audit).
 */
import "server-only";
import type { Prisma, Tx } from "@/lib/platform/db";

export async function recordEvent(
  tx: Tx,
  e: {
    caseId: string;
    actorId: string | null;
    type: string;
    summary: string;
    rule?: string | null;
    data?: Prisma.InputJsonValue;
    visibility?: "STAFF" | "SHARED";
    /** When it happened, for history recorded after the fact (the demo data); now by default. */
    at?: Date;
  },
): Promise<void> {
  await tx.caseEvent.create({
    data: { caseId: e.caseId, actorId: e.actorId, type: e.type, summary: e.summary, rule: e.rule ?? null, data: e.data, visibility: e.visibility ?? "STAFF", ...(e.at ? { at: e.at } : {}) },
  });
}
