/**
 * For /cases/[id]/parties/[partyId] and its consent page (caseworkers and admins): one party of a
 * case in the user's scope, with its contact details. NotFoundError otherwise.
 */
import "server-only";
import { authorize } from "@/lib/auth/policy";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { findCaseOrThrow, toIso } from "../store";

export async function getPartyForEdit(user: SessionUser, caseId: string, partyId: string) {
  authorize(user, "case:update");
  const c = await findCaseOrThrow(user, caseId, {
    id: true,
    reference: true,
    version: true,
    parties: {
      where: { id: partyId },
      select: {
        id: true,
        kind: true,
        name: true,
        organisation: true,
        email: true,
        phone: true,
        address: true,
        preferredContact: true,
        accessNeeds: true,
        hasAuthority: true,
        consent: true,
        consentOn: true,
        consentHow: true,
      },
    },
  });
  const p = c.parties[0];
  if (!p) throw new NotFoundError("party");
  return { case: { id: c.id, reference: c.reference, version: c.version }, party: { ...p, consentOn: toIso(p.consentOn) } };
}
