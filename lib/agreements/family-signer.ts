/**
 * Issue 12: the signer a family user is on their own case's agreement — the signer whose
 * party is linked to the user. The caller has found the case through caseScope (lib/cases/store
 * findCaseOrThrow): this narrows it to the user's own party, so a parent never reads or signs for
 * someone else (decision 0019).
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";

type Client = Pick<Tx, "party" | "agreementSigner">;

export type OwnSigner = { signerId: string; agreementId: string; name: string; contentSha256: string; status: string };

/**
 * The user's signer on the case's agreement: on `agreementId` if given (whatever its status), else
 * on the newest version waiting for signatures. Null when none is theirs.
 */
export async function findOwnSigner(client: Client, user: SessionUser, caseId: string, agreementId?: string): Promise<OwnSigner | null> {
  const own = await client.party.findMany({ where: { caseId, userId: user.id }, select: { id: true } });
  if (own.length === 0) return null;
  const s = await client.agreementSigner.findFirst({
    where: {
      caseId,
      partyId: { in: own.map((p) => p.id) },
      agreement: { is: agreementId ? { id: agreementId, caseId } : { caseId, status: "AWAITING_SIGNATURES" } },
    },
    orderBy: [{ agreement: { version: "desc" } }, { position: "asc" }],
    select: { id: true, name: true, agreementId: true, agreement: { select: { contentSha256: true, status: true } } },
  });
  return s ? { signerId: s.id, agreementId: s.agreementId, name: s.name, contentSha256: s.agreement.contentSha256, status: s.agreement.status } : null;
}
