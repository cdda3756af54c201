/**
 * The agreement's forms: the text (agreement date, what was and was not agreed) and one agreed
 * action (what, who, kind, how it is checked, and an R-44 override). Field rules in one place.
 */
import { z } from "zod";
import { AGREED_ACTION_KINDS, RESPONSIBLE_PARTIES } from "./action-kinds";

const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** Long enough for a detailed agreement; a guard against pasting a whole file. */
export const MAX_TEXT_CHARS = 10_000;
export const MAX_ACTION_CHARS = 2_000;
/** the most actions one agreement holds (the benchmark's 20 with room to spare). */
export const MAX_ACTIONS = 50;

const isoDate = (message: string) => z.string().trim().regex(ISO, message);
const optionalIsoDate = (message: string) => z.union([z.literal(""), isoDate(message)]).default("");

export const agreementTextSchema = z.object({
  agreedOn: isoDate("Enter the date of the agreement, for example 27 3 2027"),
  whatWasAgreed: z.string().trim().min(1, "Enter what was agreed").max(MAX_TEXT_CHARS, `What was agreed must be ${MAX_TEXT_CHARS} characters or fewer`),
  whatWasNotAgreed: z.string().trim().max(MAX_TEXT_CHARS, `What was not agreed must be ${MAX_TEXT_CHARS} characters or fewer`).default(""),
});
export const AGREEMENT_TEXT_ORDER = ["agreedOn", "whatWasAgreed", "whatWasNotAgreed"] as const;

export const agreementActionSchema = z.object({
  what: z.string().trim().min(1, "Enter what will happen").max(MAX_ACTION_CHARS, `What will happen must be ${MAX_ACTION_CHARS} characters or fewer`),
  responsible: z.enum(RESPONSIBLE_PARTIES, { error: "Select who is responsible" }),
  kind: z.enum(AGREED_ACTION_KINDS, { error: "Select what kind of action it is" }),
  /** OTHER only: the date the parties set. */
  otherDueOn: optionalIsoDate("Enter the date the parties agreed, for example 27 3 2027"),
  howChecked: z.string().trim().min(1, "Enter how the parties will know it has been done").max(MAX_ACTION_CHARS, `How it will be checked must be ${MAX_ACTION_CHARS} characters or fewer`),
  overrideDueOn: optionalIsoDate("Enter the new due date as a real date, for example 27 3 2027"),
  overrideAgreedBy: z.string().trim().max(500, "Who agreed must be 500 characters or fewer").default(""),
  overrideAgreedOn: optionalIsoDate("Enter the date they agreed in writing as a real date, for example 27 3 2027"),
});
export type AgreementActionValues = z.output<typeof agreementActionSchema>;
export const AGREEMENT_ACTION_ORDER = ["what", "responsible", "kind", "otherDueOn", "howChecked", "overrideDueOn", "overrideAgreedBy", "overrideAgreedOn"] as const;

export const signInPersonSchema = z.object({
  signerId: z.string().trim().min(1).max(200),
  outcome: z.enum(["SIGNED", "DECLINED"], { error: "Select whether they sign or decline" }),
  confirmed: z.string().default(""),
  typedName: z.string().trim().max(300, "The name must be 300 characters or fewer").default(""),
  reason: z.string().trim().max(MAX_ACTION_CHARS, `The reason must be ${MAX_ACTION_CHARS} characters or fewer`).default(""),
});

export const declineReasonSchema = z.string().trim().min(1, "Enter why you do not want to sign").max(MAX_ACTION_CHARS, `The reason must be ${MAX_ACTION_CHARS} characters or fewer`);
