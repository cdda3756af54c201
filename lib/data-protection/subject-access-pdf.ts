/**
 * The subject access export as a readable PDF (decision 0028): the same content as the JSON
 * (./export-subject-access.ts), set with the documents' renderer (lib/platform/documents/render-pdf:
 * pdfkit, Noto Sans, tagged) — not a sealed document, so no verification code.
 */
import "server-only";
import { renderDocumentPdf, type DocumentSection, type DocumentTable } from "@/lib/platform/documents/render-pdf";
import type { SubjectAccessData } from "./export-subject-access";

const text = (v: unknown): string => (v === null || v === undefined || v === "" ? "Not recorded" : typeof v === "boolean" ? (v ? "Yes" : "No") : String(v));

export function renderSubjectAccessPdf(data: SubjectAccessData, now: Date): Promise<Uint8Array> {
  const sections: DocumentSection[] = [{ heading: "About this export", paragraphs: [data.about.notice] }];
  const tables: DocumentTable[] = [];
  if (data.account) {
    tables.push({
      heading: "Your account",
      columns: [{ header: "Field" }, { header: "What we hold", width: 2 }],
      rows: Object.entries(data.account).map(([k, v]) => [k, text(v)]),
    });
  }
  for (const c of data.cases) {
    const rows: string[][] = [
      ["Case", c.reference],
      ["Kind", c.kind],
      ["Status", c.status],
      ["Local authority", c.localAuthority],
      ["Referred", text(c.referredAt)],
      ["Meeting held", text(c.heldOn)],
      ["Appeal lodged", text(c.appealLodgedOn)],
      ["Anonymised on", text(c.anonymisedOn)],
      ["Summary of the disagreement", text(c.summary)],
      ...c.issues.map((i) => [`Issue (${i.category})`, i.description]),
      ...(c.child ? [["Child's name", c.child.name], ["Child's date of birth", text(c.child.dateOfBirth)], ["Child's setting", text(c.child.setting)]] : []),
    ];
    for (const p of c.you) for (const [k, v] of Object.entries(p)) rows.push([`You: ${k}`, text(v)]);
    for (const m of c.meetingsInvitedTo) rows.push([`Invited: ${m.meeting} ${text(m.startsAt)}`, `Answer ${m.yourAnswer}; adjustments ${text(m.adjustments)}; interpreter ${text(m.interpreterLanguage)}; supporter ${text(m.supporterName)}`]);
    for (const s of c.signatures) rows.push([`Signature: ${s.document} v${s.version}`, `${s.outcome} (${s.method}) ${text(s.at)}${s.reasonGiven ? `: ${s.reasonGiven}` : ""}`]);
    for (const v of c.whatYouSent.views) rows.push([`Your views, sent ${text(v.sentAt)}`, `${text(v.views)} / Child's views: ${text(v.childViews)}`]);
    for (const u of c.whatYouSent.uploads) rows.push([`Your upload ${text(u.uploadedAt)}`, `${u.fileName} (${u.type}, ${u.sizeBytes} bytes)`]);
    for (const d of c.documents) rows.push([`Document: ${d.title} v${d.version}`, `Issued ${text(d.issuedAt)}, code ${d.verificationCode}`]);
    for (const e of c.timeline) rows.push([`Timeline ${text(e.at)}`, e.what]);
    rows.push([
      "Withheld (R-80)",
      `Case team notes ${c.withheld.staffNotes}, mediator notes ${c.withheld.mediatorNotes}, staff timeline entries ${c.withheld.staffTimelineEntries}, staff documents ${c.withheld.staffDocuments}`,
    ]);
    tables.push({ heading: `Case ${c.reference}`, columns: [{ header: "Field" }, { header: "What we hold", width: 2 }], rows });
  }
  tables.push({
    heading: "Emails we sent you",
    columns: [{ header: "Sent" }, { header: "Subject" }, { header: "Message", width: 3 }],
    rows: data.emails.map((e) => [text(e.sentAt ?? e.createdAt), e.subject, e.body]),
    empty: "None.",
  });
  tables.push({
    heading: "Our audit trail about you",
    columns: [{ header: "When" }, { header: "What" }, { header: "Record" }],
    rows: data.auditTrail.map((a) => [text(a.at), a.action, `${a.record}${a.byThisPerson ? " (by you)" : ""}`]),
    empty: "None.",
  });
  return renderDocumentPdf({
    title: "Your personal data: subject access export",
    subtitle: `Prepared ${now.toISOString().slice(0, 10)} for review before release`,
    issuedAt: now,
    summary: [
      { label: "Cases", value: String(data.cases.length) },
      { label: "Emails", value: String(data.emails.length) },
      { label: "Audit entries", value: String(data.auditTrail.length) },
    ],
    sections,
    tables,
    footer: "Subject access export (UK GDPR article 15): confidential",
  });
}
