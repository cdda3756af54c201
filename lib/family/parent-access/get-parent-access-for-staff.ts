/**
 * R-01 (decision 0022): for a caseworker's /cases/[id]/parent-access: whether the young person has
 * agreed that the parent(s) recorded on their case may see it, since when and how, to record an
 * answer the young person gave by phone or letter. Staff who edit cases only, through the scope.
 */
import "server-only";
import { authorize } from "@/lib/auth/policy";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { findCaseOrThrow } from "@/lib/cases/store";
import { ONLINE } from "./store";

export type StaffParentAccessView = {
  caseId: string;
  reference: string;
  youngPerson: string | null;
  parents: { name: string; hasAccount: boolean }[];
  consent: { givenAt: Date; online: boolean; how: string | null } | null;
};

export async function getParentAccessForStaff(user: SessionUser, caseId: string): Promise<StaffParentAccessView> {
  authorize(user, "case:update");
  const c = await findCaseOrThrow(user, caseId, {
    id: true,
    reference: true,
    familyParty: true,
    parentAccessConsentAt: true,
    parentAccessConsentHow: true,
    parties: { where: { kind: { in: ["PARENT", "YOUNG_PERSON"] } }, select: { kind: true, name: true, userId: true }, orderBy: { createdAt: "asc" } },
  });
  // Only a young person's case has this consent.
  if (c.familyParty !== "YOUNG_PERSON") throw new NotFoundError("case");
  return {
    caseId: c.id,
    reference: c.reference,
    youngPerson: c.parties.find((p) => p.kind === "YOUNG_PERSON")?.name ?? null,
    parents: c.parties.filter((p) => p.kind === "PARENT").map((p) => ({ name: p.name, hasAccount: p.userId !== null })),
    consent: c.parentAccessConsentAt ? { givenAt: c.parentAccessConsentAt, online: c.parentAccessConsentHow === ONLINE, how: c.parentAccessConsentHow } : null,
  };
}
