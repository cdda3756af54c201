/**
 * The authorization matrix's world (decision 0024), written by plain SQL so that the browser-test
 * matrix (tests/e2e/authorization-matrix.spec.ts, through tests/e2e/helpers.ts `sql`) and the
 * server-action matrix (tests/integration/authz/actions-matrix.test.ts, through Prisma's raw
 * queries) build the same thing. Every row is new and carries this run's tag, so it is safe next
 * to other tests and the demo data.
 *
 * Two local authorities. Case A (LA 1) is the case every case-scoped route is asked about: its
 * family party is a young person who has an account ("family"); their parent is a party with
 * an email and no consent from the young person ("ypParent"); it is allocated to "mediator"; its
 * joint meeting was held yesterday, with a record (and a second one is booked, the LA invited), a private note marked as a safeguarding concern,
 * an agreement awaiting signatures (one action, one signer, an expired signing link), a sealed
 * agreement (SHARED), a staff-only document (STAFF), a certificate and an agreed action
 * (obligation). Case B (LA 2) belongs to the other actors: "otherMediator", "otherFamily" and,
 * through its LA, "otherLaOfficer" — so a refusal of them on case A is scope, not a broken account.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** Runs one SQL statement with $1… parameters. Enum values are always literals in the SQL (never parameters). */
export type Query = (text: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;

/** Everyone the matrix asks about. Add an actor here, then give it an outcome in both matrices. */
export const ACTORS = [
  "caseworker",
  "admin",
  "mediator",
  "otherMediator",
  "family",
  "otherFamily",
  "ypParent",
  "laOfficer",
  "otherLaOfficer",
  "signedOut",
  "expiredLink",
] as const;
export type Actor = (typeof ACTORS)[number];
/** Actors without a session: a visitor, and one holding only an expired signing link. */
export const SIGNED_OUT_ACTORS = ["signedOut", "expiredLink"] as const satisfies readonly Actor[];
export type SignedInActor = Exclude<Actor, (typeof SIGNED_OUT_ACTORS)[number]>;

/**
 * R-01 (decision 0022): a parent of a young person has a family account linked to their party, as
 * lib/auth/family-accounts.ts does, but no consent from the young person, so `caseScope` keeps the
 * case from them: the matrix expects 404 on every case-scoped route and action for "ypParent".
 */
export const YP_PARENT_ACCOUNT_LINKED = true;

export type FixtureUser = { id: string; email: string; name: string; role: "ADMIN" | "CASEWORKER" | "MEDIATOR" | "LA_OFFICER" | "PARENT"; localAuthorityId: string | null; safeguardingLead: boolean; sessionVersion: number };

export type AuthzFixtures = {
  tag: string;
  users: Record<SignedInActor, FixtureUser>;
  la1Id: string;
  la2Id: string;
  caseId: string;
  caseReference: string;
  /** The young person's name (the child): in the HTML of case A's pages, never in a refusal. */
  childName: string;
  caseVersion: number;
  otherCaseId: string;
  otherCaseReference: string;
  familyPartyId: string;
  parentPartyId: string;
  laPartyId: string;
  jointMeetingId: string;
  preMeetingId: string;
  attendeeId: string;
  /** A later joint meeting, booked (SCHEDULED), and the LA's invitation to it (the attendee pages are for a booked meeting). */
  scheduledMeetingId: string;
  scheduledAttendeeId: string;
  recordId: string;
  noteId: string;
  agreementId: string;
  /** The hash the agreement's signatures are bound to (a form posts it back). */
  agreementContentSha256: string;
  agreementActionId: string;
  /** One more action each for the staff who may remove one (the server-action matrix removes them). */
  removableActionIds: Record<"caseworker" | "admin" | "mediator", string>;
  signerId: string;
  /** The token of a signing link that expired yesterday (what the "expiredLink" actor holds). */
  expiredSigningToken: string;
  sharedDocumentId: string;
  sharedDocumentCode: string;
  staffDocumentId: string;
  otherCaseDocumentId: string;
  /** Issue 12: views the family wrote and a PNG they uploaded, neither shared with the case team. */
  familySubmissionId: string;
  familyUploadId: string;
  certificateId: string;
  obligationId: string;
  venueId: string;
};

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const verificationCode = () => Array.from(randomBytes(16), (b) => crockford[b % 32]).join("");
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** A 1×1 PNG: what case A's family uploaded (the bytes the download row expects). */
export const FAMILY_UPLOAD_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

/**
 * `fileStoreDir`: the app's FILE_STORE_DIR, where the family's upload is written (as the disk store
 * lays it out: lib/platform/files/store.ts) so that its download can succeed.
 */
export async function createAuthzFixtures(q: Query, opts: { fileStoreDir?: string } = {}): Promise<AuthzFixtures> {
  const tag = randomUUID().slice(0, 8);
  const id = (what: string) => `authz-${what}-${tag}`;
  const la1Id = id("la1");
  const la2Id = id("la2");
  await q(`INSERT INTO "LocalAuthority" (id, code, name) VALUES ($1, $2, $3), ($4, $5, $6)`, [la1Id, `AZ1-${tag}`, `Authz Council One ${tag}`, la2Id, `AZ2-${tag}`, `Authz Council Two ${tag}`]);

  const users = {} as Record<SignedInActor, FixtureUser>;
  const user = async (actor: SignedInActor, role: FixtureUser["role"], localAuthorityId: string | null = null, safeguardingLead = false) => {
    const u: FixtureUser = { id: id(`user-${actor}`), email: `authz-${actor}-${tag}@authz.example`, name: `Authz ${actor} ${tag}`, role, localAuthorityId, safeguardingLead, sessionVersion: 0 };
    await q(`INSERT INTO "User" (id, email, name, role, "localAuthorityId", "safeguardingLead", "updatedAt") VALUES ($1, $2, $3, '${role}', $4, $5, now())`, [
      u.id,
      u.email,
      u.name,
      localAuthorityId,
      safeguardingLead,
    ]);
    users[actor] = u;
  };
  await user("caseworker", "CASEWORKER");
  // The admin is also the safeguarding lead, so /safeguarding has someone it opens for.
  await user("admin", "ADMIN", null, true);
  // Issue 13 (decision 0027): admins must have two-step sign-in on, or every page sends them to set it up.
  await q(`UPDATE "User" SET "totpSecret" = $1, "totpEnabledAt" = now() WHERE id = $2`, ["JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", users.admin.id]);
  await user("mediator", "MEDIATOR");
  await user("otherMediator", "MEDIATOR");
  await user("family", "PARENT");
  await user("otherFamily", "PARENT");
  await user("ypParent", "PARENT");
  await user("laOfficer", "LA_OFFICER", la1Id);
  await user("otherLaOfficer", "LA_OFFICER", la2Id);

  // Case A: a young person's case in LA 1, its joint meeting held yesterday.
  const caseId = id("case-a");
  const caseReference = `SM-AZ-${tag.toUpperCase()}`;
  const childName = `Ash Authz-${tag}`;
  await q(
    `INSERT INTO "Case" (id, reference, "localAuthorityId", status, "familyParty", "requestedBy", "disputedDecisions", "decisionSentOn", "laNotifiedOn", "meetingOn", "heldOn", summary, "allocatedMediatorId", "updatedAt")
     VALUES ($1, $2, $3, 'MEETING_HELD', 'YOUNG_PERSON', 'YOUNG_PERSON', '{PLAN_CONTENTS_SECTION_F}', CURRENT_DATE - 40, CURRENT_DATE - 20, CURRENT_DATE - 1, CURRENT_DATE - 1, $4, $5, now())`,
    [caseId, caseReference, la1Id, `Support at college (${tag})`, users.mediator.id],
  );
  await q(`INSERT INTO "Child" (id, "caseId", name) VALUES ($1, $2, $3)`, [id("child-a"), caseId, childName]);
  const familyPartyId = id("party-yp");
  const parentPartyId = id("party-parent");
  const laPartyId = id("party-la");
  await q(
    `INSERT INTO "Party" (id, "caseId", kind, name, email, consent, "userId") VALUES
       ($1, $4, 'YOUNG_PERSON', $5, $6, 'GIVEN', $7),
       ($2, $4, 'PARENT', $8, $9, 'PENDING', $10),
       ($3, $4, 'LA', 'Lee Authz', NULL, 'PENDING', NULL)`,
    [familyPartyId, parentPartyId, laPartyId, caseId, childName, users.family.email, users.family.id, users.ypParent.name, users.ypParent.email, YP_PARENT_ACCOUNT_LINKED ? users.ypParent.id : null],
  );

  const jointMeetingId = id("meeting");
  const preMeetingId = id("pre-meeting");
  await q(
    `INSERT INTO "Meeting" (id, "caseId", kind, mode, "startsAt", "endsAt", status, "mediatorId", "updatedAt") VALUES
       ($1, $2, 'JOINT_MEETING', 'PHONE', now() - interval '1 day', now() - interval '1 day' + interval '2 hours', 'HELD', $3, now())`,
    [jointMeetingId, caseId, users.mediator.id],
  );
  await q(
    `INSERT INTO "Meeting" (id, "caseId", kind, mode, "partyId", "startsAt", "endsAt", status, "mediatorId", "updatedAt") VALUES
       ($1, $2, 'PRE_MEETING', 'PHONE', $3, now() + interval '2 days', now() + interval '2 days' + interval '1 hour', 'SCHEDULED', $4, now())`,
    [preMeetingId, caseId, familyPartyId, users.mediator.id],
  );
  const attendeeId = id("attendee");
  await q(`INSERT INTO "MeetingAttendee" (id, "caseId", "meetingId", "partyId", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [attendeeId, caseId, jointMeetingId, familyPartyId]);
  const scheduledMeetingId = id("meeting-booked");
  await q(
    `INSERT INTO "Meeting" (id, "caseId", kind, mode, "startsAt", "endsAt", status, "mediatorId", "updatedAt") VALUES
       ($1, $2, 'JOINT_MEETING', 'PHONE', now() + interval '20 days', now() + interval '20 days' + interval '2 hours', 'SCHEDULED', $3, now())`,
    [scheduledMeetingId, caseId, users.mediator.id],
  );
  const scheduledAttendeeId = id("attendee-booked");
  await q(`INSERT INTO "MeetingAttendee" (id, "caseId", "meetingId", "partyId", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [scheduledAttendeeId, caseId, scheduledMeetingId, laPartyId]);
  const recordId = id("record");
  await q(
    `INSERT INTO "MeetingRecord" (id, "caseId", "meetingId", "startedAt", "endedAt", "childViewsHow", "childViews", "recordedById", "updatedAt")
     VALUES ($1, $2, $3, now() - interval '1 day', now() - interval '1 day' + interval '2 hours', ARRAY['SPOKEN_TO_BEFOREHAND']::"ChildViewsMethod"[], 'Wants more support at college', $4, now())`,
    [recordId, caseId, jointMeetingId, users.mediator.id],
  );
  const recordAttendeeId = id("record-attendee");
  await q(`INSERT INTO "MeetingRecordAttendee" (id, "recordId", "partyId", name, capacity, position) VALUES ($1, $2, $3, $4, 'YOUNG_PERSON', 0)`, [recordAttendeeId, recordId, familyPartyId, childName]);
  const noteId = id("note");
  await q(`INSERT INTO "CaseNote" (id, "caseId", kind, body, "authorId", "safeguardingAt", "safeguardingById") VALUES ($1, $2, 'MEDIATOR_PRIVATE', $3, $4, now(), $4)`, [
    noteId,
    caseId,
    `Private note ${tag}`,
    users.mediator.id,
  ]);

  // The agreement, awaiting signatures, with one action, one signer and a signing link that expired.
  const agreementId = id("agreement");
  const text = `The college will fund a support assistant (${tag}).`;
  const contentSha256 = sha256(text);
  await q(
    `INSERT INTO "CaseAgreement" (id, "caseId", kind, status, "meetingRecordId", "agreedOn", "whatWasAgreed", "contentSha256", "updatedAt")
     VALUES ($1, $2, 'AGREEMENT', 'AWAITING_SIGNATURES', $3, CURRENT_DATE - 1, $4, $5, now())`,
    [agreementId, caseId, recordId, text, contentSha256],
  );
  const agreementActionId = id("agreement-action");
  await q(
    `INSERT INTO "AgreementAction" (id, "agreementId", "caseId", position, what, responsible, kind, "dueOn", "howChecked") VALUES ($1, $2, $3, 0, 'Amend section F', 'LA', 'AMEND_B_F', CURRENT_DATE + 30, 'The family gets the amended plan')`,
    [agreementActionId, agreementId, caseId],
  );
  const removableActionIds = { caseworker: id("action-cw"), admin: id("action-admin"), mediator: id("action-mediator") };
  for (const [i, actionId] of Object.values(removableActionIds).entries()) {
    await q(
      `INSERT INTO "AgreementAction" (id, "agreementId", "caseId", position, what, responsible, kind, "dueOn", "howChecked") VALUES ($1, $2, $3, $4, 'Send the notes', 'OTHER', 'OTHER', CURRENT_DATE + 30, 'The family gets them')`,
      [actionId, agreementId, caseId, i + 1],
    );
  }
  const signerId = id("signer");
  await q(`INSERT INTO "AgreementSigner" (id, "agreementId", "caseId", "attendeeId", "partyId", name, capacity, position) VALUES ($1, $2, $3, $4, $5, $6, 'YOUNG_PERSON', 0)`, [
    signerId,
    agreementId,
    caseId,
    recordAttendeeId,
    familyPartyId,
    childName,
  ]);
  const expiredSigningToken = randomBytes(32).toString("base64url");
  await q(
    `INSERT INTO "AgreementSigningLink" (id, "agreementId", "signerId", "caseId", "tokenSha256", "contentSha256", "expiresAt", "createdAt") VALUES ($1, $2, $3, $4, $5, $6, now() - interval '1 day', now() - interval '8 days')`,
    [id("signing-link"), agreementId, signerId, caseId, sha256(expiredSigningToken), contentSha256],
  );

  // Sealed documents: a SHARED agreement, a STAFF one, and the certificate's PDF.
  const document = async (docId: string, ofCase: string, kind: string, visibility: "SHARED" | "STAFF") => {
    const code = verificationCode();
    await q(
      `INSERT INTO "Document" (id, "caseId", kind, title, visibility, content, "contentSha256", pdf, "pdfSha256", "pdfSize", "fileName", "verificationCode")
       VALUES ($1, $2, '${kind}', 'Authz document', '${visibility}', $3, $4, convert_to($5, 'UTF8'), $6, $7, $8, $9)`,
      [docId, ofCase, `{"tag":"${tag}"}`, sha256(`{"tag":"${tag}"}`), `%PDF-1.4 ${docId}`, sha256(`%PDF-1.4 ${docId}`), `%PDF-1.4 ${docId}`.length, `${docId}.pdf`, code],
    );
    return code;
  };
  const sharedDocumentId = id("doc-shared");
  const sharedDocumentCode = await document(sharedDocumentId, caseId, "AGREEMENT", "SHARED");
  const staffDocumentId = id("doc-staff");
  await document(staffDocumentId, caseId, "AGREEMENT", "STAFF");
  const certificateDocumentId = id("doc-certificate");
  await document(certificateDocumentId, caseId, "CERTIFICATE", "SHARED");
  const certificateId = id("certificate");
  await q(
    `INSERT INTO "Certificate" (id, "caseId", kind, "triggerOn", "dueOn", "issuedOn", "issuerId", "issuerName", decisions, issues, parties, "appealExplanation", "documentId")
     VALUES ($1, $2, 'AFTER_MEDIATION', CURRENT_DATE - 1, CURRENT_DATE + 3, CURRENT_DATE, $3, $4, '{PLAN_CONTENTS_SECTION_F}', '[]'::jsonb, '[]'::jsonb, 'One month from the date of this certificate.', $5)`,
    [certificateId, caseId, users.mediator.id, users.mediator.name, certificateDocumentId],
  );
  const obligationId = id("obligation");
  await q(
    `INSERT INTO "Obligation" (id, "caseId", "localAuthorityId", position, what, responsible, "dueOn", "howChecked", "updatedAt") VALUES ($1, $2, $3, 0, 'Amend section F', 'LA', CURRENT_DATE + 30, 'The family gets the amended plan', now())`,
    [obligationId, caseId, la1Id],
  );

  // Case B: LA 2's, allocated to the other mediator, the other family's.
  const otherCaseId = id("case-b");
  const otherCaseReference = `SM-AZB-${tag.toUpperCase()}`;
  await q(`INSERT INTO "Case" (id, reference, "localAuthorityId", status, "laNotifiedOn", "allocatedMediatorId", "updatedAt") VALUES ($1, $2, $3, 'ALLOCATED', CURRENT_DATE - 5, $4, now())`, [
    otherCaseId,
    otherCaseReference,
    la2Id,
    users.otherMediator.id,
  ]);
  await q(`INSERT INTO "Party" (id, "caseId", kind, name, email, consent, "userId") VALUES ($1, $2, 'PARENT', $3, $4, 'GIVEN', $5)`, [
    id("party-b"),
    otherCaseId,
    users.otherFamily.name,
    users.otherFamily.email,
    users.otherFamily.id,
  ]);
  const otherCaseDocumentId = id("doc-b");
  await document(otherCaseDocumentId, otherCaseId, "AGREEMENT", "SHARED");

  // Issue 12: the family's views and an upload, not shared (the allocated mediator and the family only).
  const familySubmissionId = id("family-views");
  await q(`INSERT INTO "FamilySubmission" (id, "caseId", "userId", "partyId", views) VALUES ($1, $2, $3, $4, 'We would like more help at school')`, [familySubmissionId, caseId, users.family.id, familyPartyId]);
  const familyUploadId = id("family-upload");
  const storageKey = randomBytes(16).toString("hex");
  if (opts.fileStoreDir) {
    await mkdir(path.join(opts.fileStoreDir, storageKey.slice(0, 2)), { recursive: true });
    await writeFile(path.join(opts.fileStoreDir, storageKey.slice(0, 2), storageKey), FAMILY_UPLOAD_PNG);
  }
  await q(
    `INSERT INTO "FamilyUpload" (id, "caseId", "userId", "partyId", "fileName", mime, size, sha256, "storageKey", "scanStatus") VALUES ($1, $2, $3, $4, 'drawing.png', 'image/png', $5, $6, $7, 'NOT_SCANNED')`,
    [familyUploadId, caseId, users.family.id, familyPartyId, FAMILY_UPLOAD_PNG.length, createHash("sha256").update(FAMILY_UPLOAD_PNG).digest("hex"), storageKey],
  );

  const venueId = id("venue");
  await q(`INSERT INTO "Venue" (id, "localAuthorityId", name, address) VALUES ($1, $2, $3, '1 Authz Street')`, [venueId, la1Id, `Authz Hall ${tag}`]);

  return {
    tag,
    users,
    la1Id,
    la2Id,
    caseId,
    caseReference,
    childName,
    caseVersion: 1,
    otherCaseId,
    otherCaseReference,
    familyPartyId,
    parentPartyId,
    laPartyId,
    jointMeetingId,
    preMeetingId,
    attendeeId,
    scheduledMeetingId,
    scheduledAttendeeId,
    recordId,
    noteId,
    agreementId,
    agreementContentSha256: contentSha256,
    agreementActionId,
    removableActionIds,
    signerId,
    expiredSigningToken,
    sharedDocumentId,
    sharedDocumentCode,
    staffDocumentId,
    otherCaseDocumentId,
    familySubmissionId,
    familyUploadId,
    certificateId,
    obligationId,
    venueId,
  };
}
