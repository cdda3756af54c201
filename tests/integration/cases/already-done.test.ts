/**
 * Issue 9 item 15: a form submitted again after it was done (browser Back, then submit; or a double
 * click) says "This was already done: …" and changes nothing, instead of "Someone else changed this
 * case". Anything else that moved the case on is still a conflict. Real PostgreSQL, real parallel
 * commands.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { ConflictError } from "@/lib/platform/errors";
import { transitionCase } from "@/lib/cases/transition/transition-case";
import { previewTransition } from "@/lib/cases/transition/preview-transition";
import { allocateMediator } from "@/lib/cases/allocation/allocate-mediator";
import { AlreadyDoneError } from "@/lib/cases/transition/apply-transition";
import { caseworker, caseworker2, makeCase, mediator, refusal, stateOf, setUpCaseFixtures } from "./fixtures";

setUpCaseFixtures();

const CONFLICT = /^Someone else changed this case while you were working on it/;

describe("the same action submitted again", () => {
  it("a transition posted twice with the version the user saw: the second says it was already done and changes nothing", async () => {
    const c = await makeCase();
    const first = await transitionCase(caseworker, c.id, "startContacting", 1, { laNotifiedOn: "2025-03-26" });
    expect(first).toMatchObject({ status: "CONTACTING_PARTIES", version: 2, alreadyDone: null });
    const after = await stateOf(c.id);

    const again = await transitionCase(caseworker, c.id, "startContacting", 1, { laNotifiedOn: "2025-03-26" });
    expect(again.alreadyDone).toBe("This was already done: you have started contacting the parties.");
    // The case as it is: the status and version the first post left, with nothing written since.
    expect(again).toMatchObject({ status: "CONTACTING_PARTIES", version: 2, statusChanged: false });
    expect(await stateOf(c.id)).toEqual(after);
  });

  it("the same inputs in another order, and a form's 'yes' box read the same way, still count as the same", async () => {
    const c = await makeCase({ status: "CONTACTING_PARTIES" });
    await transitionCase(caseworker, c.id, "withdraw", 1, { toldOn: "2025-04-01", reason: "Moved away", certificateRequested: true });
    const again = await transitionCase(caseworker, c.id, "withdraw", 1, { certificateRequested: true, reason: "Moved away", toldOn: "2025-04-01" });
    expect(again.alreadyDone).toBe("This was already done: the case has been withdrawn.");
  });

  it("the confirmation step of a destructive action, checked again after it was confirmed, says it was already done", async () => {
    const c = await makeCase({ status: "CONTACTING_PARTIES" });
    const input = { toldOn: "2025-04-01", reason: "Changed their mind", certificateRequested: false };
    await transitionCase(caseworker, c.id, "withdraw", 1, input);
    const e = await refusal(previewTransition(caseworker, c.id, "withdraw", 1, input));
    expect(e).toBeInstanceOf(AlreadyDoneError);
    expect(e.message).toBe("This was already done: the case has been withdrawn.");
  });

  it("allocating the same mediator twice says it was already done", async () => {
    const c = await makeCase({ status: "AWAITING_CONSENT", consent: "GIVEN" });
    await allocateMediator(caseworker, c.id, mediator.id, 1);
    const again = await allocateMediator(caseworker, c.id, mediator.id, 1);
    expect(again).toMatchObject({ transition: "allocate", status: "ALLOCATED", version: 2, alreadyDone: "This was already done: the mediator has been allocated." });
  });

  it("two identical posts at the same moment (a double click): one is done, the other says it already was", async () => {
    const c = await makeCase();
    const results = await Promise.all([1, 2].map(() => transitionCase(caseworker, c.id, "startContacting", 1, { laNotifiedOn: "2025-03-26" })));
    expect(results.map((r) => r.alreadyDone).sort()).toEqual([null, "This was already done: you have started contacting the parties."].sort());
    const s = await stateOf(c.id);
    expect(s).toMatchObject({ status: "CONTACTING_PARTIES", version: 2 });
    expect(s.deadlines.map((d) => d.name)).toEqual(["MEDIATION_30_DAY"]);
  });
});

describe("anything else that moved the case on is still a conflict", () => {
  it("the same user with different inputs", async () => {
    const c = await makeCase();
    await transitionCase(caseworker, c.id, "startContacting", 1, { laNotifiedOn: "2025-03-26" });
    const e = await refusal(transitionCase(caseworker, c.id, "startContacting", 1, { laNotifiedOn: "2025-03-27" }));
    expect(e).toBeInstanceOf(ConflictError);
    expect(e.message).toMatch(CONFLICT);
  });

  it("another user's identical action", async () => {
    const c = await makeCase();
    await transitionCase(caseworker2, c.id, "startContacting", 1, { laNotifiedOn: "2025-03-26" });
    const e = await refusal(transitionCase(caseworker, c.id, "startContacting", 1, { laNotifiedOn: "2025-03-26" }));
    expect(e.message).toMatch(CONFLICT);
  });

  it("the user's own action, followed by another change to the case", async () => {
    const c = await makeCase();
    await transitionCase(caseworker, c.id, "startContacting", 1, { laNotifiedOn: "2025-03-26" });
    await transitionCase(caseworker, c.id, "requestConsent", 2, {});
    const e = await refusal(transitionCase(caseworker, c.id, "startContacting", 1, { laNotifiedOn: "2025-03-26" }));
    expect(e.message).toMatch(CONFLICT);
  });

  it("a version changed without an audit row of this action (e.g. another command)", async () => {
    const c = await makeCase();
    await transitionCase(caseworker, c.id, "startContacting", 1, { laNotifiedOn: "2025-03-26" });
    await db().auditEvent.create({ data: { actorId: caseworker2.id, action: "case.details_updated", entityType: "Case", entityId: c.id, caseId: c.id } });
    const e = await refusal(transitionCase(caseworker, c.id, "startContacting", 1, { laNotifiedOn: "2025-03-26" }));
    expect(e.message).toMatch(CONFLICT);
  });
});
