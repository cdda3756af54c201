/**
 * A caseworker (or admin) adds a venue (issue 10): its name, address, the local authority it serves
 * (none: every LA's cases) and its access details. From then on "find a time" offers it for the
 * cases of that LA. Audited in the same transaction.
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { parseInput, VALIDATION_MESSAGE } from "@/lib/platform/validation";
import { VENUE_FIELD_ORDER, venueSchema, type VenueInput } from "./venue-schema";
import { assertVenueLocalAuthority, venueAuditValues } from "./store";

export async function addVenue(user: SessionUser, input: VenueInput, ip: string | null = null): Promise<{ id: string }> {
  authorize(user, "venue:manage", { hide: false });
  const v = parseInput(venueSchema, input, { order: VENUE_FIELD_ORDER, summary: VALIDATION_MESSAGE });
  return transaction(async (tx) => {
    await assertVenueLocalAuthority(tx, v.localAuthorityId);
    const created = await tx.venue.create({ data: v, select: { id: true } });
    await writeAudit(tx, { actor: user, action: "venue.added", entityType: "Venue", entityId: created.id, after: venueAuditValues({ ...v, active: true }), ip });
    return created;
  });
}
