/**
 * A caseworker (or admin) stops using a venue (issue 10): it is no longer offered by "find a time"
 * or accepted for a new booking, but meetings already booked there keep it (the page lists them,
 * so they can be moved), and its history stays. The way to retire a venue with bookings; one with
 * none may be deleted (./delete-venue.ts). Audited.
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { findVenueOrThrow } from "./store";

export async function deactivateVenue(user: SessionUser, id: string, ip: string | null = null, now = new Date()): Promise<{ id: string; upcomingBookings: number }> {
  authorize(user, "venue:manage", { hide: false });
  return transaction(async (tx) => {
    const v = await findVenueOrThrow(user, id, { id: true, active: true }, tx);
    if (!v.active) throw new DomainError("This venue is already deactivated.", "ALREADY_INACTIVE");
    await tx.venue.update({ where: { id: v.id }, data: { active: false } });
    const upcomingBookings = await tx.meeting.count({ where: { venueId: v.id, status: "SCHEDULED", startsAt: { gte: now } } });
    await writeAudit(tx, { actor: user, action: "venue.deactivated", entityType: "Venue", entityId: v.id, before: { active: true }, after: { active: false, upcomingBookings }, ip });
    return { id: v.id, upcomingBookings };
  });
}
