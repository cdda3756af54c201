/**
 * Issue 9 item 16 on a real case: a meeting booked with too little notice is refused with a
 * date to book instead, and that date is a working day — the Monday, not the Saturday that the
 * law's earliest date falls on when the 5th working day is a Friday.
 */
import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/platform/errors";
import { checkPlan, loadForTransition } from "@/lib/cases/transition/apply-transition";
import { toSnapshot } from "@/lib/cases/store";
import { makeCase, mediator, setUpCaseFixtures } from "./fixtures";

setUpCaseFixtures();

describe("R-22: the meeting date suggested when the notice is too short", () => {
  it("notice sent on Friday 5 September 2025: the meeting can be on Monday 15 September 2025 or later", async () => {
    const c = await makeCase({ status: "PREPARING", mediatorId: mediator.id });
    const { row } = await loadForTransition(mediator, c.id, 1, "scheduleMeeting", {});
    let refusal: unknown = null;
    try {
      // "Today" is Friday 5 September 2025: working days Monday 8 to Friday 12 make the 5 days' notice.
      checkPlan(toSnapshot(row), mediator, "scheduleMeeting", { meetingOn: "2025-09-08" }, "2025-09-05");
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).fieldErrors?.meetingOn).toBe(
      "The family must get at least 5 working days' notice, so the meeting can be on Monday 15 September 2025 or later. " +
        "Choose a later date, or record that the family agreed to shorter notice (R-22).",
    );
  });
});
