/**
 * Issuing a certificate: the lifecycle's issuing transition ("Issue certificate", "Issue
 * certificate (could not be arranged)" — lib/cases/lifecycle/transitions.ts) and the certificate
 * itself in ONE transaction: the Certificate row, its sealed PDF and the emails to the family and
 * the LA (./seal-certificate.ts). A transition that is refused writes neither; a certificate is
 * never written without its transition.
 *
 * The kind, the date of issue and the issuer come from the transition's plan (R-30: the
 * after-mediation certificate is the allocated mediator's, whoever records it); the trigger and due
 * dates from the certificate deadline it meets, read before the transition closes it. Written in
 * the transition's `beforeWrite` step, so the transition's audit row stays the case's last (issue 9
 * item 15: a form posted again is recognised as "already done" and issues nothing more). A second
 * issue is refused by the lifecycle (no certificate deadline is running any more).
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { isoFromDbDate } from "@/lib/deadlines";
import { applyTransition, type TransitionResult } from "@/lib/cases/transition/apply-transition";
import type { TransitionName, TransitionPlan } from "@/lib/cases/lifecycle";
import { DomainError } from "@/lib/platform/errors";
import { sealCertificate } from "./seal-certificate";
import type { CertificateKind } from "./certificate-content";

/** The transitions that issue a certificate. */
export const CERTIFICATE_TRANSITIONS: readonly TransitionName[] = ["issueCertificate", "issueNotArrangedCertificate"];

export function isCertificateTransition(name: string): boolean {
  return (CERTIFICATE_TRANSITIONS as readonly string[]).includes(name);
}

export type IssueResult = TransitionResult & { certificateId: string | null };

const SAVEPOINT = "certificate_issue";

export async function issueCertificateWithTransition(
  tx: Tx,
  user: SessionUser,
  caseId: string,
  name: TransitionName,
  expectedVersion: number,
  input: Record<string, unknown>,
  ip: string | null,
): Promise<IssueResult> {
  let certificateId: string | null = null;
  // If the same form posted twice at once turns out "already done" after the certificate was
  // written (the other post committed first), the certificate is undone with this savepoint.
  await tx.$executeRawUnsafe(`SAVEPOINT ${SAVEPOINT}`);
  const r = await applyTransition(tx, user, caseId, name, expectedVersion, input, ip, async (plan) => {
    certificateId = (await sealCertificate(tx, user, await sealInputOf(tx, caseId, plan), ip)).id;
  });
  if (r.alreadyDone && certificateId) {
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
    certificateId = null;
  }
  await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${SAVEPOINT}`);
  return { ...r, certificateId };
}

/** What the plan says about the certificate, and the certificate deadline it meets (still open). */
async function sealInputOf(tx: Tx, caseId: string, plan: TransitionPlan) {
  const { certificateKind, issuedOn, issuerId } = plan.record;
  if (typeof certificateKind !== "string" || typeof issuedOn !== "string" || typeof issuerId !== "string") {
    throw new Error(`The transition ${plan.transition} does not issue a certificate.`);
  }
  const deadline = await tx.caseDeadline.findFirst({
    where: { caseId, closedOn: null, name: { in: plan.stops } },
    orderBy: { createdAt: "desc" },
    select: { triggerOn: true, dueOn: true },
  });
  // The lifecycle offers issuing only while a certificate is due (`whileOpen`): this is a guard.
  if (!deadline) throw new DomainError("No certificate is due on this case.", "NO_CERTIFICATE_DUE");
  return { caseId, kind: certificateKind as CertificateKind, issuedOn, issuerId, triggerOn: isoFromDbDate(deadline.triggerOn), dueOn: isoFromDbDate(deadline.dueOn) };
}
