/**
 * THE ROUTE MATRIX (decision 0024): for every page and route handler under app/ (and every page
 * under pages/: the family's pages, decision 0038), what each actor gets. tests/e2e/authorization-matrix.spec.ts finds the routes in app/ itself and fails for a
 * route with no row here (and for a row whose route no longer exists).
 *
 * Adding a route: one row, in the section it belongs to, e.g.
 *
 *   { route: "/cases/[id]/letters", params: (f) => ({ id: f.caseId }), expect: signedIn({ ...only(OFFICE, ok("Letters")) }) },
 *
 * - `route`: the route as its folder path under app/ (route groups `(x)` left out, `[param]` kept).
 * - `params`: fills each `[param]` from the fixtures (tests/authz/fixtures.ts); `query`: a query string.
 * - `expect`: an outcome for EVERY actor (the type checks it). Build it with `signedIn({...})`
 *   (unlisted signed-in actors: 404, signed-out ones: the sign-in page) or `everyone(outcome)`.
 *   Outcomes: ok(marker) — 200 and the marker in the body; NOT_FOUND; SIGN_IN (a redirect to
 *   /sign-in); redirectTo(path); status(n).
 * Case-scoped routes are asked about case A; a route may have several rows (e.g. one per kind of
 * document), each with its own `label`.
 * Whatever the row says, no answer to an actor outside case A (BLIND_TO_CASE_A) may hold case A's
 * reference or the young person's name.
 */
import type { Actor, AuthzFixtures, SignedInActor } from "./fixtures";
import { ACTORS, SIGNED_OUT_ACTORS } from "./fixtures";

export type Marker = string | ((f: AuthzFixtures) => string);
export type PageOutcome = { kind: "ok"; marker: Marker } | { kind: "404" } | { kind: "sign-in" } | { kind: "redirect"; to: Marker } | { kind: "status"; status: number };

export const ok = (marker: Marker): PageOutcome => ({ kind: "ok", marker });
export const NOT_FOUND: PageOutcome = { kind: "404" };
export const SIGN_IN: PageOutcome = { kind: "sign-in" };
export const redirectTo = (to: Marker): PageOutcome => ({ kind: "redirect", to });
export const status = (s: number): PageOutcome => ({ kind: "status", status: s });

/** The mediation service's office; with the allocated mediator, the staff who work the case. */
export const OFFICE = ["caseworker", "admin"] as const satisfies readonly SignedInActor[];
export const CASE_STAFF = ["caseworker", "admin", "mediator"] as const satisfies readonly SignedInActor[];
/** Actors who may not know case A exists. */
export const BLIND_TO_CASE_A = ["otherMediator", "otherFamily", "ypParent", "otherLaOfficer", "signedOut", "expiredLink"] as const satisfies readonly Actor[];

/** The same outcome for each of `actors`: spread it into signedIn({...}). */
export function only(actors: readonly Actor[], outcome: PageOutcome): Partial<Record<Actor, PageOutcome>> {
  return Object.fromEntries(actors.map((a) => [a, outcome]));
}

/** A signed-in route: the listed actors as given; any other signed-in actor 404; signed out, the sign-in page. */
export function signedIn(allowed: Partial<Record<Actor, PageOutcome>>): Record<Actor, PageOutcome> {
  const out = Object.fromEntries(ACTORS.map((a) => [a, (SIGNED_OUT_ACTORS as readonly Actor[]).includes(a) ? SIGN_IN : NOT_FOUND])) as Record<Actor, PageOutcome>;
  return { ...out, ...allowed };
}

/** The same for everyone (a public page), with exceptions. */
export function everyone(outcome: PageOutcome, except: Partial<Record<Actor, PageOutcome>> = {}): Record<Actor, PageOutcome> {
  return { ...(Object.fromEntries(ACTORS.map((a) => [a, outcome])) as Record<Actor, PageOutcome>), ...except };
}

export type RouteRow = {
  route: string;
  label?: string;
  method?: "GET" | "POST";
  params?: (f: AuthzFixtures, actor: Actor) => Record<string, string>;
  /** A query string, or one made from the fixtures (e.g. an LA's id). */
  query?: string | ((f: AuthzFixtures) => string);
  expect: Record<Actor, PageOutcome>;
};

const HOMES: Record<SignedInActor, PageOutcome> = {
  caseworker: redirectTo("/cases"),
  admin: redirectTo("/admin"),
  mediator: redirectTo("/mediator"),
  otherMediator: redirectTo("/mediator"),
  family: redirectTo("/my-case"),
  otherFamily: redirectTo("/my-case"),
  ypParent: redirectTo("/my-case"),
  laOfficer: redirectTo("/la"),
  otherLaOfficer: redirectTo("/la"),
};
const caseA = (f: AuthzFixtures) => ({ id: f.caseId });
const reference = (f: AuthzFixtures) => f.caseReference;

export const ROUTE_MATRIX: RouteRow[] = [
  // ── Public pages and handlers ────────────────────────────────────────────────────────────────
  { route: "/", expect: { ...HOMES, signedOut: SIGN_IN, expiredLink: SIGN_IN } },
  { route: "/sign-in", expect: { ...HOMES, signedOut: ok("Sign in"), expiredLink: ok("Sign in") } },
  { route: "/sign-in/family", expect: everyone(ok("Get a sign-in link")) },
  // The form posts to its own page (decision 0038): nothing in it → the page again with the error summary.
  { route: "/sign-in/family", method: "POST", expect: everyone(ok("There is a problem")) },
  { route: "/sign-in/family/check-email", expect: everyone(ok("Check your email")) },
  { route: "/sign-in/family/verify", expect: everyone(ok("This sign-in link is not complete")) },
  { route: "/refer", expect: everyone(ok("Ask for mediation")) },
  { route: "/refer", method: "POST", expect: everyone(ok("There is a problem")) },
  { route: "/refer/done", expect: everyone(ok("Request sent")) },
  { route: "/deadline-calculator", expect: everyone(ok("<h1")) },
  { route: "/verify", expect: everyone(ok("Check a document")) },
  { route: "/verify/[code]", label: "a sealed document's code", params: (f) => ({ code: f.sharedDocumentCode }), expect: everyone(ok("Check a document")) },
  { route: "/verify/[code]", method: "POST", label: "a sealed document's code", params: (f) => ({ code: f.sharedDocumentCode }), expect: everyone(ok("There is a problem")) },
  { route: "/sign/done", query: "outcome=signed", expect: everyone(ok("<h1")) },
  {
    route: "/sign/[token]",
    label: "an expired signing link (a made-up one for everyone else)",
    params: (f, actor) => ({ token: actor === "expiredLink" ? f.expiredSigningToken : "A".repeat(43) }),
    expect: everyone(NOT_FOUND, { expiredLink: ok("This signing link has expired") }),
  },
  // The answer posts to the page itself (decision 0038): the same outcome for a post with nothing in it.
  {
    route: "/sign/[token]",
    method: "POST",
    label: "an expired signing link (a made-up one for everyone else)",
    params: (f, actor) => ({ token: actor === "expiredLink" ? f.expiredSigningToken : "A".repeat(43) }),
    expect: everyone(NOT_FOUND, { expiredLink: ok("This signing link has expired") }),
  },
  // Issue 13: the code step without a pending sign-in, and a made-up set-password link.
  { route: "/sign-in/code", expect: everyone(ok("Sign in again")) },
  { route: "/set-password/[token]", label: "a made-up set-password link", params: () => ({ token: "A".repeat(43) }), expect: everyone(ok("This link is not valid")) },
  // Development only: not found in the production build, for everyone.
  { route: "/dev/mailbox", expect: everyone(NOT_FOUND) },
  { route: "/api/health", expect: everyone(ok("ok")) },
  // Issue 14 (decision 0032): the benchmark's empty-route floor: nothing read, nothing said, for anyone.
  { route: "/api/empty", expect: everyone(status(204)) },
  // Issue 14 (decision 0040): the benchmark's empty-page floor: a heading, nothing read, for anyone.
  { route: "/empty", expect: everyone(ok("Empty page")) },
  // The same for the family's Pages Router pages (decisions 0038, 0040): no JavaScript.
  { route: "/empty-no-script", expect: everyone(ok("Empty page")) },
  { route: "/api/auth/[...nextauth]", label: "next-auth's session endpoint", params: () => ({ nextauth: "session" }), expect: everyone(ok("{")) },
  // A POST only: a link (GET) cannot sign anyone out.
  { route: "/sign-out", expect: everyone(status(405)) },

  // ── Homes and lists ─────────────────────────────────────────────────────────────────────────
  { route: "/admin", expect: signedIn({ admin: ok("Administration") }) },
  { route: "/admin/jobs", expect: signedIn({ admin: ok("Failed jobs") }) },
  // Issue 13 (decision 0030): the correspondence templates, admins only.
  { route: "/admin/templates", expect: signedIn({ admin: ok("Letter and email templates") }) },
  { route: "/admin/templates/[key]", label: "a standard template", params: () => ({ key: "acknowledgement" }), expect: signedIn({ admin: ok("Placeholders you can use") }) },
  // A job that does not exist: not found for the admin too (the permission is /admin/jobs' row).
  { route: "/admin/jobs/retry", query: "queue=outbox-delivery&id=00000000-0000-0000-0000-000000000000", expect: signedIn({}) },
  // Issue 13: the audit trail and its CSV (the export asked for one action only, to keep it short).
  { route: "/admin/audit", expect: signedIn({ admin: ok("Audit trail") }) },
  { route: "/admin/audit/export", query: "action=export.downloaded", expect: signedIn({ admin: ok("When (UTC)") }) },
  { route: "/cases", expect: signedIn({ ...only([...CASE_STAFF, "otherMediator", "laOfficer", "otherLaOfficer"], ok("Cases")) }) },
  { route: "/mediator", expect: signedIn({ ...only(["mediator", "otherMediator"], ok("My cases")) }) },
  { route: "/mediator/availability", expect: signedIn({ ...only(["mediator", "otherMediator"], ok("Your availability")) }) },
  { route: "/la", expect: signedIn({ ...only(["laOfficer", "otherLaOfficer"], ok("Deadlines and actions")) }) },
  // Issue 12 (decision 0023): the CSV of the officer's own LA's outstanding deadlines; case A's reference only for case A's LA.
  { route: "/la/export.csv", expect: signedIn({ laOfficer: ok(reference), otherLaOfficer: ok("Due by") }) },
  // The family's home (issue 12, decision 0019): one case → its overview (the young person: case A;
  // the other family: theirs, never case A); none (the parent without the young person's consent) → the empty state.
  {
    route: "/my-case",
    expect: signedIn({ family: redirectTo((f) => `/my-case/${f.caseId}`), otherFamily: redirectTo((f) => `/my-case/${f.otherCaseId}`), ypParent: ok("We cannot find a case for you yet") }),
  },
  { route: "/my-case/[caseId]", params: (f) => ({ caseId: f.caseId }), expect: signedIn({ family: ok("What happens next") }) },
  { route: "/my-case/[caseId]/agreement", params: (f) => ({ caseId: f.caseId }), expect: signedIn({ family: ok("The agreement and what was agreed") }) },
  // Decision 0019: case A's agreement waits for the young person's signature.
  { route: "/my-case/[caseId]/agreement/sign", params: (f) => ({ caseId: f.caseId }), expect: signedIn({ family: ok("Sign the mediation agreement") }) },
  // R-01 (decision 0022): only the young person decides who else sees their case; their parent never may.
  { route: "/my-case/[caseId]/parent-access", params: (f) => ({ caseId: f.caseId }), expect: signedIn({ family: ok("Who can see your case") }) },
  // Decision 0038: the family's forms post to their own pages. A post with no form is refused on the
  // page (its error summary, nothing written) for the family; anyone else gets what a GET gets.
  { route: "/my-case/[caseId]/agreement/sign", method: "POST", params: (f) => ({ caseId: f.caseId }), expect: signedIn({ family: ok("There is a problem") }) },
  { route: "/my-case/[caseId]/parent-access", method: "POST", params: (f) => ({ caseId: f.caseId }), expect: signedIn({ family: ok("There is a problem") }) },
  { route: "/safeguarding", expect: signedIn({ admin: ok("Safeguarding concerns") }) },
  // Staff accounts (issue 13, decision 0027): the admin only; family accounts are not managed there.
  { route: "/admin/users", expect: signedIn({ admin: ok("Invite a user") }) },
  { route: "/admin/users/new", expect: signedIn({ admin: ok("Send invitation") }) },
  { route: "/admin/users/[id]", label: "the caseworker's account", params: (f) => ({ id: f.users.caseworker.id }), expect: signedIn({ admin: ok("Deactivate the account") }) },
  { route: "/admin/users/[id]", label: "a family account", params: (f) => ({ id: f.users.family.id }), expect: signedIn({}) },
  // Each staff member's own two-step sign-in; a family user has none.
  { route: "/account/two-step", expect: signedIn({ ...only(["caseworker", "admin", "mediator", "otherMediator", "laOfficer", "otherLaOfficer"], ok("Two-step sign-in")) }) },
  { route: "/venues", expect: signedIn({ ...only(OFFICE, ok("Venues")) }) },
  { route: "/venues/new", expect: signedIn({ ...only(OFFICE, ok("Add a venue")) }) },
  { route: "/venues/[id]", params: (f) => ({ id: f.venueId }), expect: signedIn({ ...only(OFFICE, ok("Authz Hall")) }) },
  // Reference data (issue 13, decision 0029): admins only.
  { route: "/admin/local-authorities", expect: signedIn({ admin: ok("Authz Council One") }) },
  { route: "/admin/local-authorities/new", expect: signedIn({ admin: ok("Add a local authority") }) },
  { route: "/admin/local-authorities/[id]", params: (f) => ({ id: f.la1Id }), expect: signedIn({ admin: ok("Authz Council One") }) },
  { route: "/admin/health-bodies", expect: signedIn({ admin: ok("ICBs and health bodies") }) },
  { route: "/admin/health-bodies/new", expect: signedIn({ admin: ok("Add an ICB") }) },
  // An LA's id is not an ICB's: not found for the admin too.
  { route: "/admin/health-bodies/[id]", params: (f) => ({ id: f.la1Id }), expect: signedIn({}) },
  { route: "/admin/mediators", expect: signedIn({ admin: ok("Mediator panel") }) },
  { route: "/admin/mediators/[id]", params: (f) => ({ id: f.users.mediator.id }), expect: signedIn({ admin: ok("Conflicts of interest") }) },
  { route: "/admin/calendar", expect: signedIn({ admin: ok("Bank holidays") }) },

  // ── Reports (issue 13, decision 0025): the office for every LA, an LA officer for their own ──
  { route: "/reports", expect: signedIn({ ...only([...OFFICE, "laOfficer", "otherLaOfficer"], ok("Figures for commissioners")) }) },
  { route: "/reports", label: "LA 1 chosen", query: (f) => `la=${f.la1Id}`, expect: signedIn({ ...only([...OFFICE, "laOfficer"], ok("Figures for commissioners")) }) },
  { route: "/reports/cases", query: "figure=referrals", expect: signedIn({ ...only([...OFFICE, "laOfficer", "otherLaOfficer"], ok("Cases behind a figure")) }) },
  { route: "/reports/cases", label: "LA 1's referrals", query: (f) => `figure=referrals&la=${f.la1Id}`, expect: signedIn({ ...only([...OFFICE, "laOfficer"], ok(reference)) }) },
  { route: "/reports/export", query: "table=referrals", expect: signedIn({ ...only([...OFFICE, "laOfficer", "otherLaOfficer"], ok("Who referred")) }) },
  { route: "/reports/export", label: "LA 1's case list", query: (f) => `figure=referrals&la=${f.la1Id}`, expect: signedIn({ ...only([...OFFICE, "laOfficer"], ok(reference)) }) },

  // ── A new referral (office only) ────────────────────────────────────────────────────────────
  { route: "/cases/new", expect: signedIn({ ...only(OFFICE, redirectTo("/cases/new/who")) }) },
  { route: "/cases/new/[step]", params: () => ({ step: "who" }), expect: signedIn({ ...only(OFFICE, ok("<h1")) }) },
  { route: "/cases/new/check", expect: signedIn({ ...only(OFFICE, redirectTo("/cases/new/who")) }) },
  { route: "/cases/new/done", expect: signedIn({ ...only(OFFICE, redirectTo("/cases/new/who")) }) },
  { route: "/cases/new/start-again", expect: signedIn({ ...only(OFFICE, redirectTo("/cases/new/who")) }) },

  // ── Case A's staff pages ────────────────────────────────────────────────────────────────────
  { route: "/cases/[id]", params: caseA, expect: signedIn({ ...only([...CASE_STAFF, "laOfficer"], ok(reference)) }) },
  { route: "/cases/[id]", label: "case B (LA 2), for its own people", params: (f) => ({ id: f.otherCaseId }), expect: signedIn({ ...only([...OFFICE, "otherMediator", "otherLaOfficer"], ok((f) => f.otherCaseReference)) }) },
  { route: "/cases/[id]/about", params: caseA, expect: signedIn({ ...only(OFFICE, ok("<h1")) }) },
  { route: "/cases/[id]/edit", params: caseA, expect: signedIn({ ...only(OFFICE, ok("Change case details")) }) },
  // Issue 13 (decision 0030): sending a standard letter or email from the case, the office only.
  { route: "/cases/[id]/correspondence", params: caseA, expect: signedIn({ ...only(OFFICE, ok("Send a letter or email")) }) },
  {
    route: "/cases/[id]/correspondence/preview",
    label: "the acknowledgement by email to the young person",
    params: caseA,
    query: (f) => `template=acknowledgement&recipient=${encodeURIComponent(`${f.familyPartyId}:EMAIL`)}`,
    expect: signedIn({ ...only(OFFICE, ok("Check the email before it is sent")) }),
  },
  { route: "/cases/[id]/allocate", params: caseA, expect: signedIn({ ...only(OFFICE, ok("Change the mediator")) }) },
  { route: "/cases/[id]/parties/new", params: caseA, expect: signedIn({ ...only(OFFICE, ok("Add a party")) }) },
  { route: "/cases/[id]/parties/[partyId]", params: (f) => ({ id: f.caseId, partyId: f.parentPartyId }), expect: signedIn({ ...only(OFFICE, ok((f) => f.users.ypParent.name)) }) },
  { route: "/cases/[id]/parties/[partyId]/consent", params: (f) => ({ id: f.caseId, partyId: f.parentPartyId }), expect: signedIn({ ...only(OFFICE, ok("Record consent")) }) },
  { route: "/cases/[id]/parent-access", params: caseA, expect: signedIn({ ...only(OFFICE, ok("Can the parent see the case")) }) },
  // R-24 (issue 12): only the LA officer of the case's LA names their LA's attendee, and only before the
  // meeting is held — case A's has been, so the pages are gone for everyone (tests/integration/la/la-attendee.test.ts
  // and the action matrix's row cover the officer before the meeting).
  { route: "/cases/[id]/la-attendee", params: caseA, expect: signedIn({}) },
  { route: "/cases/[id]/la-attendee/[partyId]", params: (f) => ({ id: f.caseId, partyId: f.laPartyId }), expect: signedIn({}) },
  // Recording an appeal is the office's (the lifecycle's rule): not found for the allocated mediator.
  { route: "/cases/[id]/transition/[name]", params: (f) => ({ id: f.caseId, name: "recordAppeal" }), expect: signedIn({ ...only(OFFICE, ok("<h1")) }) },
  { route: "/cases/[id]/pre-meetings", params: caseA, expect: signedIn({ ...only(CASE_STAFF, ok("<h1")) }) },
  { route: "/cases/[id]/meeting", params: caseA, expect: signedIn({ ...only(CASE_STAFF, ok(reference)) }) },
  { route: "/cases/[id]/meeting/attendees/[attendeeId]", params: (f) => ({ id: f.caseId, attendeeId: f.scheduledAttendeeId }), expect: signedIn({ ...only(CASE_STAFF, ok("Lee Authz")) }) },
  { route: "/cases/[id]/meeting/record", params: caseA, expect: signedIn({ ...only(CASE_STAFF, ok("Meeting record")) }) },
  { route: "/cases/[id]/notes/[noteId]/safeguarding", params: (f) => ({ id: f.caseId, noteId: f.noteId }), expect: signedIn({ mediator: ok("<h1") }) },
  { route: "/cases/[id]/agreement", params: caseA, expect: signedIn({ ...only(CASE_STAFF, ok("<h1")) }) },
  { route: "/cases/[id]/agreement/action/[actionId]", params: (f) => ({ id: f.caseId, actionId: f.agreementActionId }), expect: signedIn({ ...only(CASE_STAFF, ok("Amend section F")) }) },
  { route: "/cases/[id]/agreement/sign/[signerId]", params: (f) => ({ id: f.caseId, signerId: f.signerId }), expect: signedIn({ ...only(CASE_STAFF, ok((f) => f.childName)) }) },
  { route: "/cases/[id]/certificates/[certificateId]/correct", params: (f) => ({ id: f.caseId, certificateId: f.certificateId }), expect: signedIn({ ...only(OFFICE, ok("<h1")) }) },
  // Agreed actions: the LA officer of the case's LA too (issue 11).
  { route: "/cases/[id]/actions/[obligationId]", params: (f) => ({ id: f.caseId, obligationId: f.obligationId }), expect: signedIn({ ...only([...CASE_STAFF, "laOfficer"], ok("Agreed action")) }) },
  {
    route: "/cases/[id]/actions/[obligationId]/[step]",
    params: (f) => ({ id: f.caseId, obligationId: f.obligationId, step: "progress" }),
    expect: signedIn({ ...only([...OFFICE, "laOfficer"], ok("Record progress on an agreed action")) }),
  },

  // ── Downloads (R-80: a STAFF document never reaches the LA or the family) ──────────────────
  { route: "/documents/[id]", label: "case A's SHARED agreement", params: (f) => ({ id: f.sharedDocumentId }), expect: signedIn({ ...only([...CASE_STAFF, "laOfficer", "family"], ok("%PDF-1.4")) }) },
  { route: "/documents/[id]", label: "case A's STAFF document", params: (f) => ({ id: f.staffDocumentId }), expect: signedIn({ ...only(CASE_STAFF, ok("%PDF-1.4")) }) },
  { route: "/documents/[id]", label: "case B's SHARED document", params: (f) => ({ id: f.otherCaseDocumentId }), expect: signedIn({ ...only([...OFFICE, "otherMediator", "otherLaOfficer", "otherFamily"], ok("%PDF-1.4")) }) },

  // ── The family's meeting (issue 12, decision 0020): their own case only ───────────────────────
  { route: "/my-case/[caseId]/meeting", params: (f) => ({ caseId: f.caseId }), expect: signedIn({ family: ok("When and where") }) },
  // The young person is not invited to case A's booked meeting (only the LA is): no form for them either.
  { route: "/my-case/[caseId]/meeting/answer", params: (f) => ({ caseId: f.caseId }), expect: signedIn({}) },
  { route: "/my-case/[caseId]/meeting/answer", method: "POST", params: (f) => ({ caseId: f.caseId }), expect: signedIn({}) },
  { route: "/my-case/[caseId]/meeting/invite.ics", params: (f) => ({ caseId: f.caseId }), expect: signedIn({ family: ok("BEGIN:VCALENDAR") }) },

  // ── The family's views and uploads (issue 12, R-25, R-80, decision 0021) ───────────────────────
  // The family's own page; what they sent (not shared) reaches the allocated mediator only — never the LA.
  { route: "/my-case/[caseId]/views", params: (f) => ({ caseId: f.caseId }), expect: signedIn({ family: ok("drawing.png") }) },
  { route: "/my-case/[caseId]/views/remove/[uploadId]", params: (f) => ({ caseId: f.caseId, uploadId: f.familyUploadId }), expect: signedIn({ family: ok("drawing.png") }) },
  { route: "/my-case/[caseId]/views", method: "POST", params: (f) => ({ caseId: f.caseId }), expect: signedIn({ family: ok("There is a problem") }) },
  { route: "/my-case/[caseId]/views/remove/[uploadId]", method: "POST", params: (f) => ({ caseId: f.caseId, uploadId: f.familyUploadId }), expect: signedIn({ family: ok("There is a problem") }) },
  { route: "/family-uploads/[id]", params: (f) => ({ id: f.familyUploadId }), expect: signedIn({ ...only(["mediator", "family"], ok("PNG")) }) },

  // ── Data protection (issue 13, decision 0028): the admins only; the privacy notice for everyone ──
  { route: "/privacy", expect: everyone(ok("How we use your information")) },
  { route: "/admin/data-protection", expect: signedIn({ admin: ok("Data protection") }) },
  { route: "/admin/data-protection/subject-access", query: "q=authz", expect: signedIn({ admin: ok("Subject access requests") }) },
  { route: "/admin/data-protection/subject-access/export", label: "case A's young person", query: (f) => `party=${f.familyPartyId}&format=json`, expect: signedIn({ admin: ok((f) => f.childName) }) },
  { route: "/admin/data-protection/retention", expect: signedIn({ admin: ok("Cases due to be anonymised") }) },
  { route: "/admin/data-protection/legal-holds", expect: signedIn({ admin: ok("Legal holds") }) },
  { route: "/admin/data-protection/erasure-requests", expect: signedIn({ admin: ok("Erasure requests") }) },
  { route: "/admin/data-protection/erasure-requests/new", expect: signedIn({ admin: ok("Record an erasure request") }) },
  // A request that does not exist: not found for the admin too.
  { route: "/admin/data-protection/erasure-requests/[id]", params: () => ({ id: "no-such-request" }), expect: signedIn({}) },
];
