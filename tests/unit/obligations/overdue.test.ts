/** The overdue rule of agreed actions (lib/obligations/rules.ts; R-40..R-42, R-63) and the close guard's message. */
import { describe, expect, it } from "vitest";
import { isOverdue, obligationStatusText, openObligationsMessage, overdueAlertKey } from "@/lib/obligations/rules";
import { checkTransition } from "@/lib/cases/lifecycle";

describe("an agreed action is overdue", () => {
  it("only while open and only after its due date (the due date is the last day to do it)", () => {
    expect(isOverdue({ status: "OPEN", dueOn: "2025-05-08" }, "2025-05-09")).toBe(true);
    expect(isOverdue({ status: "OPEN", dueOn: "2025-05-09" }, "2025-05-09")).toBe(false);
    expect(isOverdue({ status: "OPEN", dueOn: "2025-05-10" }, "2025-05-09")).toBe(false);
    expect(isOverdue({ status: "DONE", dueOn: "2025-05-01" }, "2025-05-09")).toBe(false);
    expect(isOverdue({ status: "CLOSED_WITH_REASON", dueOn: "2025-05-01" }, "2025-05-09")).toBe(false);
  });

  it("across a month and a year end (calendar dates compared as dates)", () => {
    expect(isOverdue({ status: "OPEN", dueOn: "2025-12-31" }, "2026-01-01")).toBe(true);
    expect(isOverdue({ status: "OPEN", dueOn: "2026-01-31" }, "2026-02-01")).toBe(true);
  });

  it("says so in plain English", () => {
    expect(obligationStatusText({ status: "OPEN", dueOn: "2025-05-08", completedOn: null }, "2025-05-09")).toBe("Overdue: it was due by Thursday 8 May 2025");
    expect(obligationStatusText({ status: "OPEN", dueOn: "2025-05-09", completedOn: null }, "2025-05-09")).toBe("Due by Friday 9 May 2025");
    expect(obligationStatusText({ status: "DONE", dueOn: "2025-05-09", completedOn: "2025-05-02" }, "2025-05-09")).toBe("Done on Friday 2 May 2025");
    expect(obligationStatusText({ status: "CLOSED_WITH_REASON", dueOn: "2025-05-09", completedOn: null }, "2025-05-20")).toBe("Closed without being done");
  });

  it("is alerted under one effect key per obligation", () => {
    expect(overdueAlertKey("abc")).toBe("obligation-overdue:abc");
  });
});

describe("closing a case with agreed actions open (R-40)", () => {
  const snapshot = { id: "c1", kind: "MEDIATION" as const, status: "MONITORING" as const, allocatedMediatorId: null, hasHealthIssue: false, parties: [] };
  const caseworker = { id: "u1", role: "CASEWORKER" as const };

  it("is refused with how many are open and what to do", () => {
    const r = checkTransition({ ...snapshot, openObligations: 2 }, "close", caseworker);
    expect(r).toMatchObject({ ok: false, code: "GUARD_FAILED", message: openObligationsMessage(2) });
    expect(openObligationsMessage(1)).toBe("1 agreed action is still open. Record each one as done, or close it with a reason, before closing the case (R-40).");
  });

  it("is allowed with none open", () => {
    expect(checkTransition({ ...snapshot, openObligations: 0 }, "close", caseworker).ok).toBe(true);
    expect(checkTransition(snapshot, "close", caseworker).ok).toBe(true);
  });
});
