/**
 * A correction (R-31's rule applied to agreements): a sealed agreement never changes, so a new
 * version is drafted from it — the same text, actions and signers to start from — referencing it
 * (supersedesId). It needs everyone's signatures again; when it is sealed its document supersedes
 * the old one and the old version becomes SUPERSEDED (./seal-agreement.ts).
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { parseInput } from "@/lib/platform/validation";
import { findAgreementOrThrow, lockAgreement, afterTextChange } from "./store";

const schema = z.object({ agreementId: z.string().trim().min(1).max(200) });

export async function startCorrection(user: SessionUser, input: Record<string, unknown>, ip: string | null = null): Promise<{ agreementId: string; revision: number }> {
  const v = parseInput(schema, input);
  return transaction(async (tx) => {
    await findAgreementOrThrow(tx, user, v.agreementId, { id: true });
    await lockAgreement(tx, v.agreementId);
    const old = await tx.caseAgreement.findUniqueOrThrow({
      where: { id: v.agreementId },
      include: { actions: { orderBy: { position: "asc" } }, signers: { orderBy: { position: "asc" } }, supersededBy: { select: { id: true } } },
    });
    if (old.status !== "SEALED") throw new DomainError("Only a sealed agreement can be corrected. Change the draft instead.", "NOT_SEALED");
    if (old.supersededBy) throw new ConflictError("A correction of this version has already been started.", { agreementId: old.supersededBy.id });
    const created = await tx.caseAgreement.create({
      data: {
        caseId: old.caseId,
        kind: old.kind,
        version: old.version + 1,
        supersedesId: old.id,
        meetingRecordId: old.meetingRecordId,
        agreedOn: old.agreedOn,
        whatWasAgreed: old.whatWasAgreed,
        whatWasNotAgreed: old.whatWasNotAgreed,
        contentSha256: "",
        createdById: user.id,
        actions: {
          create: old.actions.map((x) => ({
            caseId: x.caseId,
            position: x.position,
            what: x.what,
            responsible: x.responsible,
            kind: x.kind,
            dueOn: x.dueOn,
            howChecked: x.howChecked,
            overrideDueOn: x.overrideDueOn,
            overrideAgreedBy: x.overrideAgreedBy,
            overrideAgreedOn: x.overrideAgreedOn,
          })),
        },
        signers: { create: old.signers.map((s) => ({ caseId: s.caseId, attendeeId: s.attendeeId, partyId: s.partyId, name: s.name, capacity: s.capacity, position: s.position })) },
      },
      select: { id: true, revision: true },
    });
    const r = await afterTextChange(tx, created.id, created.revision);
    await writeAudit(tx, { actor: user, action: "agreement.correction_started", entityType: "Agreement", entityId: created.id, caseId: old.caseId, after: { supersedesId: old.id, version: old.version + 1, contentSha256: r.contentSha256 }, ip });
    return { agreementId: created.id, revision: r.revision };
  });
}
