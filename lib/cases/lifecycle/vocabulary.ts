/**
 * The lifecycle's vocabulary: the statuses, kinds and deadlines a case can have, and the snapshot
 * of a case the planner decides on. Each value list is the Prisma enum itself, checked at compile
 * time in both directions, so the database and the code cannot drift apart. Pure and client-safe.
 */
import type { Agreement as DbAgreement, CaseKind as DbCaseKind, CaseStatus as DbCaseStatus, Consent as DbConsent } from "@/lib/platform/db/generated/enums";
import type { Role } from "@/lib/auth/types";

export type { Role } from "@/lib/auth/types";
export { ROLES } from "@/lib/auth/types";
/** the three kinds of certificate (the date engine's definition). */
export type { CertificateKind } from "@/lib/deadlines/rules";

/** A value list that is exactly the Prisma enum (compile-time check in both directions). */
export type Exactly<T extends string, L extends readonly T[]> = [T] extends [L[number]] ? L : never;

const STATUS_LIST = [
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
/** The Prisma enum `CaseStatus`, in lifecycle order. */
export const CASE_STATUSES: Exactly<DbCaseStatus, typeof STATUS_LIST> = STATUS_LIST;
export type CaseStatus = DbCaseStatus;

const KIND_LIST = ["MEDIATION", "ADVICE_ONLY", "DRS"] as const;
/** MEDIATION (CFA s.53/54), ADVICE_ONLY (mediation information only, R-10/R-11), DRS (R-70..R-73). */
export const CASE_KINDS: Exactly<DbCaseKind, typeof KIND_LIST> = KIND_LIST;
export type CaseKind = DbCaseKind;

export const DEADLINE_NAMES = [
  "MEDIATION_30_DAY",
  /** a health-only mediation, arranged by the ICB, within 30 days of the ICB being told. */
  "ICB_MEDIATION_30_DAY",
  "HEALTH_NOTIFICATION",
  "CERTIFICATE_ADVICE_ONLY",
  "CERTIFICATE_AFTER_MEDIATION",
  "CERTIFICATE_NOT_ARRANGED",
  /** a health-only agreement: the ICB tells the LA of it within 1 week (started when it is sealed). */
  "ICB_AGREEMENT_NOTICE",
] as const;
export type DeadlineName = (typeof DEADLINE_NAMES)[number];

/** The clocks by which the mediation must take place: the LA's or, for health only, the ICB's. */
export const MEDIATION_CLOCKS: readonly DeadlineName[] = ["MEDIATION_30_DAY", "ICB_MEDIATION_30_DAY"];

export function isDeadlineName(name: string): name is DeadlineName {
  return (DEADLINE_NAMES as readonly string[]).includes(name);
}

/**
 * Statuses with no way out. WITHDRAWN and ADVICE_ONLY are not terminal: a certificate may still be
 * due or, for DRS, the case still has to be closed.
 */
export const TERMINAL_STATUSES: readonly CaseStatus[] = ["CLOSED", "NOT_PROCEEDING"];

export function isTerminalStatus(s: CaseStatus): boolean {
  return TERMINAL_STATUSES.includes(s);
}

/** Every status that is not terminal. */
export const OPEN_STATUSES: readonly CaseStatus[] = STATUS_LIST.filter((s) => !isTerminalStatus(s));

/**
 * Open statuses before the meeting has been held (withdrawal is possible from any of them). The
 * 30-day clock can only run in these: it starts at intake (when the LA had been told) or
 * on "start contacting", and stops when the meeting is held, the family withdraws or does not want
 * mediation.
 */
export const PRE_MEETING: readonly CaseStatus[] = ["REFERRED", "CONTACTING_PARTIES", "AWAITING_CONSENT", "ALLOCATED", "PREPARING", "MEETING_SCHEDULED"];

export type ConsentState = DbConsent;

const AGREEMENT_LIST = ["FULL", "PARTIAL", "NONE"] as const;
/**
 * The Prisma enum `Agreement`: whether the meeting reached an agreement (R-40 for mediation, the
 * Outcome Statement's agreed actions for DRS, R-72). Commissioners ask for the agreement rate
 * (full / partial / none).
 */
export const AGREEMENTS: Exactly<DbAgreement, typeof AGREEMENT_LIST> = AGREEMENT_LIST;
export type Agreement = DbAgreement;

export interface CaseParty {
  id: string;
  name: string;
  /** PARENT | YOUNG_PERSON | LA | HEALTH | SCHOOL | SUPPORTER | INTERPRETER */
  kind: string;
  consent: ConsentState;
  /** The day they told us their answer (ISO date), when recorded. */
  consentOn?: string | null;
}

/**
 * The recorded dates of a case that a transition's date may be checked against (the `notBefore` of
 * its date inputs in ./transitions.ts; checked by lib/cases/date-order.ts):
 *  - decisionSentOn: the day the LA's decision notice was sent;
 *  - laNotifiedOn: the day the LA was told the family wants mediation;
 *  - consentGiven: the latest day a party whose agreement is needed agreed to take part;
 *  - heldOn: the day the meeting was held;
 *  - stoppedTriggers: day 0 of each open deadline the transition stops (a duty is not done before it
 *    arises: a certificate is never issued before its trigger, R-30).
 */
export const CASE_DATE_NAMES = ["decisionSentOn", "laNotifiedOn", "consentGiven", "heldOn", "stoppedTriggers"] as const;
export type CaseDateName = (typeof CASE_DATE_NAMES)[number];

/** The case row's dates (ISO dates, null when not recorded) and the day 0 and due date of each open deadline. */
export interface CaseDates {
  decisionSentOn: string | null;
  laNotifiedOn: string | null;
  meetingOn: string | null;
  heldOn: string | null;
  /** An appeal lodged with the Tribunal (issue 8, item 10); optional in hand-made snapshots. */
  appealLodgedOn?: string | null;
  openDeadlineDates: Partial<Record<DeadlineName, { triggerOn: string; dueOn: string }>>;
}

export interface CaseSnapshot {
  id: string;
  kind: CaseKind;
  /**
   * whether the family side is the parent or the young person. When given, only a party of
   * that kind must consent to mediation; when omitted (a hand-made snapshot), either kind does.
   */
  familyParty?: "PARENT" | "YOUNG_PERSON";
  status: CaseStatus;
  allocatedMediatorId: string | null;
  hasHealthIssue: boolean;
  /** every issue is a health issue, so the ICB arranges the mediation (omitted: false). */
  healthOnly?: boolean;
  /** the decision disputed is not known yet, so no certificate can be issued (omitted: false). */
  decisionUnknown?: boolean;
  /** The status a closed case left: re-opening returns there. */
  statusBeforeClose?: CaseStatus | null;
  parties: readonly CaseParty[];
  /**
   * The deadlines currently running for the case (the database is the source of truth: the
   * commands read them with the case). Omitted means none runs, so a transition that needs one
   * (`whileOpen` in its row, e.g. recording that the health body was told, R-21) is refused.
   */
  openDeadlines?: readonly DeadlineName[];
  /**
   * Optional: the case's recorded dates. When given, each date a transition records is checked
   * against the dates it must not precede (its inputs' `notBefore`); when omitted, not checked.
   */
  dates?: CaseDates;
  /**
   * the "could not be arranged" certificate was already issued on this case (omitted: false),
   * so booking the meeting after the last day does not make it due again.
   */
  notArrangedCertificateIssued?: boolean;
  /**
   * Issue 11: how many agreed actions (obligations) are still open, neither done nor
   * closed with a reason (omitted: none). The case cannot close while any is.
   */
  openObligations?: number;
  /** What the meeting reached, once it is recorded as held; omitted or null before. */
  agreement?: Agreement | null;
  /**
   * The active mediators with no conflict of interest with this case, where the caller has
   * looked them up (the case page, the allocation page). Omitted: not known, so not checked here
   * (the allocation command checks the mediator chosen).
   */
  eligibleMediatorIds?: readonly string[];
}

export interface Actor {
  id: string;
  role: Role;
}

/** The family side of a mediation. */
export const FAMILY_PARTY_KINDS: readonly string[] = ["PARENT", "YOUNG_PERSON"];
/** Attend but are not parties to the disagreement, so their agreement is not sought. */
export const NON_PRINCIPAL_KINDS: readonly string[] = ["SUPPORTER", "INTERPRETER"];
