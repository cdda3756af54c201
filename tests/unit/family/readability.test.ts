/**
 * Issue 12: the family's texts read at a reading age of 9 to 11 or below — Flesch–Kincaid grade 6
 * or below (grade + 5 ≈ reading age), scored with wooorm's `flesch-kincaid` and `syllable`. Each
 * sentence group a family reads as one text is scored as one text: a status sentence, a next step,
 * a page introduction; the short stage names and labels together, as the list they appear in.
 * Dates are filled in as a family sees them ("Tuesday 29 April 2025"); a number is counted as a
 * word of as many syllables as it has digits (syllable() counts none), so dates are not flattering.
 */
import { describe, expect, it } from "vitest";
import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";
import { CASE_STATUSES, FAMILY_STATUS_TEXT } from "@/lib/cases/lifecycle";
import { familyStatus, type FamilyStatusInput } from "@/lib/cases/family/family-status";
import { FAMILY_PAGE_TEXT, KEY_DATE_LABELS, NEXT_STEP_DATE_LABELS, NEXT_STEP_TEXT, SIGN_LINK_TEXT, STAGE_NAMES, STAGE_STATE_LABELS, WHO_LABELS } from "@/lib/family/home/wording";
import { FAMILY_LINK_LABELS } from "@/lib/family/home/links";

/** Grade 6: a reading age of about 11. */
const MAX_GRADE = 6;

export function grade(text: string): number {
  const sentences = Math.max(1, (text.match(/[.!?]+(\s|$)/g) ?? []).length);
  const words = text.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")).filter((w) => w !== "");
  const syllables = words.reduce((n, w) => n + (/^\d+$/.test(w) ? w.length : Math.max(1, syllable(w))), 0);
  return fleschKincaid({ sentence: sentences, word: words.length, syllable: syllables });
}

/** A list of short labels, read as one text (one "sentence" each). */
const asList = (labels: readonly string[]) => labels.map((l) => `${l}.`).join(" ");

const base: FamilyStatusInput = { kind: "MEDIATION", status: "ALLOCATED", decisionSentOn: "2025-02-03", sectionIOnly: false, certificates: [] };
const STATUS_EXAMPLES: Record<string, string> = {
  ...Object.fromEntries(CASE_STATUSES.map((s) => [`status ${s}`, FAMILY_STATUS_TEXT[s]])),
  "not arranged, certificate due": familyStatus({ ...base, certificates: [{ name: "CERTIFICATE_NOT_ARRANGED", dueOn: "2025-04-29", closedOn: null, outcome: null }] }).text,
  "not arranged, certificate issued": familyStatus({ ...base, certificates: [{ name: "CERTIFICATE_NOT_ARRANGED", dueOn: "2025-04-29", closedOn: "2025-04-29", outcome: "MET" }] }).text,
  "certificate issued": familyStatus({ ...base, status: "CERTIFICATE_ISSUED", certificates: [{ name: "CERTIFICATE_AFTER_MEDIATION", dueOn: "2025-04-29", closedOn: "2025-04-29", outcome: "MET" }] }).text,
  "certificate issued, section I only": familyStatus({ ...base, status: "CERTIFICATE_ISSUED", sectionIOnly: true, certificates: [{ name: "CERTIFICATE_AFTER_MEDIATION", dueOn: "2025-04-29", closedOn: "2025-04-29", outcome: "MET" }] }).text,
  monitoring: familyStatus({ ...base, status: "MONITORING", certificates: [{ name: "CERTIFICATE_AFTER_MEDIATION", dueOn: "2025-04-29", closedOn: "2025-04-29", outcome: "MET" }] }).text,
  "monitoring, DRS": familyStatus({ ...base, kind: "DRS", status: "MONITORING" }).text,
};

function scores(texts: Record<string, string>) {
  return Object.entries(texts).map(([name, text]) => ({ name, text, grade: Math.round(grade(text) * 10) / 10 }));
}

const tooHard = (texts: Record<string, string>) => scores(texts).filter((s) => s.grade > MAX_GRADE);

describe("the scorer", () => {
  it("tells plain English from officialese", () => {
    expect(grade("We got your request. We will call you soon.")).toBeLessThan(3);
    expect(grade("The local authority must demonstrate compliance with the statutory provisions governing mediation certificates.")).toBeGreaterThan(12);
  });
});

describe("family texts read at a reading age of 11 or below (Flesch–Kincaid grade ≤ 6)", () => {
  it("what the family is told about where their case is (lib/cases/family/family-status.ts)", () => {
    expect(tooHard(STATUS_EXAMPLES)).toEqual([]);
  });
  it("each next step", () => {
    expect(tooHard(NEXT_STEP_TEXT)).toEqual([]);
  });
  it("each page introduction and message", () => {
    expect(tooHard(FAMILY_PAGE_TEXT)).toEqual([]);
  });
  it("the stage names, tags, labels and links, as the lists they appear in", () => {
    expect(
      tooHard({
        stages: asList(Object.values(STAGE_NAMES)),
        tags: asList(Object.values(STAGE_STATE_LABELS)),
        who: asList(Object.values(WHO_LABELS)),
        dates: asList([...Object.values(NEXT_STEP_DATE_LABELS), ...Object.values(KEY_DATE_LABELS)]),
        links: asList([...Object.values(FAMILY_LINK_LABELS), SIGN_LINK_TEXT]),
      }),
    ).toEqual([]);
  });
});
