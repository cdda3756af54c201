/**
 * Books (or moves) the case's joint meeting at a time "find a time" offered, or any other: the
 * lifecycle's "schedule meeting" (R-22 notice unless the family agreed to less, not for DRS) sets
 * the case's meeting date from it, and the meeting row holds the times, the place and the .ics
 * sequence. Checked again before writing: the mediator and the venue are still free (with travel
 * between venues), and a meeting after the day mediation must take place by (R-20; the ICB's for
 * health only, R-21) needs a recorded reason and a confirmation that the user saw the warning: it
 * means mediation could not take place within 30 days, and the lifecycle then starts the "could
 * not be arranged" certificate's deadline (R-23; once). One transaction, audited, with the
 * meeting's history (booked, or moved from and to) and, for a new meeting, who is invited by
 * default (R-24, ./default-attendees.ts). The invitations are a job queued in the same
 * transaction, so they go once it has committed (./send-meeting-invitations.ts), which also
 * records the day notice was given.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { fieldError, parseInput } from "@/lib/platform/validation";
import { DomainError } from "@/lib/platform/errors";
import { formatLongDate, isIsoDate, isoFromDbDate } from "@/lib/deadlines";
import { MEDIATION_CLOCKS } from "@/lib/cases/lifecycle";
import { caseCommandSchema } from "@/lib/cases/store";
import { applyTransition } from "@/lib/cases/transition/apply-transition";
import { availabilityOf } from "./availability";
import { MEETING_LENGTHS } from "./get-find-a-time";
import { placeOf } from "./find-a-time";
import { hhmm, londonInstant, minutesOf } from "./london-time";
import { invitedByDefault } from "./default-attendees";
import { recordMeetingChange } from "./history";
import { enqueueMeetingInvitations } from "./send-meeting-invitations";
import { placeName } from "./wording";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const bookJointMeetingSchema = caseCommandSchema.extend({
  date: z.string({ error: "Choose a date" }).trim().refine(isIsoDate, "Choose a real date"),
  startTime: z.string({ error: "Choose a start time" }).trim().regex(TIME, "Enter the start time like 09:30"),
  durationMinutes: z.coerce.number({ error: "Choose how long the meeting is" }).refine((n) => (MEETING_LENGTHS as readonly number[]).includes(n), "Choose 2, 2½ or 3 hours"),
  mode: z.enum(["VENUE", "VIDEO", "PHONE"], { error: "Choose where the meeting is" }),
  venueId: z.string().trim().max(200).optional().default(""),
  videoLink: z.string().trim().max(500).optional().default(""),
  shortNoticeAgreed: z.boolean().optional().default(false),
  lateReason: z.string().trim().max(2000, "The reason must be at most 2000 characters").optional().default(""),
  /** the user saw the warning that a meeting after the last day means a certificate falls due. */
  confirmAfterLastDay: z.boolean().optional().default(false),
});
export type BookJointMeetingInput = z.input<typeof bookJointMeetingSchema>;

export type BookingResult = {
  caseId: string;
  meetingId: string;
  moved: boolean;
  version: number;
  afterDeadline: boolean;
  /** this booking started the "could not be arranged" certificate's deadline. */
  notArrangedStarted: boolean;
};

export async function bookJointMeeting(user: SessionUser, input: BookJointMeetingInput, ip: string | null = null, now = new Date()): Promise<BookingResult> {
  const v = parseInput(bookJointMeetingSchema, input);
  authorize(user, "case:transition", { hide: false });
  if (v.mode === "VENUE" && v.venueId === "") fieldError("venueId", "Choose the venue");
  if (v.mode === "VIDEO" && !/^https:\/\/\S+$/.test(v.videoLink)) fieldError("videoLink", "Enter the video link, starting https://");
  const startMinutes = minutesOf(v.startTime);
  const start = londonInstant(v.date, startMinutes);
  const end = new Date(start.getTime() + v.durationMinutes * 60_000);
  if (start < now) fieldError("startTime", "The meeting must start in the future");
  const venueId = v.mode === "VENUE" ? v.venueId : null;

  const booked = await transaction(async (tx) => {
    let afterDeadline = false;
    let notArrangedStarted = false;
    let caseRow: { kind: string; mediatorId: string | null } = { kind: "MEDIATION", mediatorId: null };
    const r = await applyTransition(tx, user, v.caseId, "scheduleMeeting", v.expectedVersion, { meetingOn: v.date, shortNoticeAgreed: v.shortNoticeAgreed }, ip, async (plan) => {
      notArrangedStarted = plan.starts.includes("CERTIFICATE_NOT_ARRANGED");
      const c = await tx.case.findUniqueOrThrow({
        where: { id: v.caseId },
        select: { kind: true, localAuthorityId: true, allocatedMediatorId: true, deadlines: { where: { closedOn: null, name: { in: [...MEDIATION_CLOCKS] } }, select: { dueOn: true } } },
      });
      caseRow = { kind: c.kind, mediatorId: c.allocatedMediatorId };
      if (!c.allocatedMediatorId) fieldError("date", "Allocate a mediator before booking the meeting.");
      if (venueId) {
        const venue = await tx.venue.findFirst({ where: { id: venueId, active: true, OR: [{ localAuthorityId: c.localAuthorityId }, { localAuthorityId: null }] }, select: { id: true } });
        if (!venue) fieldError("venueId", "Choose a venue from the list");
      }
      // after the last day, the family may still mediate, but say why it was not sooner,
      // and confirm having read what it means (the form shows the warning before saving).
      const due = c.deadlines[0] ? isoFromDbDate(c.deadlines[0].dueOn) : undefined;
      afterDeadline = !!due && v.date > due;
      if (afterDeadline && (v.lateReason === "" || !v.confirmAfterLastDay)) {
        const errors: Record<string, string> = {};
        if (!v.confirmAfterLastDay) errors.confirmAfterLastDay = afterLastDayWarning(due!);
        if (v.lateReason === "") errors.lateReason = `The meeting is after ${formatLongDate(due!)}, the day mediation must take place by (R-20): say why it cannot be held by then (R-23).`;
        throw new DomainError(Object.values(errors)[0]!, "AFTER_LAST_DAY", errors);
      }
      // Still free? The mediator's other meetings (with travel between venues) and the venue's.
      const travel = (await availabilityOf(tx, c.allocatedMediatorId!, v.date, v.date)).travelMinutes * 60_000;
      const others = await tx.meeting.findMany({
        where: {
          status: "SCHEDULED",
          NOT: { caseId: v.caseId, kind: { in: ["JOINT_MEETING", "DRS_MEETING"] } },
          OR: [{ mediatorId: c.allocatedMediatorId }, ...(venueId ? [{ venueId }] : [])],
          startsAt: { lt: new Date(end.getTime() + travel) },
          endsAt: { gt: new Date(start.getTime() - travel) },
        },
        select: { id: true, startsAt: true, endsAt: true, venueId: true, mode: true, mediatorId: true },
      });
      const clash = others.find((m) => {
        const place = placeOf(m); // a pre-meeting visit is somewhere else too
        const gap = m.mediatorId === c.allocatedMediatorId && place && venueId && place !== venueId ? travel : 0;
        return m.startsAt.getTime() < end.getTime() + gap && start.getTime() < m.endsAt.getTime() + gap;
      });
      if (clash) {
        const who = clash.mediatorId === c.allocatedMediatorId ? "The mediator has another meeting" : "The venue is booked";
        fieldError("startTime", `${who} then. Choose another time.`);
      }
    });

    const existing = await tx.meeting.findFirst({
      where: { caseId: v.caseId, kind: { in: ["JOINT_MEETING", "DRS_MEETING"] }, status: "SCHEDULED" },
      select: { id: true, startsAt: true, endsAt: true, sequence: true, mode: true, venue: { select: { name: true } } },
    });
    const data = {
      mode: v.mode,
      venueId,
      videoLink: v.mode === "VIDEO" ? v.videoLink : null,
      startsAt: start,
      endsAt: end,
      // set when the invitations giving notice of this date and place have gone (the job).
      noticeSentOn: null,
      shortNoticeAgreed: v.shortNoticeAgreed,
      lateReason: afterDeadline ? v.lateReason : null,
      mediatorId: caseRow.mediatorId,
    };
    const meeting = existing
      ? await tx.meeting.update({ where: { id: existing.id }, data: { ...data, sequence: existing.sequence + 1 }, select: { id: true, sequence: true } })
      : await tx.meeting.create({ data: { ...data, caseId: v.caseId, kind: caseRow.kind === "DRS" ? "DRS_MEETING" : "JOINT_MEETING", createdById: user.id }, select: { id: true, sequence: true } });
    if (!existing) {
      // everyone on the case is invited by default, but those who declined (and, for
      // mediation, a school or setting: others attend only with everyone's consent).
      const parties = await tx.party.findMany({ where: { caseId: v.caseId }, select: { id: true, kind: true, consent: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      const invited = parties.filter((p) => invitedByDefault(caseRow.kind, p));
      if (invited.length) await tx.meetingAttendee.createMany({ data: invited.map((p) => ({ caseId: v.caseId, meetingId: meeting.id, partyId: p.id })) });
    }
    const venueName = venueId ? (await tx.venue.findUnique({ where: { id: venueId }, select: { name: true } }))?.name : null;
    await recordMeetingChange(tx, {
      caseId: v.caseId,
      meetingId: meeting.id,
      kind: existing ? "MOVED" : "BOOKED",
      from: existing ? { startsAt: existing.startsAt, endsAt: existing.endsAt, place: placeName(existing.mode, existing.venue?.name) } : null,
      to: { startsAt: start, endsAt: end, place: placeName(v.mode, venueName) },
      sequence: meeting.sequence,
      actorId: user.id,
    });
    await writeAudit(tx, {
      actor: user,
      action: existing ? "meeting.moved" : "meeting.booked",
      entityType: "Meeting",
      entityId: meeting.id,
      caseId: v.caseId,
      before: existing ? { startsAt: existing.startsAt.toISOString(), sequence: existing.sequence } : null,
      after: { startsAt: start.toISOString(), endsAt: end.toISOString(), mode: v.mode, venueId, sequence: meeting.sequence, startTime: hhmm(startMinutes) },
      ip,
    });
    await enqueueMeetingInvitations(tx, { meetingId: meeting.id, kind: existing ? "MOVED" : "BOOKED", sequence: meeting.sequence });
    return { caseId: v.caseId, meetingId: meeting.id, moved: !!existing, version: r.version, afterDeadline, notArrangedStarted };
  });
  return booked;
}

/** what booking after the last day means, said before it is saved. */
export function afterLastDayWarning(lastDay: string): string {
  return (
    `The meeting is after ${formatLongDate(lastDay)}, the day mediation must take place by (R-20). Confirm that you want to book it: the case will show that mediation ` +
    "could not take place within 30 days, and a “could not be arranged” certificate will be due within 3 working days (R-23). The family can still mediate."
  );
}
