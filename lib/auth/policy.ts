/**
 * The one policy: which role may do what. Permission strings (`resource:action`) are checked by
 * `can`; record-level checks (own LA, own allocation, own case) are done by the scope builders in
 * ./scope.ts, which every read goes through. Writes call `authorize` before acting.
 */
import { ForbiddenError, NotFoundError, type Role, type SessionUser } from "./types";

export const PERMISSIONS = {
  "admin:access": ["ADMIN"],
  "case:list": ["ADMIN", "CASEWORKER", "MEDIATOR", "LA_OFFICER"],
  "case:read": ["ADMIN", "CASEWORKER", "MEDIATOR", "LA_OFFICER", "PARENT"],
  "case:create": ["ADMIN", "CASEWORKER"],
  "case:update": ["ADMIN", "CASEWORKER"],
  "case:allocate": ["ADMIN", "CASEWORKER"],
  "case:transition": ["ADMIN", "CASEWORKER", "MEDIATOR"],
  "case:read-private-notes": ["ADMIN", "CASEWORKER", "MEDIATOR"],
  "audit:read": ["ADMIN"],
  "user:unlock-sign-in": ["ADMIN"],
  /** Who may see the list of mediators (the case list's filter, allocation): the mediation service's office. */
  "mediator:list": ["ADMIN", "CASEWORKER"],
  "mediator:workspace": ["MEDIATOR"],
  /** Issue 10: the venues meetings are held at (per LA, with access details), kept by the office. */
  "venue:manage": ["ADMIN", "CASEWORKER"],
  /** Issue 10: the mediator's pre-meetings with each party (the allocated mediator: lib/auth/scope.ts). */
  "case:pre-meetings": ["ADMIN", "CASEWORKER", "MEDIATOR"],
  /** Issue 10: who is invited to a case's meeting, their answers and needs; the mediator only on their own cases (scope). */
  "meeting:manage": ["ADMIN", "CASEWORKER", "MEDIATOR"],
  "la:workspace": ["LA_OFFICER"],
  "family:workspace": ["PARENT"],
  /** Sealed documents (lib/platform/documents): SHARED ones by everyone who may read the case … */
  "document:read": ["ADMIN", "CASEWORKER", "MEDIATOR", "LA_OFFICER", "PARENT"],
  /** …STAFF ones by the mediation service's staff only (never the LA or the family, R-80). */
  "document:read-staff": ["ADMIN", "CASEWORKER", "MEDIATOR"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(user: SessionUser | null | undefined, permission: Permission): boolean {
  if (!user) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}

/**
 * Throws when the user lacks the permission. `hide` (the default for reads) turns the refusal into
 * a NotFoundError, so a page a role may not see is a 404, not a 403.
 */
export function authorize(user: SessionUser | null | undefined, permission: Permission, opts: { hide?: boolean } = {}): asserts user is SessionUser {
  if (can(user, permission)) return;
  if (opts.hide ?? true) throw new NotFoundError();
  throw new ForbiddenError();
}
