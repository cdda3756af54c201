/**
 * Issue 13 (decision 0029): the two kinds of "body" a case refers to (a local authority, an ICB:
 * ), what each page says about them and the field lengths. Client-safe and free of zod:
 * the forms import these without bundling the validation (issue 14: first-load JavaScript). The
 * schema is in ./body-schema, which re-exports everything here.
 */
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
