/**
 * For /venues/[id] (issue 10): a venue's details to change, whether it is in use, its upcoming
 * bookings (soonest first: a venue being retired still has them, and they may need moving) and
 * whether it has ever been booked (a venue with bookings is deactivated, never deleted). Admins
 * and caseworkers only (404 for anyone else, and for a venue that does not exist).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { localAuthorityScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { hhmm, londonWallClock } from "../london-time";
import { findVenueOrThrow } from "./store";
import { ACCESS_FEATURES } from "./venue-schema";

/** How many upcoming bookings the page lists. */
export const VENUE_BOOKINGS_SHOWN = 50;

export const MEETING_KIND_LABELS: Record<string, string> = { JOINT_MEETING: "Joint meeting", DRS_MEETING: "Disagreement resolution meeting", PRE_MEETING: "Pre-meeting" };

export type VenueBooking = { id: string; caseId: string; reference: string; kind: string; date: string; startTime: string; endTime: string };

export async function getVenue(user: SessionUser, id: string, now = new Date()) {
  authorize(user, "venue:manage");
  const v = await findVenueOrThrow(user, id, {
    id: true,
    name: true,
    address: true,
    localAuthorityId: true,
    stepFreeAccess: true,
    hearingLoop: true,
    parking: true,
    notes: true,
    active: true,
    localAuthority: { select: { name: true } },
    _count: { select: { meetings: true } },
  });
  const upcomingWhere = { venueId: v.id, status: "SCHEDULED" as const, startsAt: { gte: now } };
  const [upcoming, upcomingCount, localAuthorities] = await Promise.all([
    db().meeting.findMany({
      where: upcomingWhere,
      orderBy: { startsAt: "asc" },
      take: VENUE_BOOKINGS_SHOWN,
      select: { id: true, kind: true, startsAt: true, endsAt: true, case: { select: { id: true, reference: true } } },
    }),
    db().meeting.count({ where: upcomingWhere }),
    db().localAuthority.findMany({ where: localAuthorityScope(user), select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    id: v.id,
    name: v.name,
    active: v.active,
    localAuthority: v.localAuthority?.name ?? null,
    /** The form's starting values, as the form posts them. */
    values: {
      name: v.name,
      address: v.address,
      localAuthorityId: v.localAuthorityId ?? "",
      access: ACCESS_FEATURES.filter((f) => v[f]).join(","),
      notes: v.notes ?? "",
    },
    access: { stepFreeAccess: v.stepFreeAccess, hearingLoop: v.hearingLoop, parking: v.parking },
    /** Ever booked (any meeting, past or cancelled too): then it can only be deactivated. */
    hasBookings: v._count.meetings > 0,
    upcomingCount,
    upcoming: upcoming.map((m): VenueBooking => {
      const s = londonWallClock(m.startsAt);
      return { id: m.id, caseId: m.case.id, reference: m.case.reference, kind: MEETING_KIND_LABELS[m.kind] ?? m.kind, date: s.date, startTime: hhmm(s.minutes), endTime: hhmm(londonWallClock(m.endsAt).minutes) };
    }),
    localAuthorities,
  };
}

export type VenuePage = Awaited<ReturnType<typeof getVenue>>;
