/**
 * The meeting record's form (/cases/[id]/meeting/record, issue 10): who attended and in what
 * capacity, with the LA's and the ICB's authority; when it started and ended (Europe/London
 * wall clock, R-63); the child's or young person's views and how they were gathered; the
 * family's expenses claim; the outcome; the mediator's private notes.
 *
 * The form posts flat fields (attendees.N.attended / partyId / name / capacity / organisation /
 * hasAuthority); `meetingRecordFromForm` turns them into the command's input, keeping each row's
 * number so a problem is reported next to its row. The options, labels, limits and the form's
 * parsing live in ./meeting-record-form (client-safe, no zod) and are re-exported here.
 */
import { z } from "zod";
import { AGREEMENTS } from "@/lib/cases/lifecycle/vocabulary";
import { choice, optionalText, tooLong, trimmed, typedDateProblem } from "@/lib/cases/fields";
import {
  CAPACITIES_WITH_AUTHORITY,
  CAPACITY_VALUES,
  CHILD_VIEWS_VALUES,
  EXPENSES_STATUS_VALUES,
  HELD_MODE_VALUES,
  MAX_ATTENDEE_ROWS,
  MAX_EXPENSES_PENCE,
  PAYER_VALUES,
  RECORD_LIMITS,
  formatPence,
  penceFromText,
  type CapacityValue,
} from "./meeting-record-form";

export * from "./meeting-record-form";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

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
