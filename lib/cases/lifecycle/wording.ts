/**
 * The lifecycle's words: status names for staff and families, the sentences refusals are built
 * from, and each transition's timeline entry. Pure and client-safe. Neutral and factual for
 * families, with no pressure to mediate (R-13); never anything said in mediation (R-80).
 */
import { describeParty } from "../options";
import type { CaseKind, CaseSnapshot, CaseStatus, Role } from "./vocabulary";
import type { TransitionName } from "./transitions";
import { formatDate, isIsoDate } from "@/lib/deadlines/calendar";

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

/** One plain-English sentence per status for families. */
export const FAMILY_STATUS_TEXT: Record<CaseStatus, string> = {
  REFERRED: "We have your request and will contact you soon.",
  CONTACTING_PARTIES: "We are contacting everyone involved to plan the next steps.",
  AWAITING_CONSENT: "We are waiting for everyone involved to agree to take part.",
  ALLOCATED: "A mediator has been given your case and will be in touch with you.",
  PREPARING: "Your mediator will get in touch with you before the meeting.",
  MEETING_SCHEDULED: "A meeting has been arranged and we have sent you its date, time and place.",
  MEETING_HELD: "The meeting has happened and we are now doing the paperwork.",
  CERTIFICATE_ISSUED: "We sent you your certificate, and you can use it to appeal if you want to.",
  MONITORING: "We are checking that the actions agreed at the meeting are carried out.",
  CLOSED: "Your case is closed; please contact us if you need more help.",
  ADVICE_ONLY: "You told us you do not want a meeting, so we will send you a certificate.",
  WITHDRAWN: "This case has been withdrawn, and we will write to tell you what happens next.",
  NOT_PROCEEDING: "Not everyone said yes to taking part, so the meeting will not go ahead.",
};

/** How a status reads inside "This case is …, so …". */
export const STATUS_IN_SENTENCE: Record<CaseStatus, string> = {
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

export const KIND_IN_SENTENCE: Record<CaseKind, string> = {
  MEDIATION: "a mediation case",
  ADVICE_ONLY: "an advice-only case",
  DRS: "a disagreement resolution (DRS) case",
};

export const ROLE_IN_SENTENCE: Partial<Record<Role, string>> = {
  MEDIATOR: "the allocated mediator",
  CASEWORKER: "a caseworker",
  ADMIN: "an admin",
};

/** "a", "a or b", "a, b or c". */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

export function listNames(parties: CaseSnapshot["parties"]): string {
  return parties.map(describeParty).join(", ");
}

// ---------------------------------------------------------------------------------------------
// Timeline entries
// ---------------------------------------------------------------------------------------------

export type RecordValue = string | boolean;
export type TransitionRecord = Record<string, RecordValue>;

export interface EventInfo {
  type: string;
  /** The entry as staff read it (it may quote staff free text, e.g. a reason). */
  summary: string;
  /** The entry as the LA and the family read it: never staff free text (R-80). */
  sharedSummary: string;
  rule?: string;
}

type EventBuilder = (snapshot: CaseSnapshot, record: TransitionRecord) => EventInfo;

const d = (v: RecordValue | undefined): string => (typeof v === "string" && isIsoDate(v) ? formatDate(v) : String(v ?? ""));
/** An entry whose words are the same for everyone. */
const same = (type: string, summary: string, rule?: string): EventInfo => ({ type, summary, sharedSummary: summary, ...(rule ? { rule } : {}) });
/** An entry ending in staff free text (a reason): the shared words leave it out. */
const withReason = (type: string, shared: string, reason: RecordValue | undefined, rule?: string): EventInfo => ({
  type,
  summary: `${shared}: ${String(reason)}`,
  sharedSummary: shared,
  ...(rule ? { rule } : {}),
});

export const EVENTS: Record<TransitionName, EventBuilder> = {
  startContacting: (s, r) =>
    s.kind === "MEDIATION"
      ? same("CONTACTING_STARTED", `Started contacting the parties; LA told on ${d(r.laNotifiedOn)}`, "R-20")
      : same("CONTACTING_STARTED", "Started contacting the parties"),
  requestConsent: () => same("CONSENT_REQUESTED", "Asked the parties to agree to take part", "R-73"),
  allocate: () => same("MEDIATOR_ALLOCATED", "Mediator allocated"),
  reallocate: () => same("MEDIATOR_CHANGED", "Mediator changed"),
  declineDrs: (s, r) => {
    const party = s.parties.find((p) => p.id === r.declinedByPartyId);
    return same("DRS_DECLINED", `Not proceeding: ${party ? describeParty(party) : "a party"} declined to take part`, "R-73");
  },
  startPreparing: () => same("PREPARATION_STARTED", "Preparation for the meeting started"),
  scheduleMeeting: (s, r) =>
    same(
      "MEETING_SCHEDULED",
      (s.status === "MEETING_SCHEDULED" ? `Meeting moved to ${d(r.meetingOn)}` : `Meeting scheduled for ${d(r.meetingOn)}`) +
        (r.shortNoticeAgreed === true ? " (family agreed to shorter notice)" : "") +
        // R-23: booked after the day mediation must take place by (planTransition sets afterLastDay).
        (r.afterLastDay === true ? ", after the last day: mediation could not take place within 30 days" : ""),
      s.kind === "DRS" ? undefined : r.afterLastDay === true ? "R-23" : "R-22", // DRS meetings are not bound by the notice rule
    ),
  cancelMeeting: (s, r) => withReason("MEETING_CANCELLED", s.kind === "DRS" ? "Disagreement resolution meeting cancelled" : "Joint meeting cancelled", r.reason),
  recordNotArranged: (_s, r) => same("MEDIATION_NOT_ARRANGED", `Mediation cannot take place within 30 days; adviser told on ${d(r.toldOn)}`, "R-23"),
  issueNotArrangedCertificate: () => same("CERTIFICATE_ISSUED", "Certificate issued (mediation could not be arranged within 30 days)", "R-23"),
  recordHealthNotified: (_s, r) => same("HEALTH_BODY_NOTIFIED", `LA told the health commissioning body on ${d(r.notifiedOn)}`, "R-21"),
  recordIcbToldLa: (_s, r) => same("ICB_TOLD_LA", `The integrated care board told the LA of the agreement on ${d(r.toldOn)}`, "R-43"),
  recordMeetingHeld: (s, r) =>
    s.kind === "DRS"
      ? same("MEETING_HELD", `Disagreement resolution meeting held on ${d(r.heldOn)}`, "R-72")
      : same("MEETING_HELD", `Mediation meeting held on ${d(r.heldOn)}`, "R-30"),
  issueCertificate: (_s, r) =>
    same("CERTIFICATE_ISSUED", r.certificateKind === "AFTER_MEDIATION" ? "Certificate issued (after mediation)" : "Certificate issued (advice only)", "R-30"),
  startMonitoring: (s) => same("MONITORING_STARTED", "Monitoring the agreed actions", s.kind === "DRS" ? "R-72" : "R-40"),
  close: (_s, r) => withReason("CASE_CLOSED", "Case closed", r.reason),
  chooseAdviceOnly: () => same("ADVICE_ONLY_CHOSEN", "Family does not want mediation; advice-only certificate due", "R-11"),
  withdraw: (s, r) =>
    s.kind === "DRS"
      ? withReason("CASE_WITHDRAWN", "Withdrawn from disagreement resolution", r.reason, "R-70")
      : withReason("CASE_WITHDRAWN", "Family withdrew from mediation", r.reason, "R-12"),
  recordAppeal: (_s, r) =>
    same("APPEAL_RECORDED", `Appeal lodged with the Tribunal on ${d(r.appealLodgedOn)}${typeof r.appealReference === "string" && r.appealReference ? ` (reference ${r.appealReference})` : ""}`, "R-50"),
  reopen: (_s, r) => withReason("CASE_REOPENED", "Case re-opened", r.reason, "R-31"),
};
