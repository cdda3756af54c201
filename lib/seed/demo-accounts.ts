/**
 * The demo sign-ins (published in the README): plain data, so scripts/dev.ts can print them
 * without loading anything that talks to the database.
 */
export const DEMO_PASSWORD = "demo-password";
export const DEMO_USERS = [
  { email: "admin@demo.test", name: "Ada Admin", role: "ADMIN", la: null },
  { email: "caseworker@demo.test", name: "Cara Caseworker", role: "CASEWORKER", la: null },
  { email: "mediator@demo.test", name: "Mo Mediator", role: "MEDIATOR", la: null },
  { email: "la.officer@demo.test", name: "Lola Officer", role: "LA_OFFICER", la: "DEMO1" },
  { email: "la2.officer@demo.test", name: "Lenny Officer", role: "LA_OFFICER", la: "DEMO2" },
  { email: "parent@demo.test", name: "Pat Parent", role: "PARENT", la: null },
] as const;

export const DEMO_LAS = [
  { code: "DEMO1", name: "Northshire County Council" },
  { code: "DEMO2", name: "Southborough Council" },
] as const;

/**
 * Issue 13 (decision 0027): admins must use two-step sign-in, so the demo admin comes with it on,
 * with this published secret (demo only, like the demo password): add it to an authenticator app,
 * or get the code with `npx tsx -e "import('otplib').then(async o => console.log(await o.generate({ secret: '<this>' })))"`.
 * The browser tests compute the code from it (tests/e2e/helpers.ts signInAsStaff).
 */
export const DEMO_ADMIN_EMAIL = "admin@demo.test";
export const DEMO_ADMIN_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
