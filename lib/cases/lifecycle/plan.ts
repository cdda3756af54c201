/**
 * The planner: decides whether a transition is allowed for a case snapshot and an actor, checks
 * the inputs it must record, and says what to write — the status, the record, the timeline entry
 * and which deadlines start and stop. It never computes a deadline's date (that is the date
 * engine's job, lib/deadlines) and never writes anything. Pure and client-safe.
 *
 * Refusal codes are exactly the six in `LifecycleFailureCode`; an input that is present but
 * invalid (e.g. "2025-02-30") is reported as MISSING_INPUT with `field` and a message that says
 * what is wrong. A row's deadline conditions (`whileOpen`, `unlessOpen`) and the guards below
 * refuse with GUARD_FAILED.
 */
import { describeParty } from "../options";
import { openObligationsMessage } from "@/lib/obligations/rules";
import { isTypedDate, typedDateProblem } from "../fields";
import {
  FAMILY_PARTY_KINDS,
  MEDIATION_CLOCKS,
  NON_PRINCIPAL_KINDS,
  type Actor,
  type Agreement,
  type CaseKind,
  type CaseParty,
  type CaseSnapshot,
  type CaseStatus,
  type CertificateKind,
  type DeadlineName,
} from "./vocabulary";
import {
  AGREEMENTS_WITH_ACTIONS,
  ISSUE_CERTIFICATE_NOT_DUE,
  MAX_TRANSITION_ID,
  MAX_TRANSITION_TEXT,
  TRANSITIONS,
  PREVIOUS,
  UNCHANGED,
  fromStatusesFor,
  getTransition,
  type DeadlineCondition,
  type InputSpec,
  type TransitionDef,
  type TransitionName,
} from "./transitions";
import {
  EVENTS,
  KIND_IN_SENTENCE,
  ROLE_IN_SENTENCE,
  ROLE_LABELS,
  STATUS_IN_SENTENCE,
  STATUS_LABELS,
  listNames,
  orList,
  type EventInfo,
  type RecordValue,
  type TransitionRecord,
} from "./wording";

// ---------------------------------------------------------------------------------------------
// Deadlines that apply to a case
// ---------------------------------------------------------------------------------------------

/** R-21: the LA must tell the health commissioning body when a mediation case has a health issue. */
export function needsHealthNotification(snapshot: Pick<CaseSnapshot, "kind" | "hasHealthIssue">): boolean {
  return snapshot.kind === "MEDIATION" && snapshot.hasHealthIssue;
}

/** Whether a named deadline can exist for this case at all. */
export function deadlineApplies(name: DeadlineName, snapshot: Pick<CaseSnapshot, "kind" | "hasHealthIssue" | "healthOnly">): boolean {
  switch (name) {
    case "MEDIATION_30_DAY":
      return snapshot.kind === "MEDIATION" && !snapshot.healthOnly; // R-20
    case "ICB_MEDIATION_30_DAY":
      return snapshot.kind === "MEDIATION" && !!snapshot.healthOnly; // R-21: health only, the ICB's clock
    case "HEALTH_NOTIFICATION":
      return needsHealthNotification(snapshot); // R-21
    case "CERTIFICATE_ADVICE_ONLY":
    case "CERTIFICATE_AFTER_MEDIATION":
    case "CERTIFICATE_NOT_ARRANGED":
      return snapshot.kind !== "DRS"; // R-71: DRS gives no certificate
    case "ICB_AGREEMENT_NOTICE":
      return snapshot.kind === "MEDIATION" && !!snapshot.healthOnly; // R-43: health only
  }
}

// ---------------------------------------------------------------------------------------------
// Guards (snapshot-only) and input checks (need the validated record)
// ---------------------------------------------------------------------------------------------

/**
 * The parties whose consent must be GIVEN before a mediator is allocated. Needs only the case's
 * kind, family party and parties (the family's overview reads just those, issue 14).
 */
export function partiesWhoseConsentIsRequired<P extends Pick<CaseParty, "kind">>(snapshot: Pick<CaseSnapshot, "kind" | "familyParty"> & { parties: readonly P[] }): P[] {
  if (snapshot.kind === "DRS") {
    // R-70, R-73: voluntary for every party to the disagreement.
    return snapshot.parties.filter((p) => !NON_PRINCIPAL_KINDS.includes(p.kind));
  }
  // Mediation: the case's family party — the parent OR the young person (R-01), so a parent who
  // declines does not block a young person's own case. The LA must take part (R-05), so its
  // consent never blocks allocation.
  const family = snapshot.familyParty ? [snapshot.familyParty] : FAMILY_PARTY_KINDS;
  return snapshot.parties.filter((p) => family.includes(p.kind));
}

type Guard = (snapshot: CaseSnapshot) => string | null;

const GUARDS: Partial<Record<TransitionName, Guard>> = {
  allocate(snapshot) {
    const required = partiesWhoseConsentIsRequired(snapshot);
    if (required.length === 0) {
      return snapshot.kind === "DRS"
        ? "No parties are recorded on this case, so nobody has agreed to take part yet."
        : "No parent or young person is recorded on this case, so nobody has agreed to mediation yet.";
    }
    const declined = required.filter((p) => p.consent === "DECLINED");
    if (declined.length > 0) {
      return snapshot.kind === "DRS"
        ? `${listNames(declined)} declined to take part, so disagreement resolution cannot go ahead. Record it as not proceeding (R-73).`
        : `${listNames(declined)} declined mediation. Record a withdrawal instead (R-12).`;
    }
    const pending = required.filter((p) => p.consent !== "GIVEN");
    if (pending.length > 0) return `Consent is still needed from: ${listNames(pending)}.`;
    return null;
  },
  reallocate(snapshot) {
    // R-13: only to an active mediator with no conflict of interest, other than the one allocated.
    const others = snapshot.eligibleMediatorIds?.filter((id) => id !== snapshot.allocatedMediatorId);
    if (others && others.length === 0) {
      return "There is no other active mediator without a conflict of interest with this case, so the mediator cannot be changed (R-13).";
    }
    return null;
  },
  recordHealthNotified(snapshot) {
    if (!snapshot.hasHealthIssue) return "This case has no health issue, so the health body does not need to be told (R-21).";
    return null;
  },
  // R-02, R-30: a certificate is for the decision in dispute, so it waits until that is recorded.
  // R-23: before the meeting, or once the family withdrew, a "could not be arranged" certificate
  // due on its own is issued with "issueNotArrangedCertificate"; after the meeting or advice only it
  // is the one certificate this issues (recordMeetingHeld and chooseAdviceOnly started no second).
  issueCertificate(snapshot) {
    const open = snapshot.openDeadlines ?? [];
    const ownKind = open.some((dl) => dl === "CERTIFICATE_AFTER_MEDIATION" || dl === "CERTIFICATE_ADVICE_ONLY");
    const movesOn = snapshot.status === "MEETING_HELD" || snapshot.status === "ADVICE_ONLY";
    return decisionNotKnown(snapshot) ?? (!movesOn && !ownKind ? ISSUE_CERTIFICATE_NOT_DUE : null);
  },
  issueNotArrangedCertificate: decisionNotKnown,
  // Issue 11 (R-40, R-72): every agreed action done or closed with a reason before the case closes.
  close(snapshot) {
    return snapshot.openObligations ? openObligationsMessage(snapshot.openObligations) : null;
  },
  startMonitoring(snapshot) {
    // R-40..R-42 (mediation), R-72 (DRS): there are agreed actions to follow up only after an agreement.
    return agreementLeavesActions(snapshot.agreement) ? null : noActionsToMonitor(snapshot);
  },
};

function decisionNotKnown(snapshot: CaseSnapshot): string | null {
  if (!snapshot.decisionUnknown) return null;
  return "The decision the family disagrees with is not recorded yet, so a certificate cannot say what it is for. Record the decision under “What the disagreement is about” first (R-02, R-30).";
}

/** Whether the meeting's outcome leaves agreed actions to follow up (R-40, R-72). */
export function agreementLeavesActions(agreement: Agreement | null | undefined): boolean {
  return !!agreement && AGREEMENTS_WITH_ACTIONS.includes(agreement);
}

function noActionsToMonitor(snapshot: CaseSnapshot): string {
  const rule = snapshot.kind === "DRS" ? "R-72" : "R-40";
  return snapshot.agreement === "NONE"
    ? `No agreement was reached at the meeting, so there are no agreed actions to monitor (${rule}).`
    : `It is not recorded that an agreement was reached at the meeting, so there are no agreed actions to monitor (${rule}).`;
}

/** A row's `unlessOpen` conditions as a list. */
export function unlessOpenConditions(t: TransitionDef): readonly DeadlineCondition[] {
  if (!t.unlessOpen) return [];
  return "deadlines" in t.unlessOpen ? [t.unlessOpen] : t.unlessOpen;
}

/** The row's conditions on the deadlines running (omitted `openDeadlines`: none runs). */
function deadlineConditionFails(t: TransitionDef, snapshot: CaseSnapshot): string | null {
  const open = snapshot.openDeadlines ?? [];
  if (t.whileOpen && !t.whileOpen.deadlines.some((dl) => open.includes(dl))) return t.whileOpen.otherwise;
  for (const c of unlessOpenConditions(t)) if (c.deadlines.some((dl) => open.includes(dl))) return c.otherwise;
  return null;
}

/** The roles that may do `t` from this status (`fromByRole` narrows a role's statuses). */
function rolesFrom(t: TransitionDef, status: CaseStatus): Actor["role"][] {
  return t.roles.filter((r) => t.fromByRole?.[r]?.includes(status) ?? true);
}

type InputCheck = (snapshot: CaseSnapshot, record: TransitionRecord) => { field: string; message: string } | null;

const INPUT_CHECKS: Partial<Record<TransitionName, InputCheck>> = {
  reallocate(snapshot, record) {
    if (record.mediatorId === snapshot.allocatedMediatorId) {
      return { field: "mediatorId", message: "That mediator is already allocated to this case." };
    }
    return null;
  },
  declineDrs(snapshot, record) {
    const party = snapshot.parties.find((p) => p.id === record.declinedByPartyId);
    if (!party) return { field: "declinedByPartyId", message: "Choose the party who declined from the parties on this case." };
    if (NON_PRINCIPAL_KINDS.includes(party.kind)) {
      return { field: "declinedByPartyId", message: `${describeParty(party)} is not a party to the disagreement, so their refusal does not stop it.` };
    }
    return null;
  },
};

/** Which certificate a certificate-issuing transition produces, from where the case is (R-30). */
function certificateKindFor(name: TransitionName, status: CaseStatus): CertificateKind | null {
  if (name === "issueNotArrangedCertificate") return "NOT_ARRANGED";
  if (name !== "issueCertificate") return null;
  return status === "MEETING_HELD" ? "AFTER_MEDIATION" : "ADVICE_ONLY";
}

/**
 * R-30: who a certificate is recorded as issued by. The after-mediation certificate is the
 * mediator's (the one allocated), whoever records it; the others are the mediation adviser's, i.e.
 * the member of staff who issues it.
 */
function certificateIssuer(kind: CertificateKind, snapshot: CaseSnapshot, actor: Actor): string {
  return kind === "AFTER_MEDIATION" && snapshot.allocatedMediatorId ? snapshot.allocatedMediatorId : actor.id;
}

// ---------------------------------------------------------------------------------------------
// Planning
// ---------------------------------------------------------------------------------------------

export type LifecycleFailureCode =
  | "UNKNOWN_TRANSITION"
  | "NOT_ALLOWED_FROM_STATUS"
  | "ROLE_NOT_PERMITTED"
  | "KIND_NOT_APPLICABLE"
  | "MISSING_INPUT"
  | "GUARD_FAILED";

export interface TransitionFailure {
  ok: false;
  code: LifecycleFailureCode;
  message: string;
  /** For MISSING_INPUT (and input-dependent guards): the input at fault. */
  field?: string;
}

export interface TransitionPlan {
  ok: true;
  transition: TransitionName;
  from: CaseStatus;
  to: CaseStatus;
  /** False for status-preserving events (`to: "UNCHANGED"` in the table). */
  statusChanged: boolean;
  event: EventInfo;
  starts: DeadlineName[];
  stops: DeadlineName[];
  /**
   * Day 0 for every deadline in `starts` (null when nothing starts). Null with deadlines to start
   * when the row has no `trigger` input: they start on the day it is recorded, which the command
   * fills in (lib/cases/transition/apply-transition.ts `checkPlan`).
   */
  triggerDate: string | null;
  /** Validated inputs, plus `certificateKind` for certificate transitions. */
  record: TransitionRecord;
}

export type PlanResult = TransitionPlan | TransitionFailure;

function fail(code: LifecycleFailureCode, message: string, field?: string): TransitionFailure {
  return field === undefined ? { ok: false, code, message } : { ok: false, code, message, field };
}

/**
 * Checks everything that does not depend on the inputs: the transition exists, applies to this
 * kind of case, is allowed from the current status, the actor may do it, and the snapshot guard.
 * Useful to show a disabled button with a reason.
 */
export function checkTransition(snapshot: CaseSnapshot, name: string, actor: Actor): { ok: true; transition: TransitionDef } | TransitionFailure {
  const t = getTransition(name);
  if (!t) return fail("UNKNOWN_TRANSITION", `“${name}” is not something that can be done to a case.`);

  if (!t.kinds.includes(snapshot.kind)) {
    const note = snapshot.kind === "DRS" && t.name === "issueCertificate" ? " Disagreement resolution does not give a certificate (R-71)." : "";
    return fail("KIND_NOT_APPLICABLE", `This is ${KIND_IN_SENTENCE[snapshot.kind]}, so ${t.blocked}.${note}`);
  }

  const allowedFrom = fromStatusesFor(t, snapshot.kind);
  if (!allowedFrom.includes(snapshot.status)) {
    const when = allowedFrom.map((s) => STATUS_LABELS[s]).join(", ");
    return fail("NOT_ALLOWED_FROM_STATUS", `This case is ${STATUS_IN_SENTENCE[snapshot.status]}, so ${t.blocked}. This can only be done when the case is: ${when}.`);
  }

  const permitted = rolesFrom(t, snapshot.status);
  if (!permitted.includes(actor.role)) {
    const who = permitted.map((r) => ROLE_IN_SENTENCE[r] ?? ROLE_LABELS[r]);
    return fail("ROLE_NOT_PERMITTED", `Only ${orList(who)} can ${t.action}.`);
  }
  // A mediator may only act on a case allocated to them.
  if (actor.role === "MEDIATOR" && actor.id !== snapshot.allocatedMediatorId) {
    return fail(
      "ROLE_NOT_PERMITTED",
      snapshot.allocatedMediatorId === null
        ? `No mediator is allocated to this case yet, so a mediator cannot ${t.action}.`
        : `This case is allocated to another mediator, so you cannot ${t.action}.`,
    );
  }

  const guard = GUARDS[t.name]?.(snapshot) ?? deadlineConditionFails(t, snapshot);
  if (guard) return fail("GUARD_FAILED", guard);

  return { ok: true, transition: t };
}

const forKind = (specs: readonly InputSpec[] | undefined, kind: CaseKind): InputSpec[] => (specs ?? []).filter((i) => !i.kinds || i.kinds.includes(kind));

/** Validates one input; returns the cleaned value or an error message. */
function validateInput(spec: InputSpec, raw: unknown, snapshot: CaseSnapshot): { value: RecordValue } | { error: string } {
  const label = spec.label;
  switch (spec.type) {
    case "date":
      if (!isTypedDate(raw)) return { error: `${(typeof raw === "string" && typedDateProblem(raw.trim(), label)) || `${label} must be a real date`}.` };
      return { value: raw };
    case "text":
    case "id": {
      const max = spec.type === "text" ? MAX_TRANSITION_TEXT : MAX_TRANSITION_ID;
      if (typeof raw !== "string") return { error: `${label} must be filled in.` };
      const v = raw.trim();
      if (v === "") return { error: `${label} must be filled in.` };
      if (v.length > max) return { error: `${label} must be at most ${max} characters.` };
      return { value: v };
    }
    case "partyId": {
      if (typeof raw !== "string" || raw.trim() === "") return { error: `${label} must be chosen.` };
      const v = raw.trim();
      if (!snapshot.parties.some((p) => p.id === v)) return { error: `${label} must be one of the parties on this case.` };
      return { value: v };
    }
    case "boolean":
      if (typeof raw !== "boolean") return { error: `${label} must be yes or no.` };
      return { value: raw };
    case "choice": {
      const options = spec.options ?? [];
      if (typeof raw !== "string" || !options.some((o) => o.value === raw)) {
        return { error: `${label}: choose ${orList(options.map((o) => `“${o.label}”`))}.` };
      }
      return { value: raw };
    }
  }
}

/** The value an `askedOnce` input already has on the case, or null. */
export function recordedValue(spec: InputSpec, snapshot: CaseSnapshot): string | null {
  if (!spec.askedOnce || !spec.column || !snapshot.dates) return null;
  const v = (snapshot.dates as unknown as Record<string, unknown>)[spec.column];
  return typeof v === "string" ? v : null;
}

/**
 * Plans a transition: checks it is allowed, validates the inputs and says what to record.
 * Never throws and never performs anything; the caller persists the status change, the event,
 * the record and the deadline changes in one database transaction.
 */
export function planTransition(snapshot: CaseSnapshot, name: string, actor: Actor, input: Record<string, unknown> = {}): PlanResult {
  const checked = checkTransition(snapshot, name, actor);
  if (!checked.ok) return checked;
  const t = checked.transition;

  const record: TransitionRecord = {};
  for (const spec of forKind(t.requires, snapshot.kind)) {
    const raw = input[spec.name];
    if (raw === undefined || raw === null || raw === "") {
      // A date the case already holds (given at intake) is not asked again.
      const held = recordedValue(spec, snapshot);
      if (held) {
        record[spec.name] = held;
        continue;
      }
      return fail("MISSING_INPUT", `${spec.label} is needed to ${t.action}.`, spec.name);
    }
    const r = validateInput(spec, raw, snapshot);
    if ("error" in r) return fail("MISSING_INPUT", r.error, spec.name);
    record[spec.name] = r.value;
  }
  for (const spec of forKind(t.accepts, snapshot.kind)) {
    const raw = input[spec.name];
    if (raw === undefined || raw === null) continue;
    const r = validateInput(spec, raw, snapshot);
    if ("error" in r) return fail("MISSING_INPUT", r.error, spec.name);
    record[spec.name] = r.value;
  }

  const inputProblem = INPUT_CHECKS[t.name]?.(snapshot, record);
  if (inputProblem) return fail("GUARD_FAILED", inputProblem.message, inputProblem.field);

  const certificateKind = certificateKindFor(t.name, snapshot.status);
  if (certificateKind) {
    record.certificateKind = certificateKind;
    record.issuerId = certificateIssuer(certificateKind, snapshot, actor);
  }

  const open = snapshot.openDeadlines ?? [];
  // R-20, R-23: a meeting after the day mediation must take place by (said in the timeline entry).
  const late = t.startsWhenAfterLastDay ? afterLastDay(snapshot, record[t.startsWhenAfterLastDay]) : false;
  if (late) record.afterLastDay = true;
  const startsAtAll =
    (!t.startsWhen || record[t.startsWhen] === true) &&
    (!t.startsWhenAfterLastDay || (late && !snapshot.notArrangedCertificateIssued)) &&
    !(t.startsUnlessOpen ?? []).some((dl) => open.includes(dl));
  const trigger = t.trigger ? record[t.trigger] : undefined;
  // A deadline already running from the same day is not started again (no "replaced" twin).
  const alreadyRunning = (dl: DeadlineName) => typeof trigger === "string" && snapshot.dates?.openDeadlineDates[dl]?.triggerOn === trigger;
  const starts = startsAtAll ? t.starts.filter((dl) => deadlineApplies(dl, snapshot) && !alreadyRunning(dl)) : [];
  const stops = t.stops.filter((dl) => deadlineApplies(dl, snapshot));

  const to = t.to === UNCHANGED ? snapshot.status : t.to === PREVIOUS ? statusToReturnTo(snapshot) : t.to;
  return {
    ok: true,
    transition: t.name,
    from: snapshot.status,
    to,
    statusChanged: to !== snapshot.status,
    event: EVENTS[t.name](snapshot, record),
    starts,
    stops,
    triggerDate: starts.length > 0 && typeof trigger === "string" ? trigger : null,
    record,
  };
}

/**
 * R-20, R-23: whether `date` (a meeting date) is after the last day of a mediation clock that runs
 * on the case — the LA's 30 days or, for health only, the ICB's (R-21). Needs the snapshot's dates.
 */
export function afterLastDay(snapshot: CaseSnapshot, date: unknown): boolean {
  if (typeof date !== "string") return false;
  return MEDIATION_CLOCKS.some((dl) => {
    const due = snapshot.dates?.openDeadlineDates[dl]?.dueOn;
    return !!due && date > due;
  });
}

/**
 * Where a re-opened case returns (R-31): the status it closed from. A case closed before that was
 * kept returns to where a case of its kind usually closes from.
 */
export function statusToReturnTo(snapshot: CaseSnapshot): CaseStatus {
  if (snapshot.statusBeforeClose) return snapshot.statusBeforeClose;
  return snapshot.kind === "DRS" ? "MEETING_HELD" : "CERTIFICATE_ISSUED";
}

/** The transitions this actor can start now (for rendering buttons); inputs are checked later. */
export function availableTransitions(snapshot: CaseSnapshot, actor: Actor): TransitionDef[] {
  return TRANSITIONS.filter((t) => checkTransition(snapshot, t.name, actor).ok);
}

/**
 * The date a transition's stopped deadlines close on: its first required date input (heldOn,
 * issuedOn, toldOn, …), else `today`.
 */
export function stopDate(plan: TransitionPlan, today: string): string {
  const t = getTransition(plan.transition)!;
  for (const spec of t.requires) {
    const v = plan.record[spec.name];
    if (spec.type === "date" && typeof v === "string") return v;
  }
  return today;
}
