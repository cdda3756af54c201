/**
 * R-41, R-42: the kinds of action the LA must take after an agreement whose dates the regulations
 * set. Pure, with no imports: client components (the agreement form) read the list without
 * bundling the bank-holiday calendar that ./rules needs for the dates (issue 14: the agreement
 * pages' first-load JavaScript).
 */
export const AGREEMENT_ACTION_KINDS = [
  "ASSESS_NOTIFY",
  "ASSESS_NO_PLAN",
  "ASSESS_FINAL_PLAN",
  "PLAN_DRAFT",
  "PLAN_FINAL",
  "AMEND_B_F",
  "SECTION_I_ONLY",
  "NON_APPEALABLE",
] as const;
export type AgreementActionKind = (typeof AGREEMENT_ACTION_KINDS)[number];
