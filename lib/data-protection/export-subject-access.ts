/**
 * Subject access, step 2 (UK GDPR art. 15; decision 0028): everything held about one person — the
 * account and party rows the admin ticked — as structured JSON or a readable PDF, for a member of
 * staff to review before it is released. Audited: who exported whose records (ids, never names).
 *
 * R-80 (what is in it): what the person supplied and the facts shared with them — their account,
 * their own party rows in full (contact details, access needs, consent), the shared facts of each
 * case they are in (reference, kind, status, LA, dates, the shared summary and issues, and the
 * child's details when they are the family party), the meetings they were invited to and their
 * answers, their signatures, SHARED timeline entries, SHARED documents and certificates (as
 * metadata: the PDFs themselves they were sent), what they wrote and uploaded, the emails sent to
 * them, and the audit rows about them or done by them. Never in it: the mediator's private and
 * pre-meeting notes, the staff notes, STAFF timeline entries and documents (confidential and
 * without prejudice, R-80) — the export says how many of each were withheld, so the reviewer can
 * decide on each one (the exemptions are a human judgement, not the code's). Nothing of another
 * person: other parties appear by their role only.
 */
import "server-only";
import { z } from "zod";
import { db, transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { dataProtectionScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { isoFromDbDate } from "@/lib/deadlines";
import { renderSubjectAccessPdf } from "./subject-access-pdf";

export const SUBJECT_ACCESS_FORMATS = ["json", "pdf"] as const;
export type SubjectAccessFormat = (typeof SUBJECT_ACCESS_FORMATS)[number];

const id = z.string().trim().min(1).max(200);
export const subjectAccessSchema = z
  .object({
    account: id.optional(),
    parties: z.array(id).max(200).default([]),
    format: z.enum(SUBJECT_ACCESS_FORMATS).default("json"),
  })
  .refine((v) => v.account !== undefined || v.parties.length > 0, { message: "Choose at least one record" });

const date = (d: Date | null | undefined) => (d ? isoFromDbDate(d) : null);
const instant = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export type SubjectAccessData = Awaited<ReturnType<typeof collectSubjectAccess>>;

/** The export's content (also what the PDF prints). Throws NotFoundError for an id outside the scope. */
export async function collectSubjectAccess(user: SessionUser, input: { account?: string; parties: string[] }, now: Date = new Date()) {
  const scope = dataProtectionScope(user);
  const account = input.account
    ? await db().user.findFirst({ where: { id: input.account }, select: { id: true, name: true, email: true, role: true, active: true, createdAt: true, updatedAt: true } })
    : null;
  if (input.account && !account) throw new NotFoundError("account");
  const parties = await db().party.findMany({
    where: { AND: [{ case: { is: scope } }, { OR: [{ id: { in: input.parties } }, ...(account ? [{ userId: account.id }] : [])] }] },
    orderBy: [{ case: { reference: "asc" } }, { createdAt: "asc" }],
  });
  if (input.parties.some((p) => !parties.some((r) => r.id === p))) throw new NotFoundError("party");
  const partyIds = parties.map((p) => p.id);
  const caseIds = [...new Set(parties.map((p) => p.caseId))];
  const emails = [...new Set([account?.email, ...parties.map((p) => p.email)].filter((e): e is string => !!e).map((e) => e.toLowerCase()))];

  const cases = await db().case.findMany({
    where: { AND: [scope, { id: { in: caseIds } }] },
    orderBy: { reference: "asc" },
    select: {
      id: true, reference: true, kind: true, status: true, familyParty: true, createdAt: true, decisionSentOn: true, laNotifiedOn: true, meetingOn: true, heldOn: true,
      agreement: true, appealLodgedOn: true, summary: true, purgedAt: true, staffNotes: true,
      localAuthority: { select: { name: true } },
      child: { select: { name: true, dateOfBirth: true, setting: true, hasEhcPlan: true } },
      issues: { select: { category: true, description: true } },
      events: { where: { visibility: "SHARED" }, orderBy: { at: "asc" }, select: { at: true, summary: true } },
      documents: { where: { visibility: "SHARED" }, orderBy: { createdAt: "asc" }, select: { kind: true, title: true, version: true, createdAt: true, verificationCode: true, pdfSha256: true } },
      certificates: { orderBy: { issuedOn: "asc" }, select: { kind: true, issuedOn: true, appealDeadlineOn: true, supersedesId: true } },
      _count: { select: { notes: true, events: { where: { visibility: "STAFF" } }, documents: { where: { visibility: "STAFF" } } } },
    },
  });
  const attendees = await db().meetingAttendee.findMany({
    where: { partyId: { in: partyIds } },
    orderBy: { createdAt: "asc" },
    select: { caseId: true, response: true, respondedAt: true, interpreterLanguage: true, adjustments: true, supporterName: true, meeting: { select: { kind: true, mode: true, startsAt: true, status: true } } },
  });
  const attended = await db().meetingRecordAttendee.findMany({ where: { partyId: { in: partyIds } }, select: { name: true, capacity: true, organisation: true, record: { select: { caseId: true, startedAt: true } } } });
  const signatures = await db().agreementSignature.findMany({
    where: { signer: { partyId: { in: partyIds } } },
    orderBy: { at: "asc" },
    select: { caseId: true, outcome: true, method: true, typedName: true, reason: true, at: true, agreement: { select: { kind: true, version: true } } },
  });
  const familyWhere = account ? { userId: account.id, caseId: { in: caseIds } } : { partyId: { in: partyIds } };
  const submissions = await db().familySubmission.findMany({ where: familyWhere, orderBy: { createdAt: "asc" }, select: { caseId: true, views: true, childViews: true, childViewsHow: true, sharedAt: true, createdAt: true } });
  const uploads = await db().familyUpload.findMany({ where: familyWhere, orderBy: { createdAt: "asc" }, select: { caseId: true, fileName: true, mime: true, size: true, sha256: true, sharedAt: true, createdAt: true } });
  const withheldNotes = await db().caseNote.groupBy({ by: ["caseId"], where: { caseId: { in: caseIds } }, _count: { _all: true } });
  const outbox = emails.length
    ? await db().outboxEmail.findMany({
        where: { OR: emails.map((e) => ({ to: { equals: e, mode: "insensitive" as const } })) },
        orderBy: { createdAt: "asc" },
        select: { to: true, subject: true, body: true, status: true, createdAt: true, sentAt: true, caseId: true },
      })
    : [];
  const audit = await db().auditEvent.findMany({
    where: { OR: [...(account ? [{ actorId: account.id }, { entityType: "User", entityId: account.id }] : []), { entityType: "Party", entityId: { in: partyIds } }] },
    orderBy: { at: "asc" },
    select: { at: true, action: true, entityType: true, entityId: true, actorId: true, before: true, after: true, ip: true },
  });

  const refOf = new Map(cases.map((c) => [c.id, c.reference]));
  return {
    about: {
      generatedAt: now.toISOString(),
      generatedBy: user.name,
      notice:
        "A subject access export for review by the mediation service before it is released. Withheld: the mediator's private and pre-meeting notes, the case team's notes, staff-only timeline entries and documents (confidential and without prejudice, R-80); their numbers are given for each case.",
    },
    account: account ? { name: account.name, email: account.email, role: account.role, active: account.active, createdAt: instant(account.createdAt), updatedAt: instant(account.updatedAt) } : null,
    cases: cases.map((c) => {
      const mine = parties.filter((p) => p.caseId === c.id);
      const isFamilyParty = mine.some((p) => p.kind === c.familyParty);
      return {
        reference: c.reference,
        kind: c.kind,
        status: c.status,
        localAuthority: c.localAuthority.name,
        anonymisedOn: date(c.purgedAt),
        referredAt: instant(c.createdAt),
        decisionSentOn: date(c.decisionSentOn),
        laNotifiedOn: date(c.laNotifiedOn),
        meetingOn: date(c.meetingOn),
        heldOn: date(c.heldOn),
        agreement: c.agreement,
        appealLodgedOn: date(c.appealLodgedOn),
        summary: c.summary,
        issues: c.issues.map((i) => ({ category: i.category, description: i.description })),
        child: isFamilyParty && c.child ? { name: c.child.name, dateOfBirth: date(c.child.dateOfBirth), setting: c.child.setting, hasEhcPlan: c.child.hasEhcPlan } : null,
        you: mine.map((p) => ({
          role: p.kind,
          name: p.name,
          organisation: p.organisation,
          email: p.email,
          phone: p.phone,
          address: p.address,
          preferredContact: p.preferredContact,
          accessNeeds: p.accessNeeds,
          consent: p.consent,
          consentOn: date(p.consentOn),
          consentHow: p.consentHow,
          hasAuthority: p.hasAuthority,
          recordedAt: instant(p.createdAt),
        })),
        meetingsInvitedTo: attendees
          .filter((a) => a.caseId === c.id)
          .map((a) => ({
            meeting: a.meeting.kind,
            how: a.meeting.mode,
            startsAt: instant(a.meeting.startsAt),
            meetingStatus: a.meeting.status,
            yourAnswer: a.response,
            answeredAt: instant(a.respondedAt),
            interpreterLanguage: a.interpreterLanguage,
            adjustments: a.adjustments,
            supporterName: a.supporterName,
          })),
        meetingsAttended: attended.filter((a) => a.record.caseId === c.id).map((a) => ({ startedAt: instant(a.record.startedAt), nameRecorded: a.name, capacity: a.capacity, organisation: a.organisation })),
        signatures: signatures
          .filter((s) => s.caseId === c.id)
          .map((s) => ({ document: s.agreement.kind, version: s.agreement.version, outcome: s.outcome, method: s.method, typedName: s.typedName, reasonGiven: s.reason, at: instant(s.at) })),
        whatYouSent: {
          views: submissions.filter((s) => s.caseId === c.id).map((s) => ({ sentAt: instant(s.createdAt), views: s.views, childViews: s.childViews, childViewsHow: s.childViewsHow, sharedAt: instant(s.sharedAt) })),
          uploads: uploads.filter((u) => u.caseId === c.id).map((u) => ({ fileName: u.fileName, type: u.mime, sizeBytes: u.size, sha256: u.sha256, uploadedAt: instant(u.createdAt), sharedAt: instant(u.sharedAt) })),
        },
        timeline: c.events.map((e) => ({ at: instant(e.at), what: e.summary })),
        documents: c.documents.map((d) => ({ kind: d.kind, title: d.title, version: d.version, issuedAt: instant(d.createdAt), verificationCode: d.verificationCode, sha256: d.pdfSha256 })),
        certificates: c.certificates.map((x) => ({ kind: x.kind, issuedOn: date(x.issuedOn), appealDeadlineOn: date(x.appealDeadlineOn), correction: x.supersedesId !== null })),
        withheld: {
          staffNotes: c.staffNotes ? 1 : 0,
          mediatorNotes: withheldNotes.find((n) => n.caseId === c.id)?._count._all ?? 0,
          staffTimelineEntries: c._count.events,
          staffDocuments: c._count.documents,
        },
      };
    }),
    emails: outbox.map((e) => ({ to: e.to, case: e.caseId ? (refOf.get(e.caseId) ?? null) : null, subject: e.subject, body: e.body, status: e.status, createdAt: instant(e.createdAt), sentAt: instant(e.sentAt) })),
    auditTrail: audit.map((a) => ({
      at: instant(a.at),
      action: a.action,
      record: a.entityType,
      recordId: a.entityId,
      byThisPerson: account !== null && a.actorId === account.id,
      before: a.before,
      after: a.after,
      ip: account !== null && a.actorId === account.id ? a.ip : null,
    })),
  };
}

export type SubjectAccessFile = { fileName: string; contentType: string; body: Uint8Array };

export async function exportSubjectAccess(user: SessionUser, input: unknown, ip: string | null = null, now: Date = new Date()): Promise<SubjectAccessFile> {
  authorize(user, "data-protection:manage");
  const parsed = subjectAccessSchema.safeParse(input);
  if (!parsed.success) throw new NotFoundError("subject");
  const v = parsed.data;
  const data = await collectSubjectAccess(user, v, now);
  const stamp = now.toISOString().slice(0, 10);
  const file: SubjectAccessFile =
    v.format === "json"
      ? { fileName: `subject-access-${stamp}.json`, contentType: "application/json; charset=utf-8", body: new TextEncoder().encode(JSON.stringify(data, null, 2)) }
      : { fileName: `subject-access-${stamp}.pdf`, contentType: "application/pdf", body: await renderSubjectAccessPdf(data, now) };
  await transaction((tx) =>
    writeAudit(tx, {
      actor: user,
      action: "data_protection.subject_access_exported",
      entityType: v.account ? "User" : "Party",
      entityId: v.account ?? v.parties[0]!,
      after: { format: v.format, account: v.account ?? null, parties: v.parties, cases: data.cases.length, emails: data.emails.length, auditRows: data.auditTrail.length },
      ip,
    }),
  );
  return file;
}
