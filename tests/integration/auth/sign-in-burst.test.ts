/**
 * Issue 14, security sweep: sign-in under a burst from many addresses. The staff back-off's own
 * file (sign-in-limits.test.ts) covers one account from many addresses and many accounts from one;
 * this one covers the family's emailed links, which had only a per-address limit: someone with
 * many addresses could fill a family's inbox. Now an account gets at most
 * FAMILY_LINKS_PER_ACCOUNT_PER_HOUR links an hour, the answer stays the same, and the newest link
 * keeps working.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { consumeFamilyLink, FAMILY_LINKS_PER_ACCOUNT_PER_HOUR, FAMILY_LINK_REQUESTS_PER_HOUR, requestFamilyLink } from "@/lib/auth/family-link";
import { makeUser, uid } from "../helpers";

const linkFrom = (body: string) => /token=([A-Za-z0-9_-]+)/.exec(body)?.[1];
const HOUR = 3_600_000;

describe("family sign-in links under a burst from many addresses", () => {
  it("emails one account at most the hourly number of links, answers every request the same, and keeps the newest link working", async () => {
    const parent = await makeUser("PARENT");
    const t0 = new Date(); // now: the newest link is used below, and links last 15 minutes
    const burst = FAMILY_LINKS_PER_ACCOUNT_PER_HOUR + 15;
    // Each request from a fresh address: no per-address limit is reached.
    for (let i = 0; i < burst; i++) {
      const r = await requestFamilyLink(parent.email, "http://app.test", `203.0.113.${i}-${uid()}`, t0);
      expect(r.ok).toBe(true);
      await r.followUp();
    }
    const mails = await db().outboxEmail.findMany({ where: { to: parent.email }, orderBy: { createdAt: "asc" }, select: { body: true } });
    expect(mails).toHaveLength(FAMILY_LINKS_PER_ACCOUNT_PER_HOUR);
    // The last link sent still signs the family in: the withheld requests did not replace it.
    const newest = linkFrom(mails.at(-1)!.body)!;
    expect(await consumeFamilyLink(newest, null)).toMatchObject({ ok: true, user: { id: parent.id } });
    // An hour later the family can ask again.
    const later = await requestFamilyLink(parent.email, "http://app.test", `198.51.100.1-${uid()}`, new Date(t0.getTime() + HOUR));
    await later.followUp();
    expect(await db().outboxEmail.count({ where: { to: parent.email } })).toBe(FAMILY_LINKS_PER_ACCOUNT_PER_HOUR + 1);
  });

  it("the account limit is separate from the address limit: one address still gets its own number of answers", async () => {
    const parents = await Promise.all(Array.from({ length: 3 }, () => makeUser("PARENT")));
    const ip = `192.0.2.7-${uid()}`;
    const t0 = new Date("2026-06-02T09:00:00Z");
    for (let i = 0; i < FAMILY_LINK_REQUESTS_PER_HOUR; i++) await (await requestFamilyLink(parents[i % 3]!.email, "http://app.test", ip, t0)).followUp();
    expect(await Promise.all(parents.map((p) => db().outboxEmail.count({ where: { to: p.email } })))).toEqual([4, 3, 3]);
    await expect(requestFamilyLink(parents[0]!.email, "http://app.test", ip, t0)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});
