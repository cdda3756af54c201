/**
 * Issue 9, items 1 and 2: the sign-in back-off holds under concurrency (real parallel attempts on
 * real PostgreSQL) and slows an attacker without letting anyone lock a staff member out.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { personalDigest } from "@/lib/platform/audit";
import { SIGN_IN_FAILED, signInWaitMessage, staffSignIn, staffSignInFromForm } from "@/lib/auth/staff-sign-in";
import { NOTIFY_AFTER_FAILURES, SIGN_IN_LIMITS, describeWait } from "@/lib/auth/sign-in-limits";
import { unlockSignIn } from "@/lib/auth/unlock-sign-in";
import { ForbiddenError } from "@/lib/auth/types";
import { DomainError } from "@/lib/platform/errors";
import { makeUser, uid } from "../helpers";

const PAIR = SIGN_IN_LIMITS.pair;
const ACCOUNT = SIGN_IN_LIMITS.account;
const ADDRESS = SIGN_IN_LIMITS.address;
const at = (t0: Date, ms: number) => new Date(t0.getTime() + ms);
const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${uid()}`;
const throttleRows = (email: string) => db().loginThrottle.findMany({ where: { key: { contains: personalDigest(email) } } });
const reasons = (rs: { ok: boolean; reason?: string }[]) => rs.map((r) => (r.ok ? "OK" : r.reason));

describe("sign-in back-off under concurrency (item 1)", () => {
  it("twelve simultaneous wrong passwords from one address get exactly the allowed number of password checks", async () => {
    const u = await makeUser("LA_OFFICER", { password: "right-password" });
    const from = ip();
    const results = await Promise.all(Array.from({ length: 12 }, () => staffSignIn(u.email, "wrong", from)));
    const r = reasons(results);
    expect(r.filter((x) => x === "INVALID")).toHaveLength(PAIR.free);
    expect(r.filter((x) => x === "WAIT")).toHaveLength(12 - PAIR.free);
    // The counters agree: the pair counted exactly the checked attempts and now makes this address wait.
    const pair = (await throttleRows(u.email)).find((t) => t.key.startsWith("pair:"))!;
    expect(pair.failures).toBe(PAIR.free);
    expect(pair.blockedUntil!.getTime()).toBeGreaterThan(Date.now());
    // Even the right password waits on this address now.
    expect(await staffSignIn(u.email, "right-password", from)).toMatchObject({ ok: false, reason: "WAIT" });
    // One failed-attempt audit row per checked password, none for the refused ones.
    expect(await db().auditEvent.count({ where: { entityId: u.id, action: "auth.sign_in_failed" } })).toBe(PAIR.free);
  });

  it("twelve simultaneous wrong passwords from twelve addresses are all counted on the account", async () => {
    const u = await makeUser("CASEWORKER", { password: "right-password" });
    await Promise.all(Array.from({ length: 12 }, () => staffSignIn(u.email, "wrong", ip())));
    const account = (await throttleRows(u.email)).find((t) => t.key.startsWith("account:"))!;
    expect(account.failures).toBe(12);
  });
});

describe("back-off that never shuts the owner out (item 2)", () => {
  it("makes one address wait longer after each failure, then lets the right password in and forgets", async () => {
    const u = await makeUser("ADMIN", { password: "pw" });
    const from = ip();
    const t0 = new Date("2026-01-10T10:00:00Z");
    for (let i = 0; i < PAIR.free - 1; i++) expect(await staffSignIn(u.email, "bad", from, t0)).toEqual({ ok: false, reason: "INVALID" });
    expect(await staffSignIn(u.email, "bad", from, t0)).toMatchObject({ ok: false, reason: "INVALID" }); // the free-th: a wait begins
    expect(await staffSignIn(u.email, "pw", from, at(t0, 1000))).toEqual({ ok: false, reason: "WAIT", retryAfterSeconds: 14 });
    // After the first wait one more try; a wrong one doubles the wait.
    const t1 = at(t0, PAIR.firstDelayMs);
    expect(await staffSignIn(u.email, "bad", from, t1)).toMatchObject({ ok: false, reason: "INVALID" });
    expect(await staffSignIn(u.email, "pw", from, at(t1, 1000))).toEqual({ ok: false, reason: "WAIT", retryAfterSeconds: (PAIR.firstDelayMs * PAIR.growth) / 1000 - 1 });
    // The right password after the wait works, and the address starts afresh.
    const t2 = at(t1, PAIR.firstDelayMs * PAIR.growth);
    expect((await staffSignIn(u.email, "pw", from, t2)).ok).toBe(true);
    expect((await throttleRows(u.email)).filter((t) => t.key.startsWith("pair:"))).toEqual([]);
    expect(await staffSignIn(u.email, "bad", from, t2)).toMatchObject({ ok: false, reason: "INVALID" });
  });

  it("never waits longer than the cap, however many failures", async () => {
    const u = await makeUser("MEDIATOR", { password: "pw" });
    const from = ip();
    let t = new Date("2026-02-01T08:00:00Z");
    let longest = 0;
    for (let i = 0; i < 15; i++) {
      const r = await staffSignIn(u.email, "bad", from, t);
      const wait = await staffSignIn(u.email, "bad", from, at(t, 1));
      if (!wait.ok && wait.reason === "WAIT") longest = Math.max(longest, wait.retryAfterSeconds);
      expect(r.ok).toBe(false);
      t = at(t, PAIR.maxDelayMs);
    }
    expect(longest).toBe(PAIR.maxDelayMs / 1000);
  });

  it("an attacker on one address cannot keep the owner out: the owner on their own address signs in at once", async () => {
    const u = await makeUser("LA_OFFICER", { password: "owner-password" });
    const attacker = ip();
    const t0 = new Date("2026-03-03T09:00:00Z");
    for (let i = 0; i < 12; i++) await staffSignIn(u.email, `guess-${i}`, attacker, at(t0, i * 1000));
    expect(await staffSignIn(u.email, "owner-password", attacker, at(t0, 13_000))).toMatchObject({ reason: "WAIT" });
    expect(await staffSignIn(u.email, "owner-password", ip(), at(t0, 13_000))).toMatchObject({ ok: true, user: { id: u.id } });
  });

  it("an attacker with many addresses only delays the owner by seconds", async () => {
    const u = await makeUser("CASEWORKER", { password: "owner-password" });
    const t0 = new Date("2026-03-04T09:00:00Z");
    // More failures on the account than it allows, from fresh addresses (each pair stays under its own limit).
    for (let i = 0; i < ACCOUNT.free + 5; i++) await staffSignIn(u.email, `guess-${i}`, ip(), t0);
    const owner = ip();
    const first = await staffSignIn(u.email, "owner-password", owner, at(t0, 1000));
    expect(first).toMatchObject({ ok: false, reason: "WAIT" });
    const wait = (first as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(wait).toBeLessThanOrEqual(ACCOUNT.maxDelayMs / 1000);
    expect(await staffSignIn(u.email, "owner-password", owner, at(t0, 1000 + wait * 1000))).toMatchObject({ ok: true });
  });

  it("limits one address across many accounts (password spraying)", async () => {
    const sprayer = ip();
    const t0 = new Date("2026-03-05T09:00:00Z");
    for (let i = 0; i < ADDRESS.free; i++) expect(await staffSignIn(`sprayed-${uid()}@test.example`, "Password1", sprayer, t0)).toEqual({ ok: false, reason: "INVALID" });
    expect(await staffSignIn(`sprayed-${uid()}@test.example`, "Password1", sprayer, at(t0, 1000))).toMatchObject({ ok: false, reason: "WAIT" });
    // A real user elsewhere is not affected.
    const u = await makeUser("MEDIATOR", { password: "pw" });
    expect((await staffSignIn(u.email, "pw", ip(), at(t0, 1000))).ok).toBe(true);
  });

  it("counts only failures against an address: colleagues signing in from one office never reach its limit", async () => {
    const office = ip();
    const t0 = new Date("2026-03-06T09:00:00Z");
    const users = await Promise.all(Array.from({ length: 4 }, () => makeUser("LA_OFFICER", { password: "pw" })));
    for (let round = 0; round < Math.ceil((ADDRESS.free + 5) / users.length); round++) {
      for (const u of users) expect((await staffSignIn(u.email, "pw", office, t0)).ok).toBe(true);
    }
  });

  it("the answer is the same for an unknown email, and nothing stores the raw email", async () => {
    const email = `ghost-${uid()}@test.example`;
    const from = ip();
    const t0 = new Date("2026-03-07T09:00:00Z");
    const rs = [];
    for (let i = 0; i < PAIR.free + 1; i++) rs.push(await staffSignIn(email, "bad", from, t0));
    expect(reasons(rs)).toEqual([...Array(PAIR.free).fill("INVALID"), "WAIT"]);
    expect(await db().loginThrottle.count({ where: { key: { contains: email } } })).toBe(0);
    expect(await db().loginThrottle.count({ where: { key: { contains: personalDigest(email) } } })).toBe(2); // its pair and its account
    const audits = await db().auditEvent.findMany({ where: { action: "auth.sign_in_failed", entityId: personalDigest(email) } });
    expect(audits).toHaveLength(PAIR.free);
    expect(await db().auditEvent.count({ where: { entityId: { contains: email } } })).toBe(0);
  });

  it("tells the owner by email once per window, not per attempt", async () => {
    const u = await makeUser("CASEWORKER", { password: "pw" });
    const t0 = new Date("2026-04-01T09:00:00Z");
    const followUps = [];
    for (let i = 0; i < NOTIFY_AFTER_FAILURES + 6; i++) {
      const r = await staffSignIn(u.email, "bad", ip(), at(t0, i * 1000));
      if (!r.ok && r.reason === "INVALID" && r.followUp) followUps.push(r.followUp);
    }
    expect(followUps).toHaveLength(1);
    await followUps[0]!();
    const mails = await db().outboxEmail.findMany({ where: { to: u.email } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Failed attempts to sign in to your SEND mediation account");
    expect(mails[0]!.body).toContain(`${NOTIFY_AFTER_FAILURES} times`);
    // A window later, more failures tell them again.
    const later = at(t0, ACCOUNT.windowMs + 60_000);
    const again = [];
    for (let i = 0; i < NOTIFY_AFTER_FAILURES; i++) {
      const r = await staffSignIn(u.email, "bad", ip(), at(later, i * 1000));
      if (!r.ok && r.reason === "INVALID" && r.followUp) again.push(r.followUp);
    }
    expect(again).toHaveLength(1);
  });

  it("no email is sent for an unknown address's failures", async () => {
    const email = `ghost-${uid()}@test.example`;
    for (let i = 0; i < NOTIFY_AFTER_FAILURES + 1; i++) {
      const r = await staffSignIn(email, "bad", ip());
      expect(r).toEqual({ ok: false, reason: "INVALID" });
    }
  });

  it("says how long to wait in plain words", () => {
    expect(signInWaitMessage(15)).toBe("Too many attempts to sign in. Wait 15 seconds, then try again.");
    expect(describeWait(1000)).toBe("1 second");
    expect(describeWait(60_000)).toBe("60 seconds");
    expect(describeWait(4 * 60_000)).toBe("4 minutes");
    expect(describeWait(15 * 60_000 - 500)).toBe("15 minutes");
  });

  it("checks the form's fields before anything is counted", async () => {
    const before = await db().loginThrottle.count();
    const long = `${"a".repeat(6000)}@test.example`;
    await expect(staffSignInFromForm({ email: long, password: "x" }, ip())).rejects.toMatchObject({ fieldErrors: { email: "Your email address must be 254 characters or fewer" } });
    await expect(staffSignInFromForm({ email: "", password: "" }, ip())).rejects.toMatchObject({ fieldErrors: { email: "Enter your email address", password: "Enter your password" } });
    await expect(staffSignInFromForm({ email: "not-an-email", password: "x" }, ip())).rejects.toBeInstanceOf(DomainError);
    expect(await db().loginThrottle.count()).toBe(before);
    expect(SIGN_IN_FAILED).toBe("The email address or password is not right.");
  });
});

describe("an admin unlocks a staff member's sign-in (item 2)", () => {
  it("clears the account's counters on every address, with an audit row; the owner signs in at once", async () => {
    const admin = await makeUser("ADMIN");
    const u = await makeUser("LA_OFFICER", { password: "pw" });
    const from = ip();
    const now = new Date();
    for (let i = 0; i < PAIR.free; i++) await staffSignIn(u.email, "bad", from, now);
    for (let i = 0; i < 3; i++) await staffSignIn(u.email, "bad", ip(), now);
    expect(await staffSignIn(u.email, "pw", from, now)).toMatchObject({ reason: "WAIT" });

    const r = await unlockSignIn(admin, u.id, "203.0.113.9");
    expect(r.cleared).toBe(5); // the account counter and four address pairs
    expect((await throttleRows(u.email)).filter((t) => !t.key.startsWith("address:"))).toEqual([]);
    expect((await staffSignIn(u.email, "pw", from, now)).ok).toBe(true);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in_unlocked", entityId: u.id } });
    expect(audit).toMatchObject({ actorId: admin.id, ip: "203.0.113.9", after: { countersCleared: 5 } });
  });

  it("is for admins only", async () => {
    const caseworker = await makeUser("CASEWORKER");
    const u = await makeUser("MEDIATOR", { password: "pw" });
    await expect(unlockSignIn(caseworker, u.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().auditEvent.count({ where: { action: "auth.sign_in_unlocked", entityId: u.id } })).toBe(0);
  });
});
