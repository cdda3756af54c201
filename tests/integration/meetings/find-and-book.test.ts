/**
 * Issue 10 (first slice): "find a time" for the joint meeting on real data, and booking or moving
 * it through the lifecycle's "schedule meeting".
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { DomainError } from "@/lib/platform/errors";
import { NotFoundError } from "@/lib/auth/types";
import { addCalendarDays, earliestMeetingDate, isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import { getFindATime } from "@/lib/meetings/get-find-a-time";
import { bookJointMeeting } from "@/lib/meetings/book-joint-meeting";
import { getCaseDetail } from "@/lib/cases/details/get-case-detail";
import { caseworker, la, laOfficer, makeCase, mediator, mediator2, refusal, stateOf, setUpCaseFixtures } from "../cases/fixtures";

setUpCaseFixtures();

const today = todayInLondon();
const told = addCalendarDays(today, -5);

async function allocatedCase() {
  return makeCase({
    status: "ALLOCATED",
    mediatorId: mediator.id,
    consent: "GIVEN",
    dates: { laNotifiedOn: told },
    deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: told },
  });
}

describe("find a time and book the joint meeting", () => {
  it("offers slots from the first day with 5 clear working days' notice, up to day 30, clear of the mediator's other meetings", async () => {
    const c = await allocatedCase();
    const page = await getFindATime(mediator, c.id);
    expect(page.refusal).toBeNull();
    const r = page.result!;
    expect(r.earliest).toBe(earliestMeetingDate(today));
    expect(r.lastDay).toBe(addCalendarDays(told, 30));
    expect(r.slots.length).toBeGreaterThan(0);
    const first = r.slots[0]!;
    expect(first.date >= r.earliest).toBe(true);

    // Another case's meeting for the same mediator at that time: no longer offered.
    const other = await makeCase({ status: "MEETING_SCHEDULED", mediatorId: mediator.id });
    await db().meeting.create({ data: { caseId: other.id, kind: "JOINT_MEETING", mode: "VIDEO", startsAt: first.start, endsAt: first.end, mediatorId: mediator.id } });
    const again = (await getFindATime(mediator, c.id)).result!;
    expect(again.slots.some((s) => s.start.getTime() === first.start.getTime())).toBe(false);
  });

  it("books the meeting: the case is Meeting scheduled on that date, audited; moving it raises the sequence", async () => {
    const c = await allocatedCase();
    const venue = await db().venue.create({ data: { name: "Riverside Family Centre", address: "1 River Road", localAuthorityId: la.id, stepFreeAccess: true } });
    const slot = (await getFindATime(caseworker, c.id, { venueId: venue.id })).result!.slots[0]!;
    const booked = await bookJointMeeting(caseworker, { caseId: c.id, expectedVersion: 1, date: slot.date, startTime: slot.startTime, durationMinutes: 150, mode: "VENUE", venueId: venue.id });
    expect(booked).toMatchObject({ moved: false, afterDeadline: false, version: 2 });
    const s = await stateOf(c.id);
    expect(s.status).toBe("MEETING_SCHEDULED");
    expect(isoFromDbDate(s.meetingOn!)).toBe(slot.date);
    const m = await db().meeting.findUniqueOrThrow({ where: { id: booked.meetingId } });
    expect(m).toMatchObject({ kind: "JOINT_MEETING", mode: "VENUE", venueId: venue.id, sequence: 0, mediatorId: mediator.id, status: "SCHEDULED" });
    expect(m.startsAt.toISOString()).toBe(slot.start.toISOString());
    expect(await db().auditEvent.count({ where: { caseId: c.id, action: "meeting.booked" } })).toBe(1);

    const later = addCalendarDays(slot.date, 1);
    const moved = await bookJointMeeting(mediator, { caseId: c.id, expectedVersion: 2, date: later, startTime: "14:00", durationMinutes: 120, mode: "VIDEO", videoLink: "https://video.example/room" });
    expect(moved.moved).toBe(true);
    expect(await db().meeting.count({ where: { caseId: c.id } })).toBe(1);
    expect(await db().meeting.findUniqueOrThrow({ where: { id: booked.meetingId } })).toMatchObject({ sequence: 1, mode: "VIDEO", venueId: null });
  });

  it("refuses a time the mediator is already booked, and too little notice without the family's agreement, writing nothing", async () => {
    const c = await allocatedCase();
    const slot = (await getFindATime(mediator, c.id)).result!.slots[0]!;
    const other = await makeCase({ status: "MEETING_SCHEDULED", mediatorId: mediator.id });
    await db().meeting.create({ data: { caseId: other.id, kind: "JOINT_MEETING", mode: "PHONE", startsAt: slot.start, endsAt: slot.end, mediatorId: mediator.id } });
    const before = await stateOf(c.id);
    const clash = await refusal(bookJointMeeting(mediator, { caseId: c.id, expectedVersion: 1, date: slot.date, startTime: slot.startTime, durationMinutes: 150, mode: "PHONE" }));
    expect((clash as DomainError).fieldErrors?.startTime).toBe("The mediator has another meeting then. Choose another time.");
    const soon = addCalendarDays(today, 1);
    const notice = await refusal(bookJointMeeting(mediator, { caseId: c.id, expectedVersion: 1, date: soon, startTime: "10:00", durationMinutes: 150, mode: "PHONE" }));
    expect((notice as DomainError).fieldErrors?.meetingOn).toContain("5 working days' notice");
    expect(await stateOf(c.id)).toEqual(before);
    expect(await db().meeting.count({ where: { caseId: c.id } })).toBe(0);
  });

  it("after day 30 asks why and for a confirmation, then books it (R-20, R-23)", async () => {
    const c = await allocatedCase();
    const late = addCalendarDays(told, 33);
    const when = { caseId: c.id, expectedVersion: 1, date: late, startTime: "10:00", durationMinutes: 150, mode: "PHONE" as const, shortNoticeAgreed: true };
    const e = await refusal(bookJointMeeting(mediator, when));
    expect((e as DomainError).fieldErrors?.lateReason).toContain("the day mediation must take place by (R-20)");
    expect((e as DomainError).fieldErrors?.confirmAfterLastDay).toContain("could not take place within 30 days");
    const r = await bookJointMeeting(mediator, { ...when, lateReason: "The LA representative cannot attend sooner", confirmAfterLastDay: true });
    expect(r.afterDeadline).toBe(true);
    expect((await db().meeting.findUniqueOrThrow({ where: { id: r.meetingId } })).lateReason).toBe("The LA representative cannot attend sooner");
  });

  it("is not found for an LA officer or a mediator the case is not allocated to", async () => {
    const c = await allocatedCase();
    expect(await refusal(getFindATime(laOfficer, c.id))).toBeInstanceOf(NotFoundError);
    expect(await refusal(getFindATime(mediator2, c.id))).toBeInstanceOf(NotFoundError);
  });
});

describe("authority to resolve the issues (R-24)", () => {
  it("warns the caseworker and the mediator before the meeting when the LA representative's authority is not confirmed; not the LA officer", async () => {
    const c = await allocatedCase();
    const warning = "No local authority representative is confirmed as having authority to resolve the issues. Check with them and record it (R-24).";
    expect((await getCaseDetail(caseworker, c.id)).authorityWarnings).toEqual([warning]);
    expect((await getFindATime(mediator, c.id)).authorityWarnings).toEqual([warning]);
    expect((await getCaseDetail(laOfficer, c.id)).authorityWarnings).toEqual([]);
    await db().party.updateMany({ where: { caseId: c.id, kind: "LA" }, data: { hasAuthority: true } });
    expect((await getCaseDetail(caseworker, c.id)).authorityWarnings).toEqual([]);
  });
});
