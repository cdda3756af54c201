/**
 * The kinds of agreed action, who may be responsible, and their labels:
 * the lists the agreement form shows. Client-safe: it imports only the list of kinds, never the
 * date rules (which need the bank-holiday calendar, over 100 kB gzip in a browser; issue 14).
 * The due dates are in ./action-kinds, which re-exports everything here.
 */
import { AGREEMENT_ACTION_KINDS } from "@/lib/deadlines/agreement-action-kinds";

export const AGREED_ACTION_KINDS = [...AGREEMENT_ACTION_KINDS, "MAINTAIN_OR_CEASE", "OTHER"] as const;
export type AgreedActionKind = (typeof AGREED_ACTION_KINDS)[number];

export const RESPONSIBLE_PARTIES = ["LA", "ICB", "SCHOOL", "FAMILY", "OTHER"] as const;
export type ResponsibleParty = (typeof RESPONSIBLE_PARTIES)[number];

export const RESPONSIBLE_LABELS: Record<ResponsibleParty, string> = {
  LA: "The local authority",
  ICB: "The integrated care board (health)",
  SCHOOL: "The school or college",
  FAMILY: "The family",
  OTHER: "Someone else",
};

/** How each kind is offered on the form and printed on the agreement. */
export const AGREED_ACTION_KIND_LABELS: Record<AgreedActionKind, string> = {
  ASSESS_NOTIFY: "Assessment: tell the family it will assess (2 weeks)",
  ASSESS_NO_PLAN: "Assessment: decide not to issue a plan (10 weeks)",
  ASSESS_FINAL_PLAN: "Assessment: issue the final plan (14 weeks)",
  PLAN_DRAFT: "Make a plan: send the draft (5 weeks)",
  PLAN_FINAL: "Make a plan: issue the final plan (11 weeks)",
  AMEND_B_F: "Amend sections B and F (5 weeks)",
  SECTION_I_ONLY: "Change only the school named or its type, section I (2 weeks)",
  NON_APPEALABLE: "Something that could not have been appealed, e.g. health or social care (2 weeks)",
  MAINTAIN_OR_CEASE: "Continue to maintain, or cease, the plan (immediately)",
  OTHER: "Other: a date the parties agree",
};
