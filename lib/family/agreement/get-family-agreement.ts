/**
 * Issue 12: the family's agreement page (/my-case/<case>/agreement): the sealed agreement (or DRS
 * outcome statement) and the certificate as PDFs to download, the agreed actions and whether each
 * is done, and — when the signed-in user is a signer asked to sign who has not — the text to sign
 * (decision 0019). Through caseScope: another family's case is NotFoundError (404). Documents through
 * documentScope (SHARED only, R-80), certificates through certificateScope, the actions through
 * obligationScope (lib/obligations/list-family-obligations.ts: only notes shared with the family).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { certificateScope, documentScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import { findCaseOrThrow } from "@/lib/cases/store";
import { withoutRuleIds } from "@/lib/cases/rule-ids";
import { findOwnSigner } from "@/lib/agreements/family-signer";
import { readAgreementText, signerStates } from "@/lib/agreements/store";
import type { AgreementText } from "@/lib/agreements/agreement-content";
import { AGREEMENT_KIND_TITLES } from "@/lib/agreements/wording";
import { CERTIFICATE_KIND_LABELS } from "@/lib/certificates/certificate-content";
import { listFamilyObligations, type FamilyObligation } from "@/lib/obligations/list-family-obligations";

export type FamilyDocumentLink = { title: string; version: number; issuedOn: string; href: string; fileName: string };

export type FamilySigning = {
  agreementId: string;
  title: string;
  /** The hash of the text shown: the answer is bound to it (a text changed since is refused). */
  contentSha256: string;
  signerName: string;
  text: AgreementText;
  /** Their latest answer to this text was "no": they may still sign. */
  declinedBefore: boolean;
};

export type FamilyAgreementPage = {
  id: string;
  reference: string;
  agreements: FamilyDocumentLink[];
  certificate: (FamilyDocumentLink & { appealDeadlineOn: string | null; appealExplanation: string }) | null;
  actions: FamilyObligation[];
  /** Asked to sign and not signed yet. */
  signing: FamilySigning | null;
  /** Signed the current text, waiting for the others. */
  signedWaiting: boolean;
};

export async function getFamilyAgreement(user: SessionUser, caseId: string, now: Date = new Date()): Promise<FamilyAgreementPage> {
  authorize(user, "family:workspace");
  const c = await findCaseOrThrow(user, caseId, { id: true, reference: true });
  const [documents, certificate, actions, ownSigner] = await Promise.all([
    db().document.findMany({
      where: { AND: [{ caseId: c.id, kind: { in: ["AGREEMENT", "OUTCOME_STATEMENT"] }, supersededBy: { is: null } }, documentScope(user)] },
      orderBy: [{ createdAt: "desc" }, { version: "desc" }],
      select: { id: true, title: true, version: true, createdAt: true, fileName: true },
    }),
    db().certificate.findFirst({
      where: { AND: [{ caseId: c.id }, certificateScope(user)], supersededBy: { is: null } },
      orderBy: [{ issuedOn: "desc" }, { createdAt: "desc" }],
      // never the correction's reason (staff text).
      select: { kind: true, issuedOn: true, appealDeadlineOn: true, appealExplanation: true, document: { select: { id: true, version: true, fileName: true } } },
    }),
    listFamilyObligations(user, now, { caseId: c.id }),
    findOwnSigner(db(), user, c.id),
  ]);

  let signing: FamilySigning | null = null;
  let signedWaiting = false;
  if (ownSigner) {
    const mine = (await signerStates(db(), ownSigner.agreementId, ownSigner.contentSha256)).find((s) => s.id === ownSigner.signerId);
    if (mine?.state === "SIGNED") signedWaiting = true;
    else {
      const text = await readAgreementText(db(), ownSigner.agreementId);
      signing = { agreementId: ownSigner.agreementId, title: AGREEMENT_KIND_TITLES[text.kind], contentSha256: ownSigner.contentSha256, signerName: ownSigner.name, text, declinedBefore: mine?.state === "DECLINED" };
    }
  }

  return {
    id: c.id,
    reference: c.reference,
    agreements: documents.map((d) => ({ title: d.title, version: d.version, issuedOn: todayInLondon(d.createdAt), href: `/documents/${encodeURIComponent(d.id)}`, fileName: d.fileName })),
    certificate: certificate
      ? {
          title: CERTIFICATE_KIND_LABELS[certificate.kind],
          version: certificate.document.version,
          issuedOn: isoFromDbDate(certificate.issuedOn),
          href: `/documents/${encodeURIComponent(certificate.document.id)}`,
          fileName: certificate.document.fileName,
          appealDeadlineOn: certificate.appealDeadlineOn ? isoFromDbDate(certificate.appealDeadlineOn) : null,
          appealExplanation: withoutRuleIds(certificate.appealExplanation),
        }
      : null,
    actions: actions[c.id] ?? [],
    signing,
    signedWaiting,
  };
}
