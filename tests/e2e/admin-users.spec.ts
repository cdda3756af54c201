/**
 * Issue 13 (/admin/users, decision 0027), against the production build: an admin invites a
 * caseworker, who opens the emailed link (real SMTP), is refused a common password, sets a good
 * one and signs in; the used link then says so. Deactivating them ends their open session at once
 * (another browser signed in as them is sent to sign in on its next request). An admin without
 * two-step sign-in is sent to set it up before any admin page, and is then asked for a code at
 * sign-in. axe on every page visited.
 */
import { expect, test, type Page } from "@playwright/test";
import bcrypt from "bcryptjs";
import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD, enterSignInCode, expectAccessible, signInAsStaff, sql, startSmtp } from "./helpers";

test.describe("staff accounts", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  test.beforeAll(async () => {
    smtp = await startSmtp();
  });
  test.afterAll(async () => {
    await smtp.close();
  });

  test("an admin invites a caseworker, who sets a password with the emailed link and signs in; deactivating them ends their session", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const tag = randomUUID().slice(0, 8);
    const email = `invited.${tag}@example.test`;
    const name = `Ines Invited ${tag}`;

    await signInAsStaff(page, "admin@demo.test");
    await expect(page).toHaveURL(/\/admin$/);
    await page.getByRole("link", { name: "Users", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Invite a user" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Invite a user" })).toBeVisible();
    await expectAccessible(page);
    // An LA officer without their LA: explained next to the field, nothing made.
    await page.getByLabel("Full name").fill(name);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Role").selectOption({ label: "Local authority officer" });
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.locator("#localAuthorityId-error")).toContainText("Choose the local authority this officer works for");
    await expect(page).toHaveTitle(/^Error: Invite a user/);
    await expectAccessible(page);
    await page.getByLabel("Role").selectOption({ label: "Caseworker" });
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByTestId("done-banner")).toContainText("The invitation has been sent");
    await expectAccessible(page);

    const mail = await smtp.waitFor((m) => m.to === email);
    expect(mail.subject).toBe("Set your password for SEND Mediation");
    const link = /(http:\/\/\S+\/set-password\/[A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
    expect(link).toBeTruthy();

    // The caseworker, in their own browser.
    const theirs = await browser.newContext();
    const cw = await theirs.newPage();
    await cw.goto(link!);
    await expect(cw.getByRole("heading", { level: 1, name: "Set your password" })).toBeVisible();
    await expectAccessible(cw);
    await cw.getByLabel("New password").fill("password1234");
    await cw.getByLabel("Enter the password again").fill("password1234");
    await cw.getByRole("button", { name: "Set password" }).click();
    await expect(cw.locator("#password-error")).toContainText("on a list of passwords people use often");
    await expectAccessible(cw);
    const password = "copper kettle meadow lantern";
    await cw.getByLabel("New password").fill(password);
    await cw.getByLabel("Enter the password again").fill(password);
    await cw.getByRole("button", { name: "Set password" }).click();
    await expect(cw).toHaveURL(/\/sign-in\?passwordSet=1$/);
    await expect(cw.getByText("Your password has been set.")).toBeVisible();
    await expectAccessible(cw);

    // The link works once.
    await cw.goto(link!);
    await expect(cw.getByRole("heading", { level: 1, name: "This link has already been used" })).toBeVisible();
    await expectAccessible(cw);

    await signInAsStaff(cw, email, password);
    await expect(cw).toHaveURL(/\/cases$/);

    // The admin deactivates them, after a confirmation.
    await page.getByRole("button", { name: "Deactivate account" }).click();
    await expect(page.getByTestId("deactivate-confirm")).toContainText("They will be signed out at once");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Yes, deactivate the account" }).click();
    await expect(page.getByTestId("done-banner")).toContainText("The account has been deactivated");
    await expectAccessible(page);

    // Their open session ends on its next request.
    await cw.goto("/cases");
    await expect(cw).toHaveURL(/\/sign-in(\?|$)/);
    await expect(cw.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await theirs.close();

    // The list shows them as deactivated.
    await page.goto(`/admin/users?q=${tag}&status=all`);
    await expect(page.getByTestId("users").getByRole("row", { name: new RegExp(name) })).toContainText("Deactivated");
    await expectAccessible(page);
  });
});

test.describe("two-step sign-in for admins", () => {
  async function newAdmin(): Promise<{ email: string; id: string }> {
    const tag = randomUUID().slice(0, 8);
    const email = `new.admin.${tag}@example.test`;
    const id = `e2e-admin-${tag}`;
    await sql(`INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ($1, $2, $3, 'ADMIN', $4, now())`, [id, email, `Nia Newadmin ${tag}`, bcrypt.hashSync(DEMO_PASSWORD, 10)]);
    return { email, id };
  }

  async function keyOn(page: Page): Promise<string> {
    return (await page.getByTestId("two-step-key").innerText()).replace(/\s/g, "");
  }

  test("an admin without it is sent to set it up before any admin page, then is asked for a code at sign-in", async ({ page }) => {
    test.setTimeout(120_000);
    const { email } = await newAdmin();
    await signInAsStaff(page, email, DEMO_PASSWORD, null);
    await expect(page).toHaveURL(/\/account\/two-step$/);
    await expect(page.getByTestId("two-step-required")).toContainText("Administrators must use two-step sign-in");
    await expectAccessible(page);
    // Any admin page sends them back here.
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/account\/two-step$/);

    await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
    const key = await keyOn(page);
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    await expectAccessible(page);
    await page.getByLabel("Code from the app").fill("000000");
    await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
    await expect(page.locator("#code-error")).toContainText("The code is not right");
    await expectAccessible(page);
    const { generateSync } = await import("otplib");
    await page.getByLabel("Code from the app").fill(generateSync({ secret: key, epoch: Math.floor(Date.now() / 1000) }));
    await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
    await expect(page.getByTestId("done-banner")).toContainText("Two-step sign-in is on");
    await expect(page.getByTestId("two-step-key")).toHaveCount(0);
    await expectAccessible(page);
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();

    // Signing in again: the password, then the code.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/sign-in\/code$/);
    await expect(page.getByRole("heading", { level: 1, name: "Enter the code from your app" })).toBeVisible();
    await expectAccessible(page);
    // Nothing is open before the code.
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/sign-in/code");
    await enterSignInCode(page, key);
    await expect(page).toHaveURL(/\/admin$/);
  });
});
