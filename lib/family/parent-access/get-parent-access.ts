/**
 * R-01 (decision 0022): for /my-case/[caseId]/parent-access ("Who can see your case"): the parents
 * recorded on a young person's case, whether each can see it, and the young person's answer. Only
 * the young person — the family party on a young person's case (familyPartyCaseScope) — may open
 * it: for anyone else, a parent who sees the case by consent included, the case is not found (404).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { familyPartyCaseScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { ONLINE } from "./store";

export type ParentAccessView = {
  caseId: string;
  reference: string;
  /** The parents recorded on the case; `canSignIn`: an email is recorded, so they have an account. */
  parents: { name: string; canSignIn: boolean }[];
  /** The consent in force, or null (never given, or withdrawn). */
  consent: { givenAt: Date; online: boolean; how: string | null } | null;
};

export async function getParentAccess(user: SessionUser, caseId: string): Promise<ParentAccessView> {
  authorize(user, "family:parent-access");
  const c = await db().case.findFirst({
    where: { AND: [{ id: caseId }, { familyParty: "YOUNG_PERSON" }, familyPartyCaseScope(user)] },
    select: {
      id: true,
      reference: true,
      parentAccessConsentAt: true,
      parentAccessConsentHow: true,
      parties: { where: { kind: "PARENT" }, select: { name: true, email: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!c) throw new NotFoundError("case");
  return {
    caseId: c.id,
    reference: c.reference,
    parents: c.parties.map((p) => ({ name: p.name, canSignIn: !!p.email?.trim() })),
    consent: c.parentAccessConsentAt ? { givenAt: c.parentAccessConsentAt, online: c.parentAccessConsentHow === ONLINE, how: c.parentAccessConsentHow } : null,
  };
}
