/** Issue 9 item 13: families and LA officers read the app's sentences without rule ids. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RULE_ID, withoutRuleIds } from "@/lib/cases/rule-ids";

describe("withoutRuleIds", () => {
  it.each([
    ["The meeting is booked for 30 April 2025, after this date (R-20).", "The meeting is booked for 30 April 2025, after this date."],
    ["Record the decision first (R-02, R-30).", "Record the decision first."],
    ["Southborough issued the amended plan within 5 weeks (due 3 May 2025, R-41).", "Southborough issued the amended plan within 5 weeks (due 3 May 2025)."],
    ["Monitoring what was agreed (R-40..R-42) goes on.", "Monitoring what was agreed goes on."],
    ["Health issue: the LA must tell the ICB by 4 April (R-21). Asked Dev Mistry to let us know.", "Health issue: the LA must tell the ICB by 4 April. Asked Dev Mistry to let us know."],
    ["(R-41: within 5 weeks) of the agreement", "(within 5 weeks) of the agreement"],
    ["Family withdrew from mediation", "Family withdrew from mediation"],
  ])("%s", (text, shown) => {
    expect(withoutRuleIds(text)).toBe(shown);
  });

  it("leaves no rule id in any sentence made of words and rule ids", () => {
    const word = fc.constantFrom("the", "meeting", "is", "due", "by", "3 May 2025,", "30 days.", "(see", "below)", "Family", "R-2", "RR-", "Monday");
    const id = fc.integer({ min: 1, max: 99 }).map((n) => `R-${String(n).padStart(2, "0")}`);
    const ids = fc.array(id, { minLength: 1, maxLength: 3 }).chain((xs) => fc.constantFrom(`(${xs.join(", ")})`, `(${xs.join("..")})`, xs.join(" and "), `${xs[0]}:`, `(due today, ${xs.join(", ")})`));
    fc.assert(
      fc.property(fc.array(fc.oneof(word, ids), { maxLength: 12 }), (parts) => {
        expect(withoutRuleIds(parts.join(" "))).not.toMatch(RULE_ID);
      }),
    );
  });
});
