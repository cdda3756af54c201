/**
 * The meeting record's form (/cases/[id]/meeting/record, issue 10): who attended and in what
 * capacity, with the LA's and the ICB's authority; when it started and ended (Europe/London
 * wall clock, R-63); the child's or young person's views and how they were gathered; the
 * family's expenses claim; the outcome; the mediator's private notes.
 *
 * The form posts flat fields (attendees.N.attended / partyId / name / capacity / organisation /
 * hasAuthority); `meetingRecordFromForm` turns them into the command's input, keeping each row's
 * number so a problem is reported next to its row. Client-safe: labels and options live here too.
 */
import { z } from "zod";
import type { AttendanceCapacity as DbCapacity, ChildViewsMethod as DbChildViewsMethod, ExpensesPayer as DbPayer, ExpensesStatus as DbExpensesStatus } from "@/lib/platform/db/generated/enums";
import { AGREEMENTS, type Exactly } from "@/lib/cases/lifecycle/vocabulary";
import { AGREEMENT_LABELS } from "@/lib/cases/lifecycle/transitions";
import { toAnswerList } from "@/lib/cases/about/rules";
import { choice, optionalText, tooLong, trimmed, typedDateProblem } from "@/lib/cases/fields";
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

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

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

const attendeeRow = z.object({
  attended: z.boolean(),
  partyId: z.preprocess((v) => v ?? "", z.string().trim().max(200)),
  name: optionalText(RECORD_LIMITS.name, tooLong("The name", RECORD_LIMITS.name)),
  capacity: choice(CAPACITY_VALUES, "Choose the capacity they attended in", true),
  organisation: optionalText(RECORD_LIMITS.organisation, tooLong("The organisation", RECORD_LIMITS.organisation)),
  hasAuthority: choice(["yes", "no"] as const, "Answer yes or no", true),
});

export const meetingRecordFields = z.object({
  heldOn: z.preprocess((v) => v ?? "", z.string().trim()),
  startTime: z.preprocess((v) => trimmed(v), z.string().regex(TIME, "Enter the time the meeting started, like 10:00")),
  endTime: z.preprocess((v) => trimmed(v), z.string().regex(TIME, "Enter the time the meeting ended, like 12:30")),
  mode: choice(HELD_MODE_VALUES, "Choose how the meeting was held", true),
  attendees: z.array(attendeeRow).max(MAX_ATTENDEE_ROWS, "The form could not be read. Reload the page and try again."),
  childViewsHow: z.array(z.string()).refine((l) => l.every((x) => (CHILD_VIEWS_VALUES as readonly string[]).includes(x)), "Choose how the views were gathered from the list"),
  childViews: optionalText(RECORD_LIMITS.views, tooLong("The child's views", RECORD_LIMITS.views)),
  childViewsNotPossibleReason: optionalText(RECORD_LIMITS.reason, tooLong("Why it was not possible", RECORD_LIMITS.reason)),
  expensesClaimed: choice(["yes", "no"] as const, "Say whether the family claimed travel or other expenses (R-26)"),
  expensesAmount: optionalText(20, "Enter the amount like 12.50"),
  expensesFor: optionalText(RECORD_LIMITS.expensesFor, tooLong("What the claim is for", RECORD_LIMITS.expensesFor)),
  expensesPayer: choice(PAYER_VALUES, "Choose who pays the expenses", true),
  expensesStatus: choice(EXPENSES_STATUS_VALUES, "Say whether the expenses have been paid", true),
  agreement: choice(AGREEMENTS, "Choose whether the meeting reached full, partial or no agreement"),
  privateNotes: optionalText(RECORD_LIMITS.privateNotes, tooLong("The private notes", RECORD_LIMITS.privateNotes)),
});

/**
 * The rules between fields. `modeNeeded`: no meeting was booked in the system, so how it was held
 * is asked. Every problem is reported at once, next to its field.
 */
export function meetingRecordSchema(modeNeeded: boolean) {
  return meetingRecordFields.superRefine((r, ctx) => {
    const add = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    // Worded as the lifecycle words its own checks of this date (in the past, after the LA was told, …).
    const dateProblem = r.heldOn === "" ? "Enter the date the meeting was held." : typedDateProblem(r.heldOn, "Date the meeting was held");
    if (dateProblem) add(["heldOn"], dateProblem.endsWith(".") ? dateProblem : `${dateProblem}.`);
    if (modeNeeded && r.mode === "") add(["mode"], "Choose how the meeting was held");
    if (TIME.test(r.startTime) && TIME.test(r.endTime) && r.endTime <= r.startTime) add(["endTime"], "The time the meeting ended must be after the time it started");

    // who attended, each with a name and a capacity; the LA's and the ICB's with their authority.
    const attended = r.attendees.map((a, i) => [a, i] as const).filter(([a]) => a.attended);
    if (attended.length === 0) add(["attendees"], "Tick everyone who attended the meeting");
    for (const [a, i] of attended) {
      const who = a.name || "this person";
      if (a.name === "") add(["attendees", i, "name"], "Enter the name of the person who attended");
      if (a.capacity === "") add(["attendees", i, "capacity"], `Choose the capacity ${who} attended in`);
      if (CAPACITIES_WITH_AUTHORITY.includes(a.capacity as CapacityValue) && a.hasAuthority === "") {
        add(["attendees", i, "hasAuthority"], `Say whether ${who} had authority to resolve the issues (R-24)`);
      }
    }

    // how the child's views were gathered, and what they are, or why it was not possible.
    const how = r.childViewsHow;
    if (how.length === 0) add(["childViewsHow"], "Say how the child's or young person's views were gathered, or that it was not possible (R-25)");
    else if (how.includes("NOT_POSSIBLE") && how.length > 1) add(["childViewsHow"], "Choose how the views were gathered, or that it was not possible, not both");
    else if (how.includes("NOT_POSSIBLE")) {
      if (r.childViewsNotPossibleReason === "") add(["childViewsNotPossibleReason"], "Say why it was not possible to find out the child's or young person's views (R-25)");
    } else if (r.childViews === "") add(["childViews"], "Write down the child's or young person's views (R-25)");

    // an expenses claim says how much, what for, who pays and whether it is paid.
    if (r.expensesClaimed === "yes") {
      const pence = penceFromText(r.expensesAmount);
      if (r.expensesAmount === "") add(["expensesAmount"], "Enter the amount the family claimed");
      else if (pence === null) add(["expensesAmount"], "Enter the amount in pounds and pence, like 12.50");
      else if (pence <= 0) add(["expensesAmount"], "The amount must be more than £0");
      else if (pence > MAX_EXPENSES_PENCE) add(["expensesAmount"], `The amount must be ${formatPence(MAX_EXPENSES_PENCE)} or less`);
      if (r.expensesFor === "") add(["expensesFor"], "Say what the claim is for, like mileage and parking");
      if (r.expensesPayer === "") add(["expensesPayer"], "Choose who pays the expenses");
      if (r.expensesStatus === "") add(["expensesStatus"], "Say whether the expenses have been paid");
    }
  });
}

export type MeetingRecordValues = z.output<typeof meetingRecordFields>;

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
