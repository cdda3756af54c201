/**
 * A caseworker (or admin) changes a venue's details (issue 10). Meetings already booked there keep
 * their venue and pick up its new details (the invitation reads them when it is sent). Audited with
 * what it was and what it is now, in the same transaction.
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { parseInput, VALIDATION_MESSAGE } from "@/lib/platform/validation";
import { VENUE_FIELD_ORDER, venueSchema, type VenueInput } from "./venue-schema";
import { assertVenueLocalAuthority, findVenueOrThrow, VENUE_AUDIT_SELECT, venueAuditValues } from "./store";

export async function updateVenue(user: SessionUser, id: string, input: VenueInput, ip: string | null = null): Promise<{ id: string }> {
  authorize(user, "venue:manage", { hide: false });
  const v = parseInput(venueSchema, input, { order: VENUE_FIELD_ORDER, summary: VALIDATION_MESSAGE });
  return transaction(async (tx) => {
    const before = await findVenueOrThrow(user, id, { id: true, ...VENUE_AUDIT_SELECT }, tx);
    await assertVenueLocalAuthority(tx, v.localAuthorityId);
    await tx.venue.update({ where: { id: before.id }, data: v });
    await writeAudit(tx, {
      actor: user,
      action: "venue.updated",
      entityType: "Venue",
      entityId: before.id,
      before: venueAuditValues(before),
      after: venueAuditValues({ ...v, active: before.active }),
      ip,
    });
    return { id: before.id };
  });
}
