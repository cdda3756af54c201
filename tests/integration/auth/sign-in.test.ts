import { MAX_PASSWORD_LENGTH } from "@/lib/auth/sign-in-schema";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/platform/db";
import { staffSignIn } from "@/lib/auth/staff-sign-in";
import { consumeFamilyLink, FAMILY_LINK_RATE_LIMITED_MESSAGE, FAMILY_LINK_REQUESTS_PER_HOUR, requestFamilyLink } from "@/lib/auth/family-link";
import { SECRET_REMOVED } from "@/lib/platform/email";
import { makeUser, uid } from "../helpers";
import { startCaptureSmtp } from "../smtp";
import { freePort } from "../../../scripts/embedded-postgres";

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
});

/** Asks for a link as the form does: the answer, then the work left for after it. */
async function ask(email: string, ip: string, now?: Date) {
  const r = await requestFamilyLink(email, "http://app.test", ip, now);
  await r.followUp();
  return r;
}
const latestMail = (to: string) => db().outboxEmail.findFirstOrThrow({ where: { to }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
describe("oversized sign-in input (issue 9 item 8)", () => {
  it("a 6,014-character email or an over-long password is refused before anything is written", async () => {
    const u = await makeUser("CASEWORKER", { password: "pw" });
    const longEmail = `${"a".repeat(6001)}@test.example`;
    expect(longEmail).toHaveLength(6014);
    const auditsBefore = await db().auditEvent.count();
    const throttlesBefore = await db().loginThrottle.count();
    expect(await staffSignIn(longEmail, "pw", "10.0.0.9")).toMatchObject({ ok: false, reason: "INVALID" });
    expect(await staffSignIn(u.email, "p".repeat(MAX_PASSWORD_LENGTH + 1), "10.0.0.9")).toMatchObject({ ok: false, reason: "INVALID" });
    expect(await db().loginThrottle.count()).toBe(throttlesBefore);
    expect(await db().auditEvent.count()).toBe(auditsBefore);
    // The limit itself still signs in: a password of the longest length is checked as usual.
    const long = await makeUser("CASEWORKER", { password: "p".repeat(MAX_PASSWORD_LENGTH) });
    expect((await staffSignIn(long.email, "p".repeat(MAX_PASSWORD_LENGTH))).ok).toBe(true);
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
    expect(await ask(parent.email, ip)).toMatchObject({ ok: true });
    const mail = await latestMail(parent.email);
    expect(mail.body).toContain("http://app.test/sign-in/family/verify?token=");
    const token = linkFrom(mail.body)!;
    const stored = await db().loginToken.findFirstOrThrow({ where: { userId: parent.id } });
    expect(stored.tokenHash).not.toBe(token);

    expect(await consumeFamilyLink(token, ip)).toMatchObject({ ok: true, user: { id: parent.id, role: "PARENT" }, sessionVersion: 0 });
    expect(await consumeFamilyLink(token, ip)).toEqual({ ok: false, reason: "USED" });
  });

  it("refuses an expired link", async () => {
    const parent = await makeUser("PARENT");
    const t0 = new Date("2026-03-01T09:00:00Z");
    await ask(parent.email, `ip-${uid()}`, t0);
    const token = linkFrom((await latestMail(parent.email)).body)!;
    expect(await consumeFamilyLink(token, null, new Date(t0.getTime() + 15 * 60_000 + 1))).toEqual({ ok: false, reason: "EXPIRED" });
  });

  it("lets only one of two simultaneous uses succeed", async () => {
    const parent = await makeUser("PARENT");
    await ask(parent.email, `ip-${uid()}`);
    const token = linkFrom((await latestMail(parent.email)).body)!;
    const results = await Promise.all([consumeFamilyLink(token, null), consumeFamilyLink(token, null), consumeFamilyLink(token, null)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("sends nothing for staff or unknown emails, with the same answer", async () => {
    const staff = await makeUser("CASEWORKER", { password: "pw" });
    const unknown = `nobody-${uid()}@test.example`;
    expect(await ask(staff.email, `ip-${uid()}`)).toMatchObject({ ok: true });
    expect(await ask(unknown, `ip-${uid()}`)).toMatchObject({ ok: true });
    expect(await db().outboxEmail.count({ where: { to: { in: [staff.email, unknown] } } })).toBe(0);
    expect(await consumeFamilyLink("made-up-token", null)).toEqual({ ok: false, reason: "INVALID" });
  });

  it(`limits link requests to ${FAMILY_LINK_REQUESTS_PER_HOUR} an hour per IP address`, async () => {
    const parent = await makeUser("PARENT");
    const ip = `ip-${uid()}`;
    const now = new Date("2026-05-05T10:10:00Z");
    for (let i = 0; i < FAMILY_LINK_REQUESTS_PER_HOUR; i++) expect((await requestFamilyLink(parent.email, "http://app.test", ip, now)).ok).toBe(true);
    await expect(requestFamilyLink(parent.email, "http://app.test", ip, now)).rejects.toMatchObject({ code: "RATE_LIMITED", message: FAMILY_LINK_RATE_LIMITED_MESSAGE });
    expect((await requestFamilyLink(parent.email, "http://app.test", ip, new Date(now.getTime() + 3_600_000))).ok).toBe(true);
  });
});

describe("sign-in links are secrets (issue 9, item 5)", () => {
  it("answers a known and an unknown email with the same words and the same work: nothing depends on the email until after the answer", async () => {
    const parent = await makeUser("PARENT");
    const unknown = `nobody-${uid()}@test.example`;
    const [ipKnown, ipUnknown] = [`ip-${uid()}`, `ip-${uid()}`];
    const rows = () => Promise.all([db().rateLimit.count(), db().loginToken.count(), db().outboxEmail.count(), db().auditEvent.count()]);
    const t0 = await rows();
    const known = await requestFamilyLink(parent.email, "http://app.test", ipKnown);
    const t1 = await rows();
    const other = await requestFamilyLink(unknown, "http://app.test", ipUnknown);
    const t2 = await rows();
    // The same rows written before each answer: one rate-limit count, no token, email or audit row.
    expect(t1.map((n, i) => n - t0[i]!)).toEqual([1, 0, 0, 0]);
    expect(t2.map((n, i) => n - t1[i]!)).toEqual([1, 0, 0, 0]);
    // The same answer.
    expect({ ...known, followUp: typeof known.followUp }).toEqual({ ...other, followUp: typeof other.followUp });
    // Only the follow-up, run after the answer, finds the account and sends the link.
    await known.followUp();
    await other.followUp();
    expect(await db().loginToken.count({ where: { userId: parent.id } })).toBe(1);
    expect(await db().outboxEmail.count({ where: { to: parent.email } })).toBe(1);
    expect(await db().outboxEmail.count({ where: { to: unknown } })).toBe(0);
  });

  it("keeps one live link per user: a new link makes the older unused ones stop working", async () => {
    const parent = await makeUser("PARENT");
    const ip = `ip-${uid()}`;
    await ask(parent.email, ip);
    const first = linkFrom((await latestMail(parent.email)).body)!;
    await ask(parent.email, ip);
    const second = linkFrom((await latestMail(parent.email)).body)!;
    expect(second).not.toBe(first);
    expect(await consumeFamilyLink(first, ip)).toEqual({ ok: false, reason: "EXPIRED" });
    expect(await consumeFamilyLink(second, ip)).toMatchObject({ ok: true, user: { id: parent.id } });
  });

  it("reads only what it needs of the user when a link is used, never the password hash (item 11)", async () => {
    const parent = await makeUser("PARENT");
    await ask(parent.email, `ip-${uid()}`);
    const token = linkFrom((await latestMail(parent.email)).body)!;
    const spy = vi.spyOn(db().loginToken, "findUnique");
    try {
      expect((await consumeFamilyLink(token, null)).ok).toBe(true);
      const args = spy.mock.calls[0]![0] as { include?: unknown; select?: { user?: { select?: Record<string, boolean> } } };
      expect(args.include).toBeUndefined();
      expect(Object.keys(args.select?.user?.select ?? {}).sort()).toEqual(["active", "email", "id", "localAuthorityId", "name", "role", "sessionVersion"]);
    } finally {
      spy.mockRestore();
    }
  });

  it("leaves one live link when several are asked for at the same moment", async () => {
    const parent = await makeUser("PARENT");
    const asks = await Promise.all(Array.from({ length: 5 }, () => requestFamilyLink(parent.email, "http://app.test", `ip-${uid()}`)));
    await Promise.all(asks.map((a) => a.followUp()));
    const mails = await db().outboxEmail.findMany({ where: { to: parent.email }, select: { body: true } });
    expect(mails).toHaveLength(5);
    const results = await Promise.all(mails.map((m) => consumeFamilyLink(linkFrom(m.body)!, null)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db().loginToken.count({ where: { userId: parent.id, usedAt: null, expiresAt: { gt: new Date() } } })).toBe(0);
  });

  describe("with SMTP", () => {
    let smtp: Awaited<ReturnType<typeof startCaptureSmtp>>;
    const saved = process.env.SMTP_URL;
    beforeAll(async () => {
      smtp = await startCaptureSmtp();
      process.env.SMTP_URL = smtp.url;
    });
    afterAll(async () => {
      if (saved === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = saved;
      await smtp.close();
    });

    it("sends the link but never stores it: the outbox keeps the email without the link", async () => {
      const parent = await makeUser("PARENT");
      await ask(parent.email, `ip-${uid()}`);
      const sent = smtp.received.find((m) => m.to === parent.email);
      // The message is quoted-printable: undo its soft line breaks and =XX escapes.
      const text = (sent?.raw ?? "").replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      const token = linkFrom(text);
      expect(token).toBeTruthy();
      const row = await latestMail(parent.email);
      expect(row.status).toBe("SENT");
      expect(row.body).not.toContain(token!);
      expect(row.body).not.toContain("token=");
      expect(row.body).toContain(SECRET_REMOVED);
      expect(row.body).toContain("The link works once");
      // The emailed link works.
      expect(await consumeFamilyLink(token!, null)).toMatchObject({ ok: true, user: { id: parent.id } });
    });

    it("does not store the link when delivery fails either", async () => {
      process.env.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`; // nothing listens there
      try {
        const parent = await makeUser("PARENT");
        await ask(parent.email, `ip-${uid()}`);
        const row = await latestMail(parent.email);
        expect(row.status).toBe("FAILED");
        expect(row.body).not.toContain("token=");
      } finally {
        process.env.SMTP_URL = smtp.url;
      }
    });
  });
});
