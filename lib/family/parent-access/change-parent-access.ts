/**
 * R-01 (decision 0022): the young person gives or withdraws their consent to the parent(s) recorded
 * on their case seeing it. Only the family party of a young person's case may (anyone else: not
 * found, nothing written). Withdrawing asks first (`confirmed`), then takes effect at once: the
 * parent's next request no longer finds the case (lib/auth/scope.ts caseScope).
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { familyPartyCaseScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { DomainError } from "@/lib/platform/errors";
import { parseInput } from "@/lib/platform/validation";
import { caseIdSchema } from "@/lib/cases/store";
import { choice } from "@/lib/cases/fields";
import { ONLINE, writeParentAccess } from "./store";

export const PARENT_ACCESS_ANSWER_MESSAGE = "Select yes if your parent or carer can see your case";

export const changeParentAccessSchema = z.object({
  caseId: caseIdSchema,
  canSee: choice(["yes", "no"] as const, PARENT_ACCESS_ANSWER_MESSAGE),
  /** "yes" once the young person has confirmed a withdrawal. */
  confirmed: z.preprocess((v) => v === "yes", z.boolean()),
});

export type ChangeParentAccessResult = { status: "SAVED"; given: boolean; changed: boolean } | { status: "CONFIRM_WITHDRAWAL" };

export async function changeParentAccess(user: SessionUser, input: Record<string, unknown>, ip: string | null = null, now = new Date()): Promise<ChangeParentAccessResult> {
  authorize(user, "family:parent-access");
  const v = parseInput(changeParentAccessSchema, input);
  const give = v.canSee === "yes";
  return transaction(async (tx) => {
    const c = await tx.case.findFirst({
      where: { AND: [{ id: v.caseId }, { familyParty: "YOUNG_PERSON" }, familyPartyCaseScope(user)] },
      select: { id: true, parentAccessConsentAt: true, _count: { select: { parties: { where: { kind: "PARENT" } } } } },
    });
    if (!c) throw new NotFoundError("case");
    if (give && c._count.parties === 0) throw new DomainError("No parent or carer is recorded on your case, so there is nobody to let see it.", "NO_PARENT");
    // Withdrawing consent that is in force: ask first; nothing is written until confirmed.
    if (!give && c.parentAccessConsentAt && !v.confirmed) return { status: "CONFIRM_WITHDRAWAL" };
    const changed = await writeParentAccess(tx, user, c.id, give, ONLINE, ip, now);
    return { status: "SAVED", given: give, changed };
  });
}
