/**
 * Issue 10, R-80 and R-81: the confidentiality wall, tested by planting. Through the real commands,
 * the allocated mediator writes a known marker into every kind of note — a pre-meeting note, a
 * private note, a note shared with the case team, a note marked as a safeguarding concern — and
 * into the meeting record's private notes (and, staff only, the record's child's views and
 * expenses). Then every query the LA officer of the case's LA and the family user can reach — the
 * case page's data with its timeline, the case list and its search, the family's own list, the LA
 * workspace, the notes and the record themselves — and every email in the outbox (the meeting's
 * invitations with their .ics, a sign-in link) is searched for every marker. A mediator not allocated to the case, and a caseworker the note was not shared
 * with, get a 404 for each note; the safeguarding lead reads the concern and nothing else.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { READ_AUDIT_ACTIONS } from "@/lib/platform/audit/read";
import { db } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { loadActiveUser } from "@/lib/users";
import { requestFamilyLink } from "@/lib/auth/family-link";
import { getCaseDetail } from "@/lib/cases/details/get-case-detail";
import { listCases } from "@/lib/cases/list/list-cases";
import { listMyCases } from "@/lib/cases/list/list-my-cases";
import { addCaseNote } from "@/lib/cases/notes/add-case-note";
import { shareCaseNote } from "@/lib/cases/notes/share-case-note";
import { markSafeguardingConcern } from "@/lib/cases/notes/mark-safeguarding-concern";
import { listCaseNotes } from "@/lib/cases/notes/list-case-notes";
import { getCaseNote } from "@/lib/cases/notes/get-case-note";
import { findNoteOrThrow } from "@/lib/cases/notes/find-note";
import { listSafeguardingConcerns } from "@/lib/cases/notes/list-safeguarding-concerns";
import { recordMeeting } from "@/lib/meetings/record/record-meeting";
import { getMeetingRecordPage } from "@/lib/meetings/record/get-meeting-record-page";
import { getMediatorHome } from "@/lib/meetings/get-mediator-home";
import { londonInstant } from "@/lib/meetings/london-time";
import { sendMeetingInvitations } from "@/lib/meetings/send-meeting-invitations";
import { makeLa, makeUser, uid } from "../helpers";

const tag = uid();
const marker = (what: string) => `zq-${what}-${tag}`;

/** Behind the notes' wall: the allocated mediator; caseworkers only when shared; the lead only the concern. */
const NOTES = {
  preMeeting: marker("pre-meeting-note"),
  private: marker("private-note"),
  shared: marker("shared-note"),
  safeguarding: marker("safeguarding-note"),
  recordPrivate: marker("record-private-notes"),
};
/** The meeting record's other free text: staff only (the LA and the family see the outcome, R-80). */
const RECORD = {
  childViews: marker("child-views"),
  expensesFor: marker("expenses-for"),
};
const ALL = { ...NOTES, ...RECORD };
const found = (text: string, markers: Record<string, string> = ALL) =>
  Object.entries(markers)
    .filter(([, m]) => text.includes(m))
    .map(([k]) => k);

let officer: SessionUser;
let parent: SessionUser;
let caseworker: SessionUser;
let lead: SessionUser;
let mediator: SessionUser;
let otherMediator: SessionUser;
let caseId: string;
let reference: string;
const noteIds: Record<keyof typeof NOTES, string> = { preMeeting: "", private: "", shared: "", safeguarding: "", recordPrivate: "" };
const SHARED_SUMMARY = `Disagreement about section F ${tag}`;
const CHILD = `Robin Wall ${tag}`;

beforeAll(async () => {
  const la = await makeLa(`Wallshire ${tag}`);
  officer = await makeUser("LA_OFFICER", { localAuthorityId: la.id });
  parent = await makeUser("PARENT", { email: `family-${tag}@family.example`, name: "Jo Wall" });
  caseworker = await makeUser("CASEWORKER");
  const l = await makeUser("CASEWORKER", { name: `Safeguarding Lead ${tag}` });
  await db().user.update({ where: { id: l.id }, data: { safeguardingLead: true } });
  lead = (await loadActiveUser(l.id, 0))!;
  mediator = await makeUser("MEDIATOR");
  otherMediator = await makeUser("MEDIATOR");

  // A case whose joint meeting was booked for 3 June 2025, 10:00 to 12:30.
  const c = await db().case.create({
    data: {
      reference: `SM-WALL-${tag}`,
      localAuthorityId: la.id,
      status: "MEETING_SCHEDULED",
      allocatedMediatorId: mediator.id,
      meetingOn: new Date("2025-06-03T00:00:00Z"),
      summary: SHARED_SUMMARY,
      child: { create: { name: CHILD } },
      issues: { create: [{ category: "EDUCATION", description: "Speech and language therapy" }] },
      parties: {
        create: [
          { kind: "PARENT", name: "Jo Wall", email: parent.email, consent: "GIVEN", userId: parent.id },
          { kind: "LA", name: "Lee Officer", organisation: "Wallshire SEND team", email: officer.email, hasAuthority: true },
        ],
      },
      meetings: { create: { kind: "JOINT_MEETING", mode: "PHONE", startsAt: londonInstant("2025-06-03", 600), endsAt: londonInstant("2025-06-03", 750), mediatorId: mediator.id } },
    },
    include: { parties: { orderBy: { createdAt: "asc" } } },
  });
  caseId = c.id;
  reference = c.reference;
  const [family, laRep] = c.parties;

  // The mediator's notes, one of each kind.
  noteIds.preMeeting = (await addCaseNote(mediator, { caseId, kind: "PRE_MEETING", partyId: family!.id, body: `Pre-meeting call with Jo. ${NOTES.preMeeting}` })).noteId;
  noteIds.private = (await addCaseNote(mediator, { caseId, kind: "MEDIATOR_PRIVATE", partyId: "", body: `My own thoughts. ${NOTES.private}` })).noteId;
  noteIds.shared = (await addCaseNote(mediator, { caseId, kind: "PRE_MEETING", partyId: laRep!.id, body: `Call with Lee. ${NOTES.shared}` })).noteId;
  await shareCaseNote(mediator, { caseId, noteId: noteIds.shared, share: true });
  noteIds.safeguarding = (await addCaseNote(mediator, { caseId, kind: "MEDIATOR_PRIVATE", partyId: "", body: `Concern. ${NOTES.safeguarding}` })).noteId;
  await markSafeguardingConcern(mediator, { caseId, noteId: noteIds.safeguarding, confirmed: true });

  // The invitations to the joint meeting (.ics by email), sent while every note exists.
  const meeting = await db().meeting.findFirstOrThrow({ where: { caseId }, select: { id: true } });
  await db().meetingAttendee.createMany({ data: [family!, laRep!].map((p) => ({ caseId, meetingId: meeting.id, partyId: p.id })) });
  const invited = await sendMeetingInvitations(meeting.id, "BOOKED");
  expect(invited.sent.map((x) => x.to).sort()).toEqual([officer.email, parent.email].sort());

  // The meeting record, with its private notes; the case moves on to "meeting held".
  const r = await recordMeeting(mediator, {
    caseId,
    expectedVersion: 1,
    heldOn: "2025-06-03",
    startTime: "10:00",
    endTime: "12:15",
    mode: "",
    attendees: [
      { attended: true, partyId: family!.id, name: "Jo Wall", capacity: "PARENT", organisation: "", hasAuthority: "" },
      { attended: true, partyId: laRep!.id, name: "Lee Officer", capacity: "LA_OFFICER", organisation: "Wallshire SEND team", hasAuthority: "yes" },
    ],
    childViewsHow: ["SPOKEN_TO_BEFOREHAND"],
    childViews: `Likes the speech therapist. ${RECORD.childViews}`,
    childViewsNotPossibleReason: "",
    expensesClaimed: "yes",
    expensesAmount: "18.20",
    expensesFor: `Bus fares ${RECORD.expensesFor}`,
    expensesPayer: "LA",
    expensesStatus: "PAID",
    agreement: "FULL",
    privateNotes: `After the meeting. ${NOTES.recordPrivate}`,
  });
  expect(r.status).toBe("MEETING_HELD");
  noteIds.recordPrivate = (await db().caseNote.findFirstOrThrow({ where: { caseId, meetingRecordId: { not: null } }, select: { id: true } })).id;

  // An email the family receives about their case (a sign-in link), and the LA's own case list.
  await (await requestFamilyLink(parent.email, "http://localhost", `198.51.100.50-${tag}`)).followUp();
}, 60_000);

describe("the confidentiality wall (R-80, R-81)", () => {
  it("the allocated mediator reads every planted text (so each marker really was stored)", async () => {
    const notes = JSON.stringify(await listCaseNotes(mediator, caseId));
    expect(found(notes, NOTES).sort()).toEqual(Object.keys(NOTES).sort());
    const record = JSON.stringify(await getMeetingRecordPage(mediator, caseId));
    expect(found(record)).toEqual(["recordPrivate", "childViews", "expensesFor"]);
  });

  for (const who of ["LA officer", "family user"] as const) {
    it(`the ${who} receives none of it in any page data, list, search or email`, async () => {
      const user = who === "LA officer" ? officer : parent;
      // The case page's data, with its timeline: the shared facts are there, so it is not simply empty.
      const detail = await getCaseDetail(user, caseId);
      expect(detail.view).toBe("SHARED");
      expect(detail.summary).toBe(SHARED_SUMMARY);
      expect(detail.agreement).toBe("Full agreement");
      expect(detail.timeline.map((e) => e.summary)).toContainEqual(expect.stringMatching(/^Mediation meeting held on 3 June? 2025$/));
      expect(found(JSON.stringify(detail))).toEqual([]);

      if (user === officer) {
        // The LA workspace and the case list, and a search for each text.
        const list = await listCases(officer, { status: "ALL" });
        expect(list.rows.map((row) => row.reference)).toEqual([reference]);
        expect(found(JSON.stringify(list))).toEqual([]);
        const open = await listCases(officer, { status: "OPEN", sort: "deadline" });
        expect(found(JSON.stringify(open))).toEqual([]);
        for (const [what, m] of Object.entries(ALL)) expect((await listCases(officer, { status: "ALL", q: m })).total, what).toBe(0);
      } else {
        // The family's /my-case.
        const mine = await listMyCases(parent);
        expect(mine.map((c) => c.reference)).toEqual([reference]);
        expect(found(JSON.stringify(mine))).toEqual([]);
      }

      // The notes, the record, a note by id, the concerns, the mediator's home: not found at all.
      await expect(listCaseNotes(user, caseId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getMeetingRecordPage(user, caseId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(listSafeguardingConcerns(user)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getMediatorHome(user)).rejects.toBeInstanceOf(NotFoundError);
      for (const id of Object.values(noteIds)) {
        await expect(findNoteOrThrow(user, caseId, id, { body: true })).rejects.toBeInstanceOf(NotFoundError);
        await expect(getCaseNote(user, caseId, id)).rejects.toBeInstanceOf(NotFoundError);
      }

      // Every email they were sent (and every email at all) holds none of it.
      const theirs = await db().outboxEmail.findMany({ where: { to: user.email } });
      // The invitation with its .ics, and (for the family) their sign-in link.
      expect(theirs.filter((m) => m.calendar !== null)).toHaveLength(1);
      if (user === parent) expect(theirs.length).toBe(2);
      expect(found(JSON.stringify(theirs))).toEqual([]);
      expect(found(JSON.stringify(await db().outboxEmail.findMany()))).toEqual([]);
    });
  }

  it("a mediator not allocated to the case cannot read any note or the record (404)", async () => {
    await expect(getCaseDetail(otherMediator, caseId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listCaseNotes(otherMediator, caseId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMeetingRecordPage(otherMediator, caseId)).rejects.toBeInstanceOf(NotFoundError);
    for (const id of Object.values(noteIds)) {
      await expect(findNoteOrThrow(otherMediator, caseId, id, { body: true })).rejects.toBeInstanceOf(NotFoundError);
      await expect(getCaseNote(otherMediator, caseId, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(found(JSON.stringify(await getMediatorHome(otherMediator)))).toEqual([]);
  });

  it("a caseworker reads only what was shared with the case team: every other note is a 404", async () => {
    const notes = await listCaseNotes(caseworker, caseId);
    expect(found(JSON.stringify(notes), NOTES)).toEqual(["shared"]);
    for (const [what, id] of Object.entries(noteIds)) {
      if (what === "shared") expect((await findNoteOrThrow(caseworker, caseId, id, { body: true })).body).toContain(NOTES.shared);
      else await expect(findNoteOrThrow(caseworker, caseId, id, { body: true }), what).rejects.toBeInstanceOf(NotFoundError);
    }
    // The record's other answers are the case team's; its private notes are not.
    const record = JSON.stringify(await getMeetingRecordPage(caseworker, caseId));
    expect(found(record)).toEqual(["childViews", "expensesFor"]);
    // The case page's own data never carries notes, whoever reads it.
    expect(found(JSON.stringify(await getCaseDetail(caseworker, caseId)))).toEqual([]);
    await expect(listSafeguardingConcerns(caseworker)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the safeguarding lead reads the concern and what was shared, never the rest of the notes (R-81)", async () => {
    expect(found(JSON.stringify(await listCaseNotes(lead, caseId)), NOTES).sort()).toEqual(["safeguarding", "shared"]);
    const concerns = (await listSafeguardingConcerns(lead)).filter((x) => x.case.id === caseId);
    expect(found(JSON.stringify(concerns), NOTES)).toEqual(["safeguarding"]);
    for (const what of ["preMeeting", "private", "recordPrivate"] as const) {
      await expect(findNoteOrThrow(lead, caseId, noteIds[what], { body: true })).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("the audit trail records each act without copying any of the text", async () => {
    const audits = await db().auditEvent.findMany({ where: { caseId } });
    // Each act; the reads of the case page (issue 13, decision 0026) are rows too, and hold no text either.
    const reads: readonly string[] = READ_AUDIT_ACTIONS;
    expect(audits.map((a) => a.action).filter((a) => !reads.includes(a)).sort()).toEqual(
      ["case.meeting_held", "meeting.invitations_sent", "meeting.record_written", "note.added", "note.added", "note.added", "note.added", "note.marked_safeguarding", "note.shared"].sort(),
    );
    expect(found(JSON.stringify(audits))).toEqual([]);
    // Nor does the timeline, which staff read too.
    expect(found(JSON.stringify(await db().caseEvent.findMany({ where: { caseId } })))).toEqual([]);
  });
});
