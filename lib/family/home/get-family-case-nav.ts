/**
 * Issue 12: what every family page of one case shows above its content (app/my-case/[caseId]/
 * layout.tsx): the child's first name, the reference and the links to the case's pages. Through
 * the case scope: a case that is not the family's is NotFoundError (404) on every page under it.
 */
import "server-only";
import { Prisma, readRows } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { caseScopeSql } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { firstName } from "./wording";
import { familyCaseLinks, type FamilyCaseLink } from "./links";

export type FamilyCaseNav = { id: string; reference: string; childFirstName: string | null; links: FamilyCaseLink[] };

type NavRow = { id: string; reference: string; familyParty: "PARENT" | "YOUNG_PERSON"; childName: string | null; ownPartyKinds: string[] };

export async function getFamilyCaseNav(user: SessionUser, caseId: string): Promise<FamilyCaseNav> {
  authorize(user, "family:workspace");
  // Issue 14 (decision 0033): one hand-written statement, the case through caseScopeSql (the SQL
  // twin of caseScope), with the user's own parties on it (which decide the "Who can see" link).
  // Through the pool (readRows, decision 0040): text, text[].
  const [c] = await readRows<NavRow>(Prisma.sql`
    SELECT c."id", c."reference", c."familyParty"::text AS "familyParty", ch."name" AS "childName",
      ARRAY(SELECT p."kind"::text FROM "Party" p WHERE p."caseId" = c."id" AND p."userId" = ${user.id}) AS "ownPartyKinds"
    FROM "Case" c LEFT JOIN "Child" ch ON ch."caseId" = c."id"
    WHERE c."id" = ${caseId} AND ${caseScopeSql(user)}`);
  if (!c) throw new NotFoundError("case");
  return { id: c.id, reference: c.reference, childFirstName: firstName(c.childName), links: familyCaseLinks(c.id, { familyParty: c.familyParty, ownPartyKinds: c.ownPartyKinds }) };
}
