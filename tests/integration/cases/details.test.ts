/**
 * Editing the referral details on a real PostgreSQL: field rules, optimistic concurrency, restarted clocks.
 */
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/platform/db";
import { REDACTED } from "@/lib/platform/audit";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { addCalendarDays, isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import { updateCaseDetails, type DetailsConflictData } from "@/lib/cases/details/update-case-details";
import { DETAIL_KEYS } from "@/lib/cases/details/details-schema";
import { withJoinedDates } from "@/lib/platform/dates/date-input";
import { caseworker, caseworker2, fieldError, makeCase, refusal, stateOf, setUpCaseFixtures } from "./fixtures";

setUpCaseFixtures();

// ---------------------------------------------------------------------------------------------
// Case details: validation and concurrent edits
// ---------------------------------------------------------------------------------------------

describe("case details", () => {
  it("saves changes, with a staff timeline entry and an audit row of before and after", async () => {
    const c = await makeCase();
    const r = await updateCaseDetails(caseworker, c.id, 1, {
      summary: "Disagreement about section F",
      decisionSentOn: "2025-02-03",
      childName: "Sam",
      childDateOfBirth: "2015-05-05",
      childSetting: "Hillside Primary",
    });
    expect(r.version).toBe(2);
    const saved = await db().case.findUniqueOrThrow({ where: { id: c.id }, select: { summary: true, decisionSentOn: true, child: true } });
    expect(saved).toMatchObject({ summary: "Disagreement about section F", child: { name: "Sam", setting: "Hillside Primary" } });
    expect(isoFromDbDate(saved.decisionSentOn!)).toBe("2025-02-03");
    const ev = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id } });
    expect(ev.visibility).toBe("STAFF");
    expect(ev.summary).toContain("Summary of the disagreement");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { caseId: c.id } });
    expect(audit.before).toMatchObject({ version: 1, summary: "", childName: "" });
    // Which fields changed, not what they say (issue 9: personal values are redacted).
    expect(audit.after).toMatchObject({ version: 2, summary: REDACTED, childName: REDACTED });
  });

  it("explains bad values next to their fields and saves nothing", async () => {
    const c = await makeCase();
    const before = await stateOf(c.id);
    const e = await refusal(
      updateCaseDetails(caseworker, c.id, 1, {
        decisionSentOn: addCalendarDays(todayInLondon(), 2),
        childDateOfBirth: "2015-02-29",
      }),
    );
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).fieldErrors).toEqual({
      "decisionSentOn": "The date the decision notice was sent must be today or in the past",
      "childDateOfBirth": "The child's date of birth must be a real date",
    });
    expect(fieldError(await refusal(updateCaseDetails(caseworker, c.id, 1, { childSetting: "Somewhere" })), "childName")).toBe("Enter the child's name");
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("two people saving the same version: one wins, the other gets a conflict with the winner's values and nothing of theirs is written", async () => {
    const c = await makeCase();
    await updateCaseDetails(caseworker, c.id, 1, { summary: "Original summary", childName: "Alex" });
    // Force a real race: hold the case row locked until both saves have read version 2 and are
    // waiting to write, then let them go. One write wins; the other finds the version moved on.
    let results: PromiseSettledResult<unknown>[] = [];
    await db().$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Case" WHERE id = ${c.id} FOR UPDATE`;
        const saves = Promise.allSettled([
          updateCaseDetails(caseworker, c.id, 2, { summary: "Summary from Cara", childName: "Alex" }),
          updateCaseDetails(caseworker2, c.id, 2, { summary: "Summary from Carl", childName: "Alexander" }),
        ]);
        for (let i = 0; i < 100; i++) {
          const [w] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`;
          if ((w?.n ?? 0) >= 2) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        void saves.then((r) => (results = r));
      },
      { timeout: 15_000 },
    );
    await vi.waitFor(() => expect(results).toHaveLength(2), { timeout: 10_000 });
    const won = results.findIndex((r) => r.status === "fulfilled");
    const lost = results.findIndex((r) => r.status === "rejected");
    expect(won).toBeGreaterThanOrEqual(0);
    expect(lost).toBeGreaterThanOrEqual(0);
    const winner = [caseworker, caseworker2][won]!;
    const winnerSummary = won === 0 ? "Summary from Cara" : "Summary from Carl";
    const err = (results[lost] as PromiseRejectedResult).reason as ConflictError;
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toBe("Someone else saved this case first.");
    const data = err.data as DetailsConflictData;
    expect(data.version).toBe(3);
    expect(data.changedBy).toBe(winner.name);
    expect(data.current.summary).toBe(winnerSummary);
    expect(data.changes).toContainEqual({ field: "summary", label: "Summary of the disagreement", value: winnerSummary });
    expect(new Date(data.changedAt!).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const saved = await db().case.findUniqueOrThrow({ where: { id: c.id }, select: { summary: true, version: true, child: { select: { name: true } } } });
    expect(saved.summary).toBe(winnerSummary);
    expect(saved.version).toBe(3);
    expect(saved.child?.name).toBe(won === 1 ? "Alexander" : "Alex");
    expect(await db().auditEvent.count({ where: { caseId: c.id } })).toBe(2);

    // After reviewing their change, the loser saves again against the new version: it succeeds.
    const retry = await updateCaseDetails([caseworker, caseworker2][lost]!, c.id, data.version, { summary: "Agreed summary" });
    expect(retry.version).toBe(4);
    // A save from a page opened before all this is refused the same way, listing both changes' fields.
    const stale = await refusal(updateCaseDetails(caseworker, c.id, 2, { summary: "Very old page" }));
    expect(stale).toBeInstanceOf(ConflictError);
    expect(((stale as ConflictError).data as DetailsConflictData).changes).toContainEqual({ field: "summary", label: "Summary of the disagreement", value: "Agreed summary" });
  });

  it("issue 8 item 3: 31 February typed as the date of birth is refused, says why, and the saved date of birth is kept", async () => {
    const c = await makeCase();
    await updateCaseDetails(caseworker, c.id, 1, { childName: "Sam", childDateOfBirth: "2015-05-05", summary: "Before" });
    const before = await stateOf(c.id);
    // The edit form as the server action reads it: the boxes joined under the field's name.
    const form = (day: string, month: string, year: string) =>
      withJoinedDates({ childName: "Sam", summary: "After", "childDateOfBirth-day": day, "childDateOfBirth-month": month, "childDateOfBirth-year": year });
    const patch = (v: Record<string, string>) => Object.fromEntries(DETAIL_KEYS.filter((k) => v[k] !== undefined).map((k) => [k, v[k]!]));
    const dateOfBirth = async () => isoFromDbDate((await db().child.findFirstOrThrow({ where: { caseId: c.id } })).dateOfBirth!);

    const e = await refusal(updateCaseDetails(caseworker, c.id, 2, patch(form("31", "2", "2015"))));
    expect(e).toBeInstanceOf(DomainError);
    expect(fieldError(e, "childDateOfBirth")).toBe("The child's date of birth must be a real date – February 2015 has 28 days");
    expect(fieldError(await refusal(updateCaseDetails(caseworker, c.id, 2, patch(form("27", "", "2015")))), "childDateOfBirth")).toBe("The child's date of birth must include a month");
    // Nothing was written: not the date, not the summary typed beside it.
    expect(await stateOf(c.id)).toEqual(before);
    expect(await dateOfBirth()).toBe("2015-05-05");

    // A real date is saved; emptying all three boxes is the one way to clear it.
    await updateCaseDetails(caseworker, c.id, 2, patch(form("28", "Feb", "2015")));
    expect(await dateOfBirth()).toBe("2015-02-28");
    await updateCaseDetails(caseworker, c.id, 3, patch(form("", "", "")));
    expect((await db().child.findFirstOrThrow({ where: { caseId: c.id } })).dateOfBirth).toBeNull();
  });

  it("a closed case cannot be edited", async () => {
    const c = await makeCase({ status: "CLOSED" });
    expect((await refusal(updateCaseDetails(caseworker, c.id, 1, { summary: "Late edit" }))).message).toBe("This case is closed, so it cannot be changed.");
  });
});

