/**
 * The local authorities a new case can be for: public information, also listed on /refer. Only
 * those in use: a local authority an admin deactivated (issue 13, decision 0029) is not offered
 * for a new referral, though its existing cases keep working.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { VALIDATION_MESSAGE } from "@/lib/platform/validation";
import { DomainError } from "@/lib/platform/errors";

export type LocalAuthorityOption = { id: string; name: string };

export async function listLocalAuthoritiesForIntake(): Promise<LocalAuthorityOption[]> {
  return db().localAuthority.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** A chosen local authority must exist and be in use; otherwise a message on the form's field. */
export async function assertLocalAuthority(id: string, field: string, message: string): Promise<void> {
  const la = await db().localAuthority.findUnique({ where: { id }, select: { active: true } });
  if (!la?.active) throw new DomainError(VALIDATION_MESSAGE, "VALIDATION", { [field]: message });
}
