/**
 * Scale data, the pure half (issue 14, decision 0031): which local authorities a national provider
 * works for and how big each is, and each case as its history — the steps a caseworker or mediator
 * took, each on a day, with the timeline entry, the status it leaves and the deadlines it opens and
 * closes — then cut at today. The rows (./scale.ts) are derived from that history, so every date
 * agrees with every other and with the statutory date engine (lib/deadlines). Deterministic: the
 * same seed gives the same plans. No database here.
 */
import {
  addCalendarDays,
  addWorkingDays,
  agreementActionDueDate,
  appealDeadlineDetail,
  daysBetween,
  earliestWorkingMeetingDate,
  explainAppealDeadline,
  isWorkingDay,
  rollForwardToWorkingDay,
  type AgreementActionKind,
} from "@/lib/deadlines";
import { daysLate, DEADLINES, dueDateFor } from "@/lib/cases/deadlines/definitions";
import type { CaseStatus, DeadlineName } from "@/lib/cases/lifecycle/vocabulary";

// ---------------------------------------------------------------------------------------------
// Local authorities: sizes skewed as in docs/domain/10-scale-and-reporting.md (SEN2 2024)
// ---------------------------------------------------------------------------------------------

/** §10: mediation-related requests a year per LA in 2024 — the median, the 90th percentile, the largest. */
export const LA_REQUESTS_MEDIAN = 45;
export const LA_REQUESTS_P90 = 155;
export const LA_REQUESTS_LARGEST = 446;
/** A national provider works for about as many LAs as England has (153); fewer for a small run. */
export const MAX_SCALE_LAS = 150;
export const MIN_SCALE_LAS = 6;
/** One LA per this many cases, between the two bounds above. */
export const CASES_PER_LA = 500;
/**
 * the holiday data starts in 2016, so no case is older than this (a decision notice may be
 * up to 40 days before its referral): history is squeezed into the years from here to today.
 */
export const EARLIEST_REFERRAL = "2016-03-01";

/** The standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/**
 * Requests a year of each of `n` LAs, largest first: the quantiles (i + ½)/n of a log-normal with
 * the SEN2 median and 90th percentile, capped at the largest LA's figure. With 150 LAs: median 45,
 * 90th percentile ≈ 155, largest 446, ≈ 10,500 a year in all (the 2024 national figure).
 */
export function laAnnualRequests(n: number): number[] {
  const sigma = Math.log(LA_REQUESTS_P90 / LA_REQUESTS_MEDIAN) / normalQuantile(0.9);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(Math.min(LA_REQUESTS_LARGEST, LA_REQUESTS_MEDIAN * Math.exp(sigma * normalQuantile(1 - (i + 0.5) / n))));
  return out;
}

export function scaleLaCount(cases: number): number {
  return Math.max(MIN_SCALE_LAS, Math.min(MAX_SCALE_LAS, Math.round(cases / CASES_PER_LA)));
}

export interface ScaleLa {
  id: string;
  code: string;
  name: string;
  /** Its share of the requests (from laAnnualRequests). */
  annual: number;
}

const LA_STEMS = ["Ash", "Oak", "Elm", "Brook", "Mill", "Stone", "Marsh", "Fern", "Kings", "Queens", "Lark", "Wold", "Hart", "Bram", "Thorn"];
const LA_ENDS = ["shire", "borough", "field", "ford", "bridge", "ham", "wick", "mouth", "minster", "dale"];
const LA_KINDS = ["County Council", "Borough Council", "City Council", "Council", "Metropolitan Borough Council"];

export function scaleLas(cases: number): ScaleLa[] {
  return laAnnualRequests(scaleLaCount(cases)).map((annual, i) => {
    const n = String(i + 1).padStart(3, "0");
    const place = `${LA_STEMS[i % LA_STEMS.length]}${LA_ENDS[Math.floor(i / LA_STEMS.length) % LA_ENDS.length]}`;
    return { id: `scale-la-${n}`, code: `SCALE-${n}`, name: `${place} ${LA_KINDS[(i * 7) % LA_KINDS.length]}`, annual };
  });
}

// ---------------------------------------------------------------------------------------------
// Random numbers
// ---------------------------------------------------------------------------------------------

/** mulberry32: small, fast and good enough for test data; deterministic for a seed. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
}

/** Picks an index with probability proportional to its weight (cumulative weights, binary search). */
export class WeightedPicker {
  private readonly cum: number[] = [];
  constructor(weights: readonly number[]) {
    let s = 0;
    for (const w of weights) this.cum.push((s += w));
  }
  pick(rng: Rng): number {
    const x = rng.next() * this.cum[this.cum.length - 1]!;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

// ---------------------------------------------------------------------------------------------
// Names (with accents, so that search is realistic: "lukasz" finds "Łukasz")
// ---------------------------------------------------------------------------------------------

export const FIRST_NAMES = [
  "Łukasz", "Zoë", "Siobhán", "Amara", "Oliver", "Chloé", "Mateusz", "Aoife", "Noah", "Fatima", "Björn", "Élodie", "Kacper", "Isla", "Renée", "Dawid",
  "Aisha", "Callum", "Niamh", "Tomasz", "Inès", "Jakub", "Saoirse", "Yusuf", "Maël", "Oskar", "Zuzanna", "Ravi", "Eilidh", "Dylan", "Anaïs", "Kwame",
  "Olivia", "George", "Amelia", "Harry", "Grace", "Jack", "Sophie", "Mohammed", "Emily", "Leo", "Ava", "Arthur", "Mia", "Freddie", "Ella", "Theo",
  "Priya", "Arjun", "Chidi", "Ngozi", "Seán", "Róisín", "José", "Lucía", "Björk", "Søren", "Agnieszka", "Wojciech", "Mariana", "João", "Ayşe", "Emre",
];
export const SURNAMES = [
  "Nowak", "Kowalczyk", "Wiśniewski", "Murphy", "Ní Bhriain", "O'Connor", "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson",
  "Thomas", "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris",
  "Clarke", "Patel", "Khan", "Ahmed", "Begum", "Okafor", "Adeyemi", "Mensah", "Dlamini", "Müller", "Schäfer", "García", "Martínez", "Núñez", "Dubois",
  "Lefèvre", "Böhm", "Søndergaard", "Yılmaz", "Çelik", "Fernández", "Gonçalves", "Zieliński", "Lewandowska", "Mac Giolla", "Ó Súilleabháin", "Rahman", "Singh",
  "Kaur", "Shah", "Mistry", "Osei", "Boateng", "Mwangi", "Ng", "Chen",
];
const SETTINGS = ["Primary School", "Academy", "High School", "Infant School", "Junior School", "College", "Special School", "Nursery", "CE Primary School", "Grammar School"];

/** ASCII for an email address: "Łukasz Ó Súilleabháin" → "lukasz.o-suilleabhain". */
export function emailSlug(s: string): string {
  return s
    .replace(/[łŁ]/g, "l")
    .replace(/[øØ]/g, "o")
    .replace(/ı/g, "i")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

// ---------------------------------------------------------------------------------------------
// A case as its history
// ---------------------------------------------------------------------------------------------

export type Actor = "caseworker" | "mediator" | null;
export type RouteKind = "MEDIATION" | "WITHDRAWN" | "ADVICE_ONLY" | "DRS" | "DRS_DECLINED";
export type AgreementOutcome = "FULL" | "PARTIAL" | "NONE";

export interface Step {
  on: string;
  by: Actor;
  type: string;
  summary: string;
  rule?: string;
  visibility: "SHARED" | "STAFF";
  data?: Record<string, string | number | boolean | null>;
  /** The status after this step (unchanged when omitted). */
  status?: CaseStatus;
  opens?: DeadlineName[];
  closes?: { names: DeadlineName[]; outcome: "MET" | "CANCELLED" };
  /** What else happened on this day (rows written by ./scale.ts). */
  mark?: "CONTACTING" | "BOOKED" | "HELD" | "SEALED" | "CERTIFICATE" | "CLOSED" | "OBLIGATION_DONE" | "APPEAL";
  /** OBLIGATION_DONE: which action (position). */
  position?: number;
  /** Something that happened without a timeline entry of its own. */
  silent?: boolean;
}

export interface DeadlineRow {
  name: DeadlineName;
  rule: string;
  triggerOn: string;
  dueOn: string;
  closedOn: string | null;
  outcome: string | null;
  daysLate: number | null;
}

export interface ActionPlan {
  position: number;
  what: string;
  responsible: "LA" | "ICB" | "SCHOOL" | "FAMILY";
  kind: AgreementActionKind | "MAINTAIN_OR_CEASE" | "OTHER";
  dueOn: string;
  howChecked: string;
  /** When it is (or will be) done: only what is on or before today is recorded. */
  doneOn: string;
}

export interface CasePlan {
  route: RouteKind;
  status: CaseStatus;
  statusBeforeClose: CaseStatus | null;
  referredOn: string;
  decisionSentOn: string | null;
  laNotifiedOn: string | null;
  bookedOn: string | null;
  meetingOn: string | null;
  heldOn: string | null;
  agreement: AgreementOutcome | null;
  certificate: { kind: "ADVICE_ONLY" | "AFTER_MEDIATION"; triggerOn: string; dueOn: string; issuedOn: string; appealDeadlineOn: string | null; appealExplanation: string } | null;
  appealLodgedOn: string | null;
  health: boolean;
  selfReferral: boolean;
  /** Steps up to today, in order. */
  steps: Step[];
  deadlines: DeadlineRow[];
  actions: ActionPlan[];
  /** Pre-meetings (one with the family, one with the LA) held on these days, when preparation has started. */
  preMeetings: string[];
}

/** Memoised date-engine calls: the same trigger dates recur thousands of times at 100,000 cases. */
export class DateMemo {
  private readonly m = new Map<string, unknown>();
  private get<T>(key: string, f: () => T): T {
    let v = this.m.get(key) as T | undefined;
    if (v === undefined) {
      v = f();
      this.m.set(key, v);
    }
    return v;
  }
  wd(d: string, n: number): string {
    return n === 0 ? d : this.get(`w${d}${n}`, () => addWorkingDays(d, n));
  }
  due(name: DeadlineName, triggerOn: string): string {
    return this.get(`d${name}${triggerOn}`, () => dueDateFor(name, triggerOn));
  }
  late(name: DeadlineName, dueOn: string, doneOn: string): number {
    return this.get(`l${name}${dueOn}${doneOn}`, () => daysLate(name, dueOn, doneOn));
  }
  meeting(noticeSentOn: string): string {
    return this.get(`m${noticeSentOn}`, () => earliestWorkingMeetingDate(noticeSentOn));
  }
  action(agreedOn: string, kind: AgreementActionKind): string {
    return this.get(`a${agreedOn}${kind}`, () => agreementActionDueDate(agreedOn, kind));
  }
  appeal(decisionSentOn: string, issuedOn: string): { date: string; text: string } {
    return this.get(`p${decisionSentOn}${issuedOn}`, () => ({ date: appealDeadlineDetail(decisionSentOn, issuedOn).date, text: explainAppealDeadline(decisionSentOn, issuedOn).text }));
  }
  workingDayOnOrBefore(d: string): string {
    return this.get(`b${d}`, () => {
      let x = d;
      while (!isWorkingDay(x)) x = addCalendarDays(x, -1);
      return x;
    });
  }
  rollForward(d: string): string {
    return this.get(`f${d}`, () => rollForwardToWorkingDay(d));
  }
}

export type DisputedDecision =
  | "REFUSAL_TO_ASSESS"
  | "NO_PLAN_AFTER_ASSESSMENT"
  | "PLAN_CONTENTS_SECTION_B"
  | "PLAN_CONTENTS_SECTION_F"
  | "PLAN_CONTENTS_SECTION_I"
  | "PLAN_NO_SCHOOL_NAMED"
  | "REFUSAL_TO_REASSESS"
  | "REFUSAL_TO_AMEND"
  | "CEASE_PLAN";

/** What each decision in dispute leads the LA to do after an agreement: the action's kind and words. */
const ACTION_FOR: Record<DisputedDecision, { kind: AgreementActionKind | "MAINTAIN_OR_CEASE"; what: string }> = {
  REFUSAL_TO_ASSESS: { kind: "ASSESS_NOTIFY", what: "Tell the family that the council will carry out an EHC needs assessment" },
  NO_PLAN_AFTER_ASSESSMENT: { kind: "PLAN_DRAFT", what: "Send the family a draft EHC plan" },
  PLAN_CONTENTS_SECTION_B: { kind: "AMEND_B_F", what: "Issue the EHC plan with section B amended as agreed" },
  PLAN_CONTENTS_SECTION_F: { kind: "AMEND_B_F", what: "Issue the EHC plan with the provision in section F amended as agreed" },
  PLAN_CONTENTS_SECTION_I: { kind: "SECTION_I_ONLY", what: "Name the agreed school in section I" },
  PLAN_NO_SCHOOL_NAMED: { kind: "SECTION_I_ONLY", what: "Name the agreed school in section I" },
  REFUSAL_TO_REASSESS: { kind: "ASSESS_NOTIFY", what: "Tell the family that the council will carry out a re-assessment" },
  REFUSAL_TO_AMEND: { kind: "AMEND_B_F", what: "Issue the amended EHC plan as agreed" },
  CEASE_PLAN: { kind: "MAINTAIN_OR_CEASE", what: "Continue to maintain the EHC plan" },
};

export interface CaseShape {
  route: RouteKind;
  decisions: DisputedDecision[];
  health: boolean;
  agreement: AgreementOutcome;
  selfReferral: boolean;
  /** The family asks for a certificate when withdrawing. */
  certificateAsked: boolean;
  appeal: boolean;
  notes: number;
}

const fmt = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** Delays with a heavy tail: most steps follow within days, a few wait weeks (a family not reached). */
function wait(rng: Rng, lo: number, hi: number, tailP: number, tailLo: number, tailHi: number): number {
  return rng.chance(tailP) ? rng.int(tailLo, tailHi) : rng.int(lo, hi);
}

/**
 * The whole history of a case referred on `referredOn` (a working day), as it would go on
 * regardless of today; `cutAt` then keeps what happened up to today.
 */
export function caseHistory(rng: Rng, dm: DateMemo, shape: CaseShape, referredOn: string): { steps: Step[]; plan: Omit<CasePlan, "status" | "statusBeforeClose" | "steps" | "deadlines"> } {
  const steps: Step[] = [];
  const r = referredOn;
  const wd = (d: string, n: number) => dm.wd(d, n);
  const drs = shape.route === "DRS" || shape.route === "DRS_DECLINED";
  const decisionSentOn = drs ? null : addCalendarDays(r, -rng.int(5, 40));
  let laNotifiedOn: string | null = null;
  let bookedOn: string | null = null;
  let meetingOn: string | null = null;
  let heldOn: string | null = null;
  let certificate: CasePlan["certificate"] = null;
  let appealLodgedOn: string | null = null;
  const actions: ActionPlan[] = [];
  const preMeetings: string[] = [];
  const agreement = shape.route === "MEDIATION" || shape.route === "DRS" ? shape.agreement : null;

  steps.push(
    shape.selfReferral
      ? { on: r, by: null, type: "SELF_REFERRAL_RECEIVED", summary: "Request for mediation received through the website", visibility: "SHARED", status: "REFERRED" }
      : { on: r, by: "caseworker", type: "REFERRAL_LOGGED", summary: "Referral logged", visibility: "SHARED", status: "REFERRED" },
  );

  const issueCertificate = (kind: "ADVICE_ONLY" | "AFTER_MEDIATION", name: DeadlineName, triggerOn: string, on: string, by: Actor) => {
    const dueOn = dm.due(name, triggerOn);
    const appeal = decisionSentOn ? dm.appeal(decisionSentOn, on) : null;
    certificate = { kind, triggerOn, dueOn, issuedOn: on, appealDeadlineOn: appeal?.date ?? null, appealExplanation: appeal?.text ?? "The date of the decision notice is not recorded." };
    steps.push({
      on,
      by,
      type: "CERTIFICATE_ISSUED",
      summary: kind === "AFTER_MEDIATION" ? "Certificate issued (after mediation)" : "Certificate issued (no mediation)",
      rule: "R-30",
      visibility: "SHARED",
      data: { transition: "issueCertificate", issuedOn: on, certificateKind: kind },
      status: "CERTIFICATE_ISSUED",
      closes: { names: [name], outcome: "MET" },
      mark: "CERTIFICATE",
    });
    return on;
  };
  const close = (on: string, from: CaseStatus, reason: string) =>
    steps.push({ on, by: "caseworker", type: "CASE_CLOSED", summary: "Case closed", visibility: "SHARED", data: { transition: "close", from, to: "CLOSED", reason }, status: "CLOSED", mark: "CLOSED" });

  if (shape.route === "ADVICE_ONLY") {
    const told = wd(r, rng.int(0, 3));
    const infoOn = wd(r, rng.int(0, 1));
    steps.push({ on: infoOn > told ? told : infoOn, by: "caseworker", type: "NOTE", summary: "Mediation information given by phone: what mediation is, that it is free and voluntary, and the time limits (R-13).", visibility: "STAFF" });
    steps.push({ on: told, by: "caseworker", type: "ADVICE_ONLY_CHOSEN", summary: "Family does not want mediation; advice-only certificate due", rule: "R-11", visibility: "SHARED", data: { transition: "chooseAdviceOnly", toldOn: told }, status: "ADVICE_ONLY", opens: ["CERTIFICATE_ADVICE_ONLY"] });
    const issued = issueCertificate("ADVICE_ONLY", "CERTIFICATE_ADVICE_ONLY", told, wd(told, wait(rng, 1, 3, 0.05, 4, 8)), "caseworker");
    close(addCalendarDays(issued, rng.int(2, 15)), "CERTIFICATE_ISSUED", "Certificate issued; the family has what it needs to appeal.");
    if (shape.appeal) appealLodgedOn = addCalendarDays(issued, rng.int(10, 28));
  } else {
    // the LA is told when contacting starts (DRS has no 30-day clock, R-71).
    const contact = wd(r, rng.int(0, 2));
    if (!drs) laNotifiedOn = contact;
    const opens: DeadlineName[] = drs ? [] : shape.health ? ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"] : ["MEDIATION_30_DAY"];
    steps.push({
      on: contact,
      by: "caseworker",
      type: "CONTACTING_STARTED",
      summary: drs ? "Started contacting the parties" : `Started contacting the parties; LA told on ${fmt(contact)}`,
      ...(drs ? {} : { rule: "R-20" }),
      visibility: "SHARED",
      data: { transition: "startContacting", from: "REFERRED", to: "CONTACTING_PARTIES", ...(drs ? {} : { laNotifiedOn: contact }) },
      status: "CONTACTING_PARTIES",
      opens,
      mark: "CONTACTING",
    });
    if (shape.health) {
      const told = wd(contact, wait(rng, 1, 3, 0.08, 4, 7));
      steps.push({ on: told, by: "caseworker", type: "HEALTH_BODY_NOTIFIED", summary: "The LA told the integrated care board", rule: "R-21", visibility: "SHARED", data: { transition: "recordHealthNotified", toldOn: told }, closes: { names: ["HEALTH_NOTIFICATION"], outcome: "MET" } });
    }
    const asked = wd(contact, wait(rng, 1, 3, 0.05, 8, 20));
    steps.push({ on: asked, by: "caseworker", type: "CONSENT_REQUESTED", summary: "Asked the parties to agree to take part", rule: "R-73", visibility: "SHARED", data: { transition: "requestConsent", from: "CONTACTING_PARTIES", to: "AWAITING_CONSENT" }, status: "AWAITING_CONSENT" });
    const otherConsent = wd(asked, rng.int(1, 3));
    const familyConsent = wd(asked, wait(rng, 1, 5, 0.06, 8, 15));
    const other = drs ? "the school" : "the local authority";
    const consentStep = (on: string, who: string, agreed: boolean): Step => ({
      on,
      by: "caseworker",
      type: "CONSENT_RECORDED",
      summary: `${who} ${agreed ? "agreed" : "declined"} to take part`,
      rule: "R-73",
      visibility: "STAFF",
      data: { consent: agreed ? "GIVEN" : "DECLINED", consentOn: on },
    });
    const first = otherConsent <= familyConsent;
    const otherStep = consentStep(otherConsent, `Representative of ${other}`, shape.route !== "DRS_DECLINED");
    if (first) steps.push(otherStep);
    if (shape.route === "DRS_DECLINED") {
      steps.push({ on: otherConsent, by: "caseworker", type: "DRS_DECLINED", summary: "Disagreement resolution is not going ahead: not everyone agreed to take part", rule: "R-73", visibility: "SHARED", data: { transition: "declineDrs" }, status: "NOT_PROCEEDING" });
      return { steps, plan: { route: shape.route, referredOn: r, decisionSentOn, laNotifiedOn, bookedOn, meetingOn, heldOn, agreement, certificate, appealLodgedOn, health: shape.health, selfReferral: shape.selfReferral, actions, preMeetings } };
    }
    if (shape.route === "WITHDRAWN") {
      const stops: DeadlineName[] = shape.health ? ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"] : ["MEDIATION_30_DAY"];
      steps.push({
        on: familyConsent,
        by: "caseworker",
        type: "CASE_WITHDRAWN",
        summary: "Family withdrew from mediation",
        rule: "R-12",
        visibility: "SHARED",
        data: { transition: "withdraw", toldOn: familyConsent, reason: "The family has decided to appeal to the Tribunal straight away." },
        status: "WITHDRAWN",
        closes: { names: stops, outcome: "CANCELLED" },
        ...(shape.certificateAsked ? { opens: ["CERTIFICATE_ADVICE_ONLY" as DeadlineName] } : {}),
      });
      if (!first) steps.push(otherStep);
      if (shape.certificateAsked) {
        const issued = issueCertificate("ADVICE_ONLY", "CERTIFICATE_ADVICE_ONLY", familyConsent, wd(familyConsent, wait(rng, 1, 3, 0.05, 4, 8)), "caseworker");
        close(addCalendarDays(issued, rng.int(3, 20)), "CERTIFICATE_ISSUED", "Certificate issued after the family withdrew.");
        if (shape.appeal) appealLodgedOn = addCalendarDays(issued, rng.int(10, 28));
      } else {
        close(addCalendarDays(familyConsent, rng.int(10, 40)), "WITHDRAWN", "The family withdrew and did not ask for a certificate.");
      }
      return { steps, plan: { route: shape.route, referredOn: r, decisionSentOn, laNotifiedOn, bookedOn, meetingOn, heldOn, agreement, certificate, appealLodgedOn, health: shape.health, selfReferral: shape.selfReferral, actions, preMeetings } };
    }
    steps.push(consentStep(familyConsent, "The family", true));
    if (!first) steps.push(otherStep);
    const bothAgreed = otherConsent > familyConsent ? otherConsent : familyConsent;
    const allocated = wd(bothAgreed, rng.int(0, 2));
    steps.push({ on: allocated, by: "caseworker", type: "MEDIATOR_ALLOCATED", summary: "Mediator allocated", visibility: "SHARED", data: { transition: "allocate", from: "AWAITING_CONSENT", to: "ALLOCATED" }, status: "ALLOCATED" });
    const preparing = wd(allocated, rng.int(1, 3));
    steps.push({ on: preparing, by: "mediator", type: "PREPARATION_STARTED", summary: "Preparation for the meeting started", visibility: "SHARED", data: { transition: "startPreparing", from: "ALLOCATED", to: "PREPARING" }, status: "PREPARING" });
    bookedOn = wd(preparing, wait(rng, 0, 3, 0.06, 5, 12));
    preMeetings.push(wd(preparing, 1), wd(preparing, 2));
    // R-22: at least 5 working days' notice (not for DRS, R-70, but the provider gives it anyway).
    meetingOn = wd(dm.meeting(bookedOn), wait(rng, 0, 5, 0.1, 6, 12));
    steps.push({
      on: bookedOn,
      by: "mediator",
      type: "MEETING_SCHEDULED",
      summary: `Meeting scheduled for ${fmt(meetingOn)}`,
      rule: "R-22",
      visibility: "SHARED",
      data: { transition: "scheduleMeeting", from: "PREPARING", to: "MEETING_SCHEDULED", meetingOn, noticeSentOn: bookedOn },
      status: "MEETING_SCHEDULED",
      mark: "BOOKED",
    });
    heldOn = meetingOn;
    steps.push({
      on: heldOn,
      by: "mediator",
      type: "MEETING_HELD",
      summary: `Mediation meeting held on ${fmt(heldOn)}`,
      rule: "R-30",
      visibility: "SHARED",
      data: { transition: "recordMeetingHeld", from: "MEETING_SCHEDULED", to: "MEETING_HELD", heldOn, agreement: agreement ?? "NONE" },
      status: "MEETING_HELD",
      ...(drs ? {} : { opens: ["CERTIFICATE_AFTER_MEDIATION" as DeadlineName], closes: { names: ["MEDIATION_30_DAY" as DeadlineName], outcome: "MET" as const } }),
      mark: "HELD",
    });
    const agreed = agreement === "FULL" || agreement === "PARTIAL";
    if (agreed) {
      // Sealing writes no timeline entry of its own (lib/agreements): a mark only.
      steps.push({ on: heldOn, by: "mediator", type: "AGREEMENT_SEALED", summary: "", visibility: "STAFF", mark: "SEALED", silent: true });
      const kinds = drs ? [] : shape.decisions.map((d) => ACTION_FOR[d]);
      const seen = new Set<string>();
      for (const a of kinds) {
        if (seen.has(a.kind)) continue;
        seen.add(a.kind);
        const dueOn = a.kind === "MAINTAIN_OR_CEASE" ? heldOn : dm.action(heldOn, a.kind);
        actions.push({ position: actions.length, what: a.what, responsible: "LA", kind: a.kind, dueOn, howChecked: "The family confirms it has received it; the case team checks the LA's letter.", doneOn: "" });
      }
      if (shape.health) actions.push({ position: actions.length, what: "Arrange the agreed speech and language therapy sessions", responsible: "ICB", kind: "NON_APPEALABLE", dueOn: dm.action(heldOn, "NON_APPEALABLE"), howChecked: "The therapist's first appointment letter", doneOn: "" });
      if (drs || rng.chance(0.4)) actions.push({ position: actions.length, what: "Hold a review meeting at school to agree the support plan", responsible: "SCHOOL", kind: "OTHER", dueOn: addCalendarDays(heldOn, 28), howChecked: "The school sends the notes of the review meeting", doneOn: "" });
      if (rng.chance(0.25)) actions.push({ position: actions.length, what: "Send the council the latest report from the occupational therapist", responsible: "FAMILY", kind: "OTHER", dueOn: addCalendarDays(heldOn, 14), howChecked: "The council confirms it has the report", doneOn: "" });
    }
    let last = heldOn;
    let lastStatus: CaseStatus = "MEETING_HELD";
    if (!drs) {
      last = issueCertificate("AFTER_MEDIATION", "CERTIFICATE_AFTER_MEDIATION", heldOn, wd(heldOn, wait(rng, 1, 3, 0.03, 4, 7)), "mediator");
      lastStatus = "CERTIFICATE_ISSUED";
      if (shape.appeal) appealLodgedOn = addCalendarDays(last, rng.int(10, 28));
    }
    if (agreed) {
      const monitoring = wd(last, rng.int(0, 3));
      steps.push({ on: monitoring, by: "caseworker", type: "MONITORING_STARTED", summary: "Monitoring the agreed actions", rule: "R-40", visibility: "SHARED", data: { transition: "startMonitoring", from: lastStatus, to: "MONITORING" }, status: "MONITORING" });
      let allDone = monitoring;
      for (const a of actions) {
        a.doneOn = rng.chance(0.12) ? addCalendarDays(a.dueOn, rng.int(1, 30)) : addCalendarDays(a.dueOn, -rng.int(0, Math.min(20, Math.max(0, daysBetween(monitoring, a.dueOn)))));
        if (a.doneOn < monitoring) a.doneOn = monitoring;
        if (a.doneOn > allDone) allDone = a.doneOn;
        steps.push({ on: a.doneOn, by: "caseworker", type: "OBLIGATION_DONE", summary: `Agreed action done: ${a.what}`, rule: "R-40", visibility: "SHARED", mark: "OBLIGATION_DONE", position: a.position });
      }
      close(addCalendarDays(allDone, rng.int(1, 14)), "MONITORING", "All the agreed actions are done.");
    } else {
      close(addCalendarDays(last, rng.int(3, 20)), lastStatus, drs ? "The meeting was held; nothing was agreed." : "Certificate issued; nothing was agreed, so there is nothing to monitor.");
    }
  }
  if (appealLodgedOn) steps.push({ on: appealLodgedOn, by: "caseworker", type: "APPEAL_RECORDED", summary: "The family told us they have appealed to the Tribunal", rule: "R-50", visibility: "STAFF", data: { transition: "recordAppeal", appealLodgedOn }, mark: "APPEAL" });
  // Staff notes along the way (phone calls, reminders), STAFF only.
  const end = steps[steps.length - 1]!.on;
  for (let i = 0; i < shape.notes; i++) {
    const on = addCalendarDays(r, rng.int(0, Math.max(1, daysBetween(r, end))));
    steps.push({ on: dm.workingDayOnOrBefore(on) < r ? r : dm.workingDayOnOrBefore(on), by: rng.chance(0.6) ? "caseworker" : "mediator", type: "NOTE", summary: rng.pick(NOTES), visibility: "STAFF" });
  }
  return { steps, plan: { route: shape.route, referredOn: r, decisionSentOn, laNotifiedOn, bookedOn, meetingOn, heldOn, agreement, certificate, appealLodgedOn, health: shape.health, selfReferral: shape.selfReferral, actions, preMeetings } };
}

const NOTES = [
  "Called the family to explain what happens next; they are happy to go ahead.",
  "Left a voicemail and sent a follow-up email.",
  "The council's representative asked for the reports before the meeting; sent them.",
  "The family asked for an interpreter at the meeting; booked.",
  "Sent the family the leaflet about preparing for mediation.",
  "Spoke to the SENCo about the support currently in place.",
  "Reminder sent about the documents the family wants to bring.",
  "The family asked to bring a supporter from SENDIASS.",
];

/**
 * Keeps the steps on or before `today` (a stable sort by day: a step keeps its place among those
 * of the same day), and derives the status and the deadlines they leave, as the lifecycle's
 * open/close would (lib/cases/deadlines/open-close.ts): a deadline done after its due date is
 * MISSED with how late, in its rule's unit.
 */
export function cutAt(dm: DateMemo, steps: Step[], today: string): { steps: Step[]; status: CaseStatus; statusBeforeClose: CaseStatus | null; deadlines: DeadlineRow[] } {
  const kept = steps
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.on <= today)
    .sort((a, b) => (a.s.on < b.s.on ? -1 : a.s.on > b.s.on ? 1 : a.i - b.i))
    .map(({ s }) => s);
  let status: CaseStatus = "REFERRED";
  let statusBeforeClose: CaseStatus | null = null;
  const deadlines: DeadlineRow[] = [];
  for (const s of kept) {
    for (const name of s.opens ?? []) deadlines.push({ name, rule: DEADLINES[name].rule, triggerOn: s.on, dueOn: dm.due(name, s.on), closedOn: null, outcome: null, daysLate: null });
    if (s.closes) {
      for (const d of deadlines) {
        if (d.closedOn !== null || !s.closes.names.includes(d.name)) continue;
        d.closedOn = s.on;
        if (s.closes.outcome === "CANCELLED") d.outcome = "CANCELLED";
        else if (s.on <= d.dueOn) d.outcome = "MET";
        else {
          d.outcome = "MISSED";
          d.daysLate = dm.late(d.name, d.dueOn, s.on);
        }
      }
    }
    if (s.status) {
      if (s.status === "CLOSED") statusBeforeClose = status;
      status = s.status;
    }
  }
  return { steps: kept, status, statusBeforeClose, deadlines };
}

// ---------------------------------------------------------------------------------------------
// The mix of cases
// ---------------------------------------------------------------------------------------------

/** Of all requests: advice only ≈ 10 %, disagreement resolution ≈ 5 %, the rest mediation (of which ≈ 7 % withdraw). */
export const ROUTE_WEIGHTS: Record<RouteKind, number> = { MEDIATION: 0.79, WITHDRAWN: 0.06, ADVICE_ONLY: 0.1, DRS: 0.04, DRS_DECLINED: 0.01 };
/** Commissioners' agreement rate (full / partial / none), a plausible split. */
export const AGREEMENT_WEIGHTS: Record<AgreementOutcome, number> = { FULL: 0.55, PARTIAL: 0.25, NONE: 0.2 };
/** §10: 14 % of requests were followed by a Tribunal appeal (2024). */
export const APPEAL_RATE = 0.14;

const DECISION_MIX: { d: DisputedDecision[]; w: number }[] = [
  { d: ["PLAN_CONTENTS_SECTION_F"], w: 20 },
  { d: ["PLAN_CONTENTS_SECTION_B", "PLAN_CONTENTS_SECTION_F"], w: 12 },
  { d: ["PLAN_CONTENTS_SECTION_B", "PLAN_CONTENTS_SECTION_F", "PLAN_CONTENTS_SECTION_I"], w: 8 },
  { d: ["PLAN_CONTENTS_SECTION_I"], w: 8 },
  { d: ["REFUSAL_TO_ASSESS"], w: 22 },
  { d: ["NO_PLAN_AFTER_ASSESSMENT"], w: 10 },
  { d: ["PLAN_NO_SCHOOL_NAMED"], w: 3 },
  { d: ["REFUSAL_TO_REASSESS"], w: 4 },
  { d: ["REFUSAL_TO_AMEND"], w: 8 },
  { d: ["CEASE_PLAN"], w: 5 },
];
const decisionPicker = new WeightedPicker(DECISION_MIX.map((m) => m.w));
const routeNames = Object.keys(ROUTE_WEIGHTS) as RouteKind[];
const routePicker = new WeightedPicker(routeNames.map((k) => ROUTE_WEIGHTS[k]));
const agreementNames = Object.keys(AGREEMENT_WEIGHTS) as AgreementOutcome[];
const agreementPicker = new WeightedPicker(agreementNames.map((k) => AGREEMENT_WEIGHTS[k]));

export function randomShape(rng: Rng, route?: RouteKind, notes?: number): CaseShape {
  const r = route ?? routeNames[routePicker.pick(rng)]!;
  const drs = r === "DRS" || r === "DRS_DECLINED";
  return {
    route: r,
    decisions: drs ? [] : DECISION_MIX[decisionPicker.pick(rng)]!.d,
    health: !drs && r !== "ADVICE_ONLY" && rng.chance(0.08),
    agreement: agreementNames[agreementPicker.pick(rng)]!,
    selfReferral: rng.chance(0.15),
    certificateAsked: rng.chance(0.6),
    appeal: !drs && rng.chance(APPEAL_RATE),
    notes: notes ?? (rng.chance(0.2) ? 1 : 0),
  };
}

/** The route that leads to each status (for cases forced to a stage, so that every stage exists). */
export function routeFor(status: CaseStatus): RouteKind {
  if (status === "ADVICE_ONLY") return "ADVICE_ONLY";
  if (status === "WITHDRAWN") return "WITHDRAWN";
  if (status === "NOT_PROCEEDING") return "DRS_DECLINED";
  return "MEDIATION";
}

/** A random working day in [from, to]. */
export function randomWorkingDay(rng: Rng, dm: DateMemo, from: string, to: string): string {
  const d = addCalendarDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
  const w = dm.rollForward(d);
  return w > to ? dm.workingDayOnOrBefore(to) : w;
}

/** A child of about `years` old, in a school setting that fits. */
export function childFor(rng: Rng, today: string): { dateOfBirth: string; setting: string } {
  const age = rng.int(3, 19);
  return { dateOfBirth: addCalendarDays(today, -(age * 365 + rng.int(0, 364))), setting: `${rng.pick(SURNAMES.filter((s) => !s.includes(" ")))} ${age >= 16 ? "College" : rng.pick(SETTINGS)}` };
}
