/**
 * Family accounts (issue 8, item 15): every family party with an email can sign in to their case
 * by emailed link (./family-link.ts). When a party is recorded or its details change, the command
 * that wrote it calls `linkFamilyAccount` in the same transaction:
 *  - only the case's family party (R-01: the party whose kind is the case's `familyParty`, the parent
 *    or the young person) gets an account; an LA or health representative, a school, a supporter or
 *    an interpreter never does;
 *  - on a young person's case a parent recorded on it gets one too (decision 0022), but sees the
 *    case only while the young person's consent is recorded (caseScope in ./scope.ts): without it
 *    the account shows them nothing of the case;
 *  - one account per normalised email (role PARENT, which covers parents and young people, no
 *    password), linked to each of that person's cases through `Party.userId` (lib/auth/scope.ts);
 *  - an email that belongs to a staff account is never linked, so a staff member recorded as a
 *    family party gets no family view and the family gets no staff account; nothing is recorded;
 *  - a changed or removed email moves or removes the link: the old account no longer sees the case.
 * Nothing is returned, so no response can tell anyone whether an account already existed.
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import { writeAudit } from "@/lib/platform/audit";
import { normaliseEmail } from "./staff-sign-in";
import type { SessionUser } from "./types";

export type LinkedBy = { actor: Pick<SessionUser, "id"> | null; ip: string | null };

/**
 * Brings the party's account link in line with its kind and email. Idempotent: a party already
 * linked to the right account (or rightly unlinked) writes nothing.
 */
export async function linkFamilyAccount(tx: Tx, partyId: string, by: LinkedBy): Promise<void> {
  const party = await tx.party.findUniqueOrThrow({
    where: { id: partyId },
    select: { id: true, caseId: true, kind: true, name: true, email: true, userId: true, case: { select: { familyParty: true } } },
  });
  const email = party.email ? normaliseEmail(party.email) : "";
  const userId = mayHaveAccount(party.kind, party.case.familyParty) && email !== "" ? await familyAccountFor(tx, email, party, by) : null;
  if (userId === party.userId) return;

  await tx.party.update({ where: { id: party.id }, data: { userId } });
  await writeAudit(tx, {
    actor: by.actor,
    action: userId ? "party.account_linked" : "party.account_unlinked",
    entityType: "Party",
    entityId: party.id,
    caseId: party.caseId,
    before: { userId: party.userId },
    after: { userId },
    ip: by.ip,
  });
}

/** the family party, and a parent on a young person's case (who sees it only by consent). */
function mayHaveAccount(kind: string, familyParty: string): boolean {
  return kind === familyParty || (familyParty === "YOUNG_PERSON" && kind === "PARENT");
}

/**
 * The id of the family account for `email`, created when there is none; null when the email is a
 * staff member's. Safe when two transactions record the same new email at once: the insert does
 * nothing on a duplicate (it waits for the other transaction), then the row is read again.
 */
async function familyAccountFor(tx: Tx, email: string, party: { name: string; caseId: string }, by: LinkedBy): Promise<string | null> {
  let user = await tx.user.findUnique({ where: { email }, select: { id: true, role: true } });
  if (!user) {
    const { count } = await tx.user.createMany({ data: [{ email, name: party.name, role: "PARENT", passwordHash: null }], skipDuplicates: true });
    user = await tx.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true } });
    if (count === 1) {
      await writeAudit(tx, { actor: by.actor, action: "user.family_account_created", entityType: "User", entityId: user.id, caseId: party.caseId, after: { role: "PARENT" }, ip: by.ip });
    }
  }
  return user.role === "PARENT" ? user.id : null;
}
