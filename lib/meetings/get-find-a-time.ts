/**
 * For /cases/[id]/meeting (the allocated mediator, caseworkers, admins): "find a time" for the
 * joint meeting — the case's clock (R-20, or the ICB's for health only, R-21), the notice rule (R-22,
 * not DRS), the mediator's availability and bookings, the venues of the case's LA and the chosen
 * venue's bookings. NotFoundError (404) when the case is out of scope or the user may never
 * schedule its meeting.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { addCalendarDays, daysBetween, todayInLondon } from "@/lib/deadlines";
import { checkTransition, MEDIATION_CLOCKS, STATUS_LABELS } from "@/lib/cases/lifecycle";
import { findCaseOrThrow, SNAPSHOT_SELECT, toSnapshot } from "@/lib/cases/store";
import { authorityWarnings } from "@/lib/cases/parties/authority";
import { availabilityOf } from "./availability";
import { londonInstant } from "./london-time";
import { DEFAULT_HORIZON_DAYS, DEFAULT_JOINT_MEETING_MINUTES, findATime, placeOf, type Booking, type FindTimeResult } from "./find-a-time";

const BOOKING_SELECT = { id: true, startsAt: true, endsAt: true, venueId: true, mode: true, kind: true } as const;

/** The lengths a joint meeting can be booked for (2–3 hours). */
export const MEETING_LENGTHS = [120, 150, 180] as const;

export type FindATimePage = {
  case: { id: string; reference: string; kind: string; status: string; statusLabel: string; version: number };
  mediator: { id: string; name: string } | null;
  /** Why the meeting cannot be booked now (status, no mediator), or null. */
  refusal: string | null;
  venues: { id: string; name: string; address: string; stepFreeAccess: boolean; hearingLoop: boolean; parking: boolean }[];
  venueId: string | null;
  durationMinutes: number;
  availabilityRecorded: boolean;
  /** no LA (or ICB) representative with authority to resolve the issues is recorded. */
  authorityWarnings: string[];
  /** The day mediation must take place by (R-20; the ICB's for health only, R-21), or null (DRS). */
  lastDay: string | null;
  /**
   * showing times after the last day (asked for). Booking one means mediation could not take
   * place within 30 days: the page warns before saving.
   */
  late: boolean;
  /** Times after the last day can be looked for: a clock runs. */
  lateOffered: boolean;
  result: FindTimeResult | null;
};

/** How many days after the last day "times after the last day" looks. */
export const LATE_HORIZON_DAYS = 30;

export async function getFindATime(
  user: SessionUser,
  caseId: string,
  choice: { venueId?: string | null; durationMinutes?: number; late?: boolean } = {},
  now = new Date(),
): Promise<FindATimePage> {
  authorize(user, "case:transition");
  const c = await findCaseOrThrow(user, caseId, {
    ...SNAPSHOT_SELECT,
    reference: true,
    localAuthorityId: true,
    allocatedMediator: { select: { id: true, name: true } },
  });
  const snapshot = toSnapshot(c);
  const check = checkTransition(snapshot, "scheduleMeeting", { id: user.id, role: user.role });
  if (!check.ok && check.code === "ROLE_NOT_PERMITTED" && user.role === "MEDIATOR") throw new NotFoundError("case");
  if (!check.ok && (check.code === "ROLE_NOT_PERMITTED" || check.code === "UNKNOWN_TRANSITION")) throw new NotFoundError("transition");

  const venues = await db().venue.findMany({
    where: { active: true, OR: [{ localAuthorityId: c.localAuthorityId }, { localAuthorityId: null }] },
    select: { id: true, name: true, address: true, stepFreeAccess: true, hearingLoop: true, parking: true },
    orderBy: { name: "asc" },
  });
  const venueId = choice.venueId && venues.some((v) => v.id === choice.venueId) ? choice.venueId : null;
  const durationMinutes = MEETING_LENGTHS.includes(choice.durationMinutes as (typeof MEETING_LENGTHS)[number]) ? choice.durationMinutes! : DEFAULT_JOINT_MEETING_MINUTES;
  const page: FindATimePage = {
    case: { id: c.id, reference: c.reference, kind: c.kind, status: c.status, statusLabel: STATUS_LABELS[c.status], version: c.version },
    mediator: c.allocatedMediator,
    refusal: check.ok ? null : check.message,
    venues,
    venueId,
    durationMinutes,
    availabilityRecorded: false,
    authorityWarnings: authorityWarnings({
      kind: c.kind,
      hasHealthIssue: snapshot.hasHealthIssue,
      parties: await db().party.findMany({ where: { caseId: c.id }, select: { kind: true, hasAuthority: true } }),
    }),
    lastDay: null,
    late: false,
    lateOffered: false,
    result: null,
  };
  if (!check.ok || !c.allocatedMediator) return page;

  const today = todayInLondon(now);
  // the last day of whichever clock runs; none for DRS.
  const clock = MEDIATION_CLOCKS.map((dl) => snapshot.dates?.openDeadlineDates[dl]?.dueOn).find(Boolean) ?? null;
  // after the last day, up to LATE_HORIZON_DAYS days beyond it (or beyond today, once it has passed).
  const late = !!choice.late && clock !== null;
  const lateFrom = clock ? addCalendarDays(clock, 1) : null;
  const until = late ? addCalendarDays(lateFrom! > today ? lateFrom! : today, LATE_HORIZON_DAYS) : clock && clock > today ? clock : addCalendarDays(today, DEFAULT_HORIZON_DAYS);
  const availability = await availabilityOf(db(), c.allocatedMediator.id, today, until);
  const range = { gte: now, lt: londonInstant(addCalendarDays(until, 1), 0) };
  const [mine, atVenue] = await Promise.all([
    db().meeting.findMany({
      where: { mediatorId: c.allocatedMediator.id, status: "SCHEDULED", startsAt: range, NOT: { caseId: c.id, kind: "JOINT_MEETING" } },
      select: BOOKING_SELECT,
    }),
    venueId ? db().meeting.findMany({ where: { venueId, status: "SCHEDULED", startsAt: range, NOT: { caseId: c.id, kind: "JOINT_MEETING" } }, select: BOOKING_SELECT }) : [],
  ]);
  // The mediator's pre-meetings are bookings too (a visit needs travel to and from it), but only
  // joint meetings count towards their daily cap.
  const toBooking = (m: { id: string; startsAt: Date; endsAt: Date; venueId: string | null; mode: string; kind: string }): Booking => ({
    start: m.startsAt,
    end: m.endsAt,
    venueId: placeOf(m),
    joint: m.kind !== "PRE_MEETING",
  });
  page.availabilityRecorded = availability.recorded;
  page.lastDay = clock;
  page.late = late;
  page.result = findATime({
    noticeSentOn: today,
    noticeApplies: c.kind === "MEDIATION", // R-22 binds mediation, not DRS
    // Times after the last day: from the day after it to `until` (no last day of their own).
    lastDay: late ? null : clock,
    ...(late ? { from: lateFrom!, horizonDays: daysBetween(today, until) } : {}),
    hours: availability.hours,
    daysOff: availability.daysOff,
    maxJointMeetingsPerDay: availability.maxJointMeetingsPerDay,
    mediatorBookings: mine.map(toBooking),
    venueId,
    venueBookings: atVenue.map(toBooking),
    travelMinutes: availability.travelMinutes,
    durationMinutes,
    now,
  });
  page.lateOffered = !late && clock !== null;
  return page;
}
