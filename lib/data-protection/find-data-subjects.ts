/**
 * Subject access, step 1 (/admin/data-protection/subject-access; decision 0028): the records that
 * may be the person — family and staff accounts, and party rows on any case — found by their email
 * address (exact, any case) or by name (the case list's accent- and case-insensitive name key).
 * The admin then ticks the ones that are this person: a name alone is not proof of identity.
 */
import "server-only";
import { z } from "zod";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { dataProtectionScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { PARTY_KIND_LABELS } from "@/lib/cases/options";

/** At most this many accounts and this many party rows are listed for one search. */
export const SUBJECT_SEARCH_LIMIT = 50;

export const subjectSearchSchema = z.string().trim().min(2).max(200);

export type SubjectAccount = { id: string; name: string; email: string; role: string; active: boolean };
export type SubjectParty = { id: string; name: string; email: string | null; kindLabel: string; caseId: string; reference: string; purged: boolean; linkedUserId: string | null };
export type SubjectSearch = { q: string; byEmail: boolean; accounts: SubjectAccount[]; parties: SubjectParty[] };

const likeEscape = (s: string) => s.replace(/[\\%_]/g, "\\$&");

export async function findDataSubjects(user: SessionUser, query: unknown): Promise<SubjectSearch | null> {
  authorize(user, "data-protection:manage");
  const parsed = subjectSearchSchema.safeParse(query);
  if (!parsed.success) return null;
  const q = parsed.data;
  const byEmail = q.includes("@");
  const scope = { case: { is: dataProtectionScope(user) } };
  let accounts: SubjectAccount[];
  let parties;
  if (byEmail) {
    accounts = await db().user.findMany({ where: { email: { equals: q, mode: "insensitive" } }, select: accountSelect, take: SUBJECT_SEARCH_LIMIT });
    const ids = accounts.map((a) => a.id);
    parties = await db().party.findMany({
      where: { AND: [scope, { OR: [{ email: { equals: q, mode: "insensitive" } }, ...(ids.length ? [{ userId: { in: ids } }] : [])] }] },
      select: partySelect,
      orderBy: [{ case: { reference: "asc" } }],
      take: SUBJECT_SEARCH_LIMIT,
    });
  } else {
    const [{ key } = { key: null }] = await db().$queryRaw<{ key: string | null }[]>`SELECT name_search_key(${q}::text) AS key`;
    const names = { contains: likeEscape(key ?? q) };
    accounts = await db().user.findMany({ where: { name: { contains: likeEscape(q), mode: "insensitive" } }, select: accountSelect, orderBy: { name: "asc" }, take: SUBJECT_SEARCH_LIMIT });
    parties = await db().party.findMany({ where: { AND: [scope, { nameKey: names }] }, select: partySelect, orderBy: [{ name: "asc" }], take: SUBJECT_SEARCH_LIMIT });
  }
  return {
    q,
    byEmail,
    accounts,
    parties: parties.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      kindLabel: PARTY_KIND_LABELS[p.kind],
      caseId: p.caseId,
      reference: p.case.reference,
      purged: p.case.purgedAt !== null,
      linkedUserId: p.userId,
    })),
  };
}

const accountSelect = { id: true, name: true, email: true, role: true, active: true } as const;
const partySelect = { id: true, name: true, email: true, kind: true, caseId: true, userId: true, case: { select: { reference: true, purgedAt: true } } } as const;
