import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { createReferral } from "@/lib/cases/intake/create-referral";
import { formatReference, isReference, nextReference } from "@/lib/cases/reference";
import { makeLa, makeUser, referralValues } from "../helpers";

/** A minimal valid referral (no dates that need bank-holiday data, so any year works). */
const referral = (localAuthorityId: string, decisionSentOn: string) => referralValues(localAuthorityId, { decisionSentOn });

describe("case references", () => {
  it("are SM-<year>-<5 digits>", () => {
    expect(formatReference(2026, 42)).toBe("SM-2026-00042");
    expect(formatReference(2026, 123456)).toBe("SM-2026-123456");
    expect(isReference("SM-2026-00042")).toBe(true);
    expect(isReference("SM-26-42")).toBe(false);
  });

  it("count up per year and restart at 00001 in a new year", async () => {
    const take = (today: string) => db().$transaction((tx) => nextReference(tx, today));
    expect(await take("2041-03-01")).toBe("SM-2041-00001");
    expect(await take("2041-12-31")).toBe("SM-2041-00002");
    expect(await take("2042-01-01")).toBe("SM-2042-00001");
    expect(await take("2041-06-15")).toBe("SM-2041-00003");
  });

  it("give the number back when the creating transaction fails, so no number is skipped", async () => {
    await expect(
      db().$transaction(async (tx) => {
        await nextReference(tx, "2043-05-05");
        throw new Error("creation failed");
      }),
    ).rejects.toThrow("creation failed");
    expect(await db().$transaction((tx) => nextReference(tx, "2043-05-05"))).toBe("SM-2043-00001");
  });

  it("uses the year of the Europe/London date the case is created", async () => {
    const la = await makeLa();
    const caseworker = await makeUser("CASEWORKER");
    // 23:30 UTC on 31 Dec 2044 is still 31 Dec in London (GMT); 00:30 UTC on 1 Jan 2045 is 2045.
    const late = await createReferral(caseworker, referral(la.id, "2044-12-01"), null, new Date("2044-12-31T23:30:00Z"));
    const early = await createReferral(caseworker, referral(la.id, "2044-12-01"), null, new Date("2045-01-01T00:30:00Z"));
    expect(late.reference).toBe("SM-2044-00001");
    expect(early.reference).toBe("SM-2045-00001");
  });

  it("20 referrals created at the same time get 20 distinct, consecutive references", async () => {
    const la = await makeLa();
    const caseworker = await makeUser("CASEWORKER");
    const now = new Date("2046-04-01T09:00:00Z");
    const results = await Promise.all(Array.from({ length: 20 }, () => createReferral(caseworker, referral(la.id, "2046-03-20"), null, now)));

    const refs = results.map((r) => r.reference);
    expect(new Set(refs).size).toBe(20);
    for (const ref of refs) expect(ref).toMatch(/^SM-2046-\d{5}$/);
    expect([...refs].sort()).toEqual(Array.from({ length: 20 }, (_, i) => formatReference(2046, i + 1)));

    const stored = await db().case.findMany({ where: { id: { in: results.map((r) => r.id) } }, select: { reference: true } });
    expect(stored.map((c) => c.reference).sort()).toEqual([...refs].sort());
  });
});
