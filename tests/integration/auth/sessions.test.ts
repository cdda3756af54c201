/**
 * Issue 9, item 3: a session is only as good as the user's current session version. Signing out
 * bumps it, so a cookie saved before signing out opens nothing (the browser test does the same
 * through the production build).
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { endSessions } from "@/lib/auth/sessions";
import { staffSignIn } from "@/lib/auth/staff-sign-in";
import { loadActiveUser } from "@/lib/users";
import { makeUser, uid } from "../helpers";

describe("session versions", () => {
  it("a session carries the version it was signed in with; signing out ends it and every other session", async () => {
    const u = await makeUser("LA_OFFICER", { password: "pw" });
    const laptop = await staffSignIn(u.email, "pw", `ip-${uid()}`);
    const phone = await staffSignIn(u.email, "pw", `ip-${uid()}`);
    if (!laptop.ok || !phone.ok) throw new Error("expected to sign in");
    expect(laptop.sessionVersion).toBe(0);
    expect(await loadActiveUser(u.id, laptop.sessionVersion)).toMatchObject({ id: u.id, role: "LA_OFFICER" });

    expect(await endSessions(u.id, "203.0.113.5")).toBe(1);
    expect(await loadActiveUser(u.id, laptop.sessionVersion)).toBeNull();
    expect(await loadActiveUser(u.id, phone.sessionVersion)).toBeNull();
    expect(await db().auditEvent.count({ where: { action: "auth.signed_out", entityId: u.id, ip: "203.0.113.5" } })).toBe(1);

    // Signing in again starts a session on the new version.
    const again = await staffSignIn(u.email, "pw", `ip-${uid()}`);
    expect(again).toMatchObject({ ok: true, sessionVersion: 1 });
    expect(await loadActiveUser(u.id, 1)).toMatchObject({ id: u.id });
  });

  it("a deactivated user's session opens nothing, even with the right version", async () => {
    const u = await makeUser("CASEWORKER");
    await db().user.update({ where: { id: u.id }, data: { active: false } });
    expect(await loadActiveUser(u.id, 0)).toBeNull();
  });

  it("signing out someone unknown does nothing", async () => {
    expect(await endSessions(`no-such-${uid()}`)).toBeNull();
  });
});
