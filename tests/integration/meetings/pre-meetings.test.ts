/**
 * Issue 10: pre-meetings — the mediator meets each party alone before the joint meeting (a visit,
 * a phone call or a video call). Booked in the future but not bound by R-22's notice; never over
 * the mediator's other meetings (a visit needs travel time), and before the joint meeting; outside
 * working hours is booked with a warning. They count as the mediator's bookings in "find a time"
 * (but not towards the cap of joint meetings a day). Held and cancelled ones; the mediator's home
 * lists the parties still to meet. Refusals write nothing.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { ForbiddenError, NotFoundError, type SessionUser } from "@/lib/auth/types";
import { DomainError } from "@/lib/platform/errors";
import { addCalendarDays, addWorkingDays, todayInLondon } from "@/lib/deadlines";
import { londonInstant } from "@/lib/meetings/london-time";
import { bookPreMeeting } from "@/lib/meetings/pre-meetings/book-pre-meeting";
import { markPreMeetingHeld } from "@/lib/meetings/pre-meetings/mark-pre-meeting-held";
import { cancelPreMeeting } from "@/lib/meetings/pre-meetings/cancel-pre-meeting";
import { getPreMeetings } from "@/lib/meetings/pre-meetings/get-pre-meetings";
import { getFindATime } from "@/lib/meetings/get-find-a-time";
import { bookJointMeeting } from "@/lib/meetings/book-joint-meeting";
import { getMediatorHome } from "@/lib/meetings/get-mediator-home";
import { caseworker, fieldError, la, laOfficer, makeCase, mediator2, parentUser, refusal, setUpCaseFixtures, stateOf } from "../cases/fixtures";
import { makeUser, uid } from "../helpers";

setUpCaseFixtures();

const today = todayInLondon();
/** A working day soon: 2 working days ahead (fewer than R-22's 5 clear working days). */
const soon = addWorkingDays(today, 2);
const ALL_WEEK = Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [d, [{ start: "09:00", end: "17:00" }]]));

/** A mediator of their own (so other tests' bookings never clash), working 9:00–17:00 every day, travel 60 minutes. */
async function freshMediator(cap = 2): Promise<SessionUser> {
  const m = await makeUser("MEDIATOR", { name: `Pia Premeet ${uid()}` });
  await db().mediatorAvailability.create({ data: { userId: m.id, weeklyHours: ALL_WEEK, maxJointMeetingsPerDay: cap, travelMinutes: 60 } });
  return m;
}

/** An allocated mediation case: the parent (with an address), the LA representative and a supporter. */
async function allocated(mediatorId: string, status: "ALLOCATED" | "PREPARING" | "MEETING_SCHEDULED" = "ALLOCATED") {
  const told = addCalendarDays(today, -3);
  const c = await makeCase({
    status,
    mediatorId,
    consent: "GIVEN",
    dates: { laNotifiedOn: told },
    deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: told },
    parties: [
      { kind: "PARENT", name: `Jane Family ${uid()}`, consent: "GIVEN" },
      { kind: "LA", name: `Officer Rep ${uid()}`, organisation: la.name },
      { kind: "SUPPORTER", name: `Sue Supporter ${uid()}` },
    ],
  });
  // By kind: the parties are made in one transaction, so their createdAt are equal and give no order.
  const parties = await db().party.findMany({ where: { caseId: c.id } });
  const of = (kind: string) => parties.find((p) => p.kind === kind)!;
  const parent = await db().party.update({ where: { id: of("PARENT").id }, data: { address: "2 Home Lane, Commandshire" } });
  return { ...c, parent, rep: of("LA"), supporter: of("SUPPORTER") };
}

const input = (caseId: string, partyId: string, o: Record<string, unknown> = {}) => ({ caseId, partyId, date: soon, startTime: "10:00", durationMinutes: 60, mode: "PHONE", ...o }) as Parameters<typeof bookPreMeeting>[1];
const partyOf = (page: Awaited<ReturnType<typeof getPreMeetings>>, id: string) => page.parties.find((p) => p.id === id)!;
const meetingsOf = (caseId: string) => db().meeting.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } });

describe("booking a pre-meeting", () => {
  it("the mediator books a phone call with the parent two working days ahead (no 5-day notice for pre-meetings), logged for staff and audited", async () => {
    const med = await freshMediator();
    const c = await allocated(med.id);
    const r = await bookPreMeeting(med, input(c.id, c.parent.id), "198.51.100.4");
    expect(r.warnings).toEqual([]);
    const [m] = await meetingsOf(c.id);
    expect(m).toMatchObject({ id: r.meetingId, kind: "PRE_MEETING", mode: "PHONE", partyId: c.parent.id, mediatorId: med.id, status: "SCHEDULED", createdById: med.id });
    expect(m!.startsAt.toISOString()).toBe(londonInstant(soon, 600).toISOString());
    expect(m!.endsAt.toISOString()).toBe(londonInstant(soon, 660).toISOString());
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: "PRE_MEETING_BOOKED" } });
    expect(event).toMatchObject({ visibility: "STAFF" });
    expect(event.summary).toContain(`Pre-meeting booked: ${c.parent.name} (parent`);
    expect(await db().auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "pre_meeting.booked" } })).toMatchObject({ actorId: med.id, entityId: m!.id, ip: "198.51.100.4" });
    // The case itself is not changed (no version bump): pre-meetings are the mediator's diary.
    expect((await stateOf(c.id)).version).toBe(1);

    const page = await getPreMeetings(med, c.id);
    expect(page.refusal).toBeNull();
    expect(Object.fromEntries(page.parties.map((p) => [p.id, p.state]))).toEqual({ [c.parent.id]: "BOOKED", [c.rep.id]: "NOT_YET" }); // the supporter is not met alone
    expect(partyOf(page, c.parent.id).meetings[0]).toMatchObject({ status: "SCHEDULED", mode: "PHONE", date: soon, startTime: "10:00", endTime: "11:00", canMarkHeld: false });
  });

  it("a caseworker books a visit (at the address held when none is given) and a video call; outside the mediator's hours is booked with a warning", async () => {
    const med = await freshMediator();
    const c = await allocated(med.id, "PREPARING");
    const visit = await bookPreMeeting(caseworker, input(c.id, c.parent.id, { mode: "VISIT", address: "" }));
    expect((await db().meeting.findUniqueOrThrow({ where: { id: visit.meetingId } })).address).toBe("2 Home Lane, Commandshire");
    const evening = await bookPreMeeting(caseworker, input(c.id, c.rep.id, { mode: "VIDEO", videoLink: "https://video.example/abc", startTime: "18:00" }));
    expect(evening.warnings).toEqual(["It is outside the mediator's working hours that day (09:00 to 17:00)."]);
    expect(await db().meeting.findUniqueOrThrow({ where: { id: evening.meetingId } })).toMatchObject({ mode: "VIDEO", videoLink: "https://video.example/abc", address: null });
    expect((await db().auditEvent.findFirstOrThrow({ where: { entityId: evening.meetingId } })).after).toMatchObject({ outsideWorkingHours: true });
  });

  it("refuses, saying why next to the field and writing nothing: in the past, no link, no address, a supporter, a second booking, a clash, after the joint meeting", async () => {
    const med = await freshMediator();
    const c = await allocated(med.id);
    const noAddress = await allocated(med.id);
    await db().party.update({ where: { id: noAddress.parent.id }, data: { address: null } });
    await bookPreMeeting(med, input(c.id, c.parent.id));
    const before = await meetingsOf(c.id);
    const events = await db().caseEvent.count({ where: { caseId: c.id } });

    const yesterday = addCalendarDays(today, -1);
    expect(fieldError(await refusal(bookPreMeeting(med, input(c.id, c.rep.id, { date: yesterday }))), "date")).toBe("The pre-meeting must be in the future");
    expect(fieldError(await refusal(bookPreMeeting(med, input(c.id, c.rep.id, { mode: "VIDEO", videoLink: "" }))), "videoLink")).toBe("Enter the video link, starting https://");
    expect(fieldError(await refusal(bookPreMeeting(med, input(noAddress.id, noAddress.parent.id, { mode: "VISIT" }))), "address")).toContain("Enter where the visit is");
    expect(fieldError(await refusal(bookPreMeeting(med, input(c.id, c.supporter.id))), "partyId")).toBe("Choose one of the parties to the disagreement");
    expect(fieldError(await refusal(bookPreMeeting(med, input(c.id, c.parent.id, { startTime: "14:00" }))), "partyId")).toContain("is already booked");
    // Another case of the same mediator at that time.
    expect(fieldError(await refusal(bookPreMeeting(med, input(noAddress.id, noAddress.rep.id, { startTime: "10:30" }))), "startTime")).toContain("The mediator has another meeting then");
    expect(fieldError(await refusal(bookPreMeeting(med, input(c.id, c.rep.id, { startTime: "9:00" }))), "startTime")).toBe("Enter the start time like 09:30");
    expect(fieldError(await refusal(bookPreMeeting(med, input(c.id, c.rep.id, { durationMinutes: 240 }))), "durationMinutes")).toBe("Choose how long the pre-meeting is");

    // A joint meeting booked: a pre-meeting must end before it starts.
    const joint = await allocated(med.id, "MEETING_SCHEDULED");
    await db().meeting.create({ data: { caseId: joint.id, kind: "JOINT_MEETING", mode: "PHONE", startsAt: londonInstant(soon, 15 * 60), endsAt: londonInstant(soon, 17 * 60), mediatorId: med.id } });
    expect(fieldError(await refusal(bookPreMeeting(med, input(joint.id, joint.parent.id, { date: addCalendarDays(soon, 1) }))), "date")).toContain("a pre-meeting must be before it");

    expect(await meetingsOf(c.id)).toEqual(before);
    expect(await db().caseEvent.count({ where: { caseId: c.id } })).toBe(events);
    expect(await db().meeting.count({ where: { caseId: noAddress.id } })).toBe(0);
  });

  it("a visit needs travel time to and from the mediator's meeting at a venue; a phone call does not", async () => {
    const med = await freshMediator();
    const c = await allocated(med.id);
    const other = await allocated(med.id, "MEETING_SCHEDULED");
    const venue = await db().venue.create({ data: { name: `Hall ${uid()}`, address: "3 Hall Road", localAuthorityId: la.id } });
    await db().meeting.create({ data: { caseId: other.id, kind: "JOINT_MEETING", mode: "VENUE", venueId: venue.id, startsAt: londonInstant(soon, 12 * 60), endsAt: londonInstant(soon, 14 * 60), mediatorId: med.id } });
    // 10:30–11:30 ends 30 minutes before: too close for a visit (60 minutes' travel), fine by phone.
    const e = await refusal(bookPreMeeting(med, input(c.id, c.parent.id, { mode: "VISIT", startTime: "10:30" })));
    expect(fieldError(e, "startTime")).toContain("with travel time");
    await bookPreMeeting(med, input(c.id, c.parent.id, { mode: "PHONE", startTime: "10:30" }));
  });

  it("is only for a case with a mediator, before the joint meeting is held", async () => {
    const med = await freshMediator();
    const unallocated = await makeCase({ status: "AWAITING_CONSENT" });
    const party = await db().party.findFirstOrThrow({ where: { caseId: unallocated.id, kind: "PARENT" } });
    expect((await refusal(bookPreMeeting(caseworker, input(unallocated.id, party.id)))).message).toBe("Allocate a mediator first: pre-meetings are with them.");
    expect((await getPreMeetings(caseworker, unallocated.id)).refusal).toBe("Allocate a mediator first: pre-meetings are with them.");
    const held = await makeCase({ status: "MEETING_HELD", mediatorId: med.id });
    const heldParty = await db().party.findFirstOrThrow({ where: { caseId: held.id, kind: "PARENT" } });
    expect(await refusal(bookPreMeeting(med, input(held.id, heldParty.id)))).toBeInstanceOf(DomainError);
    expect((await getPreMeetings(med, held.id)).refusal).toContain("Pre-meetings are held before the joint meeting");
  });
});

describe("who may see and book them", () => {
  it("not an LA officer, a parent, or a mediator the case is not allocated to (404), and nothing is written", async () => {
    const med = await freshMediator();
    const c = await allocated(med.id);
    const { meetingId } = await bookPreMeeting(med, input(c.id, c.parent.id));
    for (const user of [laOfficer, parentUser]) {
      expect(await refusal(getPreMeetings(user, c.id))).toBeInstanceOf(NotFoundError);
      expect(await refusal(bookPreMeeting(user, input(c.id, c.rep.id)))).toBeInstanceOf(ForbiddenError);
      expect(await refusal(cancelPreMeeting(user, { caseId: c.id, meetingId }))).toBeInstanceOf(ForbiddenError);
    }
    expect(await refusal(getPreMeetings(mediator2, c.id))).toBeInstanceOf(NotFoundError);
    expect(await refusal(bookPreMeeting(mediator2, input(c.id, c.rep.id)))).toBeInstanceOf(NotFoundError);
    expect(await refusal(markPreMeetingHeld(mediator2, { caseId: c.id, meetingId }))).toBeInstanceOf(NotFoundError);
    expect(await refusal(cancelPreMeeting(mediator2, { caseId: c.id, meetingId }))).toBeInstanceOf(NotFoundError);
    // A pre-meeting named with another case is not found either.
    const elsewhere = await allocated(med.id);
    expect(await refusal(cancelPreMeeting(med, { caseId: elsewhere.id, meetingId }))).toBeInstanceOf(NotFoundError);
    expect(await meetingsOf(c.id)).toMatchObject([{ id: meetingId, status: "SCHEDULED" }]);
  });
});

describe("pre-meetings are the mediator's bookings in 'find a time'", () => {
  it("a time over a pre-meeting is not offered or booked for the joint meeting; cancelled, it is offered again", async () => {
    const med = await freshMediator();
    const c = await allocated(med.id);
    const first = (await getFindATime(med, c.id)).result!.slots[0]!;
    const { meetingId } = await bookPreMeeting(med, input(c.id, c.parent.id, { date: first.date, startTime: first.startTime }));
    const offered = (await getFindATime(med, c.id)).result!.slots;
    expect(offered.some((s) => s.start < new Date(first.start.getTime() + 3_600_000) && s.end > first.start)).toBe(false);

    const e = await refusal(bookJointMeeting(med, { caseId: c.id, expectedVersion: 1, date: first.date, startTime: first.startTime, durationMinutes: 150, mode: "PHONE" }));
    expect(fieldError(e, "startTime")).toBe("The mediator has another meeting then. Choose another time.");
    expect((await stateOf(c.id)).status).toBe("ALLOCATED");

    await cancelPreMeeting(med, { caseId: c.id, meetingId });
    expect((await getFindATime(med, c.id)).result!.slots[0]!.start).toEqual(first.start);
  });

  it("a pre-meeting does not count towards the cap of joint meetings a day", async () => {
    const med = await freshMediator(1);
    const c = await allocated(med.id);
    const day = (await getFindATime(med, c.id)).result!.slots[0]!.date;
    const other = await allocated(med.id);
    await bookPreMeeting(med, input(other.id, other.parent.id, { date: day, startTime: "16:00" }));
    const verdict = (await getFindATime(med, c.id)).result!.days.find((d) => d.date === day)!;
    expect(verdict).toMatchObject({ available: true, reason: null });
    // A joint meeting that day does reach the cap of one.
    const third = await allocated(med.id, "MEETING_SCHEDULED");
    await db().meeting.create({ data: { caseId: third.id, kind: "JOINT_MEETING", mode: "PHONE", startsAt: londonInstant(day, 9 * 60), endsAt: londonInstant(day, 11 * 60), mediatorId: med.id } });
    expect((await getFindATime(med, c.id)).result!.days.find((d) => d.date === day)!.available).toBe(false);
  });
});

describe("held and cancelled", () => {
  it("is recorded as held once it has started, only once; a held one cannot be cancelled", async () => {
    const med = await freshMediator();
    const c = await allocated(med.id);
    const future = await bookPreMeeting(med, input(c.id, c.rep.id));
    expect((await refusal(markPreMeetingHeld(med, { caseId: c.id, meetingId: future.meetingId }))).message).toContain("has not started yet");
    // Booked yesterday for an hour ago (the clock of the booking moved back).
    const hourAgo = new Date(Date.now() - 3_600_000);
    const at = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(hourAgo);
    const started = await bookPreMeeting(med, input(c.id, c.parent.id, { date: todayInLondon(hourAgo), startTime: at, durationMinutes: 30 }), null, new Date(hourAgo.getTime() - 86_400_000));
    expect(partyOf(await getPreMeetings(med, c.id), c.parent.id).meetings[0]!.canMarkHeld).toBe(true);

    await markPreMeetingHeld(med, { caseId: c.id, meetingId: started.meetingId }, "192.0.2.1");
    expect(await db().meeting.findUniqueOrThrow({ where: { id: started.meetingId } })).toMatchObject({ status: "HELD", sequence: 1 });
    expect(await db().auditEvent.findFirstOrThrow({ where: { entityId: started.meetingId, action: "pre_meeting.held" } })).toMatchObject({ actorId: med.id, before: { status: "SCHEDULED" }, after: { status: "HELD" } });
    expect((await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: "PRE_MEETING_HELD" } })).visibility).toBe("STAFF");
    const page = await getPreMeetings(med, c.id);
    expect([partyOf(page, c.parent.id).state, partyOf(page, c.rep.id).state]).toEqual(["HELD", "BOOKED"]);

    expect((await refusal(markPreMeetingHeld(med, { caseId: c.id, meetingId: started.meetingId }))).message).toBe("This pre-meeting is already recorded as held.");
    expect((await refusal(cancelPreMeeting(caseworker, { caseId: c.id, meetingId: started.meetingId }))).message).toBe("This pre-meeting has been held, so it cannot be cancelled.");
    expect(await db().auditEvent.count({ where: { entityId: started.meetingId } })).toBe(2);
  });

  it("cancelled: audited, shown as not yet, and the party can be booked again", async () => {
    const med = await freshMediator();
    const c = await allocated(med.id);
    const { meetingId } = await bookPreMeeting(med, input(c.id, c.parent.id));
    await cancelPreMeeting(caseworker, { caseId: c.id, meetingId });
    expect(await db().meeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({ status: "CANCELLED" });
    expect(await db().auditEvent.findFirstOrThrow({ where: { entityId: meetingId, action: "pre_meeting.cancelled" } })).toMatchObject({ actorId: caseworker.id });
    expect(partyOf(await getPreMeetings(med, c.id), c.parent.id)).toMatchObject({ state: "NOT_YET", meetings: [{ id: meetingId, status: "CANCELLED" }] });
    expect((await refusal(cancelPreMeeting(med, { caseId: c.id, meetingId }))).message).toBe("This pre-meeting is already cancelled.");
    await bookPreMeeting(med, input(c.id, c.parent.id, { startTime: "11:00" }));
    expect(partyOf(await getPreMeetings(med, c.id), c.parent.id).state).toBe("BOOKED");
  });
});

describe("the mediator's home: pre-meetings still to hold", () => {
  it("lists their cases before the joint meeting with each party not yet met, booked or not; a case whose parties were all met drops off", async () => {
    const med = await freshMediator();
    const other = await freshMediator();
    const c = await allocated(med.id);
    const { meetingId } = await bookPreMeeting(med, input(c.id, c.parent.id));
    const met = await allocated(med.id, "PREPARING");
    const past = new Date(Date.now() - 86_400_000);
    for (const p of [met.parent, met.rep]) {
      await db().meeting.create({ data: { caseId: met.id, kind: "PRE_MEETING", mode: "PHONE", partyId: p.id, status: "HELD", startsAt: past, endsAt: new Date(past.getTime() + 3_600_000), mediatorId: med.id } });
    }
    const notMine = await allocated(other.id);
    const dayPassed = await allocated(med.id, "MEETING_SCHEDULED");
    await db().case.update({ where: { id: dayPassed.id }, data: { meetingOn: new Date(`${addCalendarDays(today, -1)}T00:00:00Z`) } });

    const home = await getMediatorHome(med);
    const ids = home.preMeetingsToHold.map((x) => x.id);
    expect(ids).toContain(c.id);
    expect(ids).not.toContain(met.id);
    expect(ids).not.toContain(notMine.id);
    expect(ids).not.toContain(dayPassed.id);
    const entry = home.preMeetingsToHold.find((x) => x.id === c.id)!;
    expect(entry.parties).toEqual(
      expect.arrayContaining([
        { id: c.parent.id, name: c.parent.name, kind: "PARENT", bookedFor: { date: soon, time: "10:00" } },
        { id: c.rep.id, name: c.rep.name, kind: "LA", bookedFor: null },
      ]),
    );
    expect(entry.parties).toHaveLength(2);
    // This week's meetings name the pre-meeting as one.
    expect(home.meetings.find((m) => m.id === meetingId)?.kind ?? "PRE_MEETING").toBe("PRE_MEETING");
  });
});
