/**
 * What the venue commands and queries share: the scoped "find this venue or 404" lookup (venues
 * are the office's: lib/auth/scope.ts `venueScope`), the check that a chosen local authority
 * exists, and a venue's values as an audit row keeps them.
 */
import "server-only";
import { db, type Prisma, type Tx } from "@/lib/platform/db";
import { venueScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { fieldError } from "@/lib/platform/validation";
import type { VenueValues } from "./venue-schema";

type Client = Pick<Tx, "venue">;

/** The venue `id` if the user may see it, with `select`; NotFoundError (→ 404) otherwise. */
export async function findVenueOrThrow<S extends Prisma.VenueSelect>(user: SessionUser, id: string, select: S, client: Client = db()): Promise<Prisma.VenueGetPayload<{ select: S }>> {
  const row = await client.venue.findFirst({ where: { AND: [{ id: typeof id === "string" ? id.slice(0, 200) : "" }, venueScope(user)] }, select });
  if (!row) throw new NotFoundError("venue");
  return row as Prisma.VenueGetPayload<{ select: S }>;
}

/** A chosen local authority must exist (the form offers only those). */
export async function assertVenueLocalAuthority(tx: Pick<Tx, "localAuthority">, id: string | null): Promise<void> {
  if (id === null) return;
  const la = await tx.localAuthority.findUnique({ where: { id }, select: { id: true } });
  if (!la) fieldError("localAuthorityId", "Choose a local authority from the list");
}

export const VENUE_AUDIT_SELECT = {
  name: true,
  address: true,
  localAuthorityId: true,
  stepFreeAccess: true,
  hearingLoop: true,
  parking: true,
  notes: true,
  active: true,
} satisfies Prisma.VenueSelect;

/**
 * A venue as its audit row keeps it. A venue's name and address are a public place's, not a
 * person's, so they are kept (as `venueName`, `venueAddress`: the audit trail redacts `name` and
 * `address`, which elsewhere are people's); its notes are free text and stay redacted (`notes`).
 */
export function venueAuditValues(v: Omit<VenueValues, "notes"> & { notes: string | null; active?: boolean }): Prisma.InputJsonObject {
  return {
    venueName: v.name,
    venueAddress: v.address,
    localAuthorityId: v.localAuthorityId,
    stepFreeAccess: v.stepFreeAccess,
    hearingLoop: v.hearingLoop,
    parking: v.parking,
    notes: v.notes,
    ...(v.active === undefined ? {} : { active: v.active }),
  };
}
