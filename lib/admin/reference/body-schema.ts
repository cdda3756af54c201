/**
 * Issue 13 (decision 0029): one definition of the fields of a local authority and of an ICB (the
 * health commissioning body, R-03, R-21), the two "bodies" a case refers to. Client-safe: the
 * forms read the labels and limits.
 */
import { z } from "zod";
import { LIMITS, optionalEmail, requiredText, tooLong } from "@/lib/cases/fields";

export const BODY_KINDS = ["localAuthority", "healthBody"] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const MAX_BODY_CODE = 20;
export const MAX_BODY_NAME = 120;

/** What each page says about a kind of body, and where it lives. */
export const BODY_WORDS: Record<BodyKind, { one: string; many: string; title: string; path: string; codeHint: string; nameExample: string; emailHint: string }> = {
  localAuthority: {
    one: "local authority",
    many: "local authorities",
    title: "Local authorities",
    path: "/admin/local-authorities",
    codeHint: "A short code of your choosing, unique to this local authority: letters, numbers and hyphens, for example CMD or E10000002.",
    nameExample: "for example Commandshire County Council",
    emailHint: "Where notices to the local authority go (R-20: the family wants mediation), for example send.mediation@commandshire.gov.uk.",
  },
  healthBody: {
    one: "ICB",
    many: "ICBs",
    title: "ICBs and health bodies",
    path: "/admin/health-bodies",
    codeHint: "A short code of your choosing, unique to this body: letters, numbers and hyphens, for example QWO.",
    nameExample: "for example NHS Commandshire Integrated Care Board",
    emailHint: "Where the ICB is told of a case with a health issue (R-21), for example send.health@commandshire.nhs.uk.",
  },
};

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
