/**
 * A caseworker changes a party's name, organisation, contact details, preferred contact, access
 * needs or authority. Nothing changed → nothing written. STAFF timeline entry. A
 * family party's sign-in follows its email (lib/auth/family-accounts.ts).
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { linkFamilyAccount } from "@/lib/auth/family-accounts";
import { parseInput } from "@/lib/platform/validation";
import { describeParty } from "../options";
import { recordEvent } from "../timeline";
import { bumpVersion, caseCommandSchema, caseIdSchema, findOpenCaseForUpdate } from "../store";
import { partyData, partyUpdateSchema, type PartyInput } from "./party-schema";

export async function updateParty(
  user: SessionUser,
  caseId: string,
  partyId: string,
  expectedVersion: number | string,
  input: PartyInput,
  ip: string | null = null,
): Promise<{ version: number; changed: string[] }> {
  const ref = parseInput(caseCommandSchema.extend({ partyId: caseIdSchema }), { caseId, partyId, expectedVersion });
  const v = parseInput(partyUpdateSchema, input);
  authorize(user, "case:update", { hide: false });
  return transaction(async (tx) => {
    const c = await findOpenCaseForUpdate(tx, user, ref.caseId, ref.expectedVersion);
    const p = await tx.party.findFirst({
      where: { id: ref.partyId, caseId: c.id },
      select: { id: true, kind: true, name: true, organisation: true, email: true, phone: true, address: true, preferredContact: true, accessNeeds: true, hasAuthority: true },
    });
    if (!p) throw new NotFoundError("party");
    const data = partyData(p.kind, v);
    const changed = (Object.keys(data) as (keyof typeof data)[]).filter((k) => data[k] !== p[k]);
    if (changed.length === 0) return { version: c.version, changed: [] };
    const version = await bumpVersion(tx, c.id, ref.expectedVersion);
    await tx.party.update({ where: { id: p.id }, data });
    await recordEvent(tx, {
      caseId: c.id,
      actorId: user.id,
      type: "PARTY_UPDATED",
      summary: `Details of ${describeParty({ name: data.name, kind: p.kind })} changed`,
      visibility: "STAFF",
      data: { partyId: p.id, fields: changed },
    });
    await writeAudit(tx, {
      actor: user,
      action: "party.updated",
      entityType: "Party",
      entityId: p.id,
      caseId: c.id,
      before: { version: ref.expectedVersion, ...Object.fromEntries(changed.map((k) => [k, p[k]])) },
      after: { version, ...Object.fromEntries(changed.map((k) => [k, data[k]])) },
      ip,
    });
    // Issue 8: a new email moves the link to that person's account (the old one loses the case).
    await linkFamilyAccount(tx, p.id, { actor: user, ip });
    return { version, changed };
  });
}
