/**
 * Audit trail: every state change writes one row in the same transaction as the change.
 */
import type { Prisma, Tx } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/types";

export type AuditInput = {
  actor: Pick<SessionUser, "id"> | null;
  action: string;
  entityType: string;
  entityId: string;
  caseId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  ip?: string | null;
};

export async function writeAudit(tx: Tx, a: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: a.actor?.id ?? null,
      action: a.action,
      entityType: a.entityType,
      entityId: a.entityId,
      caseId: a.caseId ?? null,
      before: a.before ?? undefined,
      after: a.after ?? undefined,
      ip: a.ip ?? null,
    },
  });
}
