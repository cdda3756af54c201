/**
 * Rule ids (R-xx, docs/domain) are for staff (issue 9 item 13): caseworkers, mediators and admins
 * see which rule a date or a refusal comes from; families and LA officers read the same sentences
 * without them. Pure, client-safe.
 */

/** One rule id as the app writes them: "R-20", or a range "R-40..R-42". */
const ID = String.raw`R-\d\d(?:\s*(?:\.\.|–)\s*R-\d\d)?`;
/** Several: "R-02, R-30", "R-20 and R-23", "R-50/R-51". */
const IDS = String.raw`${ID}(?:\s*(?:,|\/|and)\s*${ID})*`;

const IN_BRACKETS = new RegExp(String.raw`\s*\(\s*${IDS}\s*\)`, "g"); // " (R-20)"
const LAST_IN_BRACKETS = new RegExp(String.raw`\s*,\s*${IDS}\s*(?=\))`, "g"); // "(due 3 May, R-41)"
const FIRST_IN_BRACKETS = new RegExp(String.raw`(\()\s*${IDS}\s*[,:;]\s*`, "g"); // "(R-41: within 5 weeks)"
const ANYWHERE = new RegExp(String.raw`\s*\b${IDS}\b:?`, "g");

/** Whether `text` shows a rule id (what a family or an LA officer must never see). */
export const RULE_ID = /\bR-\d\d\b/;

/**
 * The sentence without its rule ids: "… will be missed ." → "… will be missed.",
 * "(due 3 May 2025, R-41)" → "(due 3 May 2025)". Anything else that looks like an id is dropped too.
 */
export function withoutRuleIds(text: string): string {
  if (!RULE_ID.test(text)) return text;
  return text.replace(IN_BRACKETS, "").replace(LAST_IN_BRACKETS, "").replace(FIRST_IN_BRACKETS, "$1").replace(ANYWHERE, "").replace(/\s+([.,;:])/g, "$1").trim();
}
