/**
 * Sealing (R-40, R-72): when everyone who must sign has signed the text as it is now, in the same
 * transaction as the last signature: the document content (the signed text, exactly as hashed,
 * and who signed how and when) is sealed by lib/platform/documents storeDocument (a PDF, SHARED:
 * the family, the LA and staff, R-80), the agreement becomes SEALED with its document, the version
 * it corrects becomes SUPERSEDED, and each signer who is a party with an email is told that their
 * copy is ready: the sealed PDF is attached (lib/platform/email attachDocumentId), so a party without
 * an account (a school) has it too, and the email also links to /documents/<id> (behind sign-in).
 * R-43: a health-only agreement prints the day the ICB must tell the LA, and starts that deadline
 * (ICB_AGREEMENT_NOTICE, lib/cases/deadlines), met by the lifecycle event "recordIcbToldLa". A
 * correction re-dates it while it runs; once recorded met (or missed) it is not started again.
 *
 * Each agreed action becomes an obligation on the party responsible, with the due date in force
 * (lib/obligations createObligations, in this transaction; R-41, R-42, R-44). A sealed correction
 * makes obligations of its own actions and closes, with a reason, those of the version it replaces
 * that are still open (what was already done stays done).
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import { writeAudit } from "@/lib/platform/audit";
import { formatLongDate, icbAgreementNoticeDueDate, isoFromDbDate } from "@/lib/deadlines";
import { isHealthOnly } from "@/lib/cases/about/rules";
import { storeDocument, type DocumentFacts } from "@/lib/platform/documents/store-document";
import { createObligations } from "@/lib/obligations/create-obligations";
import { openDeadlines, refreshNextDeadline } from "@/lib/cases/deadlines/open-close";
import type { CanonicalValue } from "@/lib/platform/documents/canonical";
import { queueEmail } from "@/lib/platform/outbox/queue-email";
import { publicOrigin } from "@/lib/platform/public-origin";
import { AGREED_ACTION_KIND_LABELS, RESPONSIBLE_LABELS, effectiveDueOn } from "./action-kinds";
import { agreementTextContent, type AgreementText } from "./agreement-content";
import { readAgreementText, signerStates } from "./store";
import { ACCURATE_RECORD_STATEMENT, AGREEMENT_KIND_TITLES, CAPACITY_LABELS } from "./wording";

type SealedContent = {
  text: CanonicalValue;
  textSha256: string;
  signatures: { name: string; capacity: string; method: string; at: string; textSha256: string }[];
  icbMustTellLaBy: string | null;
};

/** Seals when every signer has signed the current text; returns the document id, or null if not yet. */
export async function sealIfComplete(tx: Tx, agreementId: string, actor: { id: string } | null, ip: string | null, now: Date, origin?: string): Promise<string | null> {
  const a = await tx.caseAgreement.findUniqueOrThrow({
    where: { id: agreementId },
    select: { id: true, caseId: true, kind: true, status: true, contentSha256: true, supersedes: { select: { id: true, documentId: true } }, case: { select: { issues: { select: { category: true } } } } },
  });
  if (a.status !== "AWAITING_SIGNATURES") return null;
  const states = await signerStates(tx, agreementId, a.contentSha256);
  if (states.length === 0 || states.some((s) => s.state !== "SIGNED")) return null;

  const text: AgreementText = await readAgreementText(tx, agreementId);
  const healthOnly = isHealthOnly(a.case.issues.map((i) => i.category));
  const content: SealedContent = {
    text: agreementTextContent(text),
    textSha256: a.contentSha256,
    signatures: states.map((s) => ({ name: s.name, capacity: s.capacity, method: s.last!.method, at: s.last!.at.toISOString(), textSha256: a.contentSha256 })),
    // R-43: a health-only mediation: the ICB tells the LA of the agreement within 1 week.
    icbMustTellLaBy: healthOnly && text.kind === "AGREEMENT" ? icbAgreementNoticeDueDate(text.agreedOn) : null,
  };
  const title = AGREEMENT_KIND_TITLES[text.kind];
  const doc = await storeDocument(
    tx,
    actor,
    { caseId: a.caseId, kind: text.kind, title, visibility: "SHARED", supersedesId: a.supersedes?.documentId ?? null, content, layout: (c, facts) => layout(text, c, facts) },
    { now, origin, ip },
  );
  await tx.caseAgreement.update({ where: { id: agreementId }, data: { status: "SEALED", documentId: doc.id, sealedAt: now, revision: { increment: 1 } } });
  if (a.supersedes) await tx.caseAgreement.update({ where: { id: a.supersedes.id }, data: { status: "SUPERSEDED", revision: { increment: 1 } } });

  // R-43: the ICB's week to tell the LA of a health-only agreement, as a tracked deadline.
  if (content.icbMustTellLaBy) {
    const done = await tx.caseDeadline.count({ where: { caseId: a.caseId, name: "ICB_AGREEMENT_NOTICE", outcome: { in: ["MET", "MISSED"] } } });
    if (done === 0) {
      await openDeadlines(tx, a.caseId, ["ICB_AGREEMENT_NOTICE"], text.agreedOn);
      await refreshNextDeadline(tx, a.caseId);
    }
  }

  // R-40: the agreed actions, tracked to done.
  if (a.supersedes) await closeReplacedObligations(tx, a.caseId, a.supersedes.id, text.version, actor);
  const actions = await tx.agreementAction.findMany({ where: { agreementId }, orderBy: [{ position: "asc" }, { id: "asc" }] });
  await createObligations(
    tx,
    a.caseId,
    actions.map((x) => ({
      sourceActionId: x.id,
      what: x.what,
      responsible: x.responsible,
      dueOn: isoFromDbDate(x.overrideDueOn ?? x.dueOn),
      howChecked: x.howChecked,
    })),
    actor,
  );

  // R-40: everyone receives a copy — the PDF attached, and the link.
  const partyIds = states.map((s) => s.partyId).filter((id): id is string => !!id);
  const parties = await tx.party.findMany({ where: { id: { in: partyIds }, caseId: a.caseId, email: { not: null } }, select: { email: true } });
  const emails = [...new Set(parties.map((p) => p.email!.trim().toLowerCase()))];
  const link = `${origin ?? publicOrigin()}/documents/${doc.id}`;
  for (const to of emails) {
    await queueEmail(tx, {
      to,
      caseId: a.caseId,
      attachDocumentId: doc.id,
      subject: `${title} for ${text.caseReference}: your copy is ready`,
      body: [
        `Everyone who attended the meeting has signed the ${title.toLowerCase()} for ${text.caseReference} (version ${text.version}).`,
        "",
        `Your copy is attached to this email (${doc.fileName}). You can also download it after signing in: ${link}`,
        "",
        `You can check any copy at ${doc.verificationUrl}`,
      ].join("\n"),
    });
  }
  await writeAudit(tx, { actor, action: "agreement.sealed", entityType: "Agreement", entityId: agreementId, caseId: a.caseId, after: { documentId: doc.id, contentSha256: a.contentSha256, documentSha256: doc.contentSha256, signers: states.length, emails: emails.length, supersededId: a.supersedes?.id ?? null }, ip });
  return doc.id;
}

/** The open obligations of a replaced version's actions: closed, with the reason, on a correction. */
async function closeReplacedObligations(tx: Tx, caseId: string, replacedAgreementId: string, version: number, actor: { id: string } | null) {
  const old = await tx.agreementAction.findMany({ where: { agreementId: replacedAgreementId }, select: { id: true } });
  const open = await tx.obligation.findMany({ where: { caseId, status: "OPEN", sourceActionId: { in: old.map((x) => x.id) } }, select: { id: true } });
  const reason = `Replaced by the corrected agreement (version ${version}), whose actions are tracked instead.`;
  for (const o of open) {
    await tx.obligation.update({ where: { id: o.id }, data: { status: "CLOSED_WITH_REASON", closedReason: reason } });
    await tx.obligationUpdate.create({ data: { obligationId: o.id, caseId, kind: "CLOSED", byId: actor?.id ?? null, note: reason, sharedWithFamily: true } });
    await writeAudit(tx, { actor, action: "obligation.closed", entityType: "Obligation", entityId: o.id, caseId, after: { status: "CLOSED_WITH_REASON", replacedBy: version } });
  }
}

const METHOD_LABELS: Record<string, string> = { IN_PERSON: "Signed in the room", LINK: "Signed by emailed link", SIGNED_IN: "Signed online, signed in to their account" };

function londonDateTime(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", dateStyle: "long", timeStyle: "short" }).format(new Date(iso));
}

function layout(text: AgreementText, c: SealedContent, facts: DocumentFacts) {
  const rows = text.actions
    .sort((x, y) => x.position - y.position)
    .map((x, i) => {
      const due = effectiveDueOn({ dueOn: x.dueOn, overrideDueOn: x.override?.dueOn ?? null });
      const by = x.override
        ? `${formatLongDate(due)} (agreed in writing by ${x.override.agreedBy} on ${formatLongDate(x.override.agreedOn)}, R-44; would have been ${formatLongDate(x.dueOn)})`
        : `${formatLongDate(due)} (${x.dueRule})`;
      return [String(i + 1), `${x.what}\n${AGREED_ACTION_KIND_LABELS[x.kind]}`, RESPONSIBLE_LABELS[x.responsible], by, x.howChecked];
    });
  return {
    title: AGREEMENT_KIND_TITLES[text.kind],
    subtitle: `${text.caseReference} · version ${facts.version}${text.correctsVersion ? ` (corrects version ${text.correctsVersion})` : ""}`,
    summary: [
      { label: "Case", value: text.caseReference },
      { label: "Date of the agreement", value: formatLongDate(text.agreedOn) },
      ...(c.icbMustTellLaBy ? [{ label: "The ICB must tell the local authority by", value: `${formatLongDate(c.icbMustTellLaBy)} (R-43)` }] : []),
      { label: "Text signed (SHA-256)", value: c.textSha256 },
    ],
    sections: [
      { heading: text.kind === "AGREEMENT" ? "What was agreed" : "What was discussed and agreed", paragraphs: text.whatWasAgreed.split("\n\n") },
      ...(text.whatWasNotAgreed ? [{ heading: "What was not agreed", paragraphs: text.whatWasNotAgreed.split("\n\n") }] : []),
    ],
    tables: [
      {
        heading: "Actions",
        columns: [{ header: "No.", width: 0.4 }, { header: "What will happen", width: 2.5 }, { header: "Who is responsible", width: 1.3 }, { header: "By when", width: 2 }, { header: "How it will be checked", width: 2 }],
        rows,
        empty: "No actions were agreed.",
      },
    ],
    signatures: {
      heading: "Signed by everyone who attended",
      statement: ACCURATE_RECORD_STATEMENT,
      signers: c.signatures.map((s) => ({ name: s.name, role: CAPACITY_LABELS[s.capacity] ?? s.capacity, outcome: `${METHOD_LABELS[s.method] ?? s.method}, ${londonDateTime(s.at)}` })),
    },
  };
}
