/**
 * The referral details a caseworker can change after intake, as the edit form posts them
 * (strings; "" = not recorded). Field rules from ../fields, the same as at intake, so a case created
 * with the longest allowed setting can still be edited. The decisions, the issues and the EHC plan
 * answer are edited together on their own page (../about), where their rules tie them together.
 */
import { z } from "zod";
import { formatLongDate, isIsoDate, todayInLondon } from "@/lib/deadlines/calendar";
import type { Prisma } from "@/lib/platform/db";
import { DRS_SCOPE_LABELS, DRS_SCOPE_VALUES, type DrsScopeValue } from "../options";
import { STATUS_LABELS, type CaseStatus } from "../lifecycle";
import { LIMITS, choice, optionalDate, optionalPastDate, optionalText, tooLong } from "../fields";
import { toIso as toIsoDate } from "../store";

/** Current values of the editable case details, as form strings ("" when not recorded). */
export type CaseDetailsValues = {
  /** shared with the LA officer and the family. */
  summary: string;
  /** the mediation team only. */
  staffNotes: string;
  decisionSentOn: string;
  drsScope: string;
  laNotifiedOn: string;
  childName: string;
  childDateOfBirth: string;
  childSetting: string;
};

export const DETAIL_FIELD_LABELS: Record<keyof CaseDetailsValues, string> = {
  summary: "Summary of the disagreement",
  staffNotes: "Notes for the mediation team",
  decisionSentOn: "Date the decision notice was sent",
  drsScope: "What the disagreement is about",
  laNotifiedOn: "Date the LA was told the family wants mediation",
  childName: "Child's name",
  childDateOfBirth: "Child's date of birth",
  childSetting: "School, college or setting",
};

export const DETAIL_KEYS = Object.keys(DETAIL_FIELD_LABELS) as (keyof CaseDetailsValues)[];

export function detailsPatchSchema(today: string = todayInLondon()) {
  return z.object({
    summary: optionalText(LIMITS.summary, tooLong("The summary", LIMITS.summary)).optional(),
    staffNotes: optionalText(LIMITS.staffNotes, tooLong("The notes for the mediation team", LIMITS.staffNotes)).optional(),
    decisionSentOn: optionalPastDate("The date the decision notice was sent", today).optional(),
    drsScope: choice(DRS_SCOPE_VALUES, "Choose what the disagreement is about from the list", true).optional(),
    laNotifiedOn: optionalPastDate("The date the LA was told", today).optional(),
    childName: optionalText(LIMITS.name, tooLong("The child's name", LIMITS.name)).optional(),
    // Past and under 25: checked by the command, which knows whether it is a young person.
    childDateOfBirth: optionalDate("The child's date of birth").optional(),
    childSetting: optionalText(LIMITS.setting, tooLong("The school, college or setting", LIMITS.setting)).optional(),
  });
}

/** Staff only (getCaseForEdit, updateCaseDetails): includes the staff notes. */
export const CASE_DETAILS_SELECT = {
  summary: true,
  staffNotes: true,
  decisionSentOn: true,
  drsScope: true,
  laNotifiedOn: true,
  child: { select: { name: true, dateOfBirth: true, setting: true } },
} satisfies Prisma.CaseSelect;

export function detailsValues(c: Prisma.CaseGetPayload<{ select: typeof CASE_DETAILS_SELECT }>): CaseDetailsValues {
  return {
    summary: c.summary ?? "",
    staffNotes: c.staffNotes ?? "",
    decisionSentOn: toIsoDate(c.decisionSentOn) ?? "",
    drsScope: c.drsScope ?? "",
    laNotifiedOn: toIsoDate(c.laNotifiedOn) ?? "",
    childName: c.child?.name ?? "",
    childDateOfBirth: toIsoDate(c.child?.dateOfBirth) ?? "",
    childSetting: c.child?.setting ?? "",
  };
}

/** Human-readable value of a detail field, for the "someone else saved first" notice. */
export function displayDetail(field: string, value: string): string {
  if (value === "") return "Not recorded";
  if (field === "drsScope") return DRS_SCOPE_LABELS[value as DrsScopeValue] ?? value;
  if (field === "status") return STATUS_LABELS[value as CaseStatus] ?? value;
  if (isIsoDate(value) && (field.endsWith("On") || field === "childDateOfBirth")) return formatLongDate(value);
  return value;
}
