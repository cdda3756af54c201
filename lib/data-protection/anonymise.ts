/**
 * Anonymisation (issue 13, decision 0028), shared by the retention purge (a whole case) and an
 * approved erasure request (one person's party rows, or the whole case when they are its family
 * party). Kept: what the reports and the service's own records need — ids, the reference, dates,
 * statuses, kinds, the LA, outcomes, deadlines, hashes, counts. Removed: names, contact details,
 * free text, the documents' bytes, the family's uploads (rows and stored files).
 *
 * Everything here runs in the caller's transaction. Stored files are deleted last, just before the
 * caller commits (`deleteStoredFiles`): if the commit then failed, the rows would come back without
 * their files, and the next run (the purge job is retried) removes the rows.
 */
import "server-only";
import { Prisma, type Tx } from "@/lib/platform/db";
import { fileStore } from "@/lib/platform/files/store";
import { redactAuditOfPurgedCase } from "./redact-audit";

/** What a removed name becomes. */
export const ANONYMISED_NAME = "Anonymised";
/** What removed required free text becomes (optional text becomes null). */
export const REMOVED_TEXT = "[removed]";
/** The domain of anonymised addresses (.invalid never delivers). */
export const ANONYMISED_DOMAIN = "@anonymised.invalid";
/** What an anonymised email's recipient becomes. */
export const REMOVED_ADDRESS = `removed${ANONYMISED_DOMAIN}`;

export type AnonymisedCounts = {
  parties: number;
  notes: number;
  timelineEntries: number;
  documents: number;
  familyUploads: number;
  emails: number;
  auditRows: number;
  accounts: number;
};

export type Anonymised = { counts: AnonymisedCounts; storageKeys: string[] };

/**
 * Anonymises every personal field of the case and everything in it; sets `purgedAt`. The family
 * accounts linked only to this case's parties are anonymised and closed too.
 */
export async function anonymiseCase(tx: Tx, caseId: string, now: Date): Promise<Anonymised> {
  const byCase = { caseId };
  const linked = await tx.party.findMany({ where: { caseId, userId: { not: null } }, select: { userId: true } });

  await tx.case.update({ where: { id: caseId }, data: { summary: null, staffNotes: null, appealReference: null, parentAccessConsentHow: null, purgedAt: now } });
  await tx.child.updateMany({ where: byCase, data: { name: ANONYMISED_NAME, dateOfBirth: null, setting: null } });
  await tx.caseIssue.updateMany({ where: byCase, data: { description: REMOVED_TEXT } });
  // The timeline keeps what happened and when; a transition's from/to stay (the closing date is read from them).
  const timelineEntries = await tx.$executeRaw`
    UPDATE "CaseEvent" SET "summary" = ${REMOVED_TEXT},
      "data" = CASE WHEN "data" ? 'to' THEN jsonb_strip_nulls(jsonb_build_object('transition', "data"->'transition', 'from', "data"->'from', 'to', "data"->'to')) ELSE NULL END
    WHERE "caseId" = ${caseId}`;
  const parties = await tx.party.updateMany({ where: byCase, data: partyBlank });
  await tx.meeting.updateMany({ where: byCase, data: { videoLink: null, address: null, lateReason: null } });
  await tx.meetingAttendee.updateMany({ where: byCase, data: attendeeBlank });
  await tx.meetingChange.updateMany({ where: byCase, data: { reason: null, fromPlace: null, toPlace: null } });
  await tx.meetingRecord.updateMany({ where: byCase, data: { childViews: null, childViewsNotPossibleReason: null, expensesFor: null } });
  await tx.meetingRecordAttendee.updateMany({ where: { record: { caseId } }, data: { name: ANONYMISED_NAME, organisation: null } });
  const notes = await tx.caseNote.updateMany({ where: byCase, data: { body: REMOVED_TEXT } });
  await tx.caseAgreement.updateMany({ where: byCase, data: { whatWasAgreed: REMOVED_TEXT, whatWasNotAgreed: null } });
  await tx.agreementAction.updateMany({ where: byCase, data: { what: REMOVED_TEXT, howChecked: REMOVED_TEXT, overrideAgreedBy: null } });
  await tx.agreementSigner.updateMany({ where: byCase, data: { name: ANONYMISED_NAME } });
  await tx.agreementSignature.updateMany({ where: byCase, data: signatureBlank });
  await tx.obligation.updateMany({ where: byCase, data: { what: REMOVED_TEXT, howChecked: REMOVED_TEXT } });
  await tx.obligation.updateMany({ where: { caseId, closedReason: { not: null } }, data: { closedReason: REMOVED_TEXT } });
  await tx.obligationUpdate.updateMany({ where: byCase, data: { note: REMOVED_TEXT, evidence: null } });
  await tx.familySubmission.updateMany({ where: byCase, data: submissionBlank });
  const uploads = await tx.familyUpload.findMany({ where: byCase, select: { storageKey: true } });
  await tx.familyUpload.deleteMany({ where: byCase });
  // Certificates keep their kind, dates, decisions and appeal deadline (the reports); the parties
  // and issues printed on them go with the PDF.
  await tx.certificate.updateMany({ where: byCase, data: { issues: [], parties: [], correctionReason: null } });
  const documents = await blankDocuments(tx, Prisma.sql`"caseId" = ${caseId}`);
  const emails = await tx.outboxEmail.updateMany({ where: byCase, data: emailBlank });
  await tx.outboxEmail.updateMany({ where: { caseId, status: "PENDING" }, data: { status: "FAILED", nextAttemptAt: null } });
  const auditRows = await redactAuditOfPurgedCase(tx, caseId);

  let accounts = 0;
  for (const userId of new Set(linked.map((p) => p.userId!))) if (await anonymiseFamilyAccountIfUnlinked(tx, userId)) accounts++;

  return {
    counts: { parties: parties.count, notes: notes.count, timelineEntries, documents, familyUploads: uploads.length, emails: emails.count, auditRows, accounts },
    storageKeys: uploads.map((u) => u.storageKey),
  };
}

/**
 * Anonymises one party of a case (an erasure request for someone who is not the case's family
 * party): their row, their answers to invitations, their name where they attended or signed, the
 * notes of their pre-meetings, what they sent as a family user on this case, and the case's emails
 * to their address. The case itself and the other parties stay.
 */
export async function anonymiseParty(tx: Tx, partyId: string): Promise<Anonymised> {
  const p = await tx.party.findUniqueOrThrow({ where: { id: partyId }, select: { caseId: true, email: true, userId: true } });
  const caseId = p.caseId;
  const parties = await tx.party.updateMany({ where: { id: partyId }, data: partyBlank });
  await tx.meetingAttendee.updateMany({ where: { partyId }, data: attendeeBlank });
  await tx.meeting.updateMany({ where: { partyId }, data: { address: null, videoLink: null, lateReason: null } });
  await tx.meetingRecordAttendee.updateMany({ where: { partyId }, data: { name: ANONYMISED_NAME, organisation: null } });
  const signers = await tx.agreementSigner.findMany({ where: { partyId }, select: { id: true } });
  await tx.agreementSigner.updateMany({ where: { partyId }, data: { name: ANONYMISED_NAME } });
  await tx.agreementSignature.updateMany({ where: { signerId: { in: signers.map((s) => s.id) } }, data: signatureBlank });
  const notes = await tx.caseNote.updateMany({ where: { partyId }, data: { body: REMOVED_TEXT } });
  const mine = p.userId ? { caseId, OR: [{ partyId }, { userId: p.userId }] } : { caseId, partyId };
  await tx.familySubmission.updateMany({ where: mine, data: submissionBlank });
  const uploads = await tx.familyUpload.findMany({ where: mine, select: { storageKey: true } });
  await tx.familyUpload.deleteMany({ where: mine });
  const emails = p.email ? await tx.outboxEmail.updateMany({ where: { caseId, to: { equals: p.email, mode: "insensitive" } }, data: emailBlank }) : { count: 0 };
  let accounts = 0;
  if (p.userId && (await anonymiseFamilyAccountIfUnlinked(tx, p.userId))) accounts++;
  return {
    counts: { parties: parties.count, notes: notes.count, timelineEntries: 0, documents: 0, familyUploads: uploads.length, emails: emails.count, auditRows: 0, accounts },
    storageKeys: uploads.map((u) => u.storageKey),
  };
}

/**
 * A family account (role PARENT) with no party left linked to it: its name and email replaced,
 * closed (every session ended, sign-in links gone), and the emails sent to its address with no
 * case (sign-in links) anonymised. Staff accounts are never touched here.
 */
export async function anonymiseFamilyAccountIfUnlinked(tx: Tx, userId: string): Promise<boolean> {
  const u = await tx.user.findUnique({ where: { id: userId }, select: { role: true, email: true, _count: { select: { partyLinks: true } } } });
  if (!u || u.role !== "PARENT" || u._count.partyLinks > 0) return false;
  await anonymiseAccount(tx, userId, u.email);
  return true;
}

async function anonymiseAccount(tx: Tx, userId: string, email: string): Promise<void> {
  await tx.user.update({
    where: { id: userId },
    data: { name: ANONYMISED_NAME, email: `anonymised-${userId}${ANONYMISED_DOMAIN}`, active: false, sessionVersion: { increment: 1 }, passwordHash: null },
  });
  await tx.loginToken.deleteMany({ where: { userId } });
  await tx.outboxEmail.updateMany({ where: { to: { equals: email, mode: "insensitive" } }, data: emailBlank });
}

/** Deletes the stored bytes of removed uploads (idempotent). Call as the transaction's last step. */
export async function deleteStoredFiles(storageKeys: readonly string[]): Promise<void> {
  const store = fileStore();
  for (const key of storageKeys) await store.delete(key);
}

/** Documents' bytes and content removed; their kind, title, version, dates, hashes, size and code kept. */
async function blankDocuments(tx: Tx, where: Prisma.Sql): Promise<number> {
  return tx.$executeRaw`UPDATE "Document" SET "pdf" = '\\x'::bytea, "content" = '' WHERE ${where} AND (length("pdf") > 0 OR "content" <> '')`;
}

const partyBlank = {
  name: ANONYMISED_NAME,
  organisation: null,
  email: null,
  phone: null,
  address: null,
  accessNeeds: null,
  consentHow: null,
  userId: null,
} satisfies Prisma.PartyUpdateManyMutationInput & { userId: null };
const attendeeBlank = { interpreterLanguage: null, adjustments: null, supporterName: null } satisfies Prisma.MeetingAttendeeUpdateManyMutationInput;
const signatureBlank = { typedName: null, reason: null, ip: null } satisfies Prisma.AgreementSignatureUpdateManyMutationInput;
const submissionBlank = { views: null, childViews: null, childViewsHow: null } satisfies Prisma.FamilySubmissionUpdateManyMutationInput;
const emailBlank = { to: REMOVED_ADDRESS, subject: REMOVED_TEXT, body: REMOVED_TEXT, calendar: null, lastError: null } satisfies Prisma.OutboxEmailUpdateManyMutationInput;
