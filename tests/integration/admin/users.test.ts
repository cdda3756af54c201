/**
 * Issue 13 (/admin/users, decision 0027): inviting staff by a single-use set-password link, role
 * and LA rules, deactivation ending sessions, the last admin kept, NCSC password rules, and the
 * TOTP second sign-in step. Each change writes an audit row in its transaction; a refused one
 * writes nothing.
 */
import { describe, expect, it } from "vitest";
import { generateSync } from "otplib";
import { db } from "@/lib/platform/db";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { ForbiddenError, NotFoundError, type SessionUser } from "@/lib/auth/types";
import { staffSignIn } from "@/lib/auth/staff-sign-in";
import { loadActiveUser } from "@/lib/users";
import { inviteUser, EMAIL_TAKEN } from "@/lib/admin/users/invite-user";
import { resendInvitation } from "@/lib/admin/users/resend-invitation";
import { changeUserRole } from "@/lib/admin/users/change-role";
import { deactivateUser } from "@/lib/admin/users/deactivate-user";
import { reactivateUser } from "@/lib/admin/users/reactivate-user";
import { setSafeguardingLead } from "@/lib/admin/users/set-safeguarding-lead";
import { resetSecondFactor } from "@/lib/admin/users/reset-second-factor";
import { listUsers } from "@/lib/admin/users/list-users";
import { getStaffUser } from "@/lib/admin/users/get-user";
import { CANNOT_CHANGE_SELF, LAST_ADMIN, LA_NOT_ALLOWED, LA_REQUIRED, NOT_A_LEAD_ROLE, USER_CONFLICT } from "@/lib/admin/users/store";
import { getPasswordLink } from "@/lib/auth/password-links/get-password-link";
import { PasswordLinkError, setPasswordWithLink } from "@/lib/auth/password-links/set-password-with-link";
import { PASSWORD_LINK_HOURS, passwordTokenSha256 } from "@/lib/auth/password-links/password-link";
import { isCommonPassword, MIN_PASSWORD_LENGTH, newPasswordProblem, PASSWORD_MESSAGES } from "@/lib/auth/password-rules";
import { startSecondFactorEnrolment } from "@/lib/auth/totp/start-enrolment";
import { confirmSecondFactorEnrolment } from "@/lib/auth/totp/confirm-enrolment";
import { getSecondFactor } from "@/lib/auth/totp/get-second-factor";
import { secondFactorKey, verifySignInCode } from "@/lib/auth/totp/verify-sign-in-code";
import { CODE_MESSAGES } from "@/lib/auth/totp/totp";
import { unlockSignIn } from "@/lib/auth/unlock-sign-in";
import { makeLa, makeUser, uid } from "../helpers";

const ORIGIN = "http://app.test";
const GOOD_PASSWORD = "velvet harbour lantern 42";

const auditOf = (entityId: string) => db().auditEvent.findMany({ where: { entityId }, orderBy: { at: "asc" }, select: { action: true, actorId: true, before: true, after: true } });
const auditCount = () => db().auditEvent.count();
const latestMail = (to: string) => db().outboxEmail.findFirstOrThrow({ where: { to }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
/** The token in the newest email to `to` (the development mailbox keeps the body as sent). */
async function emailedToken(to: string): Promise<string> {
  const m = await latestMail(to);
  const match = /\/set-password\/([A-Za-z0-9_-]{43})/.exec(m.body);
  if (!match) throw new Error(`no link in: ${m.body}`);
  return match[1]!;
}
const version = async (id: string) => (await db().user.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const email = () => `invited-${uid()}@test.example`;

async function invite(admin: SessionUser, overrides: Record<string, unknown> = {}, now = new Date()) {
  const address = (overrides.email as string) ?? email();
  const r = await inviteUser(admin, { name: "Ivy Invited", email: address, role: "CASEWORKER", localAuthorityId: "", ...overrides }, "203.0.113.9", now, ORIGIN);
  return { ...r, address };
}

async function expectNothingWritten(fn: () => Promise<unknown>, check: (e: unknown) => void) {
  const before = await auditCount();
  const links = await db().passwordLink.count();
  const users = await db().user.count();
  let error: unknown;
  try {
    await fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeDefined();
  check(error);
  expect(await auditCount()).toBe(before);
  expect(await db().passwordLink.count()).toBe(links);
  expect(await db().user.count()).toBe(users);
}

describe("inviting staff by a set-password link", () => {
  it("makes the account without a password, emails a link whose token is stored only as a hash, and the link sets the password once", async () => {
    const admin = await makeUser("ADMIN");
    const { id, address } = await invite(admin);
    const u = await db().user.findUniqueOrThrow({ where: { id } });
    expect(u).toMatchObject({ email: address, role: "CASEWORKER", passwordHash: null, active: true, localAuthorityId: null });

    const token = await emailedToken(address);
    const mail = await latestMail(address);
    expect(mail.subject).toBe("Set your password for SEND Mediation");
    expect(mail.body).toContain(`${ORIGIN}/set-password/${token}`);
    const link = await db().passwordLink.findFirstOrThrow({ where: { userId: id } });
    expect(link.tokenHash).toBe(passwordTokenSha256(token));
    expect(link.tokenHash).not.toContain(token);
    expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBe(PASSWORD_LINK_HOURS * 3_600_000);
    expect(await auditOf(id)).toEqual([expect.objectContaining({ action: "user.invited", actorId: admin.id })]);
    // The audit row keeps no name or email.
    expect(JSON.stringify(await auditOf(id))).not.toContain(address);

    expect(await getPasswordLink(token)).toEqual({ state: "VALID", firstName: "Ivy" });
    await setPasswordWithLink(token, { password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }, "203.0.113.9");
    expect(await getPasswordLink(token)).toEqual({ state: "USED" });
    const signedIn = await staffSignIn(address, GOOD_PASSWORD, `ip-${uid()}`);
    expect(signedIn).toMatchObject({ ok: true, user: { id } });
    expect((await auditOf(id)).map((a) => a.action)).toContain("user.password_set");

    // A second use is refused and changes nothing.
    const hash = (await db().user.findUniqueOrThrow({ where: { id } })).passwordHash;
    await expect(setPasswordWithLink(token, { password: "another long passphrase", confirmPassword: "another long passphrase" })).rejects.toMatchObject({ state: "USED" });
    expect((await db().user.findUniqueOrThrow({ where: { id } })).passwordHash).toBe(hash);
  });

  it("an expired link shows as expired and sets nothing", async () => {
    const admin = await makeUser("ADMIN");
    const sent = new Date(Date.now() - (PASSWORD_LINK_HOURS + 1) * 3_600_000);
    const { id, address } = await invite(admin, {}, sent);
    const token = await emailedToken(address);
    expect(await getPasswordLink(token)).toEqual({ state: "EXPIRED" });
    await expectNothingWritten(
      () => setPasswordWithLink(token, { password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }),
      (e) => expect(e).toBeInstanceOf(PasswordLinkError),
    );
    expect((await db().user.findUniqueOrThrow({ where: { id } })).passwordHash).toBeNull();
  });

  it("sending the invitation again replaces the old link; a stale page's version is refused", async () => {
    const admin = await makeUser("ADMIN");
    const { id, address } = await invite(admin);
    const first = await emailedToken(address);
    const v0 = await version(id);
    await resendInvitation(admin, { userId: id, version: String(v0) }, null, new Date(), ORIGIN);
    const second = await emailedToken(address);
    expect(second).not.toBe(first);
    expect(await getPasswordLink(first)).toEqual({ state: "REPLACED" });
    await expect(setPasswordWithLink(first, { password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD })).rejects.toMatchObject({ state: "REPLACED" });
    expect(await version(id)).toBe(v0 + 1);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(["user.invited", "user.invitation_resent"]);

    await expectNothingWritten(
      () => resendInvitation(admin, { userId: id, version: String(v0) }, null, new Date(), ORIGIN),
      (e) => {
        expect(e).toBeInstanceOf(ConflictError);
        expect((e as Error).message).toBe(USER_CONFLICT);
      },
    );
    await setPasswordWithLink(second, { password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD });
    expect(await getPasswordLink(second)).toEqual({ state: "USED" });
  });

  it("an LA officer needs their LA, nobody else may have one, and an email already in use is refused — writing nothing", async () => {
    const admin = await makeUser("ADMIN");
    const la = await makeLa();
    await expectNothingWritten(
      () => invite(admin, { role: "LA_OFFICER", localAuthorityId: "" }),
      (e) => expect((e as DomainError).fieldErrors).toEqual({ localAuthorityId: LA_REQUIRED }),
    );
    await expectNothingWritten(
      () => invite(admin, { role: "MEDIATOR", localAuthorityId: la.id }),
      (e) => expect((e as DomainError).fieldErrors).toEqual({ localAuthorityId: LA_NOT_ALLOWED }),
    );
    await expectNothingWritten(
      () => invite(admin, { role: "PARENT" }),
      (e) => expect((e as DomainError).fieldErrors).toEqual({ role: "Choose a role" }),
    );
    await expectNothingWritten(
      () => invite(admin, { name: "", email: "not-an-email" }),
      (e) => expect(Object.keys((e as DomainError).fieldErrors ?? {})).toEqual(["name", "email"]),
    );
    const existing = await makeUser("MEDIATOR");
    await expectNothingWritten(
      () => invite(admin, { email: existing.email.toUpperCase() }),
      (e) => expect((e as DomainError).fieldErrors).toEqual({ email: EMAIL_TAKEN }),
    );
    const officer = await invite(admin, { role: "LA_OFFICER", localAuthorityId: la.id });
    expect(await db().user.findUniqueOrThrow({ where: { id: officer.id } })).toMatchObject({ role: "LA_OFFICER", localAuthorityId: la.id });
  });

  it("only an admin may invite or list users (a caseworker is refused; the list is a 404 for them)", async () => {
    const caseworker = await makeUser("CASEWORKER");
    await expect(invite(caseworker)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listUsers(caseworker)).rejects.toBeInstanceOf(NotFoundError);
    const admin = await makeUser("ADMIN");
    const parent = await makeUser("PARENT");
    // Family accounts are not managed here.
    await expect(getStaffUser(admin, parent.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the list of users", () => {
  it("searches by name or email and filters by role and by active", async () => {
    const admin = await makeUser("ADMIN");
    const tag = uid();
    const a = await makeUser("MEDIATOR", { name: `Zed Searchable ${tag}` });
    const b = await makeUser("CASEWORKER", { email: `searchable-${tag}@test.example` });
    await db().user.update({ where: { id: b.id }, data: { active: false } });
    const ids = async (raw: Record<string, string>) => (await listUsers(admin, { q: tag, ...raw })).rows.map((r) => r.id).sort();
    expect(await ids({})).toEqual([a.id]);
    expect(await ids({ status: "all" })).toEqual([a.id, b.id].sort());
    expect(await ids({ status: "inactive" })).toEqual([b.id]);
    expect(await ids({ status: "all", role: "MEDIATOR" })).toEqual([a.id]);
    // A hand-edited address falls back to the defaults.
    expect((await listUsers(admin, { role: "NOPE", status: "x", page: "-3" })).params).toMatchObject({ role: null, status: "active", page: 1 });
  });
});

describe("changing role and LA", () => {
  it("applies the LA rules, drops the safeguarding lead flag for a role that cannot hold it, and is version-checked and audited", async () => {
    const admin = await makeUser("ADMIN");
    const la = await makeLa();
    const cw = await makeUser("CASEWORKER");
    await setSafeguardingLead(admin, { userId: cw.id, version: "0", lead: "true" });
    expect(await db().user.findUniqueOrThrow({ where: { id: cw.id } })).toMatchObject({ safeguardingLead: true, version: 1 });

    await expectNothingWritten(
      () => changeUserRole(admin, { userId: cw.id, version: "1", role: "LA_OFFICER", localAuthorityId: "" }),
      (e) => expect((e as DomainError).fieldErrors).toEqual({ localAuthorityId: LA_REQUIRED }),
    );
    await changeUserRole(admin, { userId: cw.id, version: "1", role: "LA_OFFICER", localAuthorityId: la.id }, "203.0.113.7");
    expect(await db().user.findUniqueOrThrow({ where: { id: cw.id } })).toMatchObject({ role: "LA_OFFICER", localAuthorityId: la.id, safeguardingLead: false, version: 2 });
    const row = (await auditOf(cw.id)).at(-1)!;
    expect(row).toMatchObject({ action: "user.role_changed", actorId: admin.id, before: { role: "CASEWORKER", safeguardingLead: true }, after: { role: "LA_OFFICER", localAuthorityId: la.id, safeguardingLead: false } });
    // The change applies to the next request: the user is re-read.
    expect(await loadActiveUser(cw.id, 0)).toMatchObject({ role: "LA_OFFICER", localAuthorityId: la.id });

    // Another admin's page, still on version 1: refused.
    const other = await makeUser("ADMIN");
    await expectNothingWritten(
      () => changeUserRole(other, { userId: cw.id, version: "1", role: "MEDIATOR", localAuthorityId: "" }),
      (e) => expect(e).toBeInstanceOf(ConflictError),
    );
    // Not one's own role.
    await expectNothingWritten(
      () => changeUserRole(admin, { userId: admin.id, version: "0", role: "CASEWORKER", localAuthorityId: "" }),
      (e) => expect((e as Error).message).toBe(CANNOT_CHANGE_SELF),
    );
  });

  it("names a caseworker or admin a safeguarding lead (R-81), never a mediator", async () => {
    const admin = await makeUser("ADMIN");
    const mediator = await makeUser("MEDIATOR");
    await expectNothingWritten(
      () => setSafeguardingLead(admin, { userId: mediator.id, version: "0", lead: "true" }),
      (e) => expect((e as Error).message).toBe(NOT_A_LEAD_ROLE),
    );
    const cw = await makeUser("CASEWORKER");
    await setSafeguardingLead(admin, { userId: cw.id, version: "0", lead: "true" });
    expect(await loadActiveUser(cw.id, 0)).toMatchObject({ safeguardingLead: true });
    await setSafeguardingLead(admin, { userId: cw.id, version: "1", lead: "false" });
    expect((await auditOf(cw.id)).map((a) => a.action)).toEqual(["user.safeguarding_lead_changed", "user.safeguarding_lead_changed"]);
  });
});

describe("deactivating and re-activating", () => {
  it("ends every session at once (the session version is bumped), revokes unused links, and re-activating does not bring old sessions back", async () => {
    const admin = await makeUser("ADMIN");
    const { id, address } = await invite(admin);
    const token = await emailedToken(address);
    const before = await db().user.findUniqueOrThrow({ where: { id } });
    expect(await loadActiveUser(id, before.sessionVersion)).not.toBeNull();

    await deactivateUser(admin, { userId: id, version: String(before.version) }, "203.0.113.8");
    const after = await db().user.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ active: false, sessionVersion: before.sessionVersion + 1, version: before.version + 1 });
    expect(await loadActiveUser(id, before.sessionVersion)).toBeNull();
    expect(await getPasswordLink(token)).toEqual({ state: "INVALID" });
    expect((await auditOf(id)).at(-1)).toMatchObject({ action: "user.deactivated", actorId: admin.id, after: { active: false, sessionsEnded: true, linksRevoked: 1 } });
    // Nothing is deleted.
    expect(await db().passwordLink.count({ where: { userId: id } })).toBe(1);

    await reactivateUser(admin, { userId: id, version: String(after.version) });
    expect(await loadActiveUser(id, before.sessionVersion)).toBeNull();
    expect(await loadActiveUser(id, after.sessionVersion)).not.toBeNull();
    // The revoked link stays dead.
    expect(await getPasswordLink(token)).toEqual({ state: "REPLACED" });
    expect((await auditOf(id)).at(-1)).toMatchObject({ action: "user.reactivated" });
  });

  it("an admin cannot deactivate themselves, nor the last active admin", async () => {
    const admin = await makeUser("ADMIN");
    await expectNothingWritten(
      () => deactivateUser(admin, { userId: admin.id, version: "0" }),
      (e) => expect((e as Error).message).toBe(CANNOT_CHANGE_SELF),
    );
    const last = await makeUser("ADMIN");
    // Every other active admin (of other tests, and `admin`) is set aside for this test only.
    const others = await db().user.findMany({ where: { role: "ADMIN", active: true, id: { not: last.id } }, select: { id: true } });
    await db().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { active: false } });
    try {
      await expectNothingWritten(
        () => deactivateUser(admin, { userId: last.id, version: "0" }),
        (e) => expect((e as Error).message).toBe(LAST_ADMIN),
      );
      await expectNothingWritten(
        () => changeUserRole(admin, { userId: last.id, version: "0", role: "CASEWORKER", localAuthorityId: "" }),
        (e) => expect((e as Error).message).toBe(LAST_ADMIN),
      );
    } finally {
      await db().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { active: true } });
    }
    // With another admin active, it may be deactivated.
    await deactivateUser(admin, { userId: last.id, version: "0" });
    expect((await db().user.findUniqueOrThrow({ where: { id: last.id } })).active).toBe(false);
  });
});

describe("staff passwords (NCSC: length and a deny list, no composition rules)", () => {
  const person = { email: "rowan.ashby@test.example", name: "Rowan Ashby" };
  it("refuses short, common and personal passwords with a message saying why; accepts a long passphrase without symbols", async () => {
    expect(await isCommonPassword("password1234")).toBe(true);
    expect(await isCommonPassword("Password1234")).toBe(true);
    expect(await newPasswordProblem("password1234", person)).toBe(PASSWORD_MESSAGES.common);
    expect(await newPasswordProblem("qwertyuiop123", person)).toBe(PASSWORD_MESSAGES.common);
    expect(await newPasswordProblem("a".repeat(MIN_PASSWORD_LENGTH - 1), person)).toBe(PASSWORD_MESSAGES.tooShort);
    expect(await newPasswordProblem("x".repeat(257), person)).toBe(PASSWORD_MESSAGES.tooLong);
    expect(await newPasswordProblem("rowan.ashby@test.example", person)).toBe(PASSWORD_MESSAGES.personal);
    expect(await newPasswordProblem("my name is Rowan Ashby", person)).toBe(PASSWORD_MESSAGES.personal);
    expect(await newPasswordProblem("correct horse battery", person)).toBeNull();
    expect(await newPasswordProblem("alllowercasenodigits", person)).toBeNull();
  });

  it("the set-password link applies the rule: a common password is refused with a clear message and nothing is written", async () => {
    const admin = await makeUser("ADMIN");
    const { id, address } = await invite(admin, { name: "Rowan Ashby" });
    const token = await emailedToken(address);
    for (const [input, field, message] of [
      [{ password: "password1234", confirmPassword: "password1234" }, "password", PASSWORD_MESSAGES.common],
      [{ password: "short", confirmPassword: "short" }, "password", PASSWORD_MESSAGES.tooShort],
      [{ password: "rowan ashby forever", confirmPassword: "rowan ashby forever" }, "password", PASSWORD_MESSAGES.personal],
      [{ password: GOOD_PASSWORD, confirmPassword: "something else entirely" }, "confirmPassword", PASSWORD_MESSAGES.mismatch],
      [{ password: GOOD_PASSWORD, confirmPassword: "" }, "confirmPassword", PASSWORD_MESSAGES.confirmMissing],
    ] as const) {
      await expectNothingWritten(
        () => setPasswordWithLink(token, input),
        (e) => expect((e as DomainError).fieldErrors?.[field]).toBe(message),
      );
    }
    expect(await getPasswordLink(token)).toMatchObject({ state: "VALID" });
    expect((await db().user.findUniqueOrThrow({ where: { id } })).passwordHash).toBeNull();
    expect(PASSWORD_MESSAGES.common).toMatch(/list of passwords people use often/);
  });
});

describe("two-step sign-in (TOTP)", () => {
  const codeAt = (secret: string, at: Date) => generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });
  const secretOf = async (id: string) => (await db().user.findUniqueOrThrow({ where: { id }, select: { totpSecret: true, totpPendingSecret: true } }));

  it("is set up with a code from the app, then asked for after the password; a code works once; a wrong one is refused and audited", async () => {
    const u = await makeUser("CASEWORKER", { password: GOOD_PASSWORD });
    expect(await getSecondFactor(u)).toEqual({ state: "OFF", required: false });
    await startSecondFactorEnrolment(u);
    const enrolling = await getSecondFactor(u);
    if (enrolling.state !== "ENROLLING") throw new Error("expected enrolling");
    const pending = (await secretOf(u.id)).totpPendingSecret!;
    expect(enrolling.key.replace(/ /g, "")).toBe(pending);
    expect(enrolling.uri).toContain(`secret=${pending}`);

    // A wrong code changes nothing.
    const before = await auditCount();
    await expect(confirmSecondFactorEnrolment(u, { code: "000000" })).rejects.toMatchObject({ fieldErrors: { code: CODE_MESSAGES.wrong } });
    await expect(confirmSecondFactorEnrolment(u, { code: "12ab" })).rejects.toMatchObject({ fieldErrors: { code: CODE_MESSAGES.format } });
    expect(await auditCount()).toBe(before);
    expect((await secretOf(u.id)).totpSecret).toBeNull();

    const t0 = new Date();
    await confirmSecondFactorEnrolment(u, { code: codeAt(pending, t0) }, null, t0);
    expect(await secretOf(u.id)).toEqual({ totpSecret: pending, totpPendingSecret: null });
    // Never shown again.
    expect(await getSecondFactor(u)).toMatchObject({ state: "ON" });
    expect(JSON.stringify(await getSecondFactor(u))).not.toContain(pending);
    expect(await loadActiveUser(u.id, 0)).toMatchObject({ secondFactor: true });

    // Sign-in: the password alone does not sign in.
    const first = await staffSignIn(u.email, GOOD_PASSWORD, `ip-${uid()}`);
    expect(first).toEqual({ ok: false, reason: "CODE_NEEDED", pending: { userId: u.id, sessionVersion: 0 } });
    if (first.ok || first.reason !== "CODE_NEEDED") throw new Error("expected CODE_NEEDED");

    expect(await verifySignInCode(first.pending, "999999", "203.0.113.4")).toEqual({ ok: false, reason: "WRONG" });
    expect(await db().auditEvent.count({ where: { entityId: u.id, action: "auth.second_factor_failed" } })).toBe(1);
    // The enrolment's own code (same step) is not accepted again.
    expect(await verifySignInCode(first.pending, codeAt(pending, t0), null, t0)).toEqual({ ok: false, reason: "WRONG" });

    const t1 = new Date(t0.getTime() + 30_000);
    const ok = await verifySignInCode(first.pending, codeAt(pending, t1), "203.0.113.4", t1);
    expect(ok).toMatchObject({ ok: true, user: { id: u.id }, sessionVersion: 0 });
    expect(await db().auditEvent.count({ where: { entityId: u.id, action: "auth.signed_in" } })).toBe(1);
    // The same code again (replayed): refused.
    expect(await verifySignInCode(first.pending, codeAt(pending, t1), null, t1)).toEqual({ ok: false, reason: "WRONG" });
  });

  it("wrong codes are throttled; unlocking sign-in clears the counter", async () => {
    const admin = await makeUser("ADMIN");
    const u = await makeUser("MEDIATOR", { password: GOOD_PASSWORD });
    await startSecondFactorEnrolment(u);
    const secret = (await secretOf(u.id)).totpPendingSecret!;
    const t0 = new Date();
    await confirmSecondFactorEnrolment(u, { code: codeAt(secret, t0) }, null, t0);
    const pending = { userId: u.id, sessionVersion: 0 };
    for (let i = 0; i < 5; i++) expect(await verifySignInCode(pending, "000000")).toMatchObject({ ok: false, reason: "WRONG" });
    expect(await verifySignInCode(pending, codeAt(secret, new Date(t0.getTime() + 30_000)), null, new Date(t0.getTime() + 30_000))).toMatchObject({ ok: false, reason: "WAIT" });
    await unlockSignIn(admin, u.id);
    expect(await db().loginThrottle.count({ where: { key: secondFactorKey(u.id) } })).toBe(0);
    const t1 = new Date(t0.getTime() + 30_000);
    expect(await verifySignInCode(pending, codeAt(secret, t1), null, t1)).toMatchObject({ ok: true });
  });

  it("a pending sign-in no longer holds once the user is deactivated", async () => {
    const admin = await makeUser("ADMIN");
    const u = await makeUser("CASEWORKER", { password: GOOD_PASSWORD });
    await startSecondFactorEnrolment(u);
    const secret = (await secretOf(u.id)).totpPendingSecret!;
    const t0 = new Date();
    await confirmSecondFactorEnrolment(u, { code: codeAt(secret, t0) }, null, t0);
    await deactivateUser(admin, { userId: u.id, version: "0" });
    const t1 = new Date(t0.getTime() + 30_000);
    expect(await verifySignInCode({ userId: u.id, sessionVersion: 0 }, codeAt(secret, t1), null, t1)).toEqual({ ok: false, reason: "RESTART" });
  });

  it("an admin resets another user's two-step sign-in (a lost phone): it is off, their sessions end, it is audited; not their own", async () => {
    const admin = await makeUser("ADMIN");
    const u = await makeUser("ADMIN", { password: GOOD_PASSWORD });
    await startSecondFactorEnrolment(u);
    const secret = (await secretOf(u.id)).totpPendingSecret!;
    const t0 = new Date();
    await confirmSecondFactorEnrolment(u, { code: codeAt(secret, t0) }, null, t0);

    await expectNothingWritten(
      () => resetSecondFactor(u, { userId: u.id, version: "0" }),
      (e) => expect(e).toBeInstanceOf(DomainError),
    );
    await resetSecondFactor(admin, { userId: u.id, version: "0" }, "203.0.113.3");
    const after = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: 1, version: 1 });
    expect((await auditOf(u.id)).at(-1)).toMatchObject({ action: "user.second_factor_reset", actorId: admin.id, after: { secondFactor: false, sessionsEnded: true } });
    // Signing in is by password again; an admin is then sent to set it up (app/_server/auth.ts).
    expect(await staffSignIn(u.email, GOOD_PASSWORD, `ip-${uid()}`)).toMatchObject({ ok: true });
    expect(await loadActiveUser(u.id, 1)).toMatchObject({ role: "ADMIN", secondFactor: false });
    expect(await getSecondFactor((await loadActiveUser(u.id, 1))!)).toEqual({ state: "OFF", required: true });
  });
});
