/**
 * The seam lib/agreements calls when an agreement or DRS outcome statement is sealed:
 * inside ITS transaction, each agreed action becomes an obligation on the party responsible, with
 * the due date in force (computed by lib/deadlines, R-41/R-42, or agreed in writing, R-44).
 *
 * Idempotent per action (`sourceActionId` is unique): sealing retried, or a correction that carries
 * an action over, never makes a second obligation of it — the existing one is left as it is (its
 * progress and status belong to it). Not a user command: the caller has authorised the sealing.
 *
 * It bumps the case's version: an obligation changes whether the case may close (the close
 * transition's guard), so a "close" planned before it was created fails its version check rather
 * than closing a case with an open action.
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { dbDateFromIso } from "@/lib/deadlines";
import { isTerminalStatus } from "@/lib/cases/lifecycle/vocabulary";
import { obligationActionSchema, type ObligationAction } from "./obligation-schema";

export type CreatedObligations = { created: string[]; existing: string[] };

export async function createObligations(tx: Tx, caseId: string, actions: readonly ObligationAction[], actor: { id: string } | null = null): Promise<CreatedObligations> {
  const parsed = actions.map((a) => obligationActionSchema.parse(a));
  const c = await tx.case.findUnique({ where: { id: caseId }, select: { id: true, status: true, localAuthorityId: true } });
  if (!c) throw new DomainError("The case of these agreed actions does not exist.", "NOT_FOUND");
  if (isTerminalStatus(c.status)) throw new DomainError("This case is closed, so agreed actions cannot be added to it. Re-open it first.", "CASE_CLOSED");
  if (parsed.length === 0) return { created: [], existing: [] };

  const ids = parsed.map((a) => a.sourceActionId);
  const before = await tx.obligation.findMany({ where: { sourceActionId: { in: ids } }, select: { id: true, sourceActionId: true, caseId: true } });
  const elsewhere = before.find((o) => o.caseId !== caseId);
  if (elsewhere) throw new DomainError("An agreed action of another case was given for this case.", "WRONG_CASE");

  await tx.obligation.createMany({
    data: parsed.map((a, position) => ({
      caseId,
      localAuthorityId: c.localAuthorityId,
      sourceActionId: a.sourceActionId,
      position,
      what: a.what,
      responsible: a.responsible,
      dueOn: dbDateFromIso(a.dueOn),
      howChecked: a.howChecked,
    })),
    skipDuplicates: true,
  });
  const known = new Set(before.map((o) => o.sourceActionId));
  const rows = await tx.obligation.findMany({ where: { sourceActionId: { in: ids } }, select: { id: true, sourceActionId: true } });
  const created = rows.filter((r) => !known.has(r.sourceActionId)).map((r) => r.id);
  const existing = rows.filter((r) => known.has(r.sourceActionId)).map((r) => r.id);

  if (created.length > 0) {
    await tx.case.update({ where: { id: caseId }, data: { version: { increment: 1 } } });
    for (const id of created) {
      await writeAudit(tx, { actor, action: "obligation.created", entityType: "Obligation", entityId: id, caseId, after: { status: "OPEN" } });
    }
  }
  return { created, existing };
}
