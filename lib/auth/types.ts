export const ROLES = ["ADMIN", "CASEWORKER", "MEDIATOR", "LA_OFFICER", "PARENT"] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = ["ADMIN", "CASEWORKER", "MEDIATOR", "LA_OFFICER"];

/** The signed-in user as every lib/ function receives it. Loaded fresh from the database per request. */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Set for LA officers only: their tenant. */
  localAuthorityId: string | null;
  /** a caseworker or admin who is the provider's safeguarding lead (User.safeguardingLead). */
  safeguardingLead?: boolean;
  /** Issue 13: the user has the TOTP second sign-in step on (required for admins: app/_server/auth.ts). */
  secondFactor?: boolean;
};

/**
 * Work a command leaves for after the answer has been sent (an email), so that it never changes
 * how long the answer takes; the app runs it with Next's `after()`. It never throws.
 */
export type FollowUp = () => Promise<void>;

/** Where each role lands after signing in (issue 2, item 8). */
export const HOME_BY_ROLE: Record<Role, string> = {
  ADMIN: "/admin",
  CASEWORKER: "/cases",
  MEDIATOR: "/mediator",
  LA_OFFICER: "/la",
  PARENT: "/my-case",
};

/** A record outside the user's scope: shown as 404, never 403, so its existence is not revealed. */
export class NotFoundError extends Error {
  constructor(what = "record") {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** The user may see the record but not do this to it. */
export class ForbiddenError extends Error {
  constructor(message = "You do not have permission to do that.") {
    super(message);
    this.name = "ForbiddenError";
  }
}
