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
  /**
   * writing case notes (pre-meeting notes, the mediator's private notes), sharing them with
   * the case team and marking one as a safeguarding concern: the allocated mediator only (the
   * command checks the allocation). Who may read a note is caseNoteScope (./scope.ts).
   */
  "case:write-notes": ["MEDIATOR"],
  /** notes marked as a safeguarding concern; only for a user who is a safeguarding lead (CAPABILITIES). */
  "case:read-safeguarding": ["ADMIN", "CASEWORKER"],
  /** The case's emails that could not be delivered (issue 10): the office that can put it right. */
  "case:read-undelivered-emails": ["ADMIN", "CASEWORKER"],
  "audit:read": ["ADMIN"],
  "user:unlock-sign-in": ["ADMIN"],
  /** Who may see the list of mediators (the case list's filter, allocation): the mediation service's office. */
  "mediator:list": ["ADMIN", "CASEWORKER"],
  "mediator:workspace": ["MEDIATOR"],
  /** Issue 10: the venues meetings are held at (per LA, with access details), kept by the office. */
  "venue:manage": ["ADMIN", "CASEWORKER"],
  /**
   * Issue 10: a case's meetings — the pre-meetings with each party, who is invited to the joint
   * meeting, their answers and needs; the mediator only on their own cases (scope).
   */
  "meeting:manage": ["ADMIN", "CASEWORKER", "MEDIATOR"],
  /**
   * Issue 11: record progress on an agreed action, mark it done or close it with a reason — the LA
   * officer (their own LA's cases only: obligationScope) and the mediation service's office.
   */
  "obligation:update": ["ADMIN", "CASEWORKER", "LA_OFFICER"],
  "la:workspace": ["LA_OFFICER"],
  "family:workspace": ["PARENT"],
  /** Sealed documents (lib/platform/documents): SHARED ones by everyone who may read the case … */
  "document:read": ["ADMIN", "CASEWORKER", "MEDIATOR", "LA_OFFICER", "PARENT"],
  /** …STAFF ones by the mediation service's staff only (never the LA or the family, R-80). */
  "document:read-staff": ["ADMIN", "CASEWORKER", "MEDIATOR"],
  /**
   * Issue 11: draft an agreement or DRS outcome statement, collect signatures in the room, send
   * signing links; the mediator only on their own cases (scope). The LA and the family
   * see the sealed document, never the draft.
   */
  "agreement:draft": ["ADMIN", "CASEWORKER", "MEDIATOR"],
  /** correcting an issued certificate (a new one supersedes it): the mediation service's office. */
  "certificate:correct": ["ADMIN", "CASEWORKER"],
  /**
   * Issue 12: the family answers the joint meeting's invitation themselves (coming, not coming,
   * what they need): only their own attendee row (the party linked to them), lib/family/meeting.
   */
  "meeting:respond": ["PARENT"],
  /**
   * Issue 12: the family writes their views and their child's views and uploads documents
   * on their own case (caseScope), shares them with the case team, removes an unshared upload.
   */
  "family-views:send": ["PARENT"],
  /**
   * Issue 12: reading what the family sent — the allocated mediator, and the case team once
   * the family shares it; the family their own. Never the LA. Which rows: familySubmissionScope.
   */
  "family-views:read": ["ADMIN", "CASEWORKER", "MEDIATOR", "PARENT"],
  /**
   * R-01 (decision 0022): the young person gives or withdraws their consent to a parent seeing their
   * case (/my-case/[caseId]/parent-access); only the family party on a young person's case
   * (familyPartyCaseScope), never a parent. A caseworker records consent given by phone or letter
   * with `case:update`.
   */
  "family:parent-access": ["PARENT"],
  /**
   * Issue 12: name the LA's attendee at the meeting and confirm their authority to resolve
   * the issues — the LA officer, on their own LA's cases only (laAttendeeScope), LA parties only.
   */
  "meeting:name-la-attendee": ["LA_OFFICER"],
  /**
   * Issue 13: the reports for commissioners (/reports, its case lists and CSV exports): the office
   * for every LA, an LA officer for their own LA only (reportLocalAuthorityScope). Counts and
   * references only, never staff-only text.
   */
  "report:read": ["ADMIN", "CASEWORKER", "LA_OFFICER"],
  /**
   * Issue 13 (/admin/users, decision 0027): invite staff, change their role and LA, deactivate and
   * re-activate them, unlock their sign-in, name safeguarding leads, reset their second step.
   */
  "user:manage": ["ADMIN"],
  /** Issue 13: a staff member's own second sign-in step (TOTP): optional for staff, required for admins. */
  "account:second-factor": ["ADMIN", "CASEWORKER", "MEDIATOR", "LA_OFFICER"],
  /**
   * Issue 13 (decision 0029): the reference data — local authorities, ICBs, the mediator panel
   * (accreditation, capacity, areas, conflicts of interest) and the holiday data's coverage.
   */
  "reference-data:manage": ["ADMIN"],
  /**
   * Issue 13 (decision 0030): send a standard email or letter from a case page (a correspondence
   * template filled with the case's shared facts, never staff-only text, R-80): the office.
   */
  "correspondence:send": ["ADMIN", "CASEWORKER"],
  /** Issue 13: edit the correspondence templates (/admin/templates), every version kept. */
  "correspondence:manage-templates": ["ADMIN"],
  /**
   * Issue 13 (decision 0028): data protection — subject access exports, the retention purge's dry
   * run, legal holds and erasure requests (lib/data-protection). The admins only.
   */
  "data-protection:manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * Permissions that need more than the role: a capability recorded on the user. R-81: a safeguarding
 * lead is a caseworker or admin the provider names (User.safeguardingLead), not a role of its own.
 */
const CAPABILITIES: Partial<Record<Permission, (user: SessionUser) => boolean>> = {
  "case:read-safeguarding": (user) => user.safeguardingLead === true,
};

export function can(user: SessionUser | null | undefined, permission: Permission): boolean {
  if (!user) return false;
  if (!(PERMISSIONS[permission] as readonly Role[]).includes(user.role)) return false;
  return CAPABILITIES[permission]?.(user) ?? true;
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
