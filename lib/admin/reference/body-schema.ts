/**
 * Issue 13 (decision 0029): one definition of the fields of a local authority and of an ICB (the
 * health commissioning body, R-03, R-21), the two "bodies" a case refers to. The labels and
 * limits are in ./body-words (client-safe, no zod), re-exported here.
 */
import { z } from "zod";
import { LIMITS, optionalEmail, requiredText, tooLong } from "@/lib/cases/fields";
import { MAX_BODY_CODE, MAX_BODY_NAME } from "./body-words";

export * from "./body-words";

const CODE_FORMAT = /^[A-Za-z0-9-]+$/;

export const bodySchema = z.object({
  code: requiredText(MAX_BODY_CODE, "Enter a code", tooLong("The code", MAX_BODY_CODE))
    .refine((v) => v === "" || CODE_FORMAT.test(v), { message: "The code can only use letters, numbers and hyphens" })
    .transform((v) => v.toUpperCase()),
  name: requiredText(MAX_BODY_NAME, "Enter the name", tooLong("The name", MAX_BODY_NAME)),
  noticeEmail: optionalEmail(tooLong("The email address", LIMITS.email)).transform((v) => (v === "" ? null : v.toLowerCase())),
});
/** What a form or a caller may give: every field optional (a missing one is refused with its message). */
export type BodyInput = Partial<Record<keyof z.input<typeof bodySchema>, unknown>>;
export type BodyValues = z.output<typeof bodySchema>;

/** The order of the form's fields, for the error summary. */
export const BODY_FIELD_ORDER = ["code", "name", "noticeEmail"] as const;
