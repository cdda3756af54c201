/**
 * Writes one certificate inside the caller's transaction (R-30, R-31): a snapshot of the case as it
 * is now (the child, the parties, the decisions and issues), the appeal deadline from the date
 * engine (R-50..R-53, lib/deadlines appealDeadlineDetail and its explanation), the sealed PDF
 * (storeDocument: kind CERTIFICATE, SHARED, R-80), the Certificate row, its audit row, and an email
 * to the family and the LA party with the PDF attached and a link to the document.
 *
 * Used by ./issue-certificate.ts (with the lifecycle's issuing transition) and
 * ./correct-certificate.ts (a correction superseding an earlier one). Nothing here, or anywhere,
 * updates a Certificate: the old one's `supersededBy` is the new row's unique `supersedesId`.
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { queueEmail } from "@/lib/platform/outbox/queue-email";
import { publicOrigin } from "@/lib/platform/public-origin";
import { storeDocument } from "@/lib/platform/documents/store-document";
import { appealDeadlineDetail, dbDateFromIso, explainAppealDeadline, formatLongDate, isDeadlineInputError, isoFromDbDate } from "@/lib/deadlines";
import { DISPUTED_DECISION_LABELS, ISSUE_CATEGORY_LABELS, PARTY_KIND_LABELS, type IssueCategoryValue, type PartyKindValue } from "@/lib/cases/options";
import { isSectionIOnly } from "@/lib/cases/about/rules";
import { MEDIATION_CLOCKS } from "@/lib/cases/lifecycle";
import {
  CERTIFICATE_ISSUER_ROLES,
  CERTIFICATE_KIND_LABELS,
  NO_DECISION_DATE_EXPLANATION,
  certificateLayout,
  type CertificateContent,
  type CertificateKind,
} from "./certificate-content";

/**
 * R-30: the parties a certificate names — the family party, the LA and (with a health issue) the
 * ICB. R-01 (decision 0022): the family party is the case's `familyParty`, so on a young person's
 * case a parent recorded on it is neither named nor emailed, even with the young person's consent
 * to see the case: the young person receives the certificate.
 */
const NAMED_PARTY_KINDS = (familyParty: PartyKindValue): PartyKindValue[] => [familyParty, "LA", "HEALTH"];
/** Who is emailed that it has been issued: the family party and the LA. */
const EMAILED_PARTY_KINDS = (familyParty: PartyKindValue): PartyKindValue[] => [familyParty, "LA"];

export type SealCertificateInput = {
  caseId: string;
  kind: CertificateKind;
  /** ISO date of issue. */
  issuedOn: string;
  issuerId: string;
  /** The certificate deadline it meets (ISO). */
  triggerOn: string;
  dueOn: string;
  /** R-31: the certificate it corrects. */
  supersedes?: { id: string; documentId: string; version: number; issuedOn: string; reason: string } | null;
};

/** R-50..R-53: the last day to appeal and how it was worked out; null date when it cannot be. */
export function appealFor(decisionSentOn: string | null, issuedOn: string): { deadline: string | null; explanation: string } {
  if (!decisionSentOn) return { deadline: null, explanation: NO_DECISION_DATE_EXPLANATION };
  try {
    const detail = appealDeadlineDetail(decisionSentOn, issuedOn);
    return { deadline: detail.date, explanation: explainAppealDeadline(decisionSentOn, issuedOn).text };
  } catch (e) {
    // R-64: outside the years the holiday data covers — say so rather than guess.
    if (!isDeadlineInputError(e)) throw e;
    return { deadline: null, explanation: e.message };
  }
}

export async function sealCertificate(tx: Tx, actor: SessionUser, input: SealCertificateInput, ip: string | null) {
  const { familyParty } = await tx.case.findUniqueOrThrow({ where: { id: input.caseId }, select: { familyParty: true } });
  const c = await tx.case.findUniqueOrThrow({
    where: { id: input.caseId },
    select: {
      reference: true,
      decisionSentOn: true,
      heldOn: true,
      disputedDecisions: true,
      localAuthority: { select: { name: true } },
      child: { select: { name: true } },
      issues: { select: { category: true, description: true }, orderBy: { id: "asc" } },
      parties: { where: { kind: { in: NAMED_PARTY_KINDS(familyParty) } }, select: { kind: true, name: true, email: true, user: { select: { email: true } } }, orderBy: { createdAt: "asc" } },
      deadlines: { where: { name: { in: [...MEDIATION_CLOCKS] } }, select: { dueOn: true }, orderBy: { createdAt: "desc" }, take: 1 },
    },
  });
  const issuer = await tx.user.findUniqueOrThrow({ where: { id: input.issuerId }, select: { name: true } });
  const decisionSentOn = c.decisionSentOn ? isoFromDbDate(c.decisionSentOn) : null;
  const appeal = appealFor(decisionSentOn, input.issuedOn);
  const parties = c.parties.map((p) => ({ role: PARTY_KIND_LABELS[p.kind as PartyKindValue], name: p.name }));
  const issues = c.issues.map((i) => ({ category: ISSUE_CATEGORY_LABELS[i.category as IssueCategoryValue] ?? i.category, description: i.description }));
  const content: CertificateContent = {
    kind: input.kind,
    caseReference: c.reference,
    childName: c.child?.name ?? null,
    localAuthority: c.localAuthority.name,
    parties,
    decisions: c.disputedDecisions.map((d) => DISPUTED_DECISION_LABELS[d]),
    issues,
    issuedOn: input.issuedOn,
    issuer: { name: issuer.name, role: CERTIFICATE_ISSUER_ROLES[input.kind] },
    heldOn: input.kind === "AFTER_MEDIATION" && c.heldOn ? isoFromDbDate(c.heldOn) : null,
    notArranged: input.kind === "NOT_ARRANGED" ? { lastDay: c.deadlines[0] ? isoFromDbDate(c.deadlines[0].dueOn) : null, toldOn: input.triggerOn } : null,
    appeal,
    corrects: input.supersedes ? { version: input.supersedes.version, issuedOn: input.supersedes.issuedOn, reason: input.supersedes.reason } : null,
    sectionIOnly: isSectionIOnly(c.disputedDecisions),
  };

  const doc = await storeDocument(
    tx,
    actor,
    { caseId: input.caseId, kind: "CERTIFICATE", title: CERTIFICATE_KIND_LABELS[input.kind], visibility: "SHARED", supersedesId: input.supersedes?.documentId ?? null, content, layout: certificateLayout },
    { ip },
  );
  const row = await tx.certificate.create({
    data: {
      caseId: input.caseId,
      kind: input.kind,
      triggerOn: dbDateFromIso(input.triggerOn),
      dueOn: dbDateFromIso(input.dueOn),
      issuedOn: dbDateFromIso(input.issuedOn),
      issuerId: input.issuerId,
      issuerName: issuer.name,
      decisions: c.disputedDecisions,
      issues,
      parties,
      appealDeadlineOn: appeal.deadline ? dbDateFromIso(appeal.deadline) : null,
      appealExplanation: appeal.explanation,
      documentId: doc.id,
      supersedesId: input.supersedes?.id ?? null,
      correctionReason: input.supersedes?.reason ?? null,
      createdById: actor.id,
    },
    select: { id: true },
  });
  await writeAudit(tx, {
    actor,
    action: input.supersedes ? "certificate.corrected" : "certificate.issued",
    entityType: "Certificate",
    entityId: row.id,
    caseId: input.caseId,
    // Ids, kinds and process dates only: the correction's reason is redacted by writeAudit.
    after: {
      kind: input.kind,
      issuedOn: input.issuedOn,
      issuerId: input.issuerId,
      triggerOn: input.triggerOn,
      dueOn: input.dueOn,
      appealDeadlineOn: appeal.deadline,
      documentId: doc.id,
      ...(input.supersedes ? { supersedesId: input.supersedes.id, reason: input.supersedes.reason } : {}),
    },
    ip,
  });

  // R-30: the family and the LA are told, with the certificate's PDF attached (lib/platform/email
  // attachDocumentId) and a link to the document (read through the scope).
  const link = `${publicOrigin()}/documents/${encodeURIComponent(doc.id)}`;
  const sent = new Set<string>();
  for (const p of c.parties) {
    if (!EMAILED_PARTY_KINDS(familyParty).includes(p.kind as PartyKindValue)) continue;
    const to = (p.email ?? p.user?.email ?? "").trim();
    if (!to || sent.has(to.toLowerCase())) continue;
    sent.add(to.toLowerCase());
    await queueEmail(tx, { to, caseId: input.caseId, attachDocumentId: doc.id, ...certificateEmail(content, p.name, link, doc.fileName) });
  }
  return { id: row.id, documentId: doc.id, appeal, emailed: sent.size };
}

/** The email that a certificate has been issued (or corrected): plain words, the PDF attached (`fileName`) and a link. */
export function certificateEmail(c: CertificateContent, name: string, link: string, fileName: string): { subject: string; body: string } {
  const what = c.corrects ? "corrected mediation certificate" : "mediation certificate";
  return {
    subject: `${c.corrects ? "Corrected mediation certificate" : "Mediation certificate"} issued: case ${c.caseReference}`,
    body: [
      `Dear ${name},`,
      "",
      `A ${what} has been issued on ${formatLongDate(c.issuedOn)} for case ${c.caseReference}${c.childName ? ` (${c.childName})` : ""}: ${CERTIFICATE_KIND_LABELS[c.kind].toLowerCase()}.`,
      ...(c.corrects ? ["", `It replaces the certificate issued on ${formatLongDate(c.corrects.issuedOn)}, which should no longer be used.`] : []),
      "",
      c.appeal.deadline ? `The last day for an appeal to reach the Tribunal is ${formatLongDate(c.appeal.deadline)}.` : "The certificate explains when an appeal must reach the Tribunal.",
      "",
      `The certificate is attached to this email (${fileName}). You can also sign in to download it: ${link}`,
    ].join("\n"),
  };
}
