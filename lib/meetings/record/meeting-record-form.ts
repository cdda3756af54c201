/**
 * The meeting record's form (/cases/[id]/meeting/record, issue 10): its options and labels, the
 * limits, the command's input from the posted fields (`meetingRecordFromForm`) and the summary the
 * "check your answers" step shows (`recordSummary`). Client-safe and free of zod: the form imports
 * these without bundling the validation (issue 14: the page's first-load JavaScript). The rules
 * themselves are in ./meeting-record-schema, which re-exports everything here.
 */
import type { AttendanceCapacity as DbCapacity, ChildViewsMethod as DbChildViewsMethod, ExpensesPayer as DbPayer, ExpensesStatus as DbExpensesStatus } from "@/lib/platform/db/generated/enums";
import { AGREEMENTS, type Exactly } from "@/lib/cases/lifecycle/vocabulary";
import { AGREEMENT_LABELS } from "@/lib/cases/lifecycle/agreement-labels";
import { toAnswerList } from "@/lib/cases/about/rules";
import type { PartyKindValue } from "@/lib/cases/options";

const CAPACITY_LIST = ["PARENT", "YOUNG_PERSON", "LA_OFFICER", "ICB", "SCHOOL", "SUPPORTER", "INTERPRETER", "OTHER"] as const;
export const CAPACITY_VALUES: Exactly<DbCapacity, typeof CAPACITY_LIST> = CAPACITY_LIST;
export type CapacityValue = (typeof CAPACITY_VALUES)[number];

export const CAPACITY_LABELS: Record<CapacityValue, string> = {
  PARENT: "Parent or carer",
  YOUNG_PERSON: "Young person",
  LA_OFFICER: "Local authority officer",
  ICB: "Integrated care board (ICB)",
  SCHOOL: "School, college or setting",
  SUPPORTER: "Supporter or advocate",
  INTERPRETER: "Interpreter",
  OTHER: "Someone else",
};

/** the LA's and the ICB's representatives must have authority to resolve the issues. */
export const CAPACITIES_WITH_AUTHORITY: readonly CapacityValue[] = ["LA_OFFICER", "ICB"];

/** A party's capacity when the record's attendee list is filled in from the case's parties. */
export const CAPACITY_OF_PARTY: Record<PartyKindValue, CapacityValue> = {
  PARENT: "PARENT",
  YOUNG_PERSON: "YOUNG_PERSON",
  LA: "LA_OFFICER",
  HEALTH: "ICB",
  SCHOOL: "SCHOOL",
  SUPPORTER: "SUPPORTER",
  INTERPRETER: "INTERPRETER",
};

const VIEWS_LIST = ["ATTENDED", "WRITTEN_STATEMENT", "DRAWING", "SPOKEN_TO_BEFOREHAND", "NOT_POSSIBLE"] as const;
export const CHILD_VIEWS_VALUES: Exactly<DbChildViewsMethod, typeof VIEWS_LIST> = VIEWS_LIST;
export type ChildViewsValue = (typeof CHILD_VIEWS_VALUES)[number];

/** how the child's or young person's views were gathered. */
export const CHILD_VIEWS_LABELS: Record<ChildViewsValue, string> = {
  ATTENDED: "They attended the meeting",
  WRITTEN_STATEMENT: "A written statement",
  DRAWING: "A drawing or pictures",
  SPOKEN_TO_BEFOREHAND: "I spoke to them before the meeting",
  NOT_POSSIBLE: "It was not possible to find out their views",
};

const PAYER_LIST = ["LA", "ICB"] as const;
export const PAYER_VALUES: Exactly<DbPayer, typeof PAYER_LIST> = PAYER_LIST;
export const PAYER_LABELS: Record<(typeof PAYER_LIST)[number], string> = { LA: "The local authority", ICB: "The integrated care board (ICB)" };

const EXPENSES_STATUS_LIST = ["PENDING", "PAID"] as const;
export const EXPENSES_STATUS_VALUES: Exactly<DbExpensesStatus, typeof EXPENSES_STATUS_LIST> = EXPENSES_STATUS_LIST;
export const EXPENSES_STATUS_LABELS: Record<(typeof EXPENSES_STATUS_LIST)[number], string> = { PENDING: "Not paid yet", PAID: "Paid" };

/** Where the meeting was, asked only when no meeting was booked in the system (a date recorded some other way). */
export const HELD_MODE_VALUES = ["VENUE", "VIDEO", "PHONE"] as const;
export const HELD_MODE_LABELS: Record<(typeof HELD_MODE_VALUES)[number], string> = { VENUE: "In person", VIDEO: "By video call", PHONE: "By phone" };

export const AGREEMENT_OPTIONS = AGREEMENTS.map((value) => ({ value, label: AGREEMENT_LABELS[value] }));

/** Longest value of each text (characters, after trimming). */
export const RECORD_LIMITS = { name: 200, organisation: 200, views: 5000, reason: 2000, expensesFor: 500, privateNotes: 10_000 } as const;
/**
 * The most the amount field takes, in pence: a guard against typing errors, not the expenses cap
 * of R-26 (which the system does not compute).
 */
export const MAX_EXPENSES_PENCE = 1_000_000;
/** Rows for people who are not parties to the case (a second supporter, a note-taker, R-24). */
export const EXTRA_ATTENDEE_ROWS = 3;
/** The most attendee rows a form can post. */
export const MAX_ATTENDEE_ROWS = 60;

/** "12.50", "£12.50", "12" → 1250 pence; null when it is not an amount of money. */
export function penceFromText(text: string): number | null {
  const m = /^£?\s*(\d{1,7})(?:\.(\d{2}))?$/.exec(text.replace(/,/g, "").trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number(m[2] ?? 0);
}

/** 1250 → "£12.50". */
export function formatPence(pence: number): string {
  return `£${Math.floor(pence / 100).toLocaleString("en-GB")}.${String(pence % 100).padStart(2, "0")}`;
}

export type AttendeeRowInput = { attended: boolean; partyId: string; name: string; capacity: string; organisation: string; hasAuthority: string };

export type MeetingRecordInput = {
  caseId: string;
  expectedVersion: string | number;
  heldOn: string;
  startTime: string;
  endTime: string;
  /** Only when no meeting was booked in the system. */
  mode: string;
  attendees: AttendeeRowInput[];
  childViewsHow: string[];
  childViews: string;
  childViewsNotPossibleReason: string;
  expensesClaimed: string;
  expensesAmount: string;
  expensesFor: string;
  expensesPayer: string;
  expensesStatus: string;
  agreement: string;
  privateNotes: string;
};

/** The command's input from the posted form (a party row not ticked, or an empty extra row, is nobody). */
export function meetingRecordFromForm(v: Record<string, string | undefined>): MeetingRecordInput {
  const attendees: AttendeeRowInput[] = [];
  for (let i = 0; i < MAX_ATTENDEE_ROWS; i++) {
    const row = (k: string) => v[`attendees.${i}.${k}`];
    if (row("partyId") === undefined && row("name") === undefined) break;
    const partyId = row("partyId") ?? "";
    const name = row("name") ?? "";
    const capacity = row("capacity") ?? "";
    const organisation = row("organisation") ?? "";
    // A party's row counts when ticked; an extra row when anything was typed or chosen in it.
    const attended = partyId !== "" ? row("attended") === "yes" : [name, capacity, organisation].some((x) => x.trim() !== "");
    attendees.push({ attended, partyId, name, capacity, organisation, hasAuthority: row("hasAuthority") ?? "" });
  }
  return {
    caseId: v.caseId ?? "",
    expectedVersion: v.version ?? "",
    heldOn: v.heldOn ?? "",
    startTime: v.startTime ?? "",
    endTime: v.endTime ?? "",
    mode: v.mode ?? "",
    attendees,
    childViewsHow: toAnswerList(v.childViewsHow),
    childViews: v.childViews ?? "",
    childViewsNotPossibleReason: v.childViewsNotPossibleReason ?? "",
    expensesClaimed: v.expensesClaimed ?? "",
    expensesAmount: v.expensesAmount ?? "",
    expensesFor: v.expensesFor ?? "",
    expensesPayer: v.expensesPayer ?? "",
    expensesStatus: v.expensesStatus ?? "",
    agreement: v.agreement ?? "",
    privateNotes: v.privateNotes ?? "",
  };
}

/** The fields in page order, for the error summary. */
export const RECORD_FIELD_ORDER = [
  "heldOn",
  "startTime",
  "endTime",
  "mode",
  "attendees",
  "attendees.N.attended",
  "attendees.N.name",
  "attendees.N.capacity",
  "attendees.N.organisation",
  "attendees.N.hasAuthority",
  "childViewsHow",
  "childViews",
  "childViewsNotPossibleReason",
  "expensesClaimed",
  "expensesAmount",
  "expensesFor",
  "expensesPayer",
  "expensesStatus",
  "agreement",
  "privateNotes",
] as const;

/** The record as the "check your answers" step and the saved record's page show it. */
export type RecordSummary = {
  heldOn: string;
  startTime: string;
  endTime: string;
  /** Only when it was asked (no meeting was booked in the system). */
  mode: string | null;
  attendees: { name: string; capacity: string; organisation: string | null; authority: string | null }[];
  childViewsHow: string[];
  childViews: string | null;
  childViewsNotPossibleReason: string | null;
  /** null when the family claimed nothing. */
  expenses: { amount: string; for: string; payer: string; status: string } | null;
  agreement: string;
  privateNotes: string | null;
};

const labelOr = <K extends string>(labels: Record<K, string>, v: string) => (labels as Record<string, string>)[v] ?? v;

/** The summary of a record given as the form's input (posted values, or a saved record turned back into them). */
export function recordSummary(r: MeetingRecordInput): RecordSummary {
  const notPossible = r.childViewsHow.includes("NOT_POSSIBLE");
  const pence = penceFromText(r.expensesAmount);
  return {
    heldOn: r.heldOn,
    startTime: r.startTime.trim(),
    endTime: r.endTime.trim(),
    mode: r.mode ? labelOr(HELD_MODE_LABELS, r.mode) : null,
    attendees: r.attendees
      .filter((a) => a.attended)
      .map((a) => ({
        name: a.name.trim(),
        capacity: labelOr(CAPACITY_LABELS, a.capacity),
        organisation: a.organisation.trim() || null,
        authority: CAPACITIES_WITH_AUTHORITY.includes(a.capacity as CapacityValue)
          ? a.hasAuthority === "yes"
            ? "Had authority to resolve the issues"
            : "Did not have authority to resolve the issues"
          : null,
      })),
    childViewsHow: r.childViewsHow.map((h) => labelOr(CHILD_VIEWS_LABELS, h)),
    childViews: notPossible ? null : r.childViews.trim() || null,
    childViewsNotPossibleReason: notPossible ? r.childViewsNotPossibleReason.trim() || null : null,
    expenses:
      r.expensesClaimed === "yes"
        ? { amount: pence === null ? r.expensesAmount : formatPence(pence), for: r.expensesFor.trim(), payer: labelOr(PAYER_LABELS, r.expensesPayer), status: labelOr(EXPENSES_STATUS_LABELS, r.expensesStatus) }
        : null,
    agreement: labelOr(AGREEMENT_LABELS, r.agreement),
    privateNotes: r.privateNotes.trim() || null,
  };
}
