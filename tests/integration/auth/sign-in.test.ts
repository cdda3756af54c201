import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { MAX_FAILED_SIGN_INS, staffSignIn } from "@/lib/auth/staff-sign-in";
import { consumeFamilyLink, FAMILY_LINK_RATE_LIMITED_MESSAGE, FAMILY_LINK_REQUESTS_PER_HOUR, requestFamilyLink } from "@/lib/auth/family-link";
import { makeUser, uid } from "../helpers";

const linkFrom = (body: string) => /token=([A-Za-z0-9_-]+)/.exec(body)?.[1];

describe("staff sign-in", () => {
  it("signs in with the right password and never stores it in plain text", async () => {
    const u = await makeUser("CASEWORKER", { password: "correct horse" });
    const r = await staffSignIn(u.email.toUpperCase(), "correct horse", "10.0.0.1");
    expect(r).toMatchObject({ ok: true, user: { id: u.id, role: "CASEWORKER" } });
    const row = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.passwordHash).not.toContain("correct horse");
    expect(row.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(await db().auditEvent.count({ where: { entityId: u.id, action: "auth.signed_in" } })).toBe(1);
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const u = await makeUser("MEDIATOR", { password: "right" });
    expect(await staffSignIn(u.email, "wrong")).toEqual({ ok: false, reason: "INVALID" });
    expect(await staffSignIn(`nobody-${uid()}@test.example`, "wrong")).toEqual({ ok: false, reason: "INVALID" });
  });

  it("refuses a family user (no password) and an inactive staff member", async () => {
    const parent = await makeUser("PARENT");
    expect((await staffSignIn(parent.email, "")).ok).toBe(false);
    const gone = await makeUser("CASEWORKER", { password: "pw" });
    await db().user.update({ where: { id: gone.id }, data: { active: false } });
    expect(await staffSignIn(gone.email, "pw")).toEqual({ ok: false, reason: "INVALID" });
  });

  it(`locks the account for a while after ${MAX_FAILED_SIGN_INS} failures, even with the right password`, async () => {
    const u = await makeUser("ADMIN", { password: "pw" });
    const now = new Date("2026-01-10T10:00:00Z");
    const results = [];
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) results.push((await staffSignIn(u.email, "bad", null, now)) as { reason?: string });
    expect(results.slice(0, -1).every((r) => r.reason === "INVALID")).toBe(true);
    expect(results.at(-1)?.reason).toBe("LOCKED");
    expect(await staffSignIn(u.email, "pw", null, new Date(now.getTime() + 60_000))).toEqual({ ok: false, reason: "LOCKED" });
    // After the lock-out the right password works again and resets the counter.
    const later = new Date(now.getTime() + 16 * 60_000);
    expect((await staffSignIn(u.email, "pw", null, later)).ok).toBe(true);
    expect(await db().loginThrottle.count({ where: { key: `signin:${u.email}` } })).toBe(0);
  });
});

describe("oversized sign-in input (issue 9 item 8)", () => {
  it("a 6,014-character email or a 1,025-character password is refused before anything is written", async () => {
    const u = await makeUser("CASEWORKER", { password: "pw" });
    const longEmail = `${"a".repeat(6001)}@test.example`;
    expect(longEmail).toHaveLength(6014);
    const auditsBefore = await db().auditEvent.count();
    const throttlesBefore = await db().loginThrottle.count();
    expect(await staffSignIn(longEmail, "pw", "10.0.0.9")).toEqual({ ok: false, reason: "INVALID" });
    expect(await staffSignIn(u.email, "p".repeat(1025), "10.0.0.9")).toEqual({ ok: false, reason: "INVALID" });
    expect(await db().loginThrottle.count()).toBe(throttlesBefore);
    expect(await db().auditEvent.count()).toBe(auditsBefore);
    // The limits themselves still sign in: a 1,024-character password is checked as usual.
    const long = await makeUser("CASEWORKER", { password: "p".repeat(1024) });
    expect((await staffSignIn(long.email, "p".repeat(1024))).ok).toBe(true);
  });

  it("a family link request with an oversized email says so and writes nothing, not even a rate-limit count", async () => {
    const ip = `ip-${uid()}`;
    const auditsBefore = await db().auditEvent.count();
    await expect(requestFamilyLink(`${"a".repeat(6000)}@test.example`, "http://app.test", ip)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { email: expect.stringMatching(/254 characters or fewer/) },
    });
    expect(await db().rateLimit.count({ where: { key: `family-link:${ip}` } })).toBe(0);
    expect(await db().auditEvent.count()).toBe(auditsBefore);
  });
});

describe("family sign-in link", () => {
  it("emails a single-use link that signs the family user in once", async () => {
    const parent = await makeUser("PARENT");
    const ip = `ip-${uid()}`;
    expect(await requestFamilyLink(parent.email, "http://app.test", ip)).toEqual({ ok: true });
    const mail = await db().outboxEmail.findFirstOrThrow({ where: { to: parent.email }, orderBy: { createdAt: "desc" } });
    expect(mail.body).toContain("http://app.test/sign-in/family/verify?token=");
    const token = linkFrom(mail.body)!;
    const stored = await db().loginToken.findFirstOrThrow({ where: { userId: parent.id } });
    expect(stored.tokenHash).not.toBe(token);

    expect(await consumeFamilyLink(token, ip)).toMatchObject({ ok: true, user: { id: parent.id, role: "PARENT" } });
    expect(await consumeFamilyLink(token, ip)).toEqual({ ok: false, reason: "USED" });
  });

  it("refuses an expired link", async () => {
    const parent = await makeUser("PARENT");
    const t0 = new Date("2026-03-01T09:00:00Z");
    await requestFamilyLink(parent.email, "http://app.test", `ip-${uid()}`, t0);
    const mail = await db().outboxEmail.findFirstOrThrow({ where: { to: parent.email } });
    const token = linkFrom(mail.body)!;
    expect(await consumeFamilyLink(token, null, new Date(t0.getTime() + 15 * 60_000 + 1))).toEqual({ ok: false, reason: "EXPIRED" });
  });

  it("lets only one of two simultaneous uses succeed", async () => {
    const parent = await makeUser("PARENT");
    await requestFamilyLink(parent.email, "http://app.test", `ip-${uid()}`);
    const token = linkFrom((await db().outboxEmail.findFirstOrThrow({ where: { to: parent.email } })).body)!;
    const results = await Promise.all([consumeFamilyLink(token, null), consumeFamilyLink(token, null), consumeFamilyLink(token, null)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("sends nothing for staff or unknown emails, with the same answer", async () => {
    const staff = await makeUser("CASEWORKER", { password: "pw" });
    const unknown = `nobody-${uid()}@test.example`;
    expect(await requestFamilyLink(staff.email, "http://app.test", `ip-${uid()}`)).toEqual({ ok: true });
    expect(await requestFamilyLink(unknown, "http://app.test", `ip-${uid()}`)).toEqual({ ok: true });
    expect(await db().outboxEmail.count({ where: { to: { in: [staff.email, unknown] } } })).toBe(0);
    expect(await consumeFamilyLink("made-up-token", null)).toEqual({ ok: false, reason: "INVALID" });
  });

  it(`limits link requests to ${FAMILY_LINK_REQUESTS_PER_HOUR} an hour per IP address`, async () => {
    const parent = await makeUser("PARENT");
    const ip = `ip-${uid()}`;
    const now = new Date("2026-05-05T10:10:00Z");
    for (let i = 0; i < FAMILY_LINK_REQUESTS_PER_HOUR; i++) expect((await requestFamilyLink(parent.email, "http://app.test", ip, now)).ok).toBe(true);
    await expect(requestFamilyLink(parent.email, "http://app.test", ip, now)).rejects.toMatchObject({ code: "RATE_LIMITED", message: FAMILY_LINK_RATE_LIMITED_MESSAGE });
    expect(await requestFamilyLink(parent.email, "http://app.test", ip, new Date(now.getTime() + 3_600_000))).toEqual({ ok: true });
  });
});
