/**
 * A caseworker adds a person or body to the case (R-24: parties, LA and ICB representatives,
 * supporters, interpreters). The timeline entry is STAFF: it is about contact details. A
 * family party with an email can then sign in to the case (lib/auth/family-accounts.ts).
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { linkFamilyAccount } from "@/lib/auth/family-accounts";
import { parseInput } from "@/lib/platform/validation";
import { describeParty, type PartyKindValue } from "../options";
import { recordEvent } from "../timeline";
import { bumpVersion, caseCommandSchema, findOpenCaseForUpdate } from "../store";
import { newPartySchema, partyData, type PartyInput } from "./party-schema";

export async function addParty(user: SessionUser, caseId: string, expectedVersion: number | string, input: PartyInput, ip: string | null = null): Promise<{ version: number; partyId: string }> {
  const ref = parseInput(caseCommandSchema, { caseId, expectedVersion });
  const v = parseInput(newPartySchema, input);
  authorize(user, "case:update", { hide: false });
  return transaction(async (tx) => {
    const c = await findOpenCaseForUpdate(tx, user, ref.caseId, ref.expectedVersion);
    const version = await bumpVersion(tx, c.id, ref.expectedVersion);
    const data = partyData(v.kind, v);
    const p = await tx.party.create({ data: { caseId: c.id, kind: v.kind as PartyKindValue, ...data }, select: { id: true, name: true, kind: true } });
    await recordEvent(tx, { caseId: c.id, actorId: user.id, type: "PARTY_ADDED", summary: `Added ${describeParty(p)} to the case`, rule: "R-24", visibility: "STAFF", data: { partyId: p.id } });
    await writeAudit(tx, { actor: user, action: "party.added", entityType: "Party", entityId: p.id, caseId: c.id, before: { version: ref.expectedVersion }, after: { version, kind: v.kind, ...data }, ip });
    // Issue 8: a family party with an email can sign in to the case.
    await linkFamilyAccount(tx, p.id, { actor: user, ip });
    return { version, partyId: p.id };
  });
}
