/**
 * The transition table: the only place that knows a transition. Each row says where it can start
 * from and where it goes, who may do it and for which kinds of case, the inputs it records (which
 * must be past dates, which recorded dates of the case each must not precede, which case column
 * each writes, the help beside each field), the deadlines it starts and stops and how they close,
 * who may read its timeline entry, whether it needs a confirmation step, its audit action
 * and its page text.
 *
 * Plain data (no functions), so a row can be rendered or handed to a client component. The
 * planner (./plan.ts) reads it; the wording (./wording.ts) words its timeline entries.
 * Rules: docs/domain (rule ids R-xx cited where applied).
 *
 * Some rows keep the status (`to: UNCHANGED`): recording that mediation cannot be arranged within
 * 30 days, issuing the "not arranged" certificate, recording that the LA told the health
 * commissioning body, recording that the ICB told the LA of a health-only agreement
 * and changing the allocated mediator. They change deadlines or the
 * record but not where the case is, because R-23 lets the family still mediate.
 * `starts`/`stops` are what a transition MAY start/stop; the planner filters them for the case
 * (no certificate deadlines for DRS, R-71; HEALTH_NOTIFICATION only with a health issue, R-21),
 * and `startsWhen`/`startsUnlessOpen` narrow them further (R-12: a certificate only when asked).
 * A row that does the duty of a deadline is offered wherever that deadline runs (`whileOpen`):
 * a clock opened at intake can be answered while the case is still Referred.
 */
import type { AuditAction } from "@/lib/platform/audit";
import { AGREEMENTS, CASE_STATUSES, MEDIATION_CLOCKS, OPEN_STATUSES, PRE_MEETING, type Agreement, type CaseDateName, type CaseKind, type CaseStatus, type DeadlineName, type Role } from "./vocabulary";
import { AGREEMENT_LABELS } from "./agreement-labels";

export type InputType = "date" | "text" | "id" | "partyId" | "boolean" | "choice";

/** The case columns a transition may write (see `InputSpec.column`). */
export type CaseColumn = "laNotifiedOn" | "meetingOn" | "heldOn" | "allocatedMediatorId" | "agreement" | "appealLodgedOn" | "appealReference";

/** One answer of a `choice` input. */
export interface ChoiceOption {
  value: string;
  label: string;
}

/** A named input recorded with a transition. */
export interface InputSpec {
  name: string;
  type: InputType;
  /** Form label for staff. */
  label: string;
  /** Help shown beside the field. */
  hint?: string;
  /** How the value is validated (a description for readers). */
  validator: string;
  /** Only asked for these case kinds (all kinds of the transition when omitted). */
  kinds?: readonly CaseKind[];
  /** A date of something that has already happened: never later than today. */
  past?: boolean;
  /**
   * Dates of the case this date must not precede (decision sent ≤ LA told ≤ consent ≤ meeting held
   * ≤ certificate; a certificate never before its trigger). Checked before anything is written; the
   * message names the date it must follow and its rule (lib/cases/date-order.ts).
   */
  notBefore?: readonly CaseDateName[];
  /** A date of something still to happen: today or later. */
  future?: boolean;
  /** For a `choice` input: the answers, one of which must be chosen. */
  options?: readonly ChoiceOption[];
  /** The case column the value is written to (and read back as the form's starting value). */
  column?: CaseColumn;
  /**
   * A date the case may already hold (given at intake): then it is not asked again, and the
   * recorded date is used (issue 8, item 9).
   */
  askedOnce?: boolean;
}

/** A condition on the deadlines running, with the sentence that explains a refusal. */
export interface DeadlineCondition {
  deadlines: readonly DeadlineName[];
  /** Why it cannot be done, shown to the user when the condition is not met. */
  otherwise: string;
}

/** the notice a date input must give the family, unless they agreed to less. */
export interface NoticeRule {
  /** The date input (the meeting date). */
  date: string;
  /** The boolean input recording that the family agreed to shorter notice. */
  agreed: string;
  /** The kinds of case bound by it (DRS is not, R-70). */
  kinds: readonly CaseKind[];
}

/** The confirmation step of a transition that ends the mediation route. */
export interface ConfirmText {
  heading: string;
  warning: string;
  button: string;
}

export const TRANSITION_NAMES = [
  "startContacting",
  "requestConsent",
  "allocate",
  "reallocate",
  "declineDrs",
  "startPreparing",
  "scheduleMeeting",
  "cancelMeeting",
  "recordNotArranged",
  "issueNotArrangedCertificate",
  "recordHealthNotified",
  "recordIcbToldLa",
  "recordMeetingHeld",
  "issueCertificate",
  "startMonitoring",
  "close",
  "chooseAdviceOnly",
  "withdraw",
  "recordAppeal",
  "reopen",
] as const;
export type TransitionName = (typeof TRANSITION_NAMES)[number];

/** `to` value of an entry that records an event without changing the status. */
export const UNCHANGED = "UNCHANGED" as const;
/** `to` value of re-opening: back to the status the case left when it closed (`remembersFrom`). */
export const PREVIOUS = "PREVIOUS" as const;

export interface TransitionDef {
  name: TransitionName;
  /** Statuses it can start from (union over kinds). */
  from: readonly CaseStatus[];
  /** Narrower `from` for particular kinds (each a subset of `from`). */
  fromByKind?: Partial<Record<CaseKind, readonly CaseStatus[]>>;
  /** Narrower `from` for particular roles (each a subset of `from`): e.g. what a mediator may do. */
  fromByRole?: Partial<Record<Role, readonly CaseStatus[]>>;
  /** Offered only while at least one of these deadlines runs (the duty it records, R-21, R-23, R-30). */
  whileOpen?: DeadlineCondition;
  /** Refused while any of these deadlines runs (e.g. a certificate still due before closing): the
   * first condition that holds gives the reason. */
  unlessOpen?: DeadlineCondition | readonly DeadlineCondition[];
  to: CaseStatus | typeof UNCHANGED | typeof PREVIOUS;
  /** The status it leaves is kept on the case, so a later `to: PREVIOUS` returns there (closing, R-31). */
  remembersFrom?: boolean;
  /** Who may do it. MEDIATOR means only the mediator allocated to the case. LA_OFFICER/PARENT never. */
  roles: readonly Role[];
  kinds: readonly CaseKind[];
  /** Inputs that must be recorded. */
  requires: readonly InputSpec[];
  /** Inputs that may be recorded. */
  accepts?: readonly InputSpec[];
  /** Deadlines this may start (filtered per case by the planner). */
  starts: readonly DeadlineName[];
  /** A boolean input that must be true for `starts` to start (R-12: the family asked for a certificate). */
  startsWhen?: string;
  /** `starts` start only while none of these runs: a certificate already due stays the one due. */
  startsUnlessOpen?: readonly DeadlineName[];
  /**
   * `starts` start only when this date input is after the last day of a running mediation
   * clock (R-20; the ICB's for health only, R-21) — the meeting is booked after the day mediation
   * must take place by — and the "could not be arranged" certificate has not already been issued.
   */
  startsWhenAfterLastDay?: string;
  /** Deadlines this stops (if running), on the date of its first date input (else today). */
  stops: readonly DeadlineName[];
  /**
   * How the stopped deadlines close: MET (the duty was done; recorded as MISSED, with how late, when
   * done after the due date) or CANCELLED (it no longer applies).
   */
  stopOutcome: "MET" | "CANCELLED";
  /** The input whose date is day 0 of the deadlines started; none: the day it is recorded (today). */
  trigger?: string;
  /**
   * Case columns it empties: cancelling the joint meeting empties `meetingOn`, which is derived
   * from the joint meeting (issue 10).
   */
  clears?: readonly CaseColumn[];
  /** the notice the meeting date must give the family (checked with the calendar by the command). */
  notice?: NoticeRule;
  /**
   * Who may read its timeline entry: SHARED (the LA and the family too) or STAFF. Staff
   * free text (a reason) never goes into a SHARED summary; it stays in the entry's data.
   */
  visibility: "SHARED" | "STAFF";
  /** Set for a transition that ends the mediation route: the confirmation step's wording. */
  confirm?: ConfirmText;
  /** A confirmation step only when this time it starts a deadline (R-23: a meeting after the last day). */
  confirmWhenStarting?: ConfirmText;
  /** When its guard refuses, the case page says why (a to-do for the user, not noise). */
  explainWhenBlocked?: boolean;
  /**
   * Done on a page of its own, by a command of its own that records more than the row's inputs,
   * never by the generic transition form (transitionCase refuses it): the page's path under the
   * case. "Meeting held" is written with the meeting record (lib/meetings/record, issue 10).
   */
  ownPage?: string;
  audit: AuditAction;
  rule?: string;
  /** Button and page title. */
  label: string;
  /** Completes "Only a caseworker can …". */
  action: string;
  /** Completes "This case is Closed, so …". */
  blocked: string;
  /** The banner on the case page once it is done. */
  done: string;
}

const STAFF: readonly Role[] = ["CASEWORKER", "ADMIN"];
const STAFF_AND_MEDIATOR: readonly Role[] = ["MEDIATOR", "CASEWORKER", "ADMIN"];

export const MAX_TRANSITION_TEXT = 2000;
export const MAX_TRANSITION_ID = 200;

type DateOptions = { kinds?: readonly CaseKind[]; hint?: string; past?: boolean; future?: boolean; notBefore?: readonly CaseDateName[]; column?: CaseColumn; askedOnce?: boolean };
const dateInput = (name: string, label: string, o: DateOptions = {}): InputSpec => ({
  name,
  type: "date",
  label,
  validator:
    "ISO date YYYY-MM-DD naming a real calendar date" +
    (o.past ? ", today or earlier" : "") +
    (o.future ? ", today or later" : "") +
    (o.notBefore?.length ? `, not before the case's ${o.notBefore.join(", ")}` : ""),
  ...o,
});
const textInput = (name: string, label: string, hint?: string): InputSpec => ({
  name,
  type: "text",
  label,
  validator: `non-empty text, at most ${MAX_TRANSITION_TEXT} characters (trimmed)`,
  ...(hint ? { hint } : {}),
});
const REASON_HINT = "Staff only: this is not shown to the local authority or the family.";
const CERTIFICATE_DUE_HINT = "The certificate is due 3 working days after this date.";
const CERTIFICATE_DEADLINES: readonly DeadlineName[] = ["CERTIFICATE_ADVICE_ONLY", "CERTIFICATE_AFTER_MEDIATION", "CERTIFICATE_NOT_ARRANGED"];
/** Why "Issue certificate" is not offered: no certificate it issues is due. */
export const ISSUE_CERTIFICATE_NOT_DUE =
  "No certificate of this kind is due on this case: the family did not ask for one when it withdrew (R-12), or the certificate due is the “could not be arranged” one (R-23).";

export { AGREEMENT_LABELS } from "./agreement-labels";
/** The agreements that leave agreed actions to monitor (R-40..R-42, R-72). */
export const AGREEMENTS_WITH_ACTIONS: readonly Agreement[] = ["FULL", "PARTIAL"];
const mediatorInput = (label: string, validator: string): InputSpec => ({ name: "mediatorId", type: "id", label, validator, column: "allocatedMediatorId" });

/** The end of TRANSITIONS: things that can be done whatever the status, and re-opening. */
const AFTER_CLOSING: readonly TransitionDef[] = [
  {
    // Issue 8, item 10: an appeal to the Tribunal can be lodged while mediation runs, or after it
    // (with or without a certificate, R-04, R-50). Recording it changes nothing else; it may be
    // recorded again to correct it, and on a closed case (commissioners report cases later appealed).
    name: "recordAppeal",
    from: CASE_STATUSES,
    to: UNCHANGED,
    roles: STAFF,
    kinds: ["MEDIATION", "ADVICE_ONLY"],
    requires: [
      dateInput("appealLodgedOn", "Date the appeal was lodged", {
        past: true,
        notBefore: ["decisionSentOn"],
        column: "appealLodgedOn",
        hint: "The date the family's appeal reached the Tribunal. Mediation can carry on alongside an appeal.",
      }),
    ],
    accepts: [
      {
        name: "appealReference",
        type: "text",
        label: "Tribunal reference (optional)",
        hint: "As on the Tribunal's letter, for example EH123/26/00042.",
        validator: `text, at most ${MAX_TRANSITION_TEXT} characters (trimmed)`,
        column: "appealReference",
      },
    ],
    starts: [],
    stops: [],
    stopOutcome: "MET",
    visibility: "SHARED",
    audit: "case.appeal_recorded",
    rule: "R-50",
    label: "Record appeal lodged",
    action: "record an appeal",
    blocked: "an appeal cannot be recorded",
    done: "The appeal has been recorded.",
  },
  {
    // Issue 8, item 10: a closed case can be re-opened with a reason, e.g. to issue a corrected
    // certificate, which supersedes the old one. It returns to the status it closed from.
    name: "reopen",
    from: ["CLOSED"],
    to: PREVIOUS,
    roles: STAFF,
    kinds: ["MEDIATION", "ADVICE_ONLY", "DRS"],
    requires: [textInput("reason", "Reason for re-opening", REASON_HINT)],
    starts: [],
    stops: [],
    stopOutcome: "MET",
    visibility: "SHARED",
    audit: "case.reopened",
    rule: "R-31",
    label: "Re-open case",
    action: "re-open a case",
    blocked: "it cannot be re-opened",
    done: "The case has been re-opened.",
  },
];

export const TRANSITIONS: readonly TransitionDef[] = [
  {
    // the 30-day clock starts on the day the LA is told the family wants mediation.
    // with a health issue, the LA must tell the commissioning body within 3 working days; for
    // health only, the ICB's own 30 days start when it is told (recordHealthNotified), not here.
    // DRS has no statutory clock, so no date is needed.
    name: "startContacting",
    from: ["REFERRED"],
    to: "CONTACTING_PARTIES",
    roles: STAFF,
    kinds: ["MEDIATION", "DRS"],
    requires: [
      dateInput("laNotifiedOn", "Date the LA was told the family wants mediation", {
        kinds: ["MEDIATION"],
        past: true,
        notBefore: ["decisionSentOn"],
        column: "laNotifiedOn",
        askedOnce: true,
        hint: "The 30-day clock starts on this day: mediation must take place within 30 days of it (R-20).",
      }),
    ],
    starts: ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"],
    stops: [],
    stopOutcome: "MET",
    trigger: "laNotifiedOn",
    visibility: "SHARED",
    audit: "case.contacting_started",
    rule: "R-20",
    label: "Start contacting parties",
    action: "start contacting the parties",
    blocked: "the parties cannot be contacted from here",
    done: "You have started contacting the parties.",
  },
  {
    // ask everyone to agree to take part. For mediation the LA must take part, but the
    // family's agreement is still gathered before a mediator is allocated.
    name: "requestConsent",
    from: ["CONTACTING_PARTIES"],
    to: "AWAITING_CONSENT",
    roles: STAFF,
    kinds: ["MEDIATION", "DRS"],
    requires: [],
    starts: [],
    stops: [],
    stopOutcome: "MET",
    visibility: "SHARED",
    audit: "case.consent_requested",
    rule: "R-73",
    label: "Ask parties to agree to take part",
    action: "ask the parties to agree to take part",
    blocked: "consent cannot be requested now",
    done: "You have asked the parties to agree to take part.",
  },
  {
    // Guard: consent from every party whose consent is required (R-70, R-73 for DRS; the family
    // side for mediation, R-01 — the LA cannot refuse, R-05). R-13: the allocation command checks
    // the mediator is active and has no conflict of interest.
    name: "allocate",
    from: ["AWAITING_CONSENT"],
    to: "ALLOCATED",
    roles: STAFF,
    kinds: ["MEDIATION", "DRS"],
    requires: [mediatorInput("Mediator", `non-empty id of a mediator user, at most ${MAX_TRANSITION_ID} characters (caller checks the user is a mediator)`)],
    starts: [],
    stops: [],
    stopOutcome: "MET",
    visibility: "SHARED",
    explainWhenBlocked: true,
    audit: "case.mediator_allocated",
    rule: "R-73",
    label: "Allocate mediator",
    action: "allocate a mediator",
    blocked: "it cannot be allocated",
    done: "The mediator has been allocated.",
  },
  {
    // Event (status unchanged): a different mediator takes over before the meeting is held. An
    // internal staffing change, so staff only (R-80 default).
    name: "reallocate",
    from: ["ALLOCATED", "PREPARING", "MEETING_SCHEDULED"],
    to: UNCHANGED,
    roles: STAFF,
    kinds: ["MEDIATION", "DRS"],
    requires: [mediatorInput("New mediator", `non-empty id of a mediator user other than the current one, at most ${MAX_TRANSITION_ID} characters`)],
    starts: [],
    stops: [],
    stopOutcome: "MET",
    visibility: "STAFF",
    audit: "case.mediator_changed",
    label: "Change mediator",
    action: "change the mediator",
    blocked: "the mediator cannot be changed now",
    done: "The mediator has been changed.",
  },
  {
    // DRS is voluntary for every party; if one does not agree the case does not proceed.
    name: "declineDrs",
    from: ["CONTACTING_PARTIES", "AWAITING_CONSENT"],
    to: "NOT_PROCEEDING",
    roles: STAFF,
    kinds: ["DRS"],
    requires: [
      { name: "declinedByPartyId", type: "partyId", label: "Party who declined", validator: "id of a party on this case (not a supporter or interpreter)" },
      textInput("reason", "Reason", REASON_HINT),
    ],
    starts: [],
    stops: [],
    stopOutcome: "MET",
    visibility: "SHARED",
    confirm: {
      heading: "Check before you record that a party declined",
      warning: "The case will not proceed and everyone involved must be told (R-73). You cannot undo this.",
      button: "Yes, record that they declined",
    },
    audit: "case.drs_declined",
    rule: "R-73",
    label: "Record that a party declined",
    action: "record that a party declined disagreement resolution",
    blocked: "a refusal to take part cannot be recorded now",
    done: "You have recorded that a party declined. The case is not proceeding.",
  },
  {
    name: "startPreparing",
    from: ["ALLOCATED"],
    to: "PREPARING",
    roles: STAFF_AND_MEDIATOR,
    kinds: ["MEDIATION", "DRS"],
    requires: [],
    starts: [],
    stops: [],
    stopOutcome: "MET",
    visibility: "SHARED",
    audit: "case.preparation_started",
    label: "Start preparing",
    action: "start preparing the meeting",
    blocked: "preparation cannot start now",
    done: "Preparation for the meeting has started.",
  },
  {
    // R-22: at least 5 working days' notice unless the family agrees to less. The notice check needs
    // the working-day calendar, so the command does it with the date engine and records the
    // agreement. DRS is voluntary and informal: no notice rule binds its meetings.
    // From MEETING_SCHEDULED it is a reschedule.
    name: "scheduleMeeting",
    from: ["ALLOCATED", "PREPARING", "MEETING_SCHEDULED"],
    to: "MEETING_SCHEDULED",
    roles: STAFF_AND_MEDIATOR,
    kinds: ["MEDIATION", "DRS"],
    requires: [
      dateInput("meetingOn", "Meeting date", {
        column: "meetingOn",
        future: true,
        hint: "For mediation the family must get at least 5 working days' notice of the meeting unless they agree to less (R-22).",
      }),
    ],
    accepts: [
      {
        name: "shortNoticeAgreed",
        type: "boolean",
        label: "Family agreed to less than 5 working days' notice",
        hint: "Tick this only if the family has agreed to less than 5 working days' notice (R-22).",
        validator: "true or false (R-22)",
        kinds: ["MEDIATION"],
      },
    ],
    // a meeting after the day mediation must take place by means it could not take place
    // within 30 days. Booking it tells the adviser, so the "could not be arranged" certificate falls
    // due from today (3 working days, R-30) — once: not while it runs, nor after it was issued.
    // The family may still mediate, so the booking goes ahead, after a confirmation step.
    starts: ["CERTIFICATE_NOT_ARRANGED"],
    startsWhenAfterLastDay: "meetingOn",
    startsUnlessOpen: ["CERTIFICATE_NOT_ARRANGED"],
    confirmWhenStarting: {
      heading: "Check before you book the meeting after the last day",
      warning:
        "The meeting is after the day mediation must take place by. The case will show that mediation could not take place within 30 days, and a “could not be arranged” certificate will be due within 3 working days (R-23). The family can still mediate.",
      button: "Yes, book it after the last day",
    },
    stops: [],
    stopOutcome: "MET",
    notice: { date: "meetingOn", agreed: "shortNoticeAgreed", kinds: ["MEDIATION"] },
    visibility: "SHARED",
    audit: "case.meeting_scheduled",
    rule: "R-22",
    label: "Schedule meeting",
    action: "schedule the meeting",
    blocked: "a meeting cannot be scheduled",
    done: "The meeting date has been saved.",
  },
  {
    // Issue 10: the joint meeting is cancelled. Only through lib/meetings/cancel-joint-meeting.ts,
    // which also cancels the meeting itself, keeps its history and sends everyone invited the
    // cancellation (METHOD:CANCEL). The case goes back to Preparing so the meeting can be booked
    // again; Case.meetingOn is derived from the joint meeting, so it is emptied. The 30-day clock
    // keeps running: a new date must still be found, or R-23 recorded. The reason is staff
    // only: never in the shared timeline entry nor in the cancellation sent.
    name: "cancelMeeting",
    from: ["MEETING_SCHEDULED"],
    to: "PREPARING",
    roles: STAFF_AND_MEDIATOR,
    kinds: ["MEDIATION", "DRS"],
    requires: [textInput("reason", "Why the meeting is cancelled", "Staff only: this is not shown to the local authority or the family, and is not in the cancellation they are sent.")],
    starts: [],
    stops: [],
    stopOutcome: "MET",
    clears: ["meetingOn"],
    visibility: "SHARED",
    confirm: {
      heading: "Check before you cancel the joint meeting",
      warning: "Everyone invited will be sent a cancellation. The case goes back to Preparing, so you can book the meeting again.",
      button: "Yes, cancel the meeting",
    },
    audit: "case.meeting_cancelled",
    label: "Cancel the joint meeting",
    action: "cancel the joint meeting",
    blocked: "the meeting cannot be cancelled",
    done: "The joint meeting has been cancelled, and everyone invited has been sent the cancellation.",
  },
  {
    // Event (status unchanged): R-23 — mediation cannot take place within the 30 days; the adviser is
    // told and a "not arranged" certificate is due. The family may still mediate, so the case stays
    // where it is and the 30-day clock keeps running (it is reported on).
    // the 30-day clock may have started at intake, so this is offered wherever it runs,
    // Referred included.
    name: "recordNotArranged",
    from: PRE_MEETING,
    whileOpen: {
      deadlines: MEDIATION_CLOCKS,
      otherwise: "The 30-day clock is not running on this case: it starts when the LA is told the family wants mediation (R-20), so there is nothing to record yet.",
    },
    unlessOpen: {
      deadlines: ["CERTIFICATE_NOT_ARRANGED"],
      otherwise: "It is already recorded that mediation cannot be arranged within 30 days; the certificate is due.",
    },
    to: UNCHANGED,
    roles: STAFF,
    kinds: ["MEDIATION"],
    // The clock runs from the day the LA was told: it cannot be found too short before then.
    requires: [dateInput("toldOn", "Date the adviser was told", { past: true, notBefore: ["laNotifiedOn"], hint: CERTIFICATE_DUE_HINT })],
    starts: ["CERTIFICATE_NOT_ARRANGED"],
    stops: [],
    stopOutcome: "MET",
    trigger: "toldOn",
    visibility: "SHARED",
    audit: "case.not_arranged_recorded",
    rule: "R-23",
    label: "Record mediation cannot be arranged in 30 days",
    action: "record that mediation cannot be arranged within 30 days",
    blocked: "this cannot be recorded now",
    done: "You have recorded that mediation cannot be arranged within 30 days. A certificate is now due.",
  },
  {
    // Event (status unchanged): the "could not be arranged" certificate, wherever it is
    // due — before the meeting, or once the family has withdrawn (it stays the one certificate due, R-12).
    // Not once the meeting is held or the family chose advice only: then "Issue certificate" issues
    // the one certificate due and moves the case on (see recordMeetingHeld, chooseAdviceOnly).
    name: "issueNotArrangedCertificate",
    from: OPEN_STATUSES.filter((s) => s !== "MEETING_HELD" && s !== "ADVICE_ONLY"),
    whileOpen: { deadlines: ["CERTIFICATE_NOT_ARRANGED"], otherwise: "First record that mediation cannot be arranged within 30 days (R-23)." },
    to: UNCHANGED,
    roles: STAFF,
    kinds: ["MEDIATION"],
    requires: [dateInput("issuedOn", "Date of issue", { past: true, notBefore: ["stoppedTriggers"], hint: "The date on the certificate." })],
    starts: [],
    stops: ["CERTIFICATE_NOT_ARRANGED"],
    stopOutcome: "MET",
    visibility: "SHARED",
    audit: "case.not_arranged_certificate_issued",
    rule: "R-23",
    label: "Issue certificate (could not be arranged)",
    action: "issue a certificate",
    blocked: "a “could not be arranged” certificate cannot be issued now",
    done: "The certificate has been recorded as issued.",
  },
  {
    // Event (status unchanged): R-21 — the LA has told the health commissioning body. Offered
    // wherever that deadline runs: it may have started at intake, while the case is Referred. In a
    // health-only case this starts the ICB's 30 days (the LA's 30-day clock never ran).
    name: "recordHealthNotified",
    from: OPEN_STATUSES,
    whileOpen: {
      deadlines: ["HEALTH_NOTIFICATION"],
      otherwise: "The deadline to tell the health commissioning body is not running on this case: it starts when the LA is told the family wants mediation, and ends once the body has been told (R-21).",
    },
    to: UNCHANGED,
    roles: STAFF,
    kinds: ["MEDIATION"],
    requires: [
      dateInput("notifiedOn", "Date the LA told the health commissioning body", {
        past: true,
        notBefore: ["stoppedTriggers"],
        hint: "The date the LA told the integrated care board (R-21).",
      }),
    ],
    // for health only, the ICB arranges the mediation and its 30 days run from this day.
    starts: ["ICB_MEDIATION_30_DAY"],
    stops: ["HEALTH_NOTIFICATION"],
    stopOutcome: "MET",
    trigger: "notifiedOn",
    visibility: "SHARED",
    audit: "case.health_body_notified",
    rule: "R-21",
    label: "Record health body told",
    action: "record that the health commissioning body was told",
    blocked: "this cannot be recorded now",
    done: "You have recorded that the health commissioning body was told.",
  },
  {
    // Event (status unchanged): R-43 — in a health-only mediation the ICB tells the LA of the
    // agreement within 1 week. The deadline starts when the agreement is sealed
    // (lib/agreements/seal-agreement.ts); this records it met (MISSED, with how late, after its day).
    name: "recordIcbToldLa",
    from: OPEN_STATUSES,
    whileOpen: {
      deadlines: ["ICB_AGREEMENT_NOTICE"],
      otherwise: "The integrated care board does not need to tell the LA of an agreement on this case now: that starts when a health-only agreement is signed by everyone (R-43).",
    },
    to: UNCHANGED,
    roles: STAFF,
    kinds: ["MEDIATION"],
    requires: [
      dateInput("toldOn", "Date the integrated care board told the LA of the agreement", {
        past: true,
        notBefore: ["stoppedTriggers"],
        hint: "The ICB must tell the local authority within 1 week of the agreement (R-43).",
      }),
    ],
    starts: [],
    stops: ["ICB_AGREEMENT_NOTICE"],
    stopOutcome: "MET",
    visibility: "SHARED",
    audit: "case.icb_told_la",
    rule: "R-43",
    label: "Record ICB told the LA of the agreement",
    action: "record that the integrated care board told the LA of the agreement",
    blocked: "this cannot be recorded now",
    done: "You have recorded that the integrated care board told the LA of the agreement.",
  },
  {
    // mediation concluded → AFTER_MEDIATION certificate due. Stops the 30-day clock.
    // if the "could not be arranged" certificate is still due (the meeting came after day 30),
    // it stays the one certificate due — it was owed first and falls due sooner — and no second
    // certificate deadline starts; "Issue certificate" meets it (docs/decisions/0014).
    // DRS: ends with an Outcome Statement and no certificate. Either way, whether an
    // agreement was reached (R-40, R-72; the commissioners' agreement rate): only a full or partial
    // one leaves agreed actions to monitor.
    name: "recordMeetingHeld",
    from: ["MEETING_SCHEDULED"],
    to: "MEETING_HELD",
    roles: STAFF_AND_MEDIATOR,
    kinds: ["MEDIATION", "DRS"],
    requires: [
      dateInput("heldOn", "Date the meeting was held", { past: true, notBefore: ["laNotifiedOn", "consentGiven", "decisionSentOn"], column: "heldOn", hint: "For mediation the certificate is due 3 working days after this date (R-30)." }),
      {
        name: "agreement",
        type: "choice",
        label: "Agreement reached at the meeting",
        hint: "Agreed actions are followed up only after a full or partial agreement (R-40, R-72).",
        validator: `one of ${AGREEMENTS.join(", ")}`,
        options: AGREEMENTS.map((value) => ({ value, label: AGREEMENT_LABELS[value] })),
        column: "agreement",
      },
    ],
    starts: ["CERTIFICATE_AFTER_MEDIATION"],
    startsUnlessOpen: ["CERTIFICATE_NOT_ARRANGED"],
    stops: MEDIATION_CLOCKS,
    stopOutcome: "MET",
    trigger: "heldOn",
    visibility: "SHARED",
    // Issue 10: recorded with who attended, the child's views and the rest of the meeting record.
    ownPage: "meeting/record",
    audit: "case.meeting_held",
    rule: "R-30",
    label: "Record meeting held",
    action: "record that the meeting was held",
    blocked: "the meeting cannot be recorded as held",
    done: "The meeting has been recorded as held.",
  },
  {
    // the certificate kind follows from where the case is (MEETING_HELD → AFTER_MEDIATION;
    // ADVICE_ONLY/WITHDRAWN → ADVICE_ONLY, R-11/R-12). Issuing a certificate satisfies every pending
    // certificate deadline. Never for DRS. Only while one of those certificates is due: a
    // withdrawn family that did not ask for one gets none. The after-mediation certificate is
    // the mediator's: the allocated mediator may issue it, and is recorded as its issuer whoever
    // records it.
    name: "issueCertificate",
    from: ["MEETING_HELD", "ADVICE_ONLY", "WITHDRAWN"],
    fromByKind: { ADVICE_ONLY: ["ADVICE_ONLY"] },
    fromByRole: { MEDIATOR: ["MEETING_HELD"] },
    // After the meeting or advice only, the "could not be arranged" certificate still due is the one
    // it issues (R-23; before the meeting or after withdrawal that one is issued on its own, with
    // "issueNotArrangedCertificate": the guard in ./plan.ts).
    whileOpen: {
      deadlines: ["CERTIFICATE_AFTER_MEDIATION", "CERTIFICATE_ADVICE_ONLY", "CERTIFICATE_NOT_ARRANGED"],
      otherwise: ISSUE_CERTIFICATE_NOT_DUE,
    },
    to: "CERTIFICATE_ISSUED",
    roles: STAFF_AND_MEDIATOR,
    kinds: ["MEDIATION", "ADVICE_ONLY"],
    // never before the meeting it follows, nor before the trigger of a deadline it meets.
    requires: [dateInput("issuedOn", "Date of issue", { past: true, notBefore: ["heldOn", "stoppedTriggers"], hint: "The date on the certificate." })],
    starts: [],
    stops: ["CERTIFICATE_ADVICE_ONLY", "CERTIFICATE_AFTER_MEDIATION", "CERTIFICATE_NOT_ARRANGED"],
    stopOutcome: "MET",
    visibility: "SHARED",
    audit: "case.certificate_issued",
    rule: "R-30",
    label: "Issue certificate",
    action: "issue a certificate",
    blocked: "a certificate cannot be issued",
    done: "The certificate has been recorded as issued.",
  },
  {
    // Mediation: after the certificate, follow up the written agreement (R-40..R-42).
    // DRS: straight after the meeting, follow up the Outcome Statement's actions.
    name: "startMonitoring",
    from: ["CERTIFICATE_ISSUED", "MEETING_HELD"],
    fromByKind: { MEDIATION: ["CERTIFICATE_ISSUED"], DRS: ["MEETING_HELD"] },
    to: "MONITORING",
    roles: STAFF,
    kinds: ["MEDIATION", "DRS"],
    requires: [],
    starts: [],
    stops: [],
    stopOutcome: "MET",
    visibility: "SHARED",
    audit: "case.monitoring_started",
    rule: "R-40",
    label: "Start monitoring agreed actions",
    action: "start monitoring the agreed actions",
    blocked: "monitoring cannot start",
    done: "Monitoring of the agreed actions has started.",
  },
  {
    // Mediation/advice-only cases close once the certificate is issued. A withdrawn
    // mediation case closes once no certificate is due: the family did not ask for one, or
    // the one due was issued. DRS has no certificate: it closes after the meeting, after
    // monitoring, or once withdrawn.
    name: "close",
    from: ["CERTIFICATE_ISSUED", "MONITORING", "MEETING_HELD", "WITHDRAWN"],
    fromByKind: {
      MEDIATION: ["CERTIFICATE_ISSUED", "MONITORING", "WITHDRAWN"],
      ADVICE_ONLY: ["CERTIFICATE_ISSUED"],
      DRS: ["MEETING_HELD", "MONITORING", "WITHDRAWN"],
    },
    to: "CLOSED",
    roles: STAFF,
    kinds: ["MEDIATION", "ADVICE_ONLY", "DRS"],
    requires: [textInput("reason", "Reason for closing", REASON_HINT)],
    // the LA's duty to tell the ICB does not end because the case closes: record it first (it
    // is offered in every open status), so a closed case never hides a duty still running.
    unlessOpen: [
      { deadlines: CERTIFICATE_DEADLINES, otherwise: "A certificate is still due on this case: issue it before closing the case (R-12, R-30)." },
      {
        deadlines: ["HEALTH_NOTIFICATION"],
        otherwise: "It is not recorded that the LA told the health commissioning body (R-21): record the date it was told before closing the case.",
      },
      // likewise the ICB's week to tell the LA of a health-only agreement.
      {
        deadlines: ["ICB_AGREEMENT_NOTICE"],
        otherwise: "It is not recorded that the integrated care board told the LA of the agreement (R-43): record the date it did before closing the case.",
      },
    ],
    starts: [],
    stops: [],
    stopOutcome: "MET",
    visibility: "SHARED",
    remembersFrom: true,
    confirm: {
      heading: "Check before you close the case",
      warning: "The case will be closed and can no longer be changed, unless a caseworker re-opens it with a reason.",
      button: "Yes, close the case",
    },
    audit: "case.closed",
    label: "Close case",
    action: "close a case",
    blocked: "it cannot be closed",
    done: "The case has been closed.",
  },
  {
    // the family does not want mediation → advice-only certificate within 3 working days of
    // the adviser being told. If the LA had already been told, the 30-day clock no longer applies.
    name: "chooseAdviceOnly",
    from: ["REFERRED", "CONTACTING_PARTIES"],
    to: "ADVICE_ONLY",
    roles: STAFF,
    kinds: ["MEDIATION", "ADVICE_ONLY"],
    requires: [dateInput("toldOn", "Date the adviser was told", { past: true, notBefore: ["decisionSentOn"], hint: CERTIFICATE_DUE_HINT })],
    starts: ["CERTIFICATE_ADVICE_ONLY"],
    // a "could not be arranged" certificate already due stays the one due (as on withdrawal).
    startsUnlessOpen: ["CERTIFICATE_NOT_ARRANGED"],
    stops: [...MEDIATION_CLOCKS, "HEALTH_NOTIFICATION"],
    stopOutcome: "CANCELLED",
    trigger: "toldOn",
    visibility: "SHARED",
    confirm: {
      heading: "Check before you record that the family does not want mediation",
      warning: "Mediation will not go ahead on this case and a certificate will be due within 3 working days (R-11). You cannot undo this.",
      button: "Yes, the family does not want mediation",
    },
    audit: "case.advice_only_chosen",
    rule: "R-11",
    label: "Family does not want mediation",
    action: "record that the family does not want mediation",
    blocked: "it cannot be changed to advice only",
    done: "You have recorded that the family does not want mediation. The certificate is now due.",
  },
  {
    // a family that chose mediation and withdraws may ask for a certificate; only then is an
    // advice-only certificate due (3 working days). If a "could not be arranged" certificate is
    // already due, it stays the one certificate due: it was owed from the day the adviser was
    // told, whatever the family now asks, and it falls due sooner. DRS: any party may withdraw at
    // any time; no certificate.
    name: "withdraw",
    from: PRE_MEETING,
    to: "WITHDRAWN",
    roles: STAFF,
    kinds: ["MEDIATION", "DRS"],
    requires: [
      dateInput("toldOn", "Date we were told of the withdrawal", {
        past: true,
        notBefore: ["decisionSentOn"],
        hint: "For mediation: if the family asked for a certificate, it is due 3 working days after this date (R-12).",
      }),
      textInput("reason", "Reason", REASON_HINT),
      {
        name: "certificateRequested",
        type: "boolean",
        label: "The family asked for a certificate",
        hint: "Tick this only if the family asked for a mediation certificate, for example to appeal (R-12).",
        validator: "true or false (R-12)",
        kinds: ["MEDIATION"],
      },
    ],
    starts: ["CERTIFICATE_ADVICE_ONLY"],
    startsWhen: "certificateRequested",
    startsUnlessOpen: ["CERTIFICATE_NOT_ARRANGED"],
    stops: [...MEDIATION_CLOCKS, "HEALTH_NOTIFICATION"],
    stopOutcome: "CANCELLED",
    trigger: "toldOn",
    visibility: "SHARED",
    confirm: {
      heading: "Check before you withdraw the case",
      warning: "The case will be withdrawn. You cannot undo this. For mediation, a certificate is due within 3 working days only if the family asked for one (R-12).",
      button: "Yes, withdraw the case",
    },
    audit: "case.withdrawn",
    rule: "R-12",
    label: "Withdraw case",
    action: "withdraw a case",
    blocked: "it cannot be withdrawn",
    done: "The case has been withdrawn.",
  },
  ...AFTER_CLOSING,
];


const BY_NAME = new Map<string, TransitionDef>(TRANSITIONS.map((t) => [t.name, t]));

export function getTransition(name: string): TransitionDef | undefined {
  return BY_NAME.get(name);
}

/** The statuses a transition can start from for a given kind of case. */
export function fromStatusesFor(t: TransitionDef, kind: CaseKind): readonly CaseStatus[] {
  return t.fromByKind?.[kind] ?? t.from;
}

/** Every input the form for this transition shows on a case of this kind (required first). */
export function inputsFor(t: TransitionDef, kind: CaseKind): InputSpec[] {
  return [...t.requires, ...(t.accepts ?? [])].filter((i) => !i.kinds || i.kinds.includes(kind));
}

/** Whether the transition ends the mediation route (it is confirmed on a separate step first). */
export function isDestructive(t: TransitionDef): boolean {
  return t.confirm !== undefined;
}
