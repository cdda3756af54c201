/**
 * The draft is finished: ask everyone who attended to sign it. From now on signatures can
 * be given in the room or by link; a change to the text returns it to DRAFT (decision 0016).
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { loadForChange } from "./store";

export async function requestSignatures(user: SessionUser, input: Record<string, unknown>, ip: string | null = null): Promise<{ revision: number }> {
  return transaction(async (tx) => {
    const a = await loadForChange(tx, user, input);
    if (a.status !== "DRAFT") throw new DomainError("Signatures have already been asked for.", "ALREADY_AWAITING");
    const row = await tx.caseAgreement.findUniqueOrThrow({
      where: { id: a.id },
      select: { whatWasAgreed: true, whatWasNotAgreed: true, contentSha256: true, _count: { select: { actions: true } }, case: { select: { agreement: true } } },
    });
    const problems: Record<string, string> = {};
    if (row.whatWasAgreed.trim() === "") problems.whatWasAgreed = "Enter what was agreed before asking for signatures";
    if (a.kind === "AGREEMENT" && row.case.agreement === "PARTIAL" && !row.whatWasNotAgreed) problems.whatWasNotAgreed = "Enter what was not agreed (a partial agreement) before asking for signatures";
    // an agreement says what will happen; a DRS outcome statement may record that nothing was agreed.
    if (a.kind === "AGREEMENT" && row._count.actions === 0) problems.actions = "Add at least one action: what will happen, who is responsible and by when";
    if (Object.keys(problems).length > 0) throw new DomainError(Object.values(problems)[0]!, "VALIDATION", problems);
    await tx.caseAgreement.update({ where: { id: a.id }, data: { status: "AWAITING_SIGNATURES", revision: { increment: 1 } } });
    await writeAudit(tx, { actor: user, action: "agreement.signatures_requested", entityType: "Agreement", entityId: a.id, caseId: a.caseId, after: { revision: a.revision + 1, contentSha256: row.contentSha256 }, ip });
    return { revision: a.revision + 1 };
  });
}
