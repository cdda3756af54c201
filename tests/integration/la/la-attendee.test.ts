/**
 * R-24 (issue 12, lib/meetings/name-la-attendee.ts): the LA officer names who attends for their
 * LA and confirms their authority to resolve the issues — their own LA's cases only (another LA's
 * case: 404), LA representatives only (any other party: 404), until the meeting is held; a booked
 * meeting gets the new representative invited; audited, versioned, and nothing written on a
 * refusal. The case page's LA view (lib/la/get-la-case-view.ts) shows the result.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { JOB_SCHEMA } from "@/lib/platform/jobs/queues";
import { nameLaAttendee, TOO_LATE } from "@/lib/meetings/name-la-attendee";
import { getLaCaseView } from "@/lib/la/get-la-case-view";
import { makeUser } from "../helpers";
import { caseworker, fieldError, laOfficer, makeCase, otherLa, refusal, setUpCaseFixtures, stateOf } from "../cases/fixtures";

setUpCaseFixtures();

let otherOfficer: SessionUser;
beforeAll(async () => {
  otherOfficer = await makeUser("LA_OFFICER", { localAuthorityId: otherLa.id });
});

const version = async (caseId: string) => (await db().case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;
const laParty = async (caseId: string) => (await db().party.findFirstOrThrow({ where: { caseId, kind: "LA" }, select: { id: true } })).id;
const auditsOf = (caseId: string) => db().auditEvent.findMany({ where: { caseId, action: "meeting.la_attendee_named" }, select: { actorId: true, entityId: true, before: true, after: true } });

const NEW = { name: "Priya Decider", organisation: "SEND team manager", email: "Priya.Decider@council.example", hasAuthority: "yes" };

describe("naming the LA's attendee", () => {
  it("adds a new LA representative with their authority confirmed; versioned, audited (no names), a shared timeline entry", async () => {
    const c = await makeCase({ status: "ALLOCATED" });
    const v0 = await version(c.id);
    const r = await nameLaAttendee(laOfficer, c.id, v0, NEW, "203.0.113.7");
    const p = await db().party.findUniqueOrThrow({ where: { id: r.partyId } });
    expect(p).toMatchObject({ caseId: c.id, kind: "LA", name: "Priya Decider", organisation: "SEND team manager", email: "priya.decider@council.example", hasAuthority: true });
    expect(await version(c.id)).toBe(v0 + 1);
    expect(r.invitedTo).toBeNull();

    const [audit] = await auditsOf(c.id);
    expect(audit).toMatchObject({ actorId: laOfficer.id, entityId: r.partyId, after: { kind: "LA", hasAuthority: true, name: "[redacted]", email: "[redacted]", invited: false } });
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: "LA_ATTENDEE_NAMED" } });
    expect(event).toMatchObject({ visibility: "SHARED", rule: "R-24", summary: "The local authority named its representative for the meeting, with authority to resolve the issues" });
    expect(event.summary).not.toContain("Priya");

    const view = await getLaCaseView(laOfficer, c.id);
    expect(view.representatives.map((x) => [x.name, x.hasAuthority])).toEqual([
      ["Officer Rep", null],
      ["Priya Decider", true],
    ]);
    expect(view.warnings).toEqual([]);
  });

  it("changes an LA representative already on the case (e.g. confirms they have no authority), and the warning says so", async () => {
    const c = await makeCase({ status: "PREPARING" });
    const id = await laParty(c.id);
    expect((await getLaCaseView(laOfficer, c.id)).warnings).toEqual(["No local authority representative is confirmed as having authority to resolve the issues. Check with them and record it."]);
    await nameLaAttendee(laOfficer, c.id, await version(c.id), { partyId: id, name: "Officer Rep", organisation: "", email: "", hasAuthority: "no" });
    expect(await db().party.findUniqueOrThrow({ where: { id } })).toMatchObject({ hasAuthority: false, email: null, organisation: null });
    expect(await db().party.count({ where: { caseId: c.id, kind: "LA" } })).toBe(1);
    const [audit] = await auditsOf(c.id);
    expect(audit).toMatchObject({ before: { hasAuthority: null }, after: { hasAuthority: false } });
    expect((await getLaCaseView(laOfficer, c.id)).warnings).toHaveLength(1);
  });

  it("invites a new representative to the booked meeting and queues their invitation", async () => {
    const c = await makeCase({ status: "MEETING_SCHEDULED" });
    const m = await db().meeting.create({
      data: { caseId: c.id, kind: "JOINT_MEETING", mode: "VIDEO", startsAt: new Date("2026-12-08T10:00:00Z"), endsAt: new Date("2026-12-08T12:30:00Z"), sequence: 2 },
      select: { id: true },
    });
    const r = await nameLaAttendee(laOfficer, c.id, await version(c.id), NEW);
    expect(r.invitedTo).toBe(m.id);
    expect(await db().meetingAttendee.count({ where: { meetingId: m.id, partyId: r.partyId } })).toBe(1);
    const jobs = await db().$queryRawUnsafe<{ data: { kind: string; sequence: number; partyIds: string[] } }[]>(
      `SELECT data FROM ${JOB_SCHEMA}.job WHERE name = 'meeting-invitations' AND data->>'meetingId' = $1`,
      m.id,
    );
    expect(jobs.map((j) => j.data)).toEqual([{ meetingId: m.id, kind: "ADDED", sequence: 2, partyIds: [r.partyId] }]);
    await db().$executeRawUnsafe(`DELETE FROM ${JOB_SCHEMA}.job WHERE data->>'meetingId' = $1`, m.id);

    const view = await getLaCaseView(laOfficer, c.id);
    expect(view.meeting).toMatchObject({ held: false, when: "Tuesday 8 December 2026, 10:00 to 12:30", where: "Video call" });
    expect(view.representatives.find((x) => x.partyId === r.partyId)?.response).toBe("Invited, no answer yet");
  });
});

describe("refusals write nothing", () => {
  it("another LA's case: 404 for the officer, the page's data too", async () => {
    const c = await makeCase({ laId: otherLa.id, status: "ALLOCATED" });
    const before = await stateOf(c.id);
    expect(await refusal(nameLaAttendee(laOfficer, c.id, await version(c.id), NEW))).toBeInstanceOf(NotFoundError);
    expect(await refusal(getLaCaseView(laOfficer, c.id))).toBeInstanceOf(NotFoundError);
    expect(await stateOf(c.id)).toEqual(before);
    // Their own officer can.
    await nameLaAttendee(otherOfficer, c.id, await version(c.id), NEW);
  });

  it("a party who is not an LA representative (the family's): 404", async () => {
    const c = await makeCase({ status: "ALLOCATED" });
    const parent = await db().party.findFirstOrThrow({ where: { caseId: c.id, kind: "PARENT" }, select: { id: true, name: true } });
    const before = await stateOf(c.id);
    expect(await refusal(nameLaAttendee(laOfficer, c.id, await version(c.id), { ...NEW, partyId: parent.id }))).toBeInstanceOf(NotFoundError);
    expect(await stateOf(c.id)).toEqual(before);
    expect((await db().party.findUniqueOrThrow({ where: { id: parent.id } })).name).toBe(parent.name);
    // Another case's LA representative, named on this case: 404 too.
    const other = await makeCase({ status: "ALLOCATED" });
    expect(await refusal(nameLaAttendee(laOfficer, c.id, await version(c.id), { ...NEW, partyId: await laParty(other.id) }))).toBeInstanceOf(NotFoundError);
  });

  it("anyone but an LA officer: 404 (staff have the party and meeting pages)", async () => {
    const c = await makeCase({ status: "ALLOCATED" });
    expect(await refusal(nameLaAttendee(caseworker, c.id, await version(c.id), NEW))).toBeInstanceOf(NotFoundError);
    expect(await refusal(getLaCaseView(caseworker, c.id))).toBeInstanceOf(NotFoundError);
  });

  it("missing answers, a stale version, and a meeting already held", async () => {
    const c = await makeCase({ status: "ALLOCATED" });
    const before = await stateOf(c.id);
    const bad = await refusal(nameLaAttendee(laOfficer, c.id, await version(c.id), { name: " ", email: "not-an-email", hasAuthority: "" }));
    expect(fieldError(bad, "name")).toBe("Enter the name of the person who will attend");
    expect(fieldError(bad, "email")).toMatch(/^Enter an email address in the correct format/);
    expect(fieldError(bad, "hasAuthority")).toBe("Select whether they have authority to resolve the issues");
    expect(await stateOf(c.id)).toEqual(before);
    // Someone else saved the case first: the officer's page is out of date.
    const seen = await version(c.id);
    await db().case.update({ where: { id: c.id }, data: { version: { increment: 1 } } });
    const parties = await db().party.count({ where: { caseId: c.id } });
    expect(await refusal(nameLaAttendee(laOfficer, c.id, seen, NEW))).toBeInstanceOf(ConflictError);
    expect(await db().party.count({ where: { caseId: c.id } })).toBe(parties);
    expect(await auditsOf(c.id)).toEqual([]);

    const held = await makeCase({ status: "MEETING_HELD" });
    const heldBefore = await stateOf(held.id);
    const late = await refusal(nameLaAttendee(laOfficer, held.id, await version(held.id), NEW));
    expect(late).toBeInstanceOf(DomainError);
    expect(late.message).toBe(TOO_LATE);
    expect(await stateOf(held.id)).toEqual(heldBefore);
    expect((await getLaCaseView(laOfficer, held.id)).canName).toBe(false);
  });
});
