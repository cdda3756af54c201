/**
 * The local authorities a case can be for: public information, also listed on /refer.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { VALIDATION_MESSAGE } from "@/lib/platform/validation";
import { DomainError } from "@/lib/platform/errors";

export type LocalAuthorityOption = { id: string; name: string };

export async function listLocalAuthoritiesForIntake(): Promise<LocalAuthorityOption[]> {
  return db().localAuthority.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** A chosen local authority must exist; otherwise a message on the form's field. */
export async function assertLocalAuthority(id: string, field: string, message: string): Promise<void> {
  const la = await db().localAuthority.findUnique({ where: { id }, select: { id: true } });
  if (!la) throw new DomainError(VALIDATION_MESSAGE, "VALIDATION", { [field]: message });
}
