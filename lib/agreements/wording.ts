/** How agreements are named to people. Pure and client-safe. */
export const AGREEMENT_KIND_TITLES = {
  AGREEMENT: "Mediation agreement",
  OUTCOME_STATEMENT: "Disagreement resolution outcome statement",
} as const;

export const CAPACITY_LABELS: Record<string, string> = {
  PARENT: "Parent",
  YOUNG_PERSON: "Young person",
  LA_OFFICER: "Local authority",
  ICB: "Integrated care board",
  SCHOOL: "School or college",
  SUPPORTER: "Supporter or advocate",
  INTERPRETER: "Interpreter",
  OTHER: "Other",
};

export const STATUS_LABELS = {
  DRAFT: "Draft",
  AWAITING_SIGNATURES: "Waiting for signatures",
  SEALED: "Signed and sealed",
  SUPERSEDED: "Replaced by a newer version",
} as const;

/** what each person confirms when they sign. */
export const ACCURATE_RECORD_STATEMENT = "I confirm that this is an accurate record of what was agreed at the meeting.";
