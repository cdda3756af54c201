/**
 * Books a pre-meeting (issue 10): the allocated mediator meets one party to the disagreement alone,
 * by a visit, a phone call or a video call, before the joint meeting. Booked by that mediator, a
 * caseworker or an admin.
 *
 *  - Not bound by R-22's notice (that is the joint meeting's): it only has to be in the future.
 *  - Never at the same time as the mediator's other meetings, with travel time between a visit
 *    and another place (the same rule as "find a time"), and it ends before the joint meeting.
 *  - Outside the mediator's working hours, on a day off or on a weekend or bank holiday it is
 *    still booked — a parent may only be free in the evening — and the result says so (warnings).
 *  - One booked pre-meeting per party at a time: to change the time, cancel it and book again.
 * The mediator's bookings are locked while checking, so two bookings at once cannot both take the
 * same time. Timeline entry (staff only) and audit row in the same transaction.
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { fieldError, parseInput, VALIDATION_MESSAGE } from "@/lib/platform/validation";
import { dayOfWeek, formatLongDate, isDeadlineInputError, isWorkingDay, nonWorkingReason } from "@/lib/deadlines";
import { findCaseOrThrow } from "@/lib/cases/store";
import { recordEvent } from "@/lib/cases/timeline";
import { availabilityOf } from "../availability";
import { placeOf, type WeeklyHours } from "../find-a-time";
import { hhmm, londonInstant, londonWallClock, minutesOf } from "../london-time";
import { NOT_MET_ALONE, PRE_MEETING_STATUSES } from "./pre-meeting-rules";
import { PRE_MEETING_FIELD_ORDER, bookPreMeetingSchema, type BookPreMeetingInput } from "./pre-meeting-schema";
import { describePreMeeting } from "./store";

export type PreMeetingBooking = { caseId: string; meetingId: string; warnings: string[] };

export async function bookPreMeeting(user: SessionUser, input: BookPreMeetingInput, ip: string | null = null, now = new Date()): Promise<PreMeetingBooking> {
  authorize(user, "meeting:manage", { hide: false });
  const v = parseInput(bookPreMeetingSchema, input, { order: PRE_MEETING_FIELD_ORDER, summary: VALIDATION_MESSAGE });
  if (v.mode === "VIDEO" && !/^https:\/\/\S+$/.test(v.videoLink)) fieldError("videoLink", "Enter the video link, starting https://");
  const start = londonInstant(v.date, minutesOf(v.startTime));
  const end = new Date(start.getTime() + v.durationMinutes * 60_000);
  if (start <= now) fieldError("date", "The pre-meeting must be in the future");

  return transaction(async (tx) => {
    const c = await findCaseOrThrow(user, v.caseId, { id: true, status: true, allocatedMediatorId: true }, tx);
    if (!PRE_MEETING_STATUSES.includes(c.status) || !c.allocatedMediatorId) {
      throw new DomainError(
        c.allocatedMediatorId ? "Pre-meetings are held before the joint meeting, so one cannot be booked on this case now." : "Allocate a mediator first: pre-meetings are with them.",
        "PRE_MEETING_NOT_NOW",
      );
    }
    const mediatorId = c.allocatedMediatorId;
    // One booking at a time for this mediator: the checks below see every booking made before.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${mediatorId} FOR UPDATE`;

    const party = await tx.party.findFirst({ where: { id: v.partyId, caseId: c.id }, select: { id: true, name: true, kind: true, address: true } });
    if (!party || NOT_MET_ALONE.includes(party.kind)) fieldError("partyId", "Choose one of the parties to the disagreement");
    let address: string | null = null;
    if (v.mode === "VISIT") {
      address = v.address || party.address || "";
      if (!address) fieldError("address", `Enter where the visit is: no address is recorded for ${party.name}`);
    }
    const booked = await tx.meeting.findFirst({ where: { caseId: c.id, partyId: party.id, kind: "PRE_MEETING", status: "SCHEDULED" }, select: { startsAt: true } });
    if (booked) fieldError("partyId", `A pre-meeting with ${party.name} is already booked (${whenText(booked.startsAt)}). Cancel it first to book another time.`);

    const joint = await tx.meeting.findFirst({ where: { caseId: c.id, kind: { in: ["JOINT_MEETING", "DRS_MEETING"] }, status: "SCHEDULED" }, select: { startsAt: true } });
    if (joint && end > joint.startsAt) fieldError("date", `The joint meeting is on ${whenText(joint.startsAt)}: a pre-meeting must be before it.`);

    // Clear of the mediator's other meetings, with travel time between a visit and another place.
    const availability = await availabilityOf(tx, mediatorId, v.date, v.date);
    const travel = availability.travelMinutes * 60_000;
    const others = await tx.meeting.findMany({
      where: { mediatorId, status: "SCHEDULED", startsAt: { lt: new Date(end.getTime() + travel) }, endsAt: { gt: new Date(start.getTime() - travel) } },
      select: { id: true, venueId: true, mode: true, startsAt: true, endsAt: true },
    });
    const clash = others.find((m) => {
      const gap = v.mode === "VISIT" && placeOf(m) ? travel : 0;
      return m.startsAt.getTime() < end.getTime() + gap && start.getTime() < m.endsAt.getTime() + gap;
    });
    if (clash) fieldError("startTime", `The mediator has another meeting then (${whenText(clash.startsAt)}${v.mode === "VISIT" ? ", with travel time" : ""}). Choose another time.`);

    const meeting = await tx.meeting.create({
      data: {
        caseId: c.id,
        kind: "PRE_MEETING",
        mode: v.mode,
        partyId: party.id,
        address,
        videoLink: v.mode === "VIDEO" ? v.videoLink : null,
        startsAt: start,
        endsAt: end,
        mediatorId,
        createdById: user.id,
      },
      select: { id: true },
    });
    const warnings = outsideHours(v.date, minutesOf(v.startTime), v.durationMinutes, availability);
    await recordEvent(tx, {
      caseId: c.id,
      actorId: user.id,
      type: "PRE_MEETING_BOOKED",
      summary: `Pre-meeting booked: ${describePreMeeting({ startsAt: start, mode: v.mode, party })}`,
      data: { meetingId: meeting.id, partyId: party.id },
    });
    await writeAudit(tx, {
      actor: user,
      action: "pre_meeting.booked",
      entityType: "Meeting",
      entityId: meeting.id,
      caseId: c.id,
      after: { partyId: party.id, mode: v.mode, startsAt: start.toISOString(), endsAt: end.toISOString(), address, outsideWorkingHours: warnings.length > 0 },
      ip,
    });
    return { caseId: c.id, meetingId: meeting.id, warnings };
  });
}

function whenText(instant: Date): string {
  const at = londonWallClock(instant);
  return `${formatLongDate(at.date)} at ${hhmm(at.minutes)}`;
}

/**
 * Booked anyway, but worth saying: outside the mediator's working hours, on their day off, or on a
 * weekend or bank holiday (R-60). Nothing is said for a day outside the holiday data (R-64).
 */
function outsideHours(date: string, startMinutes: number, minutes: number, a: { hours: WeeklyHours; daysOff: string[] }): string[] {
  const out: string[] = [];
  try {
    if (!isWorkingDay(date)) out.push(`${formatLongDate(date)} is ${nonWorkingReason(date) ?? "not a working day"}.`);
  } catch (e) {
    if (!isDeadlineInputError(e)) throw e;
  }
  if (a.daysOff.includes(date)) out.push(`It is on the mediator's day off.`);
  else {
    const windows = a.hours[dayOfWeek(date) as 0 | 1 | 2 | 3 | 4 | 5 | 6] ?? [];
    const inside = windows.some((w) => minutesOf(w.start) <= startMinutes && startMinutes + minutes <= minutesOf(w.end));
    if (!inside) {
      out.push(
        windows.length === 0
          ? "The mediator does not usually work on that day of the week."
          : `It is outside the mediator's working hours that day (${windows.map((w) => `${w.start} to ${w.end}`).join(", ")}).`,
      );
    }
  }
  return out;
}

