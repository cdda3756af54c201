/**
 * Issue 14 (decision 0034): the "Sorry, the service is unavailable" page people see while the
 * database is down, in a browser. The gate (lib/platform/db/unavailable-gate.ts) is installed here
 * on a small HTTP server of this test's own, with the database taken to be down and its probe
 * pointed at a port where nothing listens — the app's database is not stopped, so the other specs
 * are not disturbed. The page is checked as a person meets it: its status and headers, its words,
 * its styles under its own Content-Security-Policy, axe, and the "Try again" link by keyboard.
 * (tests/integration/platform/database-outage.test.ts stops a real PostgreSQL under load.)
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { markDatabaseDown, noteDatabaseUp } from "@/lib/platform/db/availability";
import { installUnavailableGate, RETRY_AFTER_SECONDS } from "@/lib/platform/db/unavailable-gate";
import { expectAccessible } from "./helpers";

let server: http.Server;
let base: string;
let uninstall: () => void;

test.beforeAll(async () => {
  markDatabaseDown("unreachable");
  uninstall = installUnavailableGate(() => "postgresql://nobody@127.0.0.1:1/none");
  server = http.createServer((_req, res) => res.end("the application answered"));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  // localhost: the browser resolves no other name (playwright.config.ts).
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  uninstall();
  noteDatabaseUp();
  await new Promise((r) => server.close(r));
});

test("while the database is down a page answers 503 with a plain page that is accessible and says what to do", async ({ page }) => {
  const cspRefusals: string[] = [];
  page.on("console", (m) => /Content Security Policy/i.test(m.text()) && cspRefusals.push(m.text()));
  const response = await page.goto(`${base}/cases?status=ALL`);
  expect(response?.status()).toBe(503);
  expect(response?.headers()["retry-after"]).toBe(String(RETRY_AFTER_SECONDS));
  expect(response?.headers()["cache-control"]).toBe("no-store");

  await expect(page).toHaveTitle("Sorry, the service is unavailable – SEND Mediation");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sorry, the service is unavailable");
  await expect(page.getByText("Everything saved before this happened is kept.")).toBeVisible();
  // Nothing of the application, and nothing about why (that is /api/health's to say).
  await expect(page.locator("body")).not.toContainText("the application answered");
  await expect(page.locator("body")).not.toContainText(/postgres|ECONNREFUSED|127\.0\.0\.1/i);
  // The page's own style is admitted by its nonce: the heading is styled, and nothing was refused.
  expect(await page.locator("h1").evaluate((h) => getComputedStyle(h).fontSize)).toBe("40px");
  expect(cspRefusals).toEqual([]);
  await expectAccessible(page);

  // "Try again" goes back to the page the person asked for, and is reached by keyboard.
  const again = page.getByRole("link", { name: "Try again" });
  await expect(again).toHaveAttribute("href", "/cases?status=ALL");
  for (let i = 0; i < 5 && !(await again.evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(again).toBeFocused();
});
