/**
 * Plain-English labels for the case intake enums (issue 4), shared by forms, lists and case pages.
 *
 * Client-safe: no runtime import of Prisma (the Prisma enum types are imported as types only, and
 * each value list is checked against them at compile time), so client components may import it.
 * The case kinds and statuses are the lifecycle's (./lifecycle/vocabulary); their labels are here.
 */
import { CASE_KINDS, type CaseKind, type Exactly } from "./lifecycle/vocabulary";
import type {
  Consent as DbConsent,
  ContactMethod as DbContactMethod,
  DisputedDecision as DbDisputedDecision,
  DrsScope as DbDrsScope,
  FamilyPartyType as DbFamilyPartyType,
  IssueCategory as DbIssueCategory,
  PartyKind as DbPartyKind,
  Requester as DbRequester,
} from "@/lib/platform/db/generated/enums";

export type Option<V extends string = string> = { value: V; label: string; hint?: string };

function toOptions<V extends string>(values: readonly V[], labels: Record<V, string>, hints?: Partial<Record<V, string>>): Option<V>[] {
  return values.map((value) => (hints?.[value] ? { value, label: labels[value], hint: hints[value] } : { value, label: labels[value] }));
}

// ---------------------------------------------------------------------------------------------
// Case kind
// ---------------------------------------------------------------------------------------------

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  MEDIATION: "Mediation",
  ADVICE_ONLY: "Mediation advice only",
  DRS: "Disagreement resolution (DRS)",
};

export const CASE_KIND_HINTS: Record<CaseKind, string> = {
  MEDIATION: "The family wants mediation about a decision they can appeal.",
  //
  ADVICE_ONLY: "The family wants information about mediation, or a certificate so they can appeal without mediating.",
  //
  DRS: "A disagreement about how support is provided. Voluntary for everyone, and it gives no certificate.",
};

export const CASE_KIND_OPTIONS = toOptions(CASE_KINDS, CASE_KIND_LABELS, CASE_KIND_HINTS);

// ---------------------------------------------------------------------------------------------
// Who asked (requester) and who the family party is
// ---------------------------------------------------------------------------------------------

/**
 * Who referred the case to us (issue 8, item 9): kept apart from the date the family's request
 * for mediation reached the LA, which is what starts the 30-day clock whoever referred it.
 */
const REQUESTER_LIST = ["PARENT", "YOUNG_PERSON", "SCHOOL", "LOCAL_AUTHORITY", "IASS"] as const;
export const REQUESTER_VALUES: Exactly<DbRequester, typeof REQUESTER_LIST> = REQUESTER_LIST;
export type RequesterValue = (typeof REQUESTER_VALUES)[number];

export const REQUESTER_LABELS: Record<RequesterValue, string> = {
  PARENT: "A parent or carer",
  YOUNG_PERSON: "The young person",
  SCHOOL: "A school, college or early years setting",
  LOCAL_AUTHORITY: "The local authority",
  IASS: "The local SEND information, advice and support service (SENDIASS)",
};

export const REQUESTER_OPTIONS = toOptions(REQUESTER_VALUES, REQUESTER_LABELS);

const FAMILY_PARTY_LIST = ["PARENT", "YOUNG_PERSON"] as const;
export const FAMILY_PARTY_VALUES: Exactly<DbFamilyPartyType, typeof FAMILY_PARTY_LIST> = FAMILY_PARTY_LIST;
export type FamilyPartyValue = (typeof FAMILY_PARTY_VALUES)[number];

/** the party on the family side is the child's parent, or the young person. */
export const FAMILY_PARTY_LABELS: Record<FamilyPartyValue, string> = {
  PARENT: "Parent or carer",
  YOUNG_PERSON: "Young person",
};

export const FAMILY_PARTY_HINTS: Record<FamilyPartyValue, string> = {
  PARENT: "The parent or carer takes part for the child.",
  //
  YOUNG_PERSON: "Over compulsory school age and under 25: they take part themselves.",
};

export const FAMILY_PARTY_OPTIONS = toOptions(FAMILY_PARTY_VALUES, FAMILY_PARTY_LABELS, FAMILY_PARTY_HINTS);

// ---------------------------------------------------------------------------------------------
// The decision disputed and the DRS scope
// ---------------------------------------------------------------------------------------------

const DISPUTED_DECISION_LIST = [
  "REFUSAL_TO_ASSESS",
  "NO_PLAN_AFTER_ASSESSMENT",
  "PLAN_CONTENTS_SECTION_B",
  "PLAN_CONTENTS_SECTION_F",
  "PLAN_CONTENTS_SECTION_I",
  "PLAN_NO_SCHOOL_NAMED",
  "REFUSAL_TO_REASSESS",
  "REFUSAL_TO_AMEND",
  "CEASE_PLAN",
] as const;
/** the decisions that carry a right of appeal and of mediation (a fixed list). */
export const DISPUTED_DECISION_VALUES: Exactly<DbDisputedDecision, typeof DISPUTED_DECISION_LIST> = DISPUTED_DECISION_LIST;
export type DisputedDecisionValue = (typeof DISPUTED_DECISION_VALUES)[number];

/** R-02, for staff: short, plain English. */
export const DISPUTED_DECISION_LABELS: Record<DisputedDecisionValue, string> = {
  REFUSAL_TO_ASSESS: "Refusal to carry out an EHC needs assessment",
  NO_PLAN_AFTER_ASSESSMENT: "Decision not to issue an EHC plan after an assessment",
  PLAN_CONTENTS_SECTION_B: "What the EHC plan says about needs (section B)",
  PLAN_CONTENTS_SECTION_F: "The support in the EHC plan (section F)",
  PLAN_CONTENTS_SECTION_I: "The school or college named in the EHC plan, or its type (section I)",
  PLAN_NO_SCHOOL_NAMED: "No school or college named in the EHC plan (section I)",
  REFUSAL_TO_REASSESS: "Refusal to carry out a re-assessment",
  REFUSAL_TO_AMEND: "Refusal to change or replace the EHC plan after a review or re-assessment",
  CEASE_PLAN: "Decision to stop the EHC plan",
};

/** R-02, for families (the public self-referral form): what the council decided, in their words. */
export const DISPUTED_DECISION_FAMILY_LABELS: Record<DisputedDecisionValue, string> = {
  REFUSAL_TO_ASSESS: "The council will not carry out an EHC needs assessment",
  NO_PLAN_AFTER_ASSESSMENT: "The council assessed the child but will not give them an EHC plan",
  PLAN_CONTENTS_SECTION_B: "What the EHC plan says about the child's needs (section B)",
  PLAN_CONTENTS_SECTION_F: "The support the EHC plan says the child will get (section F)",
  PLAN_CONTENTS_SECTION_I: "The school or college named in the EHC plan, or the type of school (section I)",
  PLAN_NO_SCHOOL_NAMED: "The EHC plan does not name a school or college",
  REFUSAL_TO_REASSESS: "The council will not carry out a new assessment",
  REFUSAL_TO_AMEND: "The council will not change or replace the EHC plan after a review or new assessment",
  CEASE_PLAN: "The council has decided to stop the EHC plan",
};

export const DISPUTED_DECISION_OPTIONS = toOptions(DISPUTED_DECISION_VALUES, DISPUTED_DECISION_LABELS);
export const DISPUTED_DECISION_FAMILY_OPTIONS = toOptions(DISPUTED_DECISION_VALUES, DISPUTED_DECISION_FAMILY_LABELS);

/**
 * disputes only about section I (school named, its type, or none named) are exempt from the
 * certificate requirement: the family may appeal without one, but may still choose mediation.
 */
export const SECTION_I_DECISIONS: readonly DisputedDecisionValue[] = ["PLAN_CONTENTS_SECTION_I", "PLAN_NO_SCHOOL_NAMED"];

const DRS_SCOPE_LIST = ["SEN_DUTIES", "SETTING_PROVISION", "HEALTH_OR_SOCIAL_CARE_PROVISION", "LA_AND_HEALTH_BODY"] as const;
/** what a disagreement resolution case may be about. */
export const DRS_SCOPE_VALUES: Exactly<DbDrsScope, typeof DRS_SCOPE_LIST> = DRS_SCOPE_LIST;
export type DrsScopeValue = (typeof DRS_SCOPE_VALUES)[number];

export const DRS_SCOPE_LABELS: Record<DrsScopeValue, string> = {
  SEN_DUTIES: "How special educational needs duties are being carried out",
  SETTING_PROVISION: "The support a school, college or early years setting provides",
  HEALTH_OR_SOCIAL_CARE_PROVISION: "Health or social care support during an assessment, plan drafting, review or re-assessment",
  LA_AND_HEALTH_BODY: "A disagreement between the local authority and the health commissioning body (ICB)",
};

export const DRS_SCOPE_OPTIONS = toOptions(DRS_SCOPE_VALUES, DRS_SCOPE_LABELS);

// ---------------------------------------------------------------------------------------------
// Issues
// ---------------------------------------------------------------------------------------------

const ISSUE_CATEGORY_LIST = ["EDUCATION", "HEALTH", "SOCIAL_CARE"] as const;
export const ISSUE_CATEGORY_VALUES: Exactly<DbIssueCategory, typeof ISSUE_CATEGORY_LIST> = ISSUE_CATEGORY_LIST;
export type IssueCategoryValue = (typeof ISSUE_CATEGORY_VALUES)[number];

export const ISSUE_CATEGORY_LABELS: Record<IssueCategoryValue, string> = {
  EDUCATION: "Education",
  HEALTH: "Health",
  SOCIAL_CARE: "Social care",
};

/** which plan sections each category covers; health issues involve the ICB. */
export const ISSUE_CATEGORY_HINTS: Record<IssueCategoryValue, string> = {
  EDUCATION: "Needs, support or school named (plan sections B, F and I)",
  HEALTH: "Health needs or provision (sections C and G): the integrated care board (ICB) takes part",
  SOCIAL_CARE: "Social care needs or provision (sections D and H)",
};

export const ISSUE_CATEGORY_OPTIONS = toOptions(ISSUE_CATEGORY_VALUES, ISSUE_CATEGORY_LABELS, ISSUE_CATEGORY_HINTS);

// ---------------------------------------------------------------------------------------------
// Parties
// ---------------------------------------------------------------------------------------------

const PARTY_KIND_LIST = ["PARENT", "YOUNG_PERSON", "LA", "HEALTH", "SCHOOL", "SUPPORTER", "INTERPRETER"] as const;
export const PARTY_KIND_VALUES: Exactly<DbPartyKind, typeof PARTY_KIND_LIST> = PARTY_KIND_LIST;
export type PartyKindValue = (typeof PARTY_KIND_VALUES)[number];

export const PARTY_KIND_LABELS: Record<PartyKindValue, string> = {
  PARENT: "Parent or carer",
  YOUNG_PERSON: "Young person",
  LA: "Local authority representative",
  HEALTH: "Health commissioning body (ICB) representative",
  SCHOOL: "School, college or setting",
  SUPPORTER: "Supporter or advocate",
  INTERPRETER: "Interpreter",
};

/** "Jane Smith (parent or carer)": how a party is named in messages and on the timeline. */
export function describeParty(p: { name: string; kind: string }): string {
  const label = PARTY_KIND_LABELS[p.kind as PartyKindValue] ?? p.kind.replace(/_/g, " ");
  return `${p.name} (${label.toLowerCase()})`;
}

/** Parties other than the family party (R-24: LA/ICB representatives, supporters, ...). */
export const OTHER_PARTY_KIND_VALUES = ["LA", "HEALTH", "SCHOOL", "SUPPORTER", "INTERPRETER"] as const satisfies readonly PartyKindValue[];
export type OtherPartyKindValue = (typeof OTHER_PARTY_KIND_VALUES)[number];
export const OTHER_PARTY_KIND_OPTIONS = toOptions(OTHER_PARTY_KIND_VALUES, PARTY_KIND_LABELS);

/** LA and ICB representatives must have authority to resolve the issues. */
export const PARTY_KINDS_WITH_AUTHORITY: readonly PartyKindValue[] = ["LA", "HEALTH"];

const CONTACT_METHOD_LIST = ["EMAIL", "PHONE", "POST"] as const;
export const CONTACT_METHOD_VALUES: Exactly<DbContactMethod, typeof CONTACT_METHOD_LIST> = CONTACT_METHOD_LIST;
export type ContactMethodValue = (typeof CONTACT_METHOD_VALUES)[number];

export const CONTACT_METHOD_LABELS: Record<ContactMethodValue, string> = {
  EMAIL: "Email",
  PHONE: "Phone",
  POST: "Post",
};

export const CONTACT_METHOD_OPTIONS = toOptions(CONTACT_METHOD_VALUES, CONTACT_METHOD_LABELS);

const CONSENT_LIST = ["PENDING", "GIVEN", "DECLINED"] as const;
export const CONSENT_VALUES: Exactly<DbConsent, typeof CONSENT_LIST> = CONSENT_LIST;
export type ConsentValue = (typeof CONSENT_VALUES)[number];

export const CONSENT_LABELS: Record<ConsentValue, string> = {
  PENDING: "Not yet agreed",
  GIVEN: "Agreed to take part",
  DECLINED: "Declined to take part",
};

export const CONSENT_OPTIONS = toOptions(CONSENT_VALUES, CONSENT_LABELS);

// ---------------------------------------------------------------------------------------------
// The case's two free-text fields: each form says who reads what is typed
// ---------------------------------------------------------------------------------------------

/** Case.summary: shared with the LA officer and the family. */
export const SUMMARY_LABEL = "Summary of the disagreement (the local authority and the family can see this)";
export const SUMMARY_HINT = "Optional. A short, neutral description of what the family and the local authority disagree about.";
/** Case.staffNotes: the mediation team only. */
export const STAFF_NOTES_LABEL = "Notes for the mediation team (not shared with the local authority or the family)";
export const STAFF_NOTES_HINT = "Optional. For example, the best time to phone, an interpreter or other help to take part, or worries the family has mentioned.";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** The label of a value, or "" for null/undefined (so lists can show "Not recorded"). */
export function labelOf<V extends string>(labels: Record<V, string>, value: V | null | undefined): string {
  return value ? labels[value] : "";
}
