/**
 * A joint meeting whose reminder is due today (two working days ahead, Europe/London), on a case
 * with a parent and an LA representative with email addresses, a supporter without one, and the
 * allocated mediator: the people a reminder goes to.
 */
import { db } from "@/lib/platform/db";
import { addCalendarDays, addWorkingDays, todayInLondon } from "@/lib/deadlines";
import { londonInstant } from "@/lib/meetings/london-time";
import { caseworker, la, makeCase, mediator } from "../cases/fixtures";
import { uid } from "../helpers";

export async function meetingWithReminderDue(o: { now?: Date; mode?: "VENUE" | "VIDEO" } = {}) {
  const today = todayInLondon(o.now ?? new Date());
  const date = addWorkingDays(today, 2);
  const parentEmail = `parent-${uid()}@family.example`;
  const repEmail = `rep-${uid()}@la.example`;
  const c = await makeCase({
    status: "MEETING_SCHEDULED",
    mediatorId: mediator.id,
    consent: "GIVEN",
    dates: { meetingOn: date },
    parties: [
      { kind: "PARENT", name: "Łucja Parent", email: parentEmail, consent: "GIVEN" },
      { kind: "LA", name: "Rita Rep", organisation: la.name, email: repEmail },
      { kind: "SUPPORTER", name: "Sam Supporter" },
    ],
  });
  const venue = await db().venue.create({ data: { name: `Riverside Centre ${uid()}`, address: "1 River Road, Townley", stepFreeAccess: true, hearingLoop: true, localAuthorityId: la.id } });
  const startsAt = londonInstant(date, 10 * 60);
  const meeting = await db().meeting.create({
    data: {
      caseId: c.id,
      kind: "JOINT_MEETING",
      mode: o.mode ?? "VENUE",
      venueId: o.mode === "VIDEO" ? null : venue.id,
      videoLink: o.mode === "VIDEO" ? "https://video.example/room-1" : null,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 150 * 60_000),
      mediatorId: mediator.id,
    },
  });
  return { caseId: c.id, reference: c.reference, meeting, date, venue, recipients: [parentEmail, repEmail, mediator.email] };
}

/**
 * An open, allocated case whose 30-day clock (R-20) ends two working days from today with no joint
 * meeting booked, created by the fixtures' caseworker: its day-30 alert is due and goes to the
 * mediator and that caseworker.
 */
export async function caseWithClockAlertDue(o: { now?: Date } = {}) {
  const lastDay = addWorkingDays(todayInLondon(o.now ?? new Date()), 2);
  const c = await makeCase({ status: "ALLOCATED", mediatorId: mediator.id, consent: "GIVEN", deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: addCalendarDays(lastDay, -30) } });
  await db().case.update({ where: { id: c.id }, data: { createdById: caseworker.id } });
  const d = await db().caseDeadline.findFirstOrThrow({ where: { caseId: c.id, name: "MEDIATION_30_DAY" } });
  return { caseId: c.id, reference: c.reference, deadlineId: d.id, lastDay, recipients: [mediator.email, caseworker.email] };
}
