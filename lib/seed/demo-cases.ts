/**
 * The demo cases SM-DEMO-00003 … SM-DEMO-00013: one case at each stage a newcomer meets, across the
 * two demo LAs, so that every list, filter, deadline state and case page has a live example.
 *
 * Each case is written as its history: the steps a caseworker or mediator would have taken, each
 * with the day it happened, its timeline entry and the deadlines it started or stopped. Every day
 * is counted back from today (Europe/London) with the date engine (lib/deadlines), so the demo is
 * always current: the "close to day 30" case is always due soon, the overdue one always overdue.
 * `demoCasePlans(today)` is pure (no database), so tests can check the stages on any day.
 *
 * Timeline visibility: lifecycle facts are SHARED, in the same words the case page uses
 * when staff do the step; staff notes, consent answers and anything with free text are STAFF (a
 * free-text reason is kept in the entry's data, which only staff see).
 */
import "server-only";
import type { CaseKind, CaseStatus, ContactMethod, DisputedDecision, DrsScope, FamilyPartyType, IssueCategory, PartyKind, Prisma, Requester, Tx } from "@/lib/platform/db";
import {
  addCalendarDays,
  addCalendarMonths,
  addWorkingDays,
  agreementActionDueDate,
  certificateDueDate,
  dbDateFromIso,
  earliestWorkingMeetingDate,
  formatDate,
  formatLongDate,
  healthNotificationDueDate,
  isWorkingDay,
  mediationDeadline,
  rollForwardToWorkingDay,
} from "@/lib/deadlines";
import { closeDeadlines, openDeadlines, refreshNextDeadline } from "@/lib/cases/deadlines/open-close";
import { recordEvent } from "@/lib/cases/timeline";
import { linkFamilyAccount } from "@/lib/auth/family-accounts";

/** The deadline names the case-deadlines module takes (kept as its own parameter type, not imported). */
export type DemoDeadlineName = Parameters<typeof openDeadlines>[2][number];

/** The stages the demo shows (the issue's list, plus a case with a health issue, R-21). */
export const DEMO_STAGES = [
  "REFERRED",
  "AWAITING_CONSENT",
  "ALLOCATED",
  "MEETING_SCHEDULED",
  "CLOSE_TO_DAY_30",
  "OVERDUE",
  "ADVICE_ONLY",
  "WITHDRAWN",
  "DRS",
  "CLOSED",
  "HEALTH",
] as const;
export type DemoStage = (typeof DEMO_STAGES)[number];

export type DemoActor = "caseworker" | "mediator" | null;

export interface DemoStep {
  /** The calendar day it happened (and day 0 of any deadline it starts, or the day one stops). */
  on: string;
  by: DemoActor;
  type: string;
  summary: string;
  rule?: string;
  visibility: "SHARED" | "STAFF";
  data?: Record<string, string | number | boolean | null>;
  opens?: DemoDeadlineName[];
  closes?: { names: DemoDeadlineName[]; outcome: "MET" | "CANCELLED" };
}

export interface DemoParty {
  kind: PartyKind;
  name: string;
  organisation?: string;
  email?: string;
  phone?: string;
  preferredContact?: ContactMethod;
  accessNeeds?: string;
  /** LA and health body representatives with authority to resolve the issues. */
  hasAuthority?: boolean;
  consent: "PENDING" | "GIVEN" | "DECLINED";
  consentOn?: string;
  consentHow?: string;
}

export interface DemoCasePlan {
  reference: string;
  la: "DEMO1" | "DEMO2";
  stage: DemoStage;
  /** One line for people: what the case shows. */
  shows: string;
  kind: CaseKind;
  status: CaseStatus;
  requestedBy: Requester;
  familyParty: FamilyPartyType;
  disputedDecisions: DisputedDecision[];
  drsScope: DrsScope | null;
  decisionSentOn: string | null;
  laNotifiedOn: string | null;
  meetingOn: string | null;
  heldOn: string | null;
  /** the neutral description the LA officer and the family see. */
  summary: string;
  /** notes for the mediation team only (e.g. what a family wrote on the website form). */
  staffNotes?: string;
  /** The demo mediator (mediator@demo.test) is allocated. */
  mediator: boolean;
  /** Logged by the demo caseworker, or (null) a self-referral through the website. */
  createdBy: DemoActor;
  child: { name: string; dateOfBirth: string; setting: string; hasEhcPlan: boolean };
  issues: { category: IssueCategory; description: string }[];
  parties: DemoParty[];
  history: DemoStep[];
  /**
   * The family party (and, on a young person's case, a parent: decision 0022) get family accounts,
   * as when a caseworker records them (lib/auth/family-accounts.ts), so they can sign in by link.
   */
  familyAccounts?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Timeline wording: the same sentences the lifecycle writes when staff do the step.

const referralLogged = (on: string): DemoStep => ({ on, by: "caseworker", type: "REFERRAL_LOGGED", summary: "Referral logged", visibility: "SHARED" });

/** R-20 (+ R-21 with a health issue): the 30-day clock starts on the day the LA is told. */
const contactingStarted = (laNotifiedOn: string, health = false): DemoStep => ({
  on: laNotifiedOn,
  by: "caseworker",
  type: "CONTACTING_STARTED",
  summary: `Started contacting the parties; LA told on ${formatDate(laNotifiedOn)}`,
  rule: "R-20",
  visibility: "SHARED",
  data: { transition: "startContacting", from: "REFERRED", to: "CONTACTING_PARTIES", laNotifiedOn },
  opens: health ? ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"] : ["MEDIATION_30_DAY"],
});

const consentRequested = (on: string): DemoStep => ({
  on,
  by: "caseworker",
  type: "CONSENT_REQUESTED",
  summary: "Asked the parties to agree to take part",
  rule: "R-73",
  visibility: "SHARED",
  data: { transition: "requestConsent", from: "CONTACTING_PARTIES", to: "AWAITING_CONSENT" },
});

/** Consent answers are STAFF: they say how the person told us. */
function consentRecorded(p: DemoParty, who: string): DemoStep {
  const verb = p.consent === "GIVEN" ? "agreed to take part" : "declined to take part";
  return {
    on: p.consentOn!,
    by: "caseworker",
    type: "CONSENT_RECORDED",
    summary: `${p.name} (${who}) ${verb} (told us ${p.consentHow} on ${formatLongDate(p.consentOn!)})`,
    rule: "R-73",
    visibility: "STAFF",
    data: { consent: p.consent, consentOn: p.consentOn!, consentHow: p.consentHow ?? null },
  };
}

const mediatorAllocated = (on: string): DemoStep => ({
  on,
  by: "caseworker",
  type: "MEDIATOR_ALLOCATED",
  summary: "Mediator allocated",
  visibility: "SHARED",
  data: { transition: "allocate", from: "AWAITING_CONSENT", to: "ALLOCATED" },
});

const preparationStarted = (on: string): DemoStep => ({
  on,
  by: "mediator",
  type: "PREPARATION_STARTED",
  summary: "Preparation for the meeting started",
  visibility: "SHARED",
  data: { transition: "startPreparing", from: "ALLOCATED", to: "PREPARING" },
});

/** the notice goes out the day the meeting is booked. */
const meetingScheduled = (on: string, meetingOn: string): DemoStep => ({
  on,
  by: "mediator",
  type: "MEETING_SCHEDULED",
  summary: `Meeting scheduled for ${formatDate(meetingOn)}`,
  rule: "R-22",
  visibility: "SHARED",
  data: { transition: "scheduleMeeting", from: "PREPARING", to: "MEETING_SCHEDULED", meetingOn, noticeSentOn: on },
});

const note = (on: string, by: DemoActor, summary: string, rule?: string): DemoStep => ({ on, by, type: "NOTE", summary, visibility: "STAFF", ...(rule ? { rule } : {}) });

// ---------------------------------------------------------------------------------------------
// The plans

/**
 * The demo cases as they stand on `today` (an ISO date, Europe/London). Pure: the same `today`
 * always gives the same plans.
 */
export function demoCasePlans(today: string): DemoCasePlan[] {
  const day = (n: number) => addCalendarDays(today, n);
  /** The last working day on or before today + n: staff act on working days. */
  const wd = (n: number) => {
    let d = day(n);
    while (!isWorkingDay(d)) d = addCalendarDays(d, -1);
    return d;
  };
  /** A date of birth `years` years and `days` days before today. */
  const born = (years: number, days: number) => addCalendarDays(addCalendarMonths(today, -12 * years), -days);

  const plans: DemoCasePlan[] = [];

  // SM-DEMO-00003 — REFERRED: a young person's request through the website; nothing has
  // started yet, so no clock is running (R-20 starts when the LA is told).
  {
    const received = wd(-3);
    plans.push({
      reference: "SM-DEMO-00003",
      la: "DEMO1",
      stage: "REFERRED",
      shows: "a young person's self-referral from the website; no clock running until the LA is told",
      kind: "MEDIATION",
      status: "REFERRED",
      requestedBy: "YOUNG_PERSON",
      familyParty: "YOUNG_PERSON",
      disputedDecisions: ["REFUSAL_TO_AMEND"],
      drsScope: null,
      decisionSentOn: day(-19),
      laNotifiedOn: null,
      meetingOn: null,
      heldOn: null,
      summary: "Zoë disagrees with the council's decision not to amend her EHC plan after the annual review.",
      // What she wrote on the website form is for the mediation team only.
      staffNotes: "After my annual review the council said it will not change my plan. I need more support at college than the plan gives me.",
      mediator: false,
      createdBy: null,
      child: { name: "Zoë Clarke", dateOfBirth: born(17, 140), setting: "Northshire College", hasEhcPlan: true },
      issues: [{ category: "EDUCATION", description: "Support hours at college in section F, after the annual review" }],
      parties: [
        {
          kind: "YOUNG_PERSON",
          name: "Zoë Clarke",
          email: "zoe.clarke@example.com",
          phone: "07700 900123",
          preferredContact: "EMAIL",
          accessNeeds: "Prefers email, with information sent a few days before any call",
          consent: "PENDING",
        },
        // R-01 (decision 0022): her mum, who sees the case only if Zoë agrees (/my-case/…/parent-access).
        { kind: "PARENT", name: "Helen Clarke", email: "helen.clarke@example.com", phone: "07700 900124", consent: "PENDING" },
      ],
      familyAccounts: true,
      history: [
        {
          on: received,
          by: null,
          type: "SELF_REFERRAL_RECEIVED",
          summary: "Request for mediation received from the young person through the website",
          visibility: "SHARED",
          data: { familyParty: "YOUNG_PERSON", decisionKnown: true },
        },
        note(wd(-1), "caseworker", "Called Zoë to explain mediation. She would like her mum to come with her as a supporter. Next: tell Northshire SEND team, which starts the 30-day clock (R-20)."),
      ],
    });
  }

  // SM-DEMO-00004 — AWAITING_CONSENT: the LA has agreed, the parent has not answered yet, so a
  // mediator cannot be allocated. An interpreter attends.
  {
    const laNotifiedOn = wd(-7);
    const la: DemoParty = { kind: "LA", name: "Priya Shah", organisation: "Southborough SEND team", email: "priya.shah@southborough.example", hasAuthority: true, consent: "GIVEN", consentOn: wd(-4), consentHow: "by email" };
    plans.push({
      reference: "SM-DEMO-00004",
      la: "DEMO2",
      stage: "AWAITING_CONSENT",
      shows: "waiting for the parent's consent, so no mediator can be allocated yet; the 30-day clock is running",
      kind: "MEDIATION",
      status: "AWAITING_CONSENT",
      requestedBy: "PARENT",
      familyParty: "PARENT",
      disputedDecisions: ["REFUSAL_TO_ASSESS"],
      drsScope: null,
      decisionSentOn: day(-26),
      laNotifiedOn,
      meetingOn: null,
      heldOn: null,
      summary: "The family disagrees with the council's decision not to carry out an EHC needs assessment for Maja.",
      mediator: false,
      createdBy: "caseworker",
      child: { name: "Maja Nowak", dateOfBirth: born(8, 75), setting: "St Anne's CE Primary School", hasEhcPlan: false },
      issues: [{ category: "EDUCATION", description: "Refusal to carry out an EHC needs assessment" }],
      parties: [
        { kind: "PARENT", name: "Łukasz Nowak", email: "lukasz.nowak@example.com", phone: "07700 900456", preferredContact: "PHONE", accessNeeds: "Polish interpreter for calls and meetings", consent: "PENDING" },
        { kind: "INTERPRETER", name: "Ewa Kowalczyk", organisation: "Southborough Interpreting Service", email: "bookings@interpreting.southborough.example", consent: "PENDING" },
        la,
      ],
      history: [
        referralLogged(wd(-8)),
        contactingStarted(laNotifiedOn),
        consentRequested(wd(-5)),
        consentRecorded(la, "local authority"),
        note(wd(-1), "caseworker", "Left a voicemail for Mr Nowak with the interpreter on the line, and sent the consent letter in Polish and English. Call again in two days."),
      ],
    });
  }

  // SM-DEMO-00005 — ALLOCATED: consent given, the demo mediator allocated, 30-day clock on track.
  {
    const laNotifiedOn = wd(-13);
    const parent: DemoParty = { kind: "PARENT", name: "Grace Okafor", email: "grace.okafor@example.com", phone: "07700 900234", consent: "GIVEN", consentOn: wd(-8), consentHow: "by phone" };
    plans.push({
      reference: "SM-DEMO-00005",
      la: "DEMO2",
      stage: "ALLOCATED",
      shows: "consent given and the demo mediator allocated; the 30-day clock is on track",
      kind: "MEDIATION",
      status: "ALLOCATED",
      requestedBy: "PARENT",
      familyParty: "PARENT",
      disputedDecisions: ["NO_PLAN_AFTER_ASSESSMENT"],
      drsScope: null,
      decisionSentOn: day(-30),
      laNotifiedOn,
      meetingOn: null,
      heldOn: null,
      summary: "After the needs assessment the council decided not to issue an EHC plan; the family believes Daniel's needs cannot be met without one.",
      mediator: true,
      createdBy: "caseworker",
      child: { name: "Daniel Okafor", dateOfBirth: born(11, 200), setting: "Southborough Academy", hasEhcPlan: false },
      issues: [{ category: "EDUCATION", description: "Decision not to issue an EHC plan after the assessment" }],
      parties: [
        parent,
        { kind: "LA", name: "Marcus Bell", organisation: "Southborough SEND team", email: "marcus.bell@southborough.example", hasAuthority: true, consent: "GIVEN", consentOn: wd(-9), consentHow: "by email" },
        { kind: "SUPPORTER", name: "Tom Reeves", organisation: "Southborough SENDIASS", email: "tom.reeves@sendiass.southborough.example", consent: "PENDING" },
      ],
      history: [
        referralLogged(wd(-14)),
        contactingStarted(laNotifiedOn),
        consentRequested(wd(-11)),
        consentRecorded(parent, "parent"),
        mediatorAllocated(wd(-6)),
        note(wd(-2), "mediator", "Introductory call with Mrs Okafor booked; she will bring Tom Reeves from SENDIASS as her supporter."),
      ],
    });
  }

  // SM-DEMO-00006 — MEETING_SCHEDULED: the meeting is booked with at least 5 working days' notice
  // and inside the 30 days. Education and social care issues.
  {
    const laNotifiedOn = wd(-13);
    const bookedOn = wd(-1);
    // enough notice from the day it was booked, and still at least 5 working days ahead today.
    const meetingOn = earliestWorkingMeetingDate(today);
    const parent: DemoParty = { kind: "PARENT", name: "Oluwaseun Adeyemi", email: "seun.adeyemi@example.com", phone: "07700 900345", consent: "GIVEN", consentOn: wd(-10), consentHow: "by email" };
    plans.push({
      reference: "SM-DEMO-00006",
      la: "DEMO1",
      stage: "MEETING_SCHEDULED",
      shows: `meeting booked for ${formatDate(meetingOn)}, with 5 working days' notice and inside the 30 days`,
      kind: "MEDIATION",
      status: "MEETING_SCHEDULED",
      requestedBy: "PARENT",
      familyParty: "PARENT",
      disputedDecisions: ["PLAN_CONTENTS_SECTION_B", "PLAN_CONTENTS_SECTION_F"],
      drsScope: null,
      decisionSentOn: day(-35),
      laNotifiedOn,
      meetingOn,
      heldOn: null,
      summary: "The family and the council disagree about the one-to-one support in section F and the short breaks in section H.",
      mediator: true,
      createdBy: "caseworker",
      child: { name: "Tolu Adeyemi", dateOfBirth: born(14, 30), setting: "Northshire High School", hasEhcPlan: true },
      issues: [
        { category: "EDUCATION", description: "One-to-one support hours in section F" },
        { category: "SOCIAL_CARE", description: "Short breaks in section H" },
      ],
      parties: [
        parent,
        { kind: "LA", name: "Gareth Hughes", organisation: "Northshire SEND team", email: "gareth.hughes@northshire.example", hasAuthority: true, consent: "GIVEN", consentOn: wd(-11), consentHow: "by email" },
        { kind: "SCHOOL", name: "Helen Carter", organisation: "Northshire High School (SENCo)", email: "senco@northshire-high.example", consent: "GIVEN", consentOn: wd(-9), consentHow: "by email" },
        { kind: "SUPPORTER", name: "Kate Morgan", organisation: "Northshire Parent Carer Forum", consent: "PENDING" },
      ],
      history: [
        referralLogged(wd(-14)),
        contactingStarted(laNotifiedOn),
        consentRequested(wd(-12)),
        consentRecorded(parent, "parent"),
        mediatorAllocated(wd(-9)),
        preparationStarted(wd(-7)),
        note(wd(-4), "mediator", "Pre-meeting calls held with Mr Adeyemi and with Gareth Hughes, who has authority to agree changes to sections F and H (R-24)."),
        meetingScheduled(bookedOn, meetingOn),
      ],
    });
  }

  // SM-DEMO-00007 — close to day 30: allocated and preparing, but the 30 days end within a few
  // working days (DUE_SOON) and no meeting is booked yet.
  {
    const laNotifiedOn = rollForwardToWorkingDay(day(-27));
    const due = mediationDeadline(laNotifiedOn);
    const parent: DemoParty = { kind: "PARENT", name: "Farida Rahman", email: "farida.rahman@example.com", phone: "07700 900567", consent: "GIVEN", consentOn: addWorkingDays(laNotifiedOn, 4), consentHow: "by phone" };
    plans.push({
      reference: "SM-DEMO-00007",
      la: "DEMO2",
      stage: "CLOSE_TO_DAY_30",
      shows: `day 30 is ${formatDate(due)} and no meeting is booked yet (due soon)`,
      kind: "MEDIATION",
      status: "PREPARING",
      requestedBy: "PARENT",
      familyParty: "PARENT",
      disputedDecisions: ["PLAN_CONTENTS_SECTION_B"],
      drsScope: null,
      decisionSentOn: day(-45),
      laNotifiedOn,
      meetingOn: null,
      heldOn: null,
      summary: "The family says section B of Aisha's plan does not describe her sensory and communication needs.",
      mediator: true,
      createdBy: "caseworker",
      child: { name: "Aisha Rahman", dateOfBirth: born(6, 310), setting: "Southborough Infant School", hasEhcPlan: true },
      issues: [{ category: "EDUCATION", description: "Description of sensory and communication needs in section B" }],
      parties: [
        parent,
        { kind: "LA", name: "Priya Shah", organisation: "Southborough SEND team", email: "priya.shah@southborough.example", hasAuthority: true, consent: "GIVEN", consentOn: addWorkingDays(laNotifiedOn, 2), consentHow: "by email" },
        { kind: "SUPPORTER", name: "Yusuf Rahman", consent: "PENDING" },
      ],
      history: [
        referralLogged(wd(-28)),
        contactingStarted(laNotifiedOn),
        consentRequested(addWorkingDays(laNotifiedOn, 1)),
        consentRecorded(parent, "parent"),
        mediatorAllocated(addWorkingDays(laNotifiedOn, 5)),
        preparationStarted(addWorkingDays(laNotifiedOn, 7)),
        note(
          wd(-1),
          "mediator",
          `The council's representative with authority to settle (R-24) is not free until after day 30 (${formatLongDate(due)}). Options: another representative with authority and a meeting by day 30 if the family agrees to shorter notice (R-22), or record that mediation cannot be arranged within 30 days (R-23).`,
        ),
      ],
    });
  }

  // SM-DEMO-00008 — OVERDUE: day 30 has passed, the family has not been reached, and nothing has
  // been recorded yet (the next step is R-23).
  {
    const laNotifiedOn = wd(-36);
    const due = mediationDeadline(laNotifiedOn);
    plans.push({
      reference: "SM-DEMO-00008",
      la: "DEMO1",
      stage: "OVERDUE",
      shows: `day 30 was ${formatDate(due)}: overdue, the family could not be reached`,
      kind: "MEDIATION",
      status: "CONTACTING_PARTIES",
      requestedBy: "PARENT",
      familyParty: "PARENT",
      disputedDecisions: ["REFUSAL_TO_REASSESS"],
      drsScope: null,
      decisionSentOn: day(-50),
      laNotifiedOn,
      meetingOn: null,
      heldOn: null,
      summary: "The family disagrees with the council's refusal to re-assess Tyler's needs.",
      mediator: false,
      createdBy: "caseworker",
      child: { name: "Tyler Walsh", dateOfBirth: born(9, 45), setting: "Brookside Primary School", hasEhcPlan: true },
      issues: [{ category: "EDUCATION", description: "Refusal to carry out a re-assessment" }],
      parties: [
        { kind: "PARENT", name: "Kerry-Ann Walsh", phone: "07700 900789", preferredContact: "PHONE", accessNeeds: "Dyslexic: prefers phone calls to letters", consent: "PENDING" },
        { kind: "LA", name: "Dev Mistry", organisation: "Northshire SEND team", email: "dev.mistry@northshire.example", hasAuthority: true, consent: "PENDING" },
      ],
      history: [
        referralLogged(wd(-37)),
        contactingStarted(laNotifiedOn),
        note(wd(-30), "caseworker", "Called Ms Walsh twice at different times of day; no answer. Voicemail left."),
        note(wd(-20), "caseworker", "Letter sent asking Ms Walsh to call us; no reply yet."),
        note(wd(-2), "caseworker", `Day 30 (${formatLongDate(due)}) has passed without mediation. If the family still cannot be reached, record that mediation cannot be arranged within 30 days so the certificate is issued (R-23).`),
      ],
    });
  }

  // SM-DEMO-00009 — ADVICE_ONLY: the family was given mediation information and does not want
  // mediation; the certificate is due within 3 working days.
  {
    const toldOn = wd(-1);
    const parent: DemoParty = { kind: "PARENT", name: "Siobhán Murphy", email: "siobhan.murphy@example.com", phone: "07700 900678", consent: "DECLINED", consentOn: toldOn, consentHow: "by phone, to the mediation adviser" };
    plans.push({
      reference: "SM-DEMO-00009",
      la: "DEMO2",
      stage: "ADVICE_ONLY",
      shows: `mediation advice only: the family does not want mediation, certificate due ${formatDate(certificateDueDate(toldOn))}`,
      kind: "ADVICE_ONLY",
      status: "ADVICE_ONLY",
      requestedBy: "PARENT",
      familyParty: "PARENT",
      disputedDecisions: ["CEASE_PLAN"],
      drsScope: null,
      decisionSentOn: day(-20),
      laNotifiedOn: null,
      meetingOn: null,
      heldOn: null,
      summary: "The council has decided to cease Niamh's EHC plan. The family wants to appeal to the Tribunal and needs a certificate to do so.",
      mediator: false,
      createdBy: "caseworker",
      child: { name: "Niamh Murphy", dateOfBirth: born(13, 95), setting: "Southborough Grammar School", hasEhcPlan: true },
      issues: [{ category: "EDUCATION", description: "Decision to cease the EHC plan" }],
      parties: [parent, { kind: "SUPPORTER", name: "Jo Whitfield", organisation: "Southborough SENDIASS", consent: "PENDING" }],
      history: [
        referralLogged(wd(-2)),
        note(wd(-2), "caseworker", "Mediation information given by phone: what mediation is, that it is free and voluntary, and the time limits. No pressure to mediate (R-13)."),
        {
          on: toldOn,
          by: "caseworker",
          type: "ADVICE_ONLY_CHOSEN",
          summary: "Family does not want mediation; advice-only certificate due",
          rule: "R-11",
          visibility: "SHARED",
          data: { transition: "chooseAdviceOnly", from: "REFERRED", to: "ADVICE_ONLY", toldOn },
          opens: ["CERTIFICATE_ADVICE_ONLY"],
        },
      ],
    });
  }

  // SM-DEMO-00010 — WITHDRAWN: the family chose mediation, then withdrew to appeal straight away;
  // the 30-day clock is cancelled and a certificate is due within 3 working days.
  {
    const laNotifiedOn = wd(-15);
    const toldOn = wd(-2);
    const la: DemoParty = { kind: "LA", name: "Gareth Hughes", organisation: "Northshire SEND team", email: "gareth.hughes@northshire.example", hasAuthority: true, consent: "GIVEN", consentOn: wd(-11), consentHow: "by email" };
    const parent: DemoParty = { kind: "PARENT", name: "Chloé Martin", email: "chloe.martin@example.com", phone: "07700 900890", consent: "DECLINED", consentOn: toldOn, consentHow: "by email" };
    plans.push({
      reference: "SM-DEMO-00010",
      la: "DEMO1",
      stage: "WITHDRAWN",
      shows: `the family withdrew; 30-day clock cancelled, certificate due ${formatDate(certificateDueDate(toldOn))}`,
      kind: "MEDIATION",
      status: "WITHDRAWN",
      requestedBy: "PARENT",
      familyParty: "PARENT",
      disputedDecisions: ["PLAN_CONTENTS_SECTION_F"],
      drsScope: null,
      decisionSentOn: day(-40),
      laNotifiedOn,
      meetingOn: null,
      heldOn: null,
      summary: "The family disagrees with the occupational therapy in section F of Théo's plan.",
      mediator: false,
      createdBy: "caseworker",
      child: { name: "Théo Martin", dateOfBirth: born(10, 250), setting: "Riverside Primary School", hasEhcPlan: true },
      issues: [{ category: "EDUCATION", description: "Occupational therapy in section F" }],
      parties: [parent, la],
      history: [
        referralLogged(wd(-16)),
        contactingStarted(laNotifiedOn),
        consentRequested(wd(-14)),
        consentRecorded(la, "local authority"),
        consentRecorded(parent, "parent"),
        {
          on: toldOn,
          by: "caseworker",
          type: "CASE_WITHDRAWN",
          summary: "Family withdrew from mediation",
          rule: "R-12",
          visibility: "SHARED",
          data: { transition: "withdraw", from: "AWAITING_CONSENT", to: "WITHDRAWN", toldOn, reason: "The family has decided to appeal to the Tribunal straight away." },
          opens: ["CERTIFICATE_ADVICE_ONLY"],
          closes: { names: ["MEDIATION_30_DAY"], outcome: "CANCELLED" },
        },
      ],
    });
  }

  // SM-DEMO-00011 — DRS: a disagreement with a school, no EHC plan. No 30-day clock and no
  // certificate; everyone must agree to take part, and the school has not yet.
  {
    const parent: DemoParty = { kind: "PARENT", name: "Rhys Evans", email: "rhys.evans@example.com", phone: "07700 900901", consent: "GIVEN", consentOn: wd(-6), consentHow: "by phone" };
    plans.push({
      reference: "SM-DEMO-00011",
      la: "DEMO1",
      stage: "DRS",
      shows: "disagreement resolution with a school: no 30-day clock and no certificate; waiting for the school to agree",
      kind: "DRS",
      status: "AWAITING_CONSENT",
      requestedBy: "PARENT",
      familyParty: "PARENT",
      disputedDecisions: [],
      drsScope: "SETTING_PROVISION",
      decisionSentOn: null,
      laNotifiedOn: null,
      meetingOn: null,
      heldOn: null,
      summary: "The family and the school disagree about the support Megan gets in class for her dyslexia. She does not have an EHC plan.",
      mediator: false,
      createdBy: "caseworker",
      child: { name: "Megan Evans", dateOfBirth: born(7, 20), setting: "Hillcrest Primary School", hasEhcPlan: false },
      issues: [{ category: "EDUCATION", description: "Reading support and teaching assistant time in class" }],
      parties: [parent, { kind: "SCHOOL", name: "Joanna Patel", organisation: "Hillcrest Primary School (headteacher)", email: "head@hillcrest-primary.example", consent: "PENDING" }],
      history: [
        referralLogged(wd(-10)),
        {
          on: wd(-9),
          by: "caseworker",
          type: "CONTACTING_STARTED",
          summary: "Started contacting the parties",
          visibility: "SHARED",
          data: { transition: "startContacting", from: "REFERRED", to: "CONTACTING_PARTIES" },
        },
        consentRequested(wd(-8)),
        consentRecorded(parent, "parent"),
        note(wd(-2), "caseworker", "The headteacher will reply after the governors meet. Disagreement resolution is voluntary for everyone (R-70): if the school declines, record that the case is not proceeding (R-73)."),
      ],
    });
  }

  // SM-DEMO-00012 — CLOSED: the whole route. Meeting held inside the 30 days, certificate issued
  // within 3 working days, agreed actions monitored, then closed: every deadline met.
  {
    const laNotifiedOn = wd(-64);
    const bookedOn = wd(-58);
    const heldOn = earliestWorkingMeetingDate(bookedOn);
    const issuedOn = addWorkingDays(heldOn, 2);
    const planDue = agreementActionDueDate(heldOn, "AMEND_B_F");
    let amendedOn = addCalendarDays(planDue, -4);
    while (!isWorkingDay(amendedOn)) amendedOn = addCalendarDays(amendedOn, -1);
    const parent: DemoParty = { kind: "PARENT", name: "Nomvula Dlamini", email: "nomvula.dlamini@example.com", phone: "07700 900012", consent: "GIVEN", consentOn: wd(-61), consentHow: "by phone" };
    plans.push({
      reference: "SM-DEMO-00012",
      la: "DEMO2",
      stage: "CLOSED",
      shows: "the whole route: meeting held within 30 days, certificate issued on time, agreed actions done, closed",
      kind: "MEDIATION",
      status: "CLOSED",
      requestedBy: "PARENT",
      familyParty: "PARENT",
      disputedDecisions: ["PLAN_CONTENTS_SECTION_F"],
      drsScope: null,
      decisionSentOn: day(-80),
      laNotifiedOn,
      meetingOn: heldOn,
      heldOn,
      summary: "The family disagreed with the speech and language therapy in section F and the short breaks in section H of Sipho's plan.",
      mediator: true,
      createdBy: "caseworker",
      child: { name: "Sipho Dlamini", dateOfBirth: born(12, 160), setting: "Southborough Academy", hasEhcPlan: true },
      issues: [
        { category: "EDUCATION", description: "Speech and language therapy in section F" },
        { category: "SOCIAL_CARE", description: "Short breaks in section H" },
      ],
      parties: [
        parent,
        { kind: "LA", name: "Marcus Bell", organisation: "Southborough SEND team", email: "marcus.bell@southborough.example", hasAuthority: true, consent: "GIVEN", consentOn: wd(-62), consentHow: "by email" },
        { kind: "SUPPORTER", name: "Ruth Adler", organisation: "Southborough SENDIASS", consent: "PENDING" },
      ],
      history: [
        referralLogged(wd(-65)),
        contactingStarted(laNotifiedOn),
        consentRequested(wd(-63)),
        consentRecorded(parent, "parent"),
        mediatorAllocated(wd(-60)),
        preparationStarted(wd(-59)),
        meetingScheduled(bookedOn, heldOn),
        note(addWorkingDays(bookedOn, 2), "mediator", "Pre-meeting calls held with Mrs Dlamini and with Marcus Bell."),
        {
          on: heldOn,
          by: "mediator",
          type: "MEETING_HELD",
          summary: `Mediation meeting held on ${formatDate(heldOn)}`,
          rule: "R-30",
          visibility: "SHARED",
          data: { transition: "recordMeetingHeld", from: "MEETING_SCHEDULED", to: "MEETING_HELD", heldOn },
          opens: ["CERTIFICATE_AFTER_MEDIATION"],
          closes: { names: ["MEDIATION_30_DAY"], outcome: "MET" },
        },
        {
          on: issuedOn,
          by: "caseworker",
          type: "CERTIFICATE_ISSUED",
          summary: "Certificate issued (after mediation)",
          rule: "R-30",
          visibility: "SHARED",
          data: { transition: "issueCertificate", from: "MEETING_HELD", to: "CERTIFICATE_ISSUED", issuedOn, certificateKind: "AFTER_MEDIATION" },
          closes: { names: ["CERTIFICATE_AFTER_MEDIATION"], outcome: "MET" },
        },
        {
          on: issuedOn,
          by: "caseworker",
          type: "MONITORING_STARTED",
          summary: "Monitoring the agreed actions",
          rule: "R-40",
          visibility: "SHARED",
          data: { transition: "startMonitoring", from: "CERTIFICATE_ISSUED", to: "MONITORING" },
        },
        note(amendedOn, "caseworker", `Southborough issued the amended plan on ${formatLongDate(amendedOn)}, within the 5 weeks from the agreement (due ${formatLongDate(planDue)}, R-41).`),
        {
          on: wd(-3),
          by: "caseworker",
          type: "CASE_CLOSED",
          summary: "Case closed",
          visibility: "SHARED",
          data: { transition: "close", from: "MONITORING", to: "CLOSED", reason: "All the agreed actions are done and the family does not intend to appeal." },
        },
      ],
    });
  }

  // SM-DEMO-00013 — HEALTH: an education and a health issue, so the LA must tell the ICB within
  // 3 working days; that is the case's next deadline, before day 30.
  {
    const laNotifiedOn = wd(-1);
    plans.push({
      reference: "SM-DEMO-00013",
      la: "DEMO1",
      stage: "HEALTH",
      shows: `a health issue: the LA must tell the ICB by ${formatDate(healthNotificationDueDate(laNotifiedOn))} (R-21), before day 30`,
      kind: "MEDIATION",
      status: "CONTACTING_PARTIES",
      requestedBy: "PARENT",
      familyParty: "PARENT",
      disputedDecisions: ["PLAN_CONTENTS_SECTION_F"],
      drsScope: null,
      decisionSentOn: day(-21),
      laNotifiedOn,
      meetingOn: null,
      heldOn: null,
      summary: "The family disagrees with the speech and language therapy in section F and the physiotherapy the ICB arranges in section G.",
      mediator: false,
      createdBy: "caseworker",
      child: { name: "Ruby Lewis", dateOfBirth: born(5, 120), setting: "Meadow View Primary School", hasEhcPlan: true },
      issues: [
        { category: "EDUCATION", description: "Speech and language therapy in section F" },
        { category: "HEALTH", description: "Physiotherapy commissioned by the ICB in section G" },
      ],
      parties: [
        { kind: "PARENT", name: "Hannah Lewis", email: "hannah.lewis@example.com", phone: "07700 900135", consent: "PENDING" },
        { kind: "LA", name: "Dev Mistry", organisation: "Northshire SEND team", email: "dev.mistry@northshire.example", hasAuthority: true, consent: "PENDING" },
        { kind: "HEALTH", name: "Dr Amara Osei", organisation: "NHS Northshire Integrated Care Board", email: "amara.osei@nhs-northshire.example", hasAuthority: true, consent: "PENDING" },
      ],
      history: [
        referralLogged(wd(-2)),
        contactingStarted(laNotifiedOn, true),
        note(laNotifiedOn, "caseworker", `Health issue: Northshire must tell the ICB by ${formatLongDate(healthNotificationDueDate(laNotifiedOn))} (R-21). Asked Dev Mistry to let us know when it is done.`),
      ],
    });
  }

  return plans;
}

// ---------------------------------------------------------------------------------------------
// Writing a plan

export type DemoIds = { las: Record<string, string>; users: { caseworker: string; mediator: string } };

/**
 * An instant on the day `on` for the `index`-th step of a case: 09:00 UTC plus 10 minutes a step,
 * so the timeline is in history order and every entry is on its Europe/London day.
 */
function instantOn(on: string, index: number): Date {
  return new Date(Date.parse(`${on}T09:00:00Z`) + index * 10 * 60_000);
}

/**
 * Creates one demo case from its plan, inside `tx`: the case, child, issues and parties, then its
 * history in order (deadlines opened and closed through lib/cases/deadlines/open-close, timeline
 * entries through lib/cases/timeline, each dated on the day it happened).
 */
export async function createDemoCase(tx: Tx, plan: DemoCasePlan, ids: DemoIds): Promise<void> {
  const actorId = (a: DemoActor) => (a === "caseworker" ? ids.users.caseworker : a === "mediator" ? ids.users.mediator : null);
  const db = (iso: string | null) => (iso ? dbDateFromIso(iso) : null);
  const createdAt = instantOn(plan.history[0]!.on, 0);
  const c = await tx.case.create({
    data: {
      reference: plan.reference,
      kind: plan.kind,
      status: plan.status,
      localAuthorityId: ids.las[plan.la]!,
      requestedBy: plan.requestedBy,
      familyParty: plan.familyParty,
      disputedDecisions: plan.disputedDecisions,
      drsScope: plan.drsScope,
      decisionSentOn: db(plan.decisionSentOn),
      laNotifiedOn: db(plan.laNotifiedOn),
      meetingOn: db(plan.meetingOn),
      heldOn: db(plan.heldOn),
      summary: plan.summary,
      staffNotes: plan.staffNotes ?? null,
      allocatedMediatorId: plan.mediator ? ids.users.mediator : null,
      createdById: actorId(plan.createdBy),
      createdAt,
      child: { create: { name: plan.child.name, dateOfBirth: dbDateFromIso(plan.child.dateOfBirth), setting: plan.child.setting, hasEhcPlan: plan.child.hasEhcPlan } },
      issues: { create: plan.issues },
    },
    select: { id: true },
  });
  // One insert per party, a second apart, so they are listed in the plan's order.
  for (const [i, p] of plan.parties.entries()) {
    const party = await tx.party.create({
      data: {
        caseId: c.id,
        kind: p.kind,
        name: p.name,
        organisation: p.organisation ?? null,
        email: p.email ?? null,
        phone: p.phone ?? null,
        preferredContact: p.preferredContact ?? (p.email || !p.phone ? "EMAIL" : "PHONE"),
        accessNeeds: p.accessNeeds ?? null,
        hasAuthority: p.hasAuthority ?? null,
        consent: p.consent,
        consentOn: db(p.consentOn ?? null),
        consentHow: p.consentHow ?? null,
        createdAt: new Date(createdAt.getTime() + i * 1000),
      },
      select: { id: true },
    });
    if (plan.familyAccounts) await linkFamilyAccount(tx, party.id, { actor: null, ip: null });
  }
  for (const [i, step] of plan.history.entries()) {
    if (step.opens?.length) await openDeadlines(tx, c.id, step.opens, step.on);
    if (step.closes) await closeDeadlines(tx, c.id, step.closes.names, step.on, step.closes.outcome);
    await recordEvent(tx, {
      caseId: c.id,
      actorId: actorId(step.by),
      type: step.type,
      summary: step.summary,
      rule: step.rule ?? null,
      visibility: step.visibility,
      ...(step.data ? { data: step.data as Prisma.InputJsonValue } : {}),
      at: instantOn(step.on, i),
    });
  }
  await refreshNextDeadline(tx, c.id);
}
