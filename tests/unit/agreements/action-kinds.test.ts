/** Issue 11: every kind of agreed action's due date (R-41, R-42, R-62) and R-44's override rule. */
import { describe, expect, it } from "vitest";
import { AGREED_ACTION_KINDS, actionDueDate, checkOverride, effectiveDueOn } from "@/lib/agreements/action-kinds";
import { typedNameMatches } from "@/lib/agreements/agreement-content";

describe("actionDueDate", () => {
  // Agreement on Thursday 24 April 2025 (R-54's meeting): calendar weeks from it (R-62), no roll-off.
  const on = "2025-04-24";
  it.each([
    ["ASSESS_NOTIFY", "2025-05-08", "R-41, R-62"],
    ["ASSESS_NO_PLAN", "2025-07-03", "R-41, R-62"],
    ["ASSESS_FINAL_PLAN", "2025-07-31", "R-41, R-62"],
    ["PLAN_DRAFT", "2025-05-29", "R-41, R-62"],
    ["PLAN_FINAL", "2025-07-10", "R-41, R-62"],
    ["AMEND_B_F", "2025-05-29", "R-41, R-62"],
    ["SECTION_I_ONLY", "2025-05-08", "R-41, R-62"],
    ["NON_APPEALABLE", "2025-05-08", "R-42, R-62"],
    ["MAINTAIN_OR_CEASE", "2025-04-24", "R-41"],
  ] as const)("%s is due on %s", (kind, date, rule) => {
    const d = actionDueDate(on, kind);
    expect(d.date).toBe(date);
    expect(d.rule).toBe(rule);
    expect(d.text).toMatch(/^\w+day \d+ \w+ 2025: /);
  });

  it("covers every kind", () => {
    expect(AGREED_ACTION_KINDS).toHaveLength(10);
  });

  it("OTHER takes the date the parties wrote, and needs one", () => {
    expect(actionDueDate(on, "OTHER", "2025-06-01")).toMatchObject({ date: "2025-06-01", rule: "R-40" });
    expect(() => actionDueDate(on, "OTHER")).toThrow(RangeError);
  });

  it("does not move a due date off a weekend (mediation timings are calendar, R-52 is for appeals)", () => {
    // Saturday 3 May 2025 + 2 weeks = Saturday 17 May.
    expect(actionDueDate("2025-05-03", "ASSESS_NOTIFY").date).toBe("2025-05-17");
  });
});

describe("R-44: an override needs the parties' written agreement", () => {
  const on = "2025-04-24";
  const today = "2025-05-01";
  it("accepts none of the answers (no override)", () => {
    expect(checkOverride({ dueOn: "", agreedBy: "", agreedOn: "" }, on, today)).toEqual([]);
  });
  it("refuses a new date without who agreed and when", () => {
    const p = checkOverride({ dueOn: "2025-06-30", agreedBy: " ", agreedOn: "" }, on, today);
    expect(p.map((x) => x.field)).toEqual(["overrideAgreedBy", "overrideAgreedOn"]);
  });
  it("refuses who and when without a new date", () => {
    expect(checkOverride({ dueOn: "", agreedBy: "Jane Family and Officer Rep", agreedOn: "2025-04-30" }, on, today).map((x) => x.field)).toEqual(["overrideDueOn"]);
  });
  it("refuses an agreement in the future or before the agreement date", () => {
    expect(checkOverride({ dueOn: "2025-06-30", agreedBy: "Both", agreedOn: "2025-05-02" }, on, today)[0]?.field).toBe("overrideAgreedOn");
    expect(checkOverride({ dueOn: "2025-06-30", agreedBy: "Both", agreedOn: "2025-04-23" }, on, today)[0]?.field).toBe("overrideAgreedOn");
  });
  it("accepts all three, and the override is the effective date", () => {
    expect(checkOverride({ dueOn: "2025-06-30", agreedBy: "Both parties by email", agreedOn: "2025-04-30" }, on, today)).toEqual([]);
    expect(effectiveDueOn({ dueOn: "2025-05-08", overrideDueOn: "2025-06-30" })).toBe("2025-06-30");
    expect(effectiveDueOn({ dueOn: "2025-05-08", overrideDueOn: null })).toBe("2025-05-08");
  });
});

describe("typed names (signing in the room)", () => {
  it("ignores case and extra spaces, not accents", () => {
    expect(typedNameMatches("  łukasz   NGUYỄN ", "Łukasz Nguyễn")).toBe(true);
    expect(typedNameMatches("Lukasz Nguyen", "Łukasz Nguyễn")).toBe(false);
    expect(typedNameMatches("", "")).toBe(false);
  });
});
