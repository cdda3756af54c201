/**
 * Which errors mean "the database is not there" (the 503 page, /api/health's reason) and which are
 * ordinary query errors that must never take the service down (docs/decisions/0034).
 */
import { afterEach, describe, expect, it } from "vitest";
import { databaseOutage, databaseProblemOf, noteDatabaseError, noteDatabaseUp } from "@/lib/platform/db/availability";
import { unavailablePage } from "@/lib/platform/db/unavailable-gate";

afterEach(() => noteDatabaseUp());

/** Errors shaped as pg, the driver adapter and Prisma throw them. */
const socket = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: "connect" });
const postgres = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "FATAL" });
const prisma = (code: string, cause?: unknown) => Object.assign(new Error("Invalid `prisma.case.findMany()` invocation"), { code, meta: cause ? { driverAdapterError: cause } : {} });

describe("what an error says about the database", () => {
  it.each([
    [socket("ECONNREFUSED"), "unreachable"],
    [socket("ENOTFOUND"), "unreachable"],
    [socket("ETIMEDOUT"), "timed-out"],
    [socket("ECONNRESET"), "connection-lost"],
    [new Error("timeout exceeded when trying to connect"), "timed-out"],
    [new Error("Connection terminated unexpectedly"), "connection-lost"],
    [postgres("57P01", "terminating connection due to administrator command"), "starting-or-stopping"],
    [postgres("57P03", "the database system is starting up"), "starting-or-stopping"],
    [postgres("28P01", 'password authentication failed for user "app"'), "authentication-failed"],
    [postgres("3D000", 'database "app" does not exist'), "database-missing"],
    [postgres("53300", "sorry, too many clients already"), "too-many-connections"],
    [prisma("P1001"), "unreachable"],
    [prisma("P1017"), "connection-lost"],
    [prisma("P2010", { name: "DriverAdapterError", cause: { kind: "postgres", code: "57P01" } }), "starting-or-stopping"],
    [Object.assign(new Error("wrapped"), { cause: { kind: "DatabaseNotReachable" } }), "unreachable"],
  ] as const)("%s → %s", (error, problem) => {
    expect(databaseProblemOf(error)).toBe(problem);
  });

  it.each([
    [prisma("P2002")],
    [prisma("P2025")],
    [postgres("23505", "duplicate key value violates unique constraint")],
    [postgres("57014", "canceling statement due to statement timeout")],
    [new Error("Cannot read properties of undefined")],
    ["a string"],
    [null],
  ])("an ordinary error (%s) says nothing about the database", (error) => {
    expect(databaseProblemOf(error)).toBeNull();
    expect(noteDatabaseError(error)).toBeNull();
    expect(databaseOutage()).toBeNull();
  });

  it("a refused connection marks the database down until it answers again, keeping when it went", () => {
    noteDatabaseError(socket("ECONNREFUSED"), 1000);
    noteDatabaseError(postgres("57P03", "the database system is starting up"), 2000);
    expect(databaseOutage()).toEqual({ problem: "starting-or-stopping", since: 1000, at: 2000 });
    noteDatabaseUp();
    expect(databaseOutage()).toBeNull();
  });
});

describe("the unavailable page", () => {
  it("says so in GOV.UK's words, offers to try the same page again, and never links off the site", () => {
    const html = unavailablePage("/cases?q=x", "n0nce");
    expect(html).toContain("<title>Sorry, the service is unavailable – SEND Mediation</title>");
    expect(html).toContain("<h1>Sorry, the service is unavailable</h1>");
    expect(html).toContain('<a href="/cases?q=x">Try again</a>');
    expect(html).toContain('<style nonce="n0nce">');
    expect(unavailablePage("//evil.example/x", "n")).toContain('<a href="/">Try again</a>');
    expect(unavailablePage('/a"><script>', "n")).not.toContain("<script>");
  });
});
