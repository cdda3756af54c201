/**
 * What the family's pages say (issue 12), in one place so the readability test
 * (tests/unit/family/readability.test.ts) can score every sentence: plain English for a parent or
 * young person reading on a phone, at a reading age of 9 to 11 (Flesch–Kincaid grade 6 or below).
 * Short sentences, short words, "we" for the mediation service and "you" for the reader.
 * Pure and client-safe.
 */
import { formatLongDate } from "@/lib/deadlines";

/** The stages of a case, as the family's "Where we are" list names them (present tense: with a tag "Done", "Now" or "Not yet"). */
export const STAGE_NAMES = {
  REQUEST: "We get your request",
  TAKE_PART: "Everyone agrees to take part",
  MEDIATOR: "We give your case to a mediator",
  MEETING_BOOKED: "We book the meeting",
  MEETING_HELD: "The meeting takes place",
  AGREEMENT_SIGNED: "Everyone signs the agreement",
  /** a DRS meeting ends with an outcome statement, signed by everyone. */
  OUTCOME_SIGNED: "Everyone signs the record of what was agreed",
  CERTIFICATE: "We send you your certificate",
  ACTIONS_DONE: "Everyone does what they agreed to do",
  NO_MEDIATION: "You tell us you do not want mediation",
  WITHDRAWN: "Mediation stops",
  NOT_PROCEEDING: "Not everyone agrees to take part",
  CLOSED: "We close your case",
} as const;

export type StageId = keyof typeof STAGE_NAMES;
export type StageState = "DONE" | "NOW" | "NOT_YET";

/** The tag beside each stage (colour is never the only signal: the words say it). */
export const STAGE_STATE_LABELS: Record<StageState, string> = { DONE: "Done", NOW: "Now", NOT_YET: "Not yet" };

/** Who does the next thing. */
export const WHO_LABELS = {
  SERVICE: "The mediation service (us)",
  MEDIATOR: "Your mediator",
  LA: "The local authority",
  ICB: "The NHS health board",
  SCHOOL: "The school or college",
  YOU: "You",
  OTHER: "Someone else",
} as const;

export type Who = keyof typeof WHO_LABELS;

/** The next thing that happens, who does it and by when (lib/family/home/stages.ts chooses it). */
export const NEXT_STEP_TEXT = {
  SIGN: "Please read the agreement and sign it. You can do it here, now that you are signed in.",
  SIGN_OUTCOME: "Please read the record of the meeting and sign it. You can do it here, now that you are signed in.",
  CONTACT: "We will contact everyone to plan the next steps.",
  ASK_TAKE_PART: "We are asking everyone if they will take part.",
  FIND_DAY: "Your mediator will contact you to find a day for the meeting.",
  GO_TO_MEETING: "Go to the meeting. We have sent you the day, time and place.",
  CERTIFICATE: "We will send you your certificate.",
  CERTIFICATE_NOT_ARRANGED: "We could not set up mediation in time. We will send you a certificate, so you can appeal if you want to. You can still have mediation.",
  WRITE_AGREEMENT: "Your mediator is writing down what was agreed. Then everyone who came will sign it.",
  WAIT_FOR_SIGNATURES: "We are waiting for everyone who came to the meeting to sign.",
  PAPERWORK: "We are finishing the paperwork for your case.",
  DO_ACTIONS: "They must do what was agreed at the meeting. We check that it is done.",
  YOUR_ACTIONS: "You agreed to do something at the meeting. Please do it by the date agreed.",
  ALL_DONE: "Everything agreed has been done. We will close your case soon.",
  USE_CERTIFICATE: "You can use your certificate to appeal to the Tribunal. You do not have to.",
  STOPPED: "Mediation has stopped. You do not need to do anything else.",
  NOT_PROCEEDING: "The meeting will not go ahead. You do not need to do anything else.",
  CLOSED: "Your case is closed. Please contact us if you need more help.",
  CLOSED_CAN_APPEAL: "Your case is closed. You can still appeal to the Tribunal if you want to.",
} as const;

export type NextStepId = keyof typeof NEXT_STEP_TEXT;

/** The link beside the "sign it" next step. */
export const SIGN_LINK_TEXT = "Read and sign it";

/** What the date beside the next step means. */
export const NEXT_STEP_DATE_LABELS = {
  MEETING_BY: "The meeting must take place by",
  MEETING_ON: "Meeting day",
  CERTIFICATE_BY: "By",
  ACTION_BY: "Next date in the agreement",
  APPEAL_BY: "Last day to appeal",
} as const;

export type NextStepDate = keyof typeof NEXT_STEP_DATE_LABELS;

/** The key dates summary list. */
export const KEY_DATE_LABELS = {
  MEDIATION_BY: "Mediation must take place by",
  CERTIFICATE_DUE: "Certificate due by",
  APPEAL_BY: "Last day to appeal",
} as const;

export type KeyDateId = keyof typeof KEY_DATE_LABELS;

/** Page introductions and other sentences on the family's pages. */
export const FAMILY_PAGE_TEXT = {
  homeTitle: "Your cases",
  chooserIntro: "You have more than one case with us. Choose the case you want to look at.",
  empty: "We cannot find a case for you yet. If you asked for mediation, we will contact you soon.",
  overviewIntro: "This page shows where your case is and what happens next.",
  keyDatesIntro: "These are the dates the law sets for your case.",
  noKeyDates: "There are no dates for your case yet.",
  /** only the school or college named in the plan is disputed. */
  sectionIOnly: "You only disagree about the school named in the plan. So you do not need a certificate to appeal.",
  howWorkedOut: "How we worked out this date",
  agreementIntro: "Here you can get the agreement and your certificate. You can also see if each thing agreed has been done.",
  noAgreement: "There is no signed agreement yet.",
  noCertificate: "There is no certificate yet.",
  noActions: "Nothing has been agreed yet.",
  signAsked: "You were at the meeting, so we need you to sign the agreement. Please read it first.",
  nothingToSign: "There is nothing for you to sign at the moment.",
  signIntro: "Please read this carefully. Then sign it, or tell us why you do not want to sign.",
  declinedBefore: "You told us you do not want to sign. You can still sign if you change your mind.",
  signedThanks: "Thank you for signing. When everyone has signed, we will email you a copy.",
  declinedThanks: "We have noted that you do not want to sign, and why. Your mediator will be in touch.",
  sealedThanks: "Thank you for signing. Everyone has now signed. You can get your copy below.",
} as const;

/** "Friday 25 April 2025" — every date a family reads. */
export const familyDate = (iso: string): string => formatLongDate(iso);

/** A child's first name only: a family's own pages need no more (and a phone screen has no room). */
export function firstName(name: string | null | undefined): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first : null;
}
