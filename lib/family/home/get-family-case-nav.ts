/**
 * Issue 12: what every family page of one case shows above its content (app/my-case/[caseId]/
 * layout.tsx): the child's first name, the reference and the links to the case's pages. Through
 * caseScope: a case that is not the family's is NotFoundError (404) on every page under it.
 */
import "server-only";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { findCaseOrThrow } from "@/lib/cases/store";
import { firstName } from "./wording";
import { familyCaseLinks, type FamilyCaseLink } from "./links";

export type FamilyCaseNav = { id: string; reference: string; childFirstName: string | null; links: FamilyCaseLink[] };

export async function getFamilyCaseNav(user: SessionUser, caseId: string): Promise<FamilyCaseNav> {
  authorize(user, "family:workspace");
  // Issue 14: the user's own parties on the case are read with it (one statement, relationJoins).
  const c = await findCaseOrThrow(user, caseId, {
    id: true,
    reference: true,
    familyParty: true,
    child: { select: { name: true } },
    parties: { where: { userId: user.id }, select: { kind: true } },
  });
  return { id: c.id, reference: c.reference, childFirstName: firstName(c.child?.name), links: familyCaseLinks(c.id, { familyParty: c.familyParty, ownPartyKinds: c.parties.map((p) => p.kind) }) };
}
