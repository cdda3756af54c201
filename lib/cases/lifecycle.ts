/**
 * The case lifecycle as a pure state machine.
 *
 * No React, Next or Prisma imports: this module only decides whether a change of status (or a
 * status-preserving "event") is allowed for a given case snapshot and actor, validates the inputs
 * that must be recorded with it, and names which deadlines it starts or stops. It never computes a
 * deadline's date — that is the date engine's job (`lib/deadlines`, deliberately not imported).
 *
 * Domain rules: /work/shared/domain/send-mediation-rules.md; rule ids (R-xx) are cited where applied.
 *
 * Design notes
 * - `TRANSITIONS` is plain, serialisable data (no functions), so it can be rendered or sent to a
 *   client component. Guards and timeline summaries live in maps keyed by transition name below.
 * - Some entries keep the status (`to: "UNCHANGED"`): recording that mediation cannot be arranged
 *   within 30 days, issuing the "not arranged" certificate, recording that the LA told the
 *   health commissioning body and changing the allocated mediator. They change deadlines or
 *   the record but not where the case is, because R-23 lets the family still mediate.
 * - `starts`/`stops` in the table are what a transition MAY start/stop; `planTransition` filters
 *   them for the case (e.g. no certificate deadlines for DRS, R-71; HEALTH_NOTIFICATION only
 *   when a mediation case has a health issue, R-21). Stopping a deadline that is not running is a
 *   no-op for the caller.
 * - Refusal codes are exactly the six in `LifecycleFailureCode`; an input that is present but
 *   invalid (e.g. "2025-02-30") is reported as MISSING_INPUT with `field` and a message that says
 *   what is wrong.
 */

import { formatIsoDate, isIsoDate } from "./lifecycle-dates";

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

/** The Prisma enum `CaseStatus`, in lifecycle order. */
export const CASE_STATUSES = [
  "REFERRED",
  "CONTACTING_PARTIES",
  "AWAITING_CONSENT",
  "ALLOCATED",
  "PREPARING",
  "MEETING_SCHEDULED",
  "MEETING_HELD",
  "CERTIFICATE_ISSUED",
  "MONITORING",
  "CLOSED",
  "ADVICE_ONLY",
  "WITHDRAWN",
  "NOT_PROCEEDING",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const ROLES = ["ADMIN", "CASEWORKER", "MEDIATOR", "LA_OFFICER", "PARENT"] as const;
export type Role = (typeof ROLES)[number];

/** MEDIATION (CFA s.53/54), ADVICE_ONLY (mediation information only, R-10/R-11), DRS (R-70..R-73). */
export const CASE_KINDS = ["MEDIATION", "ADVICE_ONLY", "DRS"] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const DEADLINE_NAMES = [
  "MEDIATION_30_DAY",
  "HEALTH_NOTIFICATION",
  "CERTIFICATE_ADVICE_ONLY",
  "CERTIFICATE_AFTER_MEDIATION",
  "CERTIFICATE_NOT_ARRANGED",
] as const;
export type DeadlineName = (typeof DEADLINE_NAMES)[number];

/** Which rule each deadline comes from, for the date engine and for display. */
export const DEADLINE_RULES: Record<DeadlineName, { rule: string; description: string }> = {
  MEDIATION_30_DAY: { rule: "R-20", description: "Mediation must take place within 30 days of the LA being told" },
  HEALTH_NOTIFICATION: {
    rule: "R-21",
    description: "LA must tell the health commissioning body within 3 working days",
  },
  CERTIFICATE_ADVICE_ONLY: {
    rule: "R-11",
    description: "Certificate within 3 working days of being told the family does not want (or withdraws from) mediation (R-11, R-12, R-30)",
  },
  CERTIFICATE_AFTER_MEDIATION: {
    rule: "R-30",
    description: "Certificate within 3 working days of the mediation meeting",
  },
  CERTIFICATE_NOT_ARRANGED: {
    rule: "R-23",
    description: "Certificate within 3 working days of being told mediation cannot take place within 30 days (R-23, R-30)",
  },
};

export type CertificateKind = "ADVICE_ONLY" | "AFTER_MEDIATION" | "NOT_ARRANGED";

export type ConsentState = "PENDING" | "GIVEN" | "DECLINED";

export interface CaseParty {
  id: string;
  name: string;
  /** PARENT | YOUNG_PERSON | LA | HEALTH | SCHOOL | SUPPORTER | INTERPRETER */
  kind: string;
  consent: ConsentState;
}

export interface CaseSnapshot {
  id: string;
  kind: CaseKind;
  status: CaseStatus;
  allocatedMediatorId: string | null;
  hasHealthIssue: boolean;
  parties: readonly CaseParty[];
  /**
   * Optional: the deadlines currently running for the case. When given, status-preserving events
   * that depend on them are checked (e.g. the "not arranged" certificate can only be issued once
   * "cannot be arranged" was recorded). When omitted those checks are skipped — the database
   * remains the source of truth for deadlines.
   */
  openDeadlines?: readonly DeadlineName[];
}

export interface Actor {
  id: string;
  role: Role;
}

// ---------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------

/** Plain-English status names for staff. */
export const STATUS_LABELS: Record<CaseStatus, string> = {
  REFERRED: "Referred",
  CONTACTING_PARTIES: "Contacting parties",
  AWAITING_CONSENT: "Awaiting consent",
  ALLOCATED: "Allocated",
  PREPARING: "Preparing",
  MEETING_SCHEDULED: "Meeting scheduled",
  MEETING_HELD: "Meeting held",
  CERTIFICATE_ISSUED: "Certificate issued",
  MONITORING: "Monitoring",
  CLOSED: "Closed",
  ADVICE_ONLY: "Advice only",
  WITHDRAWN: "Withdrawn",
  NOT_PROCEEDING: "Not proceeding",
};

/**
 * One plain-English sentence per status for families. Neutral and factual, with no pressure to
 * mediate; never reveals anything said in mediation.
 */
export const FAMILY_STATUS_TEXT: Record<CaseStatus, string> = {
  REFERRED: "We have your request and will contact you soon.",
  CONTACTING_PARTIES: "We are contacting everyone involved to plan the next steps.",
  AWAITING_CONSENT: "We are waiting for everyone involved to agree to take part.",
  ALLOCATED: "A mediator has been given your case and will be in touch with you.",
  PREPARING: "Your mediator is preparing for the meeting and may contact you before it.",
  MEETING_SCHEDULED: "A meeting has been arranged and we have sent you its date, time and place.",
  MEETING_HELD: "The meeting has taken place and we are finishing the paperwork.",
  CERTIFICATE_ISSUED: "Your certificate has been issued, and you can use it if you decide to appeal to the Tribunal.",
  MONITORING: "We are checking that the actions agreed at the meeting are carried out.",
  CLOSED: "Your case is closed; please contact us if you need more help.",
  ADVICE_ONLY: "You have told us you do not want mediation, so we are preparing your certificate.",
  WITHDRAWN: "This case has been withdrawn, and we will write to tell you what happens next.",
  NOT_PROCEEDING: "Not everyone agreed to take part, so the disagreement resolution meeting will not go ahead.",
};

/** How a status reads inside "This case is …, so …". */
const STATUS_IN_SENTENCE: Record<CaseStatus, string> = {
  REFERRED: "Referred",
  CONTACTING_PARTIES: "at “Contacting parties”",
  AWAITING_CONSENT: "Awaiting consent",
  ALLOCATED: "Allocated",
  PREPARING: "at “Preparing”",
  MEETING_SCHEDULED: "at “Meeting scheduled”",
  MEETING_HELD: "at “Meeting held”",
  CERTIFICATE_ISSUED: "at “Certificate issued”",
  MONITORING: "at “Monitoring”",
  CLOSED: "Closed",
  ADVICE_ONLY: "Advice only",
  WITHDRAWN: "Withdrawn",
  NOT_PROCEEDING: "Not proceeding",
};

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  CASEWORKER: "Caseworker",
  MEDIATOR: "Mediator",
  LA_OFFICER: "LA officer",
  PARENT: "Parent",
};

const KIND_IN_SENTENCE: Record<CaseKind, string> = {
  MEDIATION: "a mediation case",
  ADVICE_ONLY: "an advice-only case",
  DRS: "a disagreement resolution (DRS) case",
};

const PARTY_KIND_LABELS: Record<string, string> = {
  PARENT: "parent",
  YOUNG_PERSON: "young person",
  LA: "local authority",
  HEALTH: "health commissioning body",
  SCHOOL: "school or college",
  SUPPORTER: "supporter",
  INTERPRETER: "interpreter",
};

function partyDescription(p: CaseParty): string {
  const kind = PARTY_KIND_LABELS[p.kind] ?? p.kind.toLowerCase().replace(/_/g, " ");
  return `${p.name} (${kind})`;
}

// ---------------------------------------------------------------------------------------------
// Statuses
// ---------------------------------------------------------------------------------------------

/**
 * Statuses with no way out. WITHDRAWN and ADVICE_ONLY are not terminal: a certificate may still be
 * due or, for DRS, the case still has to be closed.
 */
export const TERMINAL_STATUSES: readonly CaseStatus[] = ["CLOSED", "NOT_PROCEEDING"];

export function isTerminalStatus(s: CaseStatus): boolean {
  return TERMINAL_STATUSES.includes(s);
}

export function isOpenStatus(s: CaseStatus): boolean {
  return !isTerminalStatus(s);
}

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === "string" && (CASE_STATUSES as readonly string[]).includes(value);
}

/** Open statuses before the meeting has been held (withdrawal is possible from any of them). */
const PRE_MEETING: readonly CaseStatus[] = [
  "REFERRED",
  "CONTACTING_PARTIES",
  "AWAITING_CONSENT",
  "ALLOCATED",
  "PREPARING",
  "MEETING_SCHEDULED",
];

/** Pre-meeting statuses once the LA has been told, i.e. while the 30-day clock runs. */
const ARRANGING: readonly CaseStatus[] = [
  "CONTACTING_PARTIES",
  "AWAITING_CONSENT",
  "ALLOCATED",
  "PREPARING",
  "MEETING_SCHEDULED",
];

// ---------------------------------------------------------------------------------------------
// The transition table (pure data)
// ---------------------------------------------------------------------------------------------

export type InputType = "date" | "text" | "id" | "partyId" | "boolean";

/** A named input recorded with a transition, with a human description of how it is validated. */
export interface InputSpec {
  name: string;
  type: InputType;
  /** Form label for staff. */
  label: string;
  /** How the value is validated (zod-free description). */
  validator: string;
  /** Only required for these case kinds (all kinds of the transition when omitted). */
  kinds?: readonly CaseKind[];
}

export const TRANSITION_NAMES = [
  "startContacting",
  "requestConsent",
  "allocate",
  "reallocate",
  "declineDrs",
  "startPreparing",
  "scheduleMeeting",
  "recordNotArranged",
  "issueNotArrangedCertificate",
  "recordHealthNotified",
  "recordMeetingHeld",
  "issueCertificate",
  "startMonitoring",
  "close",
  "chooseAdviceOnly",
  "withdraw",
] as const;
export type TransitionName = (typeof TRANSITION_NAMES)[number];

/** `to` value of an entry that records an event without changing the status. */
export const UNCHANGED = "UNCHANGED" as const;

export interface TransitionDef {
  name: TransitionName;
  /** Statuses it can start from (union over kinds). */
  from: readonly CaseStatus[];
  /** Narrower `from` for particular kinds (each a subset of `from`). */
  fromByKind?: Partial<Record<CaseKind, readonly CaseStatus[]>>;
  to: CaseStatus | typeof UNCHANGED;
  /** Button text for staff. */
  label: string;
  /** Completes "Only a caseworker or an admin can …". */
  action: string;
  /** Completes "This case is Closed, so …". */
  blocked: string;
  /** Who may do it. MEDIATOR means only the mediator allocated to the case. LA_OFFICER/PARENT never. */
  roles: readonly Role[];
  kinds: readonly CaseKind[];
  /** Inputs that must be recorded. */
  requires: readonly InputSpec[];
  /** Inputs that may be recorded. */
  accepts?: readonly InputSpec[];
  /** Deadlines this may start (filtered per case by `planTransition`). */
  starts: readonly DeadlineName[];
  /** Deadlines this stops (if running). */
  stops: readonly DeadlineName[];
  /** The input whose date is day 0 of the deadlines started. */
  trigger?: string;
  rule?: string;
}

const STAFF: readonly Role[] = ["CASEWORKER", "ADMIN"];
const STAFF_AND_MEDIATOR: readonly Role[] = ["MEDIATOR", "CASEWORKER", "ADMIN"];

const dateInput = (name: string, label: string, kinds?: readonly CaseKind[]): InputSpec => ({
  name,
  type: "date",
  label,
  validator: "ISO date YYYY-MM-DD naming a real calendar date",
  ...(kinds ? { kinds } : {}),
});
const textInput = (name: string, label: string): InputSpec => ({
  name,
  type: "text",
  label,
  validator: `non-empty text, at most ${MAX_TEXT} characters (trimmed)`,
});
const MAX_TEXT = 2000;
const MAX_ID = 200;

export const TRANSITIONS: readonly TransitionDef[] = [
  {
    // the 30-day clock starts on the day the LA is told the family wants mediation.
    // with a health issue, the LA must tell the commissioning body within 3 working days.
    // DRS has no statutory clock, so no date is needed.
    name: "startContacting",
    from: ["REFERRED"],
    to: "CONTACTING_PARTIES",
    label: "Start contacting parties",
    action: "start contacting the parties",
    blocked: "the parties cannot be contacted from here",
    roles: STAFF,
    kinds: ["MEDIATION", "DRS"],
    requires: [dateInput("laNotifiedOn", "Date the LA was told the family wants mediation", ["MEDIATION"])],
    starts: ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"],
    stops: [],
    trigger: "laNotifiedOn",
    rule: "R-20",
  },
  {
    // ask everyone to agree to take part. For mediation the LA must take part, but the
    // family's agreement is still gathered before a mediator is allocated.
    name: "requestConsent",
    from: ["CONTACTING_PARTIES"],
    to: "AWAITING_CONSENT",
    label: "Ask parties to agree to take part",
    action: "ask the parties to agree to take part",
    blocked: "consent cannot be requested now",
    roles: STAFF,
    kinds: ["MEDIATION", "DRS"],
    requires: [],
    starts: [],
    stops: [],
    rule: "R-73",
  },
  {
    // Guard: consent from every party whose consent is required (R-70, R-73 for DRS; the family
    // side for mediation, R-01 — the LA cannot refuse, R-05).
    name: "allocate",
    from: ["AWAITING_CONSENT"],
    to: "ALLOCATED",
    label: "Allocate mediator",
    action: "allocate a mediator",
    blocked: "it cannot be allocated",
    roles: STAFF,
    kinds: ["MEDIATION", "DRS"],
    requires: [
      {
        name: "mediatorId",
        type: "id",
        label: "Mediator",
        validator: `non-empty id of a mediator user, at most ${MAX_ID} characters (caller checks the user is a mediator)`,
      },
    ],
    starts: [],
    stops: [],
    rule: "R-73",
  },
  {
    // Event (status unchanged): a different mediator takes over before the meeting is held.
    name: "reallocate",
    from: ["ALLOCATED", "PREPARING", "MEETING_SCHEDULED"],
    to: UNCHANGED,
    label: "Change mediator",
    action: "change the mediator",
    blocked: "the mediator cannot be changed now",
    roles: STAFF,
    kinds: ["MEDIATION", "DRS"],
    requires: [
      {
        name: "mediatorId",
        type: "id",
        label: "New mediator",
        validator: `non-empty id of a mediator user other than the current one, at most ${MAX_ID} characters`,
      },
    ],
    starts: [],
    stops: [],
  },
  {
    // DRS is voluntary for every party; if one does not agree the case does not proceed.
    name: "declineDrs",
    from: ["CONTACTING_PARTIES", "AWAITING_CONSENT"],
    to: "NOT_PROCEEDING",
    label: "Record that a party declined",
    action: "record that a party declined disagreement resolution",
    blocked: "a refusal to take part cannot be recorded now",
    roles: STAFF,
    kinds: ["DRS"],
    requires: [
      {
        name: "declinedByPartyId",
        type: "partyId",
        label: "Party who declined",
        validator: "id of a party on this case (not a supporter or interpreter)",
      },
      textInput("reason", "Reason"),
    ],
    starts: [],
    stops: [],
    rule: "R-73",
  },
  {
    name: "startPreparing",
    from: ["ALLOCATED"],
    to: "PREPARING",
    label: "Start preparing",
    action: "start preparing the meeting",
    blocked: "preparation cannot start now",
    roles: STAFF_AND_MEDIATOR,
    kinds: ["MEDIATION", "DRS"],
    requires: [],
    starts: [],
    stops: [],
  },
  {
    // R-22: at least 5 working days' notice unless the family agrees to less. The notice check needs
    // the working-day calendar, so the caller does it with the date engine and records the agreement.
    // From MEETING_SCHEDULED it is a reschedule.
    name: "scheduleMeeting",
    from: ["ALLOCATED", "PREPARING", "MEETING_SCHEDULED"],
    to: "MEETING_SCHEDULED",
    label: "Schedule meeting",
    action: "schedule the meeting",
    blocked: "a meeting cannot be scheduled",
    roles: STAFF_AND_MEDIATOR,
    kinds: ["MEDIATION", "DRS"],
    requires: [dateInput("meetingOn", "Meeting date")],
    accepts: [
      {
        name: "shortNoticeAgreed",
        type: "boolean",
        label: "Family agreed to less than 5 working days' notice",
        validator: "true or false (R-22)",
      },
    ],
    starts: [],
    stops: [],
    rule: "R-22",
  },
  {
    // Event (status unchanged): R-23 — mediation cannot take place within the 30 days; the adviser is
    // told and a "not arranged" certificate is due. The family may still mediate, so the case stays
    // where it is and the 30-day clock keeps running (it is reported on).
    name: "recordNotArranged",
    from: ARRANGING,
    to: UNCHANGED,
    label: "Record mediation cannot be arranged in 30 days",
    action: "record that mediation cannot be arranged within 30 days",
    blocked: "this cannot be recorded now",
    roles: STAFF,
    kinds: ["MEDIATION"],
    requires: [dateInput("toldOn", "Date the adviser was told")],
    starts: ["CERTIFICATE_NOT_ARRANGED"],
    stops: [],
    trigger: "toldOn",
    rule: "R-23",
  },
  {
    // Event (status unchanged): the "could not be arranged" certificate.
    name: "issueNotArrangedCertificate",
    from: ARRANGING,
    to: UNCHANGED,
    label: "Issue certificate (could not be arranged)",
    action: "issue a certificate",
    blocked: "a “could not be arranged” certificate cannot be issued now",
    roles: STAFF,
    kinds: ["MEDIATION"],
    requires: [dateInput("issuedOn", "Date of issue")],
    starts: [],
    stops: ["CERTIFICATE_NOT_ARRANGED"],
    rule: "R-23",
  },
  {
    // Event (status unchanged): R-21 — the LA has told the health commissioning body.
    name: "recordHealthNotified",
    from: ARRANGING,
    to: UNCHANGED,
    label: "Record health body told",
    action: "record that the health commissioning body was told",
    blocked: "this cannot be recorded now",
    roles: STAFF,
    kinds: ["MEDIATION"],
    requires: [dateInput("notifiedOn", "Date the LA told the health commissioning body")],
    starts: [],
    stops: ["HEALTH_NOTIFICATION"],
    rule: "R-21",
  },
  {
    // mediation concluded → AFTER_MEDIATION certificate due. Stops the 30-day clock.
    // DRS: ends with an Outcome Statement and no certificate.
    name: "recordMeetingHeld",
    from: ["MEETING_SCHEDULED"],
    to: "MEETING_HELD",
    label: "Record meeting held",
    action: "record that the meeting was held",
    blocked: "the meeting cannot be recorded as held",
    roles: STAFF_AND_MEDIATOR,
    kinds: ["MEDIATION", "DRS"],
    requires: [dateInput("heldOn", "Date the meeting was held")],
    starts: ["CERTIFICATE_AFTER_MEDIATION"],
    stops: ["MEDIATION_30_DAY"],
    trigger: "heldOn",
    rule: "R-30",
  },
  {
    // the certificate kind follows from where the case is (MEETING_HELD → AFTER_MEDIATION;
    // ADVICE_ONLY/WITHDRAWN → ADVICE_ONLY, R-11/R-12). Issuing a certificate satisfies every pending
    // certificate deadline. Never for DRS.
    name: "issueCertificate",
    from: ["MEETING_HELD", "ADVICE_ONLY", "WITHDRAWN"],
    fromByKind: { ADVICE_ONLY: ["ADVICE_ONLY"] },
    to: "CERTIFICATE_ISSUED",
    label: "Issue certificate",
    action: "issue a certificate",
    blocked: "a certificate cannot be issued",
    roles: STAFF,
    kinds: ["MEDIATION", "ADVICE_ONLY"],
    requires: [dateInput("issuedOn", "Date of issue")],
    starts: [],
    stops: ["CERTIFICATE_ADVICE_ONLY", "CERTIFICATE_AFTER_MEDIATION", "CERTIFICATE_NOT_ARRANGED"],
    rule: "R-30",
  },
  {
    // Mediation: after the certificate, follow up the written agreement (R-40..R-42).
    // DRS: straight after the meeting, follow up the Outcome Statement's actions.
    name: "startMonitoring",
    from: ["CERTIFICATE_ISSUED", "MEETING_HELD"],
    fromByKind: { MEDIATION: ["CERTIFICATE_ISSUED"], DRS: ["MEETING_HELD"] },
    to: "MONITORING",
    label: "Start monitoring agreed actions",
    action: "start monitoring the agreed actions",
    blocked: "monitoring cannot start",
    roles: STAFF,
    kinds: ["MEDIATION", "DRS"],
    requires: [],
    starts: [],
    stops: [],
    rule: "R-40",
  },
  {
    // Mediation/advice-only cases close only once the certificate is issued.
    // DRS has no certificate: it closes after the meeting, after monitoring, or once withdrawn.
    name: "close",
    from: ["CERTIFICATE_ISSUED", "MONITORING", "MEETING_HELD", "WITHDRAWN"],
    fromByKind: {
      MEDIATION: ["CERTIFICATE_ISSUED", "MONITORING"],
      ADVICE_ONLY: ["CERTIFICATE_ISSUED"],
      DRS: ["MEETING_HELD", "MONITORING", "WITHDRAWN"],
    },
    to: "CLOSED",
    label: "Close case",
    action: "close a case",
    blocked: "it cannot be closed",
    roles: STAFF,
    kinds: ["MEDIATION", "ADVICE_ONLY", "DRS"],
    requires: [textInput("reason", "Reason for closing")],
    starts: [],
    stops: [],
  },
  {
    // the family does not want mediation → advice-only certificate within 3 working days of
    // the adviser being told. If the LA had already been told, the 30-day clock stops.
    name: "chooseAdviceOnly",
    from: ["REFERRED", "CONTACTING_PARTIES"],
    to: "ADVICE_ONLY",
    label: "Family does not want mediation",
    action: "record that the family does not want mediation",
    blocked: "it cannot be changed to advice only",
    roles: STAFF,
    kinds: ["MEDIATION", "ADVICE_ONLY"],
    requires: [dateInput("toldOn", "Date the adviser was told")],
    starts: ["CERTIFICATE_ADVICE_ONLY"],
    stops: ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"],
    trigger: "toldOn",
    rule: "R-11",
  },
  {
    // a family that chose mediation and withdraws gets an advice-only certificate (3 working
    // days). DRS: any party may withdraw at any time; no certificate.
    name: "withdraw",
    from: PRE_MEETING,
    to: "WITHDRAWN",
    label: "Withdraw case",
    action: "withdraw a case",
    blocked: "it cannot be withdrawn",
    roles: STAFF,
    kinds: ["MEDIATION", "DRS"],
    requires: [dateInput("toldOn", "Date we were told of the withdrawal"), textInput("reason", "Reason")],
    starts: ["CERTIFICATE_ADVICE_ONLY"],
    stops: ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"],
    trigger: "toldOn",
    rule: "R-12",
  },
];

const BY_NAME = new Map<string, TransitionDef>(TRANSITIONS.map((t) => [t.name, t]));

export function getTransition(name: string): TransitionDef | undefined {
  return BY_NAME.get(name);
}

/** The statuses a transition can start from for a given kind of case. */
export function fromStatusesFor(t: TransitionDef, kind: CaseKind): readonly CaseStatus[] {
  return t.fromByKind?.[kind] ?? t.from;
}

// ---------------------------------------------------------------------------------------------
// Deadlines that apply to a case
// ---------------------------------------------------------------------------------------------

/** the LA must tell the health commissioning body when a mediation case has a health issue. */
export function needsHealthNotification(snapshot: Pick<CaseSnapshot, "kind" | "hasHealthIssue">): boolean {
  return snapshot.kind === "MEDIATION" && snapshot.hasHealthIssue;
}

/** Whether a named deadline can exist for this case at all. */
export function deadlineApplies(name: DeadlineName, snapshot: Pick<CaseSnapshot, "kind" | "hasHealthIssue">): boolean {
  switch (name) {
    case "MEDIATION_30_DAY":
      return snapshot.kind === "MEDIATION";
    case "HEALTH_NOTIFICATION":
      return needsHealthNotification(snapshot);
    case "CERTIFICATE_ADVICE_ONLY":
    case "CERTIFICATE_AFTER_MEDIATION":
    case "CERTIFICATE_NOT_ARRANGED":
      return snapshot.kind !== "DRS"; // DRS gives no certificate
  }
}

// ---------------------------------------------------------------------------------------------
// Guards (snapshot-only) and input checks (need the validated record)
// ---------------------------------------------------------------------------------------------

const FAMILY_PARTY_KINDS = ["PARENT", "YOUNG_PERSON"];
/** Attend but are not parties to the disagreement, so their agreement is not sought. */
const NON_PRINCIPAL_KINDS = ["SUPPORTER", "INTERPRETER"];

/** The parties whose consent must be GIVEN before a mediator is allocated. */
export function partiesWhoseConsentIsRequired(snapshot: CaseSnapshot): CaseParty[] {
  if (snapshot.kind === "DRS") {
    // voluntary for every party to the disagreement.
    return snapshot.parties.filter((p) => !NON_PRINCIPAL_KINDS.includes(p.kind));
  }
  // Mediation: the parent or young person. The LA must take part, so its consent
  // never blocks allocation.
  return snapshot.parties.filter((p) => FAMILY_PARTY_KINDS.includes(p.kind));
}

function listNames(parties: readonly CaseParty[]): string {
  return parties.map(partyDescription).join(", ");
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
  recordNotArranged(snapshot) {
    if (snapshot.openDeadlines?.includes("CERTIFICATE_NOT_ARRANGED")) {
      return "It is already recorded that mediation cannot be arranged within 30 days; the certificate is due.";
    }
    return null;
  },
  issueNotArrangedCertificate(snapshot) {
    if (snapshot.openDeadlines && !snapshot.openDeadlines.includes("CERTIFICATE_NOT_ARRANGED")) {
      return "First record that mediation cannot be arranged within 30 days (R-23).";
    }
    return null;
  },
  recordHealthNotified(snapshot) {
    if (!snapshot.hasHealthIssue) return "This case has no health issue, so the health body does not need to be told (R-21).";
    if (snapshot.openDeadlines && !snapshot.openDeadlines.includes("HEALTH_NOTIFICATION")) {
      return "It is already recorded that the health commissioning body was told.";
    }
    return null;
  },
};

type RecordValue = string | boolean;
export type TransitionRecord = Record<string, RecordValue>;

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
      return {
        field: "declinedByPartyId",
        message: `${partyDescription(party)} is not a party to the disagreement, so their refusal does not stop it.`,
      };
    }
    return null;
  },
};

// ---------------------------------------------------------------------------------------------
// Timeline summaries
// ---------------------------------------------------------------------------------------------

interface EventInfo {
  type: string;
  summary: string;
  rule?: string;
}

type EventBuilder = (snapshot: CaseSnapshot, record: TransitionRecord) => EventInfo;

const d = (v: RecordValue | undefined): string => (typeof v === "string" ? formatIsoDate(v) : "");

const EVENTS: Record<TransitionName, EventBuilder> = {
  startContacting: (s, r) =>
    s.kind === "MEDIATION"
      ? { type: "CONTACTING_STARTED", summary: `Started contacting the parties; LA told on ${d(r.laNotifiedOn)}`, rule: "R-20" }
      : { type: "CONTACTING_STARTED", summary: "Started contacting the parties" },
  requestConsent: () => ({ type: "CONSENT_REQUESTED", summary: "Asked the parties to agree to take part", rule: "R-73" }),
  allocate: () => ({ type: "MEDIATOR_ALLOCATED", summary: "Mediator allocated" }),
  reallocate: () => ({ type: "MEDIATOR_CHANGED", summary: "Mediator changed" }),
  declineDrs: (s, r) => {
    const party = s.parties.find((p) => p.id === r.declinedByPartyId);
    return {
      type: "DRS_DECLINED",
      summary: `Not proceeding: ${party ? partyDescription(party) : "a party"} declined to take part`,
      rule: "R-73",
    };
  },
  startPreparing: () => ({ type: "PREPARATION_STARTED", summary: "Preparation for the meeting started" }),
  scheduleMeeting: (s, r) => ({
    type: "MEETING_SCHEDULED",
    summary:
      (s.status === "MEETING_SCHEDULED" ? `Meeting moved to ${d(r.meetingOn)}` : `Meeting scheduled for ${d(r.meetingOn)}`) +
      (r.shortNoticeAgreed === true ? " (family agreed to shorter notice)" : ""),
    rule: "R-22",
  }),
  recordNotArranged: (_s, r) => ({
    type: "MEDIATION_NOT_ARRANGED",
    summary: `Mediation cannot take place within 30 days; adviser told on ${d(r.toldOn)}`,
    rule: "R-23",
  }),
  issueNotArrangedCertificate: () => ({
    type: "CERTIFICATE_ISSUED",
    summary: "Certificate issued (mediation could not be arranged within 30 days)",
    rule: "R-23",
  }),
  recordHealthNotified: (_s, r) => ({
    type: "HEALTH_BODY_NOTIFIED",
    summary: `LA told the health commissioning body on ${d(r.notifiedOn)}`,
    rule: "R-21",
  }),
  recordMeetingHeld: (s, r) =>
    s.kind === "DRS"
      ? { type: "MEETING_HELD", summary: `Disagreement resolution meeting held on ${d(r.heldOn)}`, rule: "R-72" }
      : { type: "MEETING_HELD", summary: `Mediation meeting held on ${d(r.heldOn)}`, rule: "R-30" },
  issueCertificate: (_s, r) => ({
    type: "CERTIFICATE_ISSUED",
    summary: r.certificateKind === "AFTER_MEDIATION" ? "Certificate issued (after mediation)" : "Certificate issued (advice only)",
    rule: "R-30",
  }),
  startMonitoring: (s) => ({
    type: "MONITORING_STARTED",
    summary: "Monitoring the agreed actions",
    rule: s.kind === "DRS" ? "R-72" : "R-40",
  }),
  close: (_s, r) => ({ type: "CASE_CLOSED", summary: `Case closed: ${String(r.reason)}` }),
  chooseAdviceOnly: () => ({
    type: "ADVICE_ONLY_CHOSEN",
    summary: "Family does not want mediation; advice-only certificate due",
    rule: "R-11",
  }),
  withdraw: (s, r) =>
    s.kind === "DRS"
      ? { type: "CASE_WITHDRAWN", summary: `Withdrawn from disagreement resolution: ${String(r.reason)}`, rule: "R-70" }
      : { type: "CASE_WITHDRAWN", summary: `Family withdrew from mediation: ${String(r.reason)}`, rule: "R-12" },
};

/** Which certificate a certificate-issuing transition produces, from where the case is. */
function certificateKindFor(name: TransitionName, status: CaseStatus): CertificateKind | null {
  if (name === "issueNotArrangedCertificate") return "NOT_ARRANGED";
  if (name !== "issueCertificate") return null;
  return status === "MEETING_HELD" ? "AFTER_MEDIATION" : "ADVICE_ONLY";
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
  /** Day 0 for every deadline in `starts` (null when nothing starts). */
  triggerDate: string | null;
  /** Validated inputs, plus `certificateKind` for certificate transitions. */
  record: TransitionRecord;
}

export type TransitionResult = TransitionPlan | TransitionFailure;

function fail(code: LifecycleFailureCode, message: string, field?: string): TransitionFailure {
  return field === undefined ? { ok: false, code, message } : { ok: false, code, message, field };
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

const ROLE_IN_SENTENCE: Partial<Record<Role, string>> = {
  MEDIATOR: "the allocated mediator",
  CASEWORKER: "a caseworker",
  ADMIN: "an admin",
};

/**
 * Checks everything that does not depend on the inputs: the transition exists, applies to this
 * kind of case, is allowed from the current status, the actor may do it, and the snapshot guard.
 * Useful to show a disabled button with a reason.
 */
export function checkTransition(snapshot: CaseSnapshot, name: string, actor: Actor): { ok: true; transition: TransitionDef } | TransitionFailure {
  const t = getTransition(name);
  if (!t) return fail("UNKNOWN_TRANSITION", `“${name}” is not something that can be done to a case.`);

  if (!t.kinds.includes(snapshot.kind)) {
    const note = snapshot.kind === "DRS" && t.name === "issueCertificate"
      ? " Disagreement resolution does not give a certificate (R-71)."
      : "";
    return fail("KIND_NOT_APPLICABLE", `This is ${KIND_IN_SENTENCE[snapshot.kind]}, so ${t.blocked}.${note}`);
  }

  const allowedFrom = fromStatusesFor(t, snapshot.kind);
  if (!allowedFrom.includes(snapshot.status)) {
    const when = allowedFrom.map((s) => STATUS_LABELS[s]).join(", ");
    return fail(
      "NOT_ALLOWED_FROM_STATUS",
      `This case is ${STATUS_IN_SENTENCE[snapshot.status]}, so ${t.blocked}. This can only be done when the case is: ${when}.`,
    );
  }

  if (!t.roles.includes(actor.role)) {
    const who = t.roles.map((r) => ROLE_IN_SENTENCE[r] ?? ROLE_LABELS[r]);
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

  const guard = GUARDS[t.name]?.(snapshot);
  if (guard) return fail("GUARD_FAILED", guard);

  return { ok: true, transition: t };
}

function requiredInputs(t: TransitionDef, kind: CaseKind): InputSpec[] {
  return t.requires.filter((i) => !i.kinds || i.kinds.includes(kind));
}

/** Validates one input; returns the cleaned value or an error message. */
function validateInput(
  spec: InputSpec,
  raw: unknown,
  snapshot: CaseSnapshot,
): { value: RecordValue } | { error: string } {
  const label = spec.label;
  switch (spec.type) {
    case "date":
      if (!isIsoDate(raw)) return { error: `${label} must be a real date written as YYYY-MM-DD.` };
      return { value: raw };
    case "text":
    case "id": {
      const max = spec.type === "text" ? MAX_TEXT : MAX_ID;
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
  }
}

/**
 * Plans a transition: checks it is allowed, validates the inputs and says what to record.
 * Never throws and never performs anything; the caller persists the status change, the event,
 * the record and the deadline changes (ideally in one database transaction).
 */
export function planTransition(
  snapshot: CaseSnapshot,
  name: string,
  actor: Actor,
  input: Record<string, unknown> = {},
): TransitionResult {
  const checked = checkTransition(snapshot, name, actor);
  if (!checked.ok) return checked;
  const t = checked.transition;

  const record: TransitionRecord = {};
  for (const spec of requiredInputs(t, snapshot.kind)) {
    const raw = input[spec.name];
    if (raw === undefined || raw === null || raw === "") {
      return fail("MISSING_INPUT", `${spec.label} is needed to ${t.action}.`, spec.name);
    }
    const r = validateInput(spec, raw, snapshot);
    if ("error" in r) return fail("MISSING_INPUT", r.error, spec.name);
    record[spec.name] = r.value;
  }
  for (const spec of t.accepts ?? []) {
    const raw = input[spec.name];
    if (raw === undefined || raw === null) continue;
    const r = validateInput(spec, raw, snapshot);
    if ("error" in r) return fail("MISSING_INPUT", r.error, spec.name);
    record[spec.name] = r.value;
  }

  const inputProblem = INPUT_CHECKS[t.name]?.(snapshot, record);
  if (inputProblem) return fail("GUARD_FAILED", inputProblem.message, inputProblem.field);

  const certificateKind = certificateKindFor(t.name, snapshot.status);
  if (certificateKind) record.certificateKind = certificateKind;

  const starts = t.starts.filter((dl) => deadlineApplies(dl, snapshot));
  const stops = t.stops.filter((dl) => deadlineApplies(dl, snapshot));
  const trigger = t.trigger ? record[t.trigger] : undefined;

  const to = t.to === UNCHANGED ? snapshot.status : t.to;
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

/** The transitions this actor can start now (for rendering buttons); inputs are checked later. */
export function availableTransitions(snapshot: CaseSnapshot, actor: Actor): TransitionDef[] {
  return TRANSITIONS.filter((t) => checkTransition(snapshot, t.name, actor).ok);
}

// ---------------------------------------------------------------------------------------------
// Throwing variant
// ---------------------------------------------------------------------------------------------

export class LifecycleError extends Error {
  readonly code: LifecycleFailureCode;
  readonly field?: string;

  constructor(code: LifecycleFailureCode, message: string, field?: string) {
    super(message);
    this.name = "LifecycleError";
    this.code = code;
    if (field !== undefined) this.field = field;
  }
}

/** Like `planTransition`, but throws a `LifecycleError` instead of returning a failure. */
export function assertTransition(
  snapshot: CaseSnapshot,
  name: string,
  actor: Actor,
  input: Record<string, unknown> = {},
): TransitionPlan {
  const result = planTransition(snapshot, name, actor, input);
  if (!result.ok) throw new LifecycleError(result.code, result.message, result.field);
  return result;
}

