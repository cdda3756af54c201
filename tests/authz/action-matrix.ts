/**
 * THE SERVER-ACTION MATRIX (decision 0024): for every exported function of every "use server"
 * module under app/, and of every form-handler module of the family's Pages Router pages (a
 * `_forms` folder under app/, decision 0038: their posts are the family's actions), the form each
 * actor posts and what each actor gets.
 * tests/integration/authz/actions-matrix.test.ts finds the modules and their exports itself and
 * fails for an action with no row here (and for a row whose action no longer exists).
 *
 * Adding an action: one row, keyed `<module path>#<export>`, e.g.
 *
 *   "app/cases/[id]/letters/actions.ts#sendLetterAction": { form: (f) => ({ caseId: f.caseId }), expect: signedIn({ ...only(OFFICE, ALLOWED) }) },
 *
 * - `form`: the posted fields, from the fixtures (tests/authz/fixtures.ts); make it what the page's
 *   form would post, so that a refusal is the authorization's and not the validation's.
 * - `args`: instead of `form`, for an action called with something other than (state, FormData).
 * - `expect`: an outcome for EVERY actor. `signedIn({...})`: unlisted signed-in actors NOT_FOUND,
 *   signed-out ones SIGN_IN; `everyone(outcome)` for a public action.
 *   Outcomes: ALLOWED — past the authorization: no 404, no sign-in, no ForbiddenError (the command
 *   ran; it may still turn the form down by its own rules, which its own tests cover); DONE — it ran and wrote (audit rows were added); NOT_FOUND — Next's
 *   notFound() (what the user may not see is a 404); SIGN_IN — a redirect to /sign-in; REFUSED —
 *   an error state (or null) and nothing written.
 * For NOT_FOUND, SIGN_IN and REFUSED the test also checks that nothing was written.
 * The refused actors run first; the allowed ones after, in ACTORS order.
 */
import type { Actor, AuthzFixtures, SignedInActor } from "./fixtures";
import { ACTORS, SIGNED_OUT_ACTORS } from "./fixtures";

export type ActionOutcome = "allowed" | "done" | "404" | "sign-in" | "refused";
export const ALLOWED: ActionOutcome = "allowed";
export const DONE: ActionOutcome = "done";
export const NOT_FOUND: ActionOutcome = "404";
export const SIGN_IN: ActionOutcome = "sign-in";
export const REFUSED: ActionOutcome = "refused";

export const OFFICE = ["caseworker", "admin"] as const satisfies readonly SignedInActor[];
export const CASE_STAFF = ["caseworker", "admin", "mediator"] as const satisfies readonly SignedInActor[];

export function only(actors: readonly Actor[], outcome: ActionOutcome): Partial<Record<Actor, ActionOutcome>> {
  return Object.fromEntries(actors.map((a) => [a, outcome]));
}

export function signedIn(allowed: Partial<Record<Actor, ActionOutcome>>): Record<Actor, ActionOutcome> {
  const out = Object.fromEntries(ACTORS.map((a) => [a, (SIGNED_OUT_ACTORS as readonly Actor[]).includes(a) ? SIGN_IN : NOT_FOUND])) as Record<Actor, ActionOutcome>;
  return { ...out, ...allowed };
}

export function everyone(outcome: ActionOutcome, except: Partial<Record<Actor, ActionOutcome>> = {}): Record<Actor, ActionOutcome> {
  return { ...(Object.fromEntries(ACTORS.map((a) => [a, outcome])) as Record<Actor, ActionOutcome>), ...except };
}

/** The fixtures, and the current version of case A (it changes when an allowed actor writes). */
export type FormContext = { f: AuthzFixtures; caseVersion: string; agreementRevision: string };

export type ActionRow = {
  form?: (c: FormContext, actor: Actor) => Record<string, string>;
  args?: (c: FormContext, actor: Actor) => unknown[];
  expect: Record<Actor, ActionOutcome>;
  /** What a refusal may still write, by the snapshot's names (e.g. a failed sign-in's audit row). */
  refusalWrites?: string[];
};

const onCase = (c: FormContext, more: Record<string, string> = {}) => ({ caseId: c.f.caseId, version: c.caseVersion, ...more });

export const ACTION_MATRIX: Record<string, ActionRow> = {
  // ── Public ──────────────────────────────────────────────────────────────────────────────────
  // Wrong password: refused for everyone, and nothing but the sign-in throttle is written.
  "app/sign-in/actions.ts#staffSignInAction": { form: (c) => ({ email: c.f.users.caseworker.email, password: "not-the-password" }), expect: everyone(REFUSED), refusalWrites: ["audit"] },
  "app/sign-in/family/_forms/request-link.ts#requestLinkForm": { form: (c) => ({ email: c.f.users.family.email }), expect: everyone(ALLOWED) },
  // An empty request: refused (the answers are checked), for everyone alike.
  "app/refer/_forms/self-referral.ts#selfReferralForm": { form: () => ({}), expect: everyone(REFUSED) },
  "app/verify/_forms/check-upload.ts#checkUploadForm": { form: (c) => ({ code: c.f.sharedDocumentCode }), expect: everyone(REFUSED) },
  // The expired link is refused; a made-up one is not found.
  "app/sign/_forms/sign-with-token.ts#signWithTokenForm": {
    form: (c, actor) => ({ token: actor === "expiredLink" ? c.f.expiredSigningToken : "A".repeat(43), outcome: "SIGNED", confirmed: "yes" }),
    expect: everyone(NOT_FOUND, { expiredLink: REFUSED }),
  },

  // Issue 13: the code step without a pending sign-in goes back to the sign-in page, for everyone.
  "app/sign-in/code/actions.ts#verifySignInCodeAction": { form: () => ({ code: "123456" }), expect: everyone(SIGN_IN) },
  // A made-up set-password link: refused (the page says the link is not valid), nothing written.
  "app/set-password/[token]/actions.ts#setPasswordAction": { form: () => ({ token: "A".repeat(43), password: "velvet harbour lantern", confirmPassword: "velvet harbour lantern" }), expect: everyone(REFUSED) },

  // ── Staff accounts (issue 13, decision 0027): the admin only ─────────────────────────────────
  "app/admin/users/actions.ts#inviteUserAction": {
    form: (c, actor) => ({ name: "Invited Person", email: `authz-invited-${actor}-${c.f.tag}@authz.example`, role: "CASEWORKER", localAuthorityId: "" }),
    expect: signedIn({ admin: DONE }),
  },
  "app/admin/users/actions.ts#resendInvitationAction": { form: (c) => ({ userId: c.f.users.caseworker.id, version: "0" }), expect: signedIn({ admin: ALLOWED }) },
  // The same role again: turned down by the command ("nothing changed"), after the authorization.
  "app/admin/users/actions.ts#changeRoleAction": { form: (c) => ({ userId: c.f.users.caseworker.id, version: "0", role: "CASEWORKER", localAuthorityId: "" }), expect: signedIn({ admin: ALLOWED }) },
  // The first step of the confirmed changes: the confirmation, nothing saved.
  "app/admin/users/actions.ts#changeUserStatusAction": { form: (c) => ({ userId: c.f.users.caseworker.id, version: "0", change: "deactivate", step: "check" }), expect: signedIn({ admin: ALLOWED }) },
  "app/admin/users/actions.ts#safeguardingLeadAction": { form: (c) => ({ userId: c.f.users.caseworker.id, version: "0", lead: "true", step: "check" }), expect: signedIn({ admin: ALLOWED }) },
  "app/admin/users/actions.ts#resetSecondFactorAction": { form: (c) => ({ userId: c.f.users.caseworker.id, version: "0", step: "check" }), expect: signedIn({ admin: ALLOWED }) },
  "app/admin/users/actions.ts#unlockSignInAction": { form: (c) => ({ userId: c.f.users.caseworker.id, version: "0" }), expect: signedIn({ admin: DONE }) },
  // Each staff member's own two-step sign-in (the admin's is on already: turned down, after the authorization).
  "app/account/two-step/actions.ts#startSecondFactorAction": { form: () => ({}), expect: signedIn({ ...only(["caseworker", "admin", "mediator", "otherMediator", "laOfficer", "otherLaOfficer"], ALLOWED) }) },
  "app/account/two-step/actions.ts#confirmSecondFactorAction": { form: () => ({ code: "000000" }), expect: signedIn({ ...only(["caseworker", "admin", "mediator", "otherMediator", "laOfficer", "otherLaOfficer"], ALLOWED) }) },

  // ── Admin, mediator's own, venues ────────────────────────────────────────────────────────────
  // The admin gets past the permission to a job that does not exist: not found, like anyone else.
  "app/admin/jobs/actions.ts#retryJobAction": { form: () => ({ queue: "outbox-delivery", id: "00000000-0000-0000-0000-000000000000" }), expect: signedIn({ admin: NOT_FOUND }) },
  // Issue 13 (decision 0030): the admin's preview of a template (nothing saved).
  "app/admin/templates/actions.ts#saveTemplateAction": { form: () => ({ key: "acknowledgement", intent: "preview", subject: "About {{case.reference}}", body: "Dear {{recipient.name}}" }), expect: signedIn({ admin: ALLOWED }) },
  "app/mediator/availability/actions.ts#updateAvailabilityAction": { form: () => ({}), expect: signedIn({ ...only(["mediator", "otherMediator"], ALLOWED) }) },
  "app/mediator/availability/actions.ts#addDayOffAction": { form: () => ({ dayOff: "2099-01-02" }), expect: signedIn({ mediator: DONE, otherMediator: DONE }) },
  "app/mediator/availability/actions.ts#removeDayOffAction": { form: () => ({ date: "2099-01-02" }), expect: signedIn({ ...only(["mediator", "otherMediator"], ALLOWED) }) },
  "app/venues/actions.ts#addVenueAction": { form: (c) => ({ name: `New hall ${c.f.tag}`, address: "2 Authz Street", localAuthorityId: c.f.la1Id }), expect: signedIn({ caseworker: DONE, admin: DONE }) },
  "app/venues/actions.ts#updateVenueAction": { form: (c) => ({ venueId: c.f.venueId, name: `Authz Hall ${c.f.tag}`, address: "1 Authz Street", localAuthorityId: c.f.la1Id }), expect: signedIn({ ...only(OFFICE, ALLOWED) }) },
  "app/venues/actions.ts#changeVenueStatusAction": { form: (c) => ({ venueId: c.f.venueId, change: "deactivate" }), expect: signedIn({ ...only(OFFICE, ALLOWED) }) },

  // ── A new referral ──────────────────────────────────────────────────────────────────────────
  "app/cases/new/actions.ts#saveReferralStepAction": { form: () => ({ step: "who" }), expect: signedIn({ ...only(OFFICE, ALLOWED) }) },
  "app/cases/new/actions.ts#createReferralAction": { form: () => ({}), expect: signedIn({ ...only(OFFICE, ALLOWED) }) },
  "app/cases/new/actions.ts#startAgainAction": { form: () => ({}), expect: signedIn({ ...only(OFFICE, ALLOWED) }) },
  // Called with the answers, not a form; null (nothing) when not allowed, signed out included.
  "app/cases/new/actions.ts#previewReferralDatesAction": { args: () => [{ kind: "MEDIATION", decisionSentOn: "", laNotifiedOn: "" }], expect: everyone(REFUSED, only(OFFICE, ALLOWED)) },

  // ── Case A ──────────────────────────────────────────────────────────────────────────────────
  // Recording an appeal: the office; the allocated mediator may transition the case, but not this (lifecycle rule).
  "app/cases/[id]/actions.ts#transitionAction": { form: (c) => onCase(c, { name: "recordAppeal", step: "check", appealLodgedOn: "2024-06-03" }), expect: signedIn({ ...only(OFFICE, ALLOWED), mediator: REFUSED }) },
  "app/cases/[id]/actions.ts#allocateAction": { form: (c) => onCase(c, { mediatorId: c.f.users.mediator.id }), expect: signedIn({ ...only(OFFICE, ALLOWED) }) },
  "app/cases/[id]/actions.ts#updateDetailsAction": { form: (c) => onCase(c, { summary: `Support at college (${c.f.tag})` }), expect: signedIn({ ...only(OFFICE, ALLOWED) }) },
  "app/cases/[id]/actions.ts#updateAboutAction": { form: (c) => onCase(c), expect: signedIn({ ...only(OFFICE, ALLOWED) }) },
  "app/cases/[id]/actions.ts#bookMeetingAction": { form: (c) => onCase(c, { date: "2099-01-05", startTime: "10:00", length: "120", where: "PHONE" }), expect: signedIn({ ...only(CASE_STAFF, ALLOWED) }) },
  "app/cases/[id]/actions.ts#addPartyAction": { form: (c) => onCase(c, { kind: "SUPPORTER", name: "Sam Supporter", preferredContact: "EMAIL" }), expect: signedIn({ ...only(OFFICE, ALLOWED) }) },
  "app/cases/[id]/actions.ts#updatePartyAction": { form: (c) => onCase(c, { partyId: c.f.laPartyId, name: "Lee Authz", preferredContact: "EMAIL" }), expect: signedIn({ ...only(OFFICE, ALLOWED) }) },
  "app/cases/[id]/actions.ts#recordConsentAction": { form: (c) => onCase(c, { partyId: c.f.laPartyId, consent: "PENDING" }), expect: signedIn({ ...only(OFFICE, ALLOWED) }) },
  "app/cases/[id]/pre-meetings/actions.ts#bookPreMeetingAction": {
    form: (c) => ({ caseId: c.f.caseId, partyId: c.f.laPartyId, date: "2099-01-06", startTime: "10:00", durationMinutes: "60", mode: "PHONE" }),
    expect: signedIn({ ...only(CASE_STAFF, ALLOWED) }),
  },
  "app/cases/[id]/pre-meetings/actions.ts#changePreMeetingAction": { form: (c) => ({ caseId: c.f.caseId, meetingId: c.f.preMeetingId, change: "held" }), expect: signedIn({ ...only(CASE_STAFF, ALLOWED) }) },
  "app/cases/[id]/meeting/actions.ts#addAttendeeAction": { form: (c) => ({ caseId: c.f.caseId, meetingId: c.f.scheduledMeetingId, partyId: c.f.familyPartyId }), expect: signedIn({ ...only(CASE_STAFF, ALLOWED) }) },
  "app/cases/[id]/meeting/actions.ts#removeAttendeeAction": { form: (c) => ({ caseId: c.f.caseId, attendeeId: c.f.attendeeId }), expect: signedIn({ ...only(CASE_STAFF, ALLOWED) }) },
  "app/cases/[id]/meeting/actions.ts#recordAttendeeResponseAction": {
    form: (c) => ({ caseId: c.f.caseId, attendeeId: c.f.scheduledAttendeeId, response: "ACCEPTED", interpreterLanguage: "", adjustments: "", hasAuthority: "yes" }),
    expect: signedIn({ ...only(CASE_STAFF, ALLOWED) }),
  },
  "app/cases/[id]/meeting/record/actions.ts#recordMeetingAction": { form: (c) => onCase(c, { step: "check" }), expect: signedIn({ ...only(CASE_STAFF, ALLOWED) }) },
  // Case notes: the allocated mediator only.
  "app/cases/[id]/notes/actions.ts#addNoteAction": { form: (c) => ({ caseId: c.f.caseId, kind: "MEDIATOR_PRIVATE", body: `Another note ${c.f.tag}` }), expect: signedIn({ caseworker: NOT_FOUND, mediator: DONE }) },
  "app/cases/[id]/notes/actions.ts#shareNoteAction": { form: (c) => ({ caseId: c.f.caseId, noteId: c.f.noteId, share: "yes" }), expect: signedIn({ mediator: ALLOWED }) },
  "app/cases/[id]/notes/actions.ts#markSafeguardingAction": { form: (c) => ({ caseId: c.f.caseId, noteId: c.f.noteId, confirmed: "yes" }), expect: signedIn({ mediator: ALLOWED }) },
  // Agreements: the mediation service; the LA and the family never see the draft.
  "app/cases/[id]/agreement/actions.ts#startAgreementAction": { form: (c) => ({ caseId: c.f.caseId }), expect: signedIn({ ...only(CASE_STAFF, ALLOWED) }) },
  "app/cases/[id]/agreement/actions.ts#updateAgreementAction": { form: (c) => ({ caseId: c.f.caseId, agreementId: c.f.agreementId, expectedRevision: c.agreementRevision }), expect: signedIn({ ...only(CASE_STAFF, ALLOWED) }) },
  "app/cases/[id]/agreement/actions.ts#saveActionAction": { form: (c) => ({ caseId: c.f.caseId, agreementId: c.f.agreementId, expectedRevision: c.agreementRevision }), expect: signedIn({ ...only(CASE_STAFF, ALLOWED) }) },
  "app/cases/[id]/agreement/actions.ts#removeActionAction": {
    // Each of the staff removes an action of their own (the refused try the caseworker's first).
    form: (c, actor) => ({ caseId: c.f.caseId, agreementId: c.f.agreementId, actionId: c.f.removableActionIds[actor === "admin" || actor === "mediator" ? actor : "caseworker"], expectedRevision: c.agreementRevision }),
    expect: signedIn({ ...only(CASE_STAFF, DONE) }),
  },
  "app/cases/[id]/agreement/actions.ts#requestSignaturesAction": { form: (c) => ({ caseId: c.f.caseId, agreementId: c.f.agreementId, expectedRevision: c.agreementRevision }), expect: signedIn({ ...only(CASE_STAFF, ALLOWED) }) },
  "app/cases/[id]/agreement/actions.ts#signInPersonAction": {
    form: (c) => ({ caseId: c.f.caseId, agreementId: c.f.agreementId, contentSha256: c.f.agreementContentSha256, signerId: c.f.signerId, outcome: "DECLINED", reason: "Not today" }), expect: signedIn({ ...only(CASE_STAFF, ALLOWED) }) },
  "app/cases/[id]/agreement/actions.ts#sendLinkAction": { form: (c) => ({ caseId: c.f.caseId, agreementId: c.f.agreementId, contentSha256: c.f.agreementContentSha256, signerId: c.f.signerId }), expect: signedIn({ ...only(CASE_STAFF, ALLOWED) }) },
  "app/cases/[id]/agreement/actions.ts#startCorrectionAction": { form: (c) => ({ caseId: c.f.caseId, agreementId: c.f.agreementId }), expect: signedIn({ ...only(CASE_STAFF, ALLOWED) }) },
  // correcting a certificate, the office only.
  // Issue 13 (decision 0030): choose a letter or email, then send it (a stale template version: the
  // office is sent back to the new preview, nothing written).
  "app/cases/[id]/correspondence/actions.ts#chooseCorrespondenceAction": {
    form: (c) => ({ caseId: c.f.caseId, template: "acknowledgement", recipient: `${c.f.familyPartyId}:EMAIL` }),
    expect: signedIn({ ...only(OFFICE, ALLOWED) }),
  },
  "app/cases/[id]/correspondence/actions.ts#sendCorrespondenceAction": {
    form: (c) => ({ caseId: c.f.caseId, template: "acknowledgement", recipient: `${c.f.familyPartyId}:EMAIL`, templateVersion: "0" }),
    expect: signedIn({ ...only(OFFICE, ALLOWED) }),
  },
  "app/cases/[id]/certificates/actions.ts#correctCertificateAction": { form: (c) => ({ certificateId: c.f.certificateId, reason: "Wrong date", issuedOn: "2024-06-03", confirmed: "yes" }), expect: signedIn({ ...only(OFFICE, ALLOWED) }) },
  // Agreed actions (issue 11): the office and the LA officer of the case's LA.
  "app/cases/[id]/actions/actions.ts#recordProgressAction": {
    form: (c) => ({ caseId: c.f.caseId, obligationId: c.f.obligationId, note: `Progress ${c.f.tag}` }),
    expect: signedIn({ caseworker: ALLOWED, admin: ALLOWED, laOfficer: DONE }),
  },
  "app/cases/[id]/actions/actions.ts#markDoneAction": { form: (c) => ({ caseId: c.f.caseId, obligationId: c.f.obligationId, completedOn: "2024-06-03", note: "Plan issued" }), expect: signedIn({ ...only(["caseworker", "admin", "laOfficer"], ALLOWED) }) },
  "app/cases/[id]/actions/actions.ts#closeObligationAction": { form: (c) => ({ caseId: c.f.caseId, obligationId: c.f.obligationId, reason: "No longer needed" }), expect: signedIn({ ...only(["caseworker", "admin", "laOfficer"], ALLOWED) }) },
  // The family's forms post to their own Pages Router pages (decision 0038): the same chain and rows.
  // Issue 12 (decision 0020): the family answers on their own invitation only — case A's young
  // person, whom the addAttendeeAction row above invited to the booked meeting; everyone else 404.
  "app/my-case/_forms/meeting.ts#answerMeetingForm": { form: (c) => ({ caseId: c.f.caseId, answer: "COMING" }), expect: signedIn({ family: DONE }) },
  // R-01 (decision 0022): "No" while no consent is recorded writes nothing, so the parent stays without it.
  // Decision 0019: the young person (case A's signer) answers while signed in (a decline, so nothing
  // is sealed). ALLOWED: the staff rows above may have changed the text, which the command then
  // refuses by its own rule ("read it again"); signing itself: tests/integration/family.
  "app/my-case/_forms/agreement.ts#signAgreementForm": {
    form: (c) => ({ caseId: c.f.caseId, agreementId: c.f.agreementId, contentSha256: c.f.agreementContentSha256, outcome: "DECLINED", reason: "Not yet" }),
    expect: signedIn({ family: ALLOWED }),
  },
  "app/my-case/_forms/parent-access.ts#changeParentAccessForm": { form: (c) => ({ caseId: c.f.caseId, canSee: "no", confirmed: "yes" }), expect: signedIn({ family: ALLOWED }) },
  // Issue 12 (decision 0021): the family's views — the family of the case only (a parent without the young person's consent: 404).
  "app/my-case/_forms/views.ts#sendViewsForm": { form: (c) => ({ caseId: c.f.caseId, views: "We would like a weekly check-in" }), expect: signedIn({ family: DONE }) },
  "app/my-case/_forms/views.ts#shareItemForm": { form: (c) => ({ caseId: c.f.caseId, kind: "views", id: c.f.familySubmissionId }), expect: signedIn({ family: DONE }) },
  "app/my-case/_forms/views.ts#removeUploadForm": { form: (c) => ({ caseId: c.f.caseId, uploadId: c.f.familyUploadId }), expect: signedIn({ family: DONE }) },
  // R-24 (issue 12, decision 0023): the LA officer of the case's LA names their LA's attendee (an LA party); another LA's officer: 404.
  // Case A's meeting has been held, so the command itself then turns the change down (its own tests cover a booked meeting).
  "app/cases/[id]/la-attendee/actions.ts#nameLaAttendeeAction": {
    form: (c) => onCase(c, { partyId: c.f.laPartyId, name: "Lee Authz", organisation: "Authz Council One", email: "lee.authz@council.example", hasAuthority: "yes" }),
    expect: signedIn({ laOfficer: ALLOWED }),
  },
  "app/cases/[id]/parent-access/actions.ts#recordParentAccessAction": { form: (c) => ({ caseId: c.f.caseId, canSee: "no", how: "by phone" }), expect: signedIn({ ...only(OFFICE, ALLOWED) }) },
  // ── Reference data (issue 13, decision 0029): admins only ────────────────────────────────────
  "app/admin/_reference/actions.ts#addReferenceBodyAction": { form: (c) => ({ kind: "localAuthority", code: `AZN-${c.f.tag}`, name: `Authz New Council ${c.f.tag}` }), expect: signedIn({ admin: DONE }) },
  // LA 2 saved as it is (the version may have moved on: the command then says so), and deactivating only asked about (the check step writes nothing).
  "app/admin/_reference/actions.ts#updateReferenceBodyAction": { form: (c) => ({ kind: "localAuthority", id: c.f.la2Id, expectedVersion: "1", code: `AZ2-${c.f.tag}`, name: `Authz Council Two ${c.f.tag}` }), expect: signedIn({ admin: ALLOWED }) },
  "app/admin/_reference/actions.ts#changeReferenceBodyStatusAction": { form: (c) => ({ kind: "localAuthority", id: c.f.la2Id, expectedVersion: "1", change: "deactivate", step: "check" }), expect: signedIn({ admin: ALLOWED }) },
  "app/admin/mediators/actions.ts#updateMediatorPanelAction": { form: (c) => ({ mediatorId: c.f.users.mediator.id, expectedVersion: "0", monthlyCapacity: "8" }), expect: signedIn({ admin: DONE }) },
  // A conflict with a party no case has, so case A's allocation is untouched.
  "app/admin/mediators/actions.ts#addMediatorConflictAction": { form: (c) => ({ mediatorId: c.f.users.mediator.id, partyName: `Nobody ${c.f.tag}`, reason: "Authz check" }), expect: signedIn({ admin: DONE }) },
  // A conflict that does not exist: not found for the admin too.
  "app/admin/mediators/actions.ts#removeMediatorConflictAction": { form: (c) => ({ mediatorId: c.f.users.mediator.id, conflictId: `none-${c.f.tag}` }), expect: signedIn({}) },
  // Data protection (issue 13, decision 0028): the admins only. Case A is not on hold, so releasing is turned down by the command.
  "app/admin/data-protection/actions.ts#placeLegalHoldAction": { form: () => ({ reference: "SM-NO-SUCH-CASE", reason: "A claim" }), expect: signedIn({ admin: ALLOWED }) },
  "app/admin/data-protection/actions.ts#releaseLegalHoldAction": { form: (c) => ({ caseId: c.f.caseId, reason: "Ended" }), expect: signedIn({ admin: ALLOWED }) },
  "app/admin/data-protection/actions.ts#recordErasureRequestAction": {
    form: (c) => ({ subjectName: "Authz Person", subjectEmail: `erase-${c.f.tag}@example.com`, scope: "Everything", reason: "Moved away", receivedOn: "2026-01-05" }),
    expect: signedIn({ admin: DONE }),
  },
  "app/admin/data-protection/actions.ts#decideErasureRequestAction": { form: () => ({ id: "no-such-request", version: "1", decision: "refuse", decisionReason: "x" }), expect: signedIn({ admin: NOT_FOUND }) },
};
