/**
 * R-01 (decision 0022): a caseworker records the young person's consent to a parent seeing their
 * case (or its withdrawal) that the young person gave by phone, by letter or in person, saying how.
 * Only on a young person's case; the same write as the young person's own (./store.ts).
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { DomainError } from "@/lib/platform/errors";
import { parseInput } from "@/lib/platform/validation";
import { caseIdSchema, findCaseOrThrow } from "@/lib/cases/store";
import { LIMITS, choice, requiredText, tooLong } from "@/lib/cases/fields";
import { ONLINE, writeParentAccess } from "./store";

export const recordParentAccessSchema = z.object({
  caseId: caseIdSchema,
  canSee: choice(["yes", "no"] as const, "Select whether the young person agreed that their parent or carer can see the case"),
  how: requiredText(LIMITS.consentHow, "Enter how the young person told us, for example by phone", tooLong("How they told us", LIMITS.consentHow)).refine((v) => v.toLowerCase() !== ONLINE, {
    message: "Enter how the young person told us, for example by phone",
  }),
});

export async function recordParentAccess(user: SessionUser, input: Record<string, unknown>, ip: string | null = null, now = new Date()): Promise<{ given: boolean; changed: boolean }> {
  authorize(user, "case:update", { hide: false });
  const v = parseInput(recordParentAccessSchema, input, { order: ["canSee", "how"] });
  return transaction(async (tx) => {
    const c = await findCaseOrThrow(user, v.caseId, { id: true, familyParty: true }, tx);
    if (c.familyParty !== "YOUNG_PERSON") throw new DomainError("Only a young person's case needs their consent for a parent to see it.", "NOT_YOUNG_PERSON");
    const give = v.canSee === "yes";
    const changed = await writeParentAccess(tx, user, c.id, give, v.how, ip, now);
    return { given: give, changed };
  });
}
