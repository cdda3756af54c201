/**
 * What a certificate says (R-30) and how its PDF is laid out: the content sealed into the Document
 * (canonical JSON, hashed, lib/platform/documents) and the layout that prints it. Plain words for a
 * family and a tribunal: the kind, the case, the child, the parties, the decisions and issues, the
 * date of issue and who issued it, the last day to appeal with how it was worked out (R-50..R-53),
 * and for a "could not be arranged" certificate why (R-23). Pure and client-safe.
 */
import { formatLongDate } from "@/lib/deadlines";
import type { DocumentFacts } from "@/lib/platform/documents/store-document";
import type { CertificateKind } from "@/lib/platform/db/generated/enums";

export const CERTIFICATE_KINDS = ["ADVICE_ONLY", "AFTER_MEDIATION", "NOT_ARRANGED"] as const satisfies readonly CertificateKind[];
export type { CertificateKind };

/** R-30: each kind in plain words (lists, pages, emails). */
export const CERTIFICATE_KIND_LABELS: Record<CertificateKind, string> = {
  ADVICE_ONLY: "Mediation advice certificate (the family did not go on to mediation)",
  AFTER_MEDIATION: "Certificate after mediation",
  NOT_ARRANGED: "Certificate: mediation could not be arranged within 30 days",
};

/** R-30: who issues each kind — the mediator after mediation, otherwise the mediation adviser. */
export const CERTIFICATE_ISSUER_ROLES: Record<CertificateKind, string> = {
  ADVICE_ONLY: "Mediation adviser",
  AFTER_MEDIATION: "Mediator",
  NOT_ARRANGED: "Mediation adviser",
};

/** Shown instead of an appeal date when the decision notice's date is not recorded (R-50 needs it). */
export const NO_DECISION_DATE_EXPLANATION =
  "The date the local authority sent its decision notice is not recorded, so the last day to appeal is not worked out here. The appeal must reach the Tribunal by the later of 2 months after the decision notice was sent and 1 month after the date of this certificate.";

export type CertificateParty = { role: string; name: string };
export type CertificateIssue = { category: string; description: string };

/** The sealed content of a certificate (ISO dates as strings: canonical JSON takes no Date). */
export type CertificateContent = {
  kind: CertificateKind;
  caseReference: string;
  childName: string | null;
  localAuthority: string;
  parties: CertificateParty[];
  decisions: string[];
  issues: CertificateIssue[];
  issuedOn: string;
  issuer: { name: string; role: string };
  /** AFTER_MEDIATION: the day the meeting was held. */
  heldOn: string | null;
  /** NOT_ARRANGED (R-23): the last day mediation had to take place by, and when the adviser was told. */
  notArranged: { lastDay: string | null; toldOn: string } | null;
  appeal: { deadline: string | null; explanation: string };
  /** R-31: the certificate this one replaces, and why. */
  corrects: { version: number; issuedOn: string; reason: string } | null;
  /** R-04: only section I is disputed, so no certificate is needed to appeal. */
  sectionIOnly: boolean;
};

/** What the certificate confirms, in one paragraph (R-11, R-12, R-23, R-30). */
export function certificateStatement(c: Pick<CertificateContent, "kind" | "heldOn" | "notArranged">): string {
  switch (c.kind) {
    case "ADVICE_ONLY":
      return "The family has had information and advice about mediation and has decided not to go on to mediation, or has withdrawn from it. They may now appeal to the First-tier Tribunal (Special Educational Needs and Disability).";
    case "AFTER_MEDIATION":
      return `Mediation took place${c.heldOn ? ` on ${formatLongDate(c.heldOn)}` : ""}. The family may now appeal to the First-tier Tribunal (Special Educational Needs and Disability) about the decisions below, whether or not an agreement was reached.`;
    case "NOT_ARRANGED":
      return "Mediation could not take place within 30 days of the local authority being told that the family wanted it. The family may appeal to the First-tier Tribunal (Special Educational Needs and Disability) now, and may still take part in mediation if they want to.";
  }
}

/** R-23: why a "could not be arranged" certificate was issued. */
export function notArrangedReason(n: NonNullable<CertificateContent["notArranged"]>): string {
  const lastDay = n.lastDay ? `Mediation had to take place by ${formatLongDate(n.lastDay)}. ` : "";
  return `${lastDay}On ${formatLongDate(n.toldOn)} the mediation adviser was told that it could not take place within the 30 days (R-23).`;
}

export function certificateLayout(c: CertificateContent, facts: DocumentFacts) {
  const sections = [{ heading: "What this certificate confirms", paragraphs: [certificateStatement(c)] }];
  if (c.notArranged) sections.push({ heading: "Why mediation could not be arranged", paragraphs: [notArrangedReason(c.notArranged)] });
  sections.push({
    heading: "Last day to appeal",
    paragraphs: [c.appeal.deadline ? `The appeal must reach the Tribunal by ${formatLongDate(c.appeal.deadline)}.` : "Not worked out here.", c.appeal.explanation],
  });
  if (c.sectionIOnly) {
    sections.push({
      heading: "School or college named in the plan",
      paragraphs: ["Only the school or college named in the plan (section I) is disputed, so the family does not need this certificate to appeal, but may use it (R-04)."],
    });
  }
  if (c.corrects) {
    sections.push({
      heading: "This certificate replaces an earlier one",
      paragraphs: [`It replaces version ${c.corrects.version}, issued on ${formatLongDate(c.corrects.issuedOn)}, which should no longer be used (R-31). Reason: ${c.corrects.reason}`],
    });
  }
  return {
    title: "Mediation certificate",
    subtitle: `${c.caseReference} · ${CERTIFICATE_KIND_LABELS[c.kind]} · version ${facts.version}`,
    summary: [
      { label: "Kind of certificate", value: CERTIFICATE_KIND_LABELS[c.kind] },
      { label: "Case reference", value: c.caseReference },
      { label: "Child or young person", value: c.childName ?? "Not recorded" },
      { label: "Local authority", value: c.localAuthority },
      ...c.parties.map((p) => ({ label: p.role, value: p.name })),
      { label: "Date of issue", value: formatLongDate(c.issuedOn) },
      { label: "Issued by", value: `${c.issuer.name}, ${c.issuer.role.toLowerCase()}` },
      { label: "Last day to appeal", value: c.appeal.deadline ? formatLongDate(c.appeal.deadline) : "See below" },
    ],
    sections,
    tables: [
      { heading: "Decisions concerned", columns: [{ header: "Decision" }], rows: c.decisions.map((d) => [d]), empty: "No decision of the local authority is recorded." },
      {
        heading: "Issues concerned",
        columns: [{ header: "Kind of issue", width: 1 }, { header: "Issue", width: 3 }],
        rows: c.issues.map((i) => [i.category, i.description]),
        empty: "No issues are recorded.",
      },
    ],
  };
}
