/**
 * What the staff-account commands share (issue 13, /admin/users, decision 0027): the scoped
 * "find this staff user or 404" (lib/auth/scope.ts staffUserScope), the row lock with the version
 * check (two admins editing the same person: the second is told, nothing is overwritten), the
 * version bump, and the rules every change keeps:
 *  - an LA officer belongs to one local authority; nobody else has one;
 *  - a safeguarding lead is a caseworker or an admin;
 *  - an admin cannot deactivate or demote themselves, and the last active admin stays one
 *    (changes that could remove an admin take one lock, so two admins removing each other at
 *    the same moment cannot both succeed).
 */
import "server-only";
import { z } from "zod";
import { db, type Prisma, type Tx } from "@/lib/platform/db";
import { staffUserScope } from "@/lib/auth/scope";
import { NotFoundError, type Role, type SessionUser } from "@/lib/auth/types";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { fieldError } from "@/lib/platform/validation";
import { choice } from "@/lib/cases/fields";

export const STAFF_ROLE_VALUES = ["ADMIN", "CASEWORKER", "MEDIATOR", "LA_OFFICER"] as const;
export type StaffRole = (typeof STAFF_ROLE_VALUES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  ADMIN: "Administrator",
  CASEWORKER: "Caseworker",
  MEDIATOR: "Mediator",
  LA_OFFICER: "Local authority officer",
};

/** who may be named a safeguarding lead. */
export const SAFEGUARDING_LEAD_ROLES: readonly Role[] = ["ADMIN", "CASEWORKER"];

export const USER_CONFLICT = "Someone else changed this user while you were working on it. Check their details as they are now, then try again.";
export const CANNOT_CHANGE_SELF = "You cannot change your own role or deactivate your own account. Ask another administrator.";
export const LAST_ADMIN = "This is the only active administrator. Make someone else an administrator first.";
export const LA_REQUIRED = "Choose the local authority this officer works for";
export const LA_NOT_ALLOWED = "Only local authority officers belong to a local authority. Choose “No local authority”";
export const NOT_A_LEAD_ROLE = "Only caseworkers and administrators can be safeguarding leads.";

export const roleField = choice(STAFF_ROLE_VALUES, "Choose a role");
export const idField = z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().min(1, "Choose a user").max(64, "Choose a user from the list"));
export const versionField = z.preprocess((v) => (typeof v === "string" && /^\d{1,9}$/.test(v.trim()) ? Number(v) : typeof v === "number" ? v : -1), z.number().int().min(0, USER_CONFLICT));
export const laField = z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(64, "Choose a local authority from the list"));

type Client = Pick<Tx, "user">;

/** The staff user `id` if the admin may manage them, with `select`; NotFoundError (→ 404) otherwise. */
export async function findStaffUserOrThrow<S extends Prisma.UserSelect>(admin: SessionUser, id: string, select: S, client: Client = db()): Promise<Prisma.UserGetPayload<{ select: S }>> {
  const row = await client.user.findFirst({ where: { AND: [{ id: typeof id === "string" ? id.slice(0, 64) : "" }, staffUserScope(admin)] }, select });
  if (!row) throw new NotFoundError("user");
  return row as Prisma.UserGetPayload<{ select: S }>;
}

export type LockedUser = { id: string; email: string; name: string; role: StaffRole; localAuthorityId: string | null; active: boolean; safeguardingLead: boolean; version: number; passwordHash: string | null; totpEnabledAt: Date | null };

/**
 * Locks the user's row and checks the version the admin saw. Changes that may remove an admin
 * (`adminGuard`) first take one transaction lock shared by all of them.
 */
export async function lockStaffUser(tx: Tx, admin: SessionUser, id: string, expectedVersion: number, opts: { adminGuard?: boolean } = {}): Promise<LockedUser> {
  await findStaffUserOrThrow(admin, id, { id: true }, tx);
  if (opts.adminGuard) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('admin-users:last-admin'))`;
  const rows = await tx.$queryRaw<LockedUser[]>`
    SELECT "id", "email", "name", "role"::text AS "role", "localAuthorityId", "active", "safeguardingLead", "version", "passwordHash", "totpEnabledAt"
    FROM "User" WHERE "id" = ${id} FOR UPDATE`;
  const u = rows[0];
  if (!u) throw new NotFoundError("user");
  if (u.version !== expectedVersion) throw new ConflictError(USER_CONFLICT, { currentVersion: u.version });
  return u;
}

/** Refuses a change that leaves no active administrator (call under the admin guard lock). */
export async function assertAnotherActiveAdmin(tx: Tx, userId: string): Promise<void> {
  const others = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: userId } } });
  if (others === 0) throw new DomainError(LAST_ADMIN, "LAST_ADMIN");
}

/** The local authority a role takes: required (and existing) for LA officers, none for others. */
export async function localAuthorityForRole(tx: Pick<Tx, "localAuthority">, role: StaffRole, laId: string, field = "localAuthorityId"): Promise<string | null> {
  if (role !== "LA_OFFICER") {
    if (laId !== "") fieldError(field, LA_NOT_ALLOWED);
    return null;
  }
  if (laId === "") fieldError(field, LA_REQUIRED);
  const la = await tx.localAuthority.findUnique({ where: { id: laId }, select: { id: true } });
  if (!la) fieldError(field, "Choose a local authority from the list");
  return la.id;
}
