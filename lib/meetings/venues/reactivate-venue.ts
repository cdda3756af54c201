/** A caseworker (or admin) uses a deactivated venue again (issue 10): "find a time" offers it again. Audited. */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { findVenueOrThrow } from "./store";

export async function reactivateVenue(user: SessionUser, id: string, ip: string | null = null): Promise<{ id: string }> {
  authorize(user, "venue:manage", { hide: false });
  return transaction(async (tx) => {
    const v = await findVenueOrThrow(user, id, { id: true, active: true }, tx);
    if (v.active) throw new DomainError("This venue is already in use.", "ALREADY_ACTIVE");
    await tx.venue.update({ where: { id: v.id }, data: { active: true } });
    await writeAudit(tx, { actor: user, action: "venue.reactivated", entityType: "Venue", entityId: v.id, before: { active: false }, after: { active: true }, ip });
    return { id: v.id };
  });
}
