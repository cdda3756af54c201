/**
 * A caseworker (or admin) deletes a venue added by mistake (issue 10). Only a venue that has never
 * had a meeting booked: one with bookings (even cancelled or past ones, which are the case's
 * history) is deactivated instead (./deactivate-venue.ts). The audit row keeps what it was.
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { findVenueOrThrow, VENUE_AUDIT_SELECT, venueAuditValues } from "./store";

export const VENUE_HAS_BOOKINGS = "Meetings have been booked at this venue, so it cannot be deleted: deactivate it instead. It will no longer be offered, and its bookings stay.";

export async function deleteVenue(user: SessionUser, id: string, ip: string | null = null): Promise<void> {
  authorize(user, "venue:manage", { hide: false });
  await transaction(async (tx) => {
    const v = await findVenueOrThrow(user, id, { id: true, ...VENUE_AUDIT_SELECT, _count: { select: { meetings: true } } }, tx);
    if (v._count.meetings > 0) throw new DomainError(VENUE_HAS_BOOKINGS, "VENUE_HAS_BOOKINGS");
    await tx.venue.delete({ where: { id: v.id } });
    await writeAudit(tx, { actor: user, action: "venue.deleted", entityType: "Venue", entityId: v.id, before: venueAuditValues(v), ip });
  });
}
