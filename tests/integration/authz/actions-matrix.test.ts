/**
 * The authorization matrix, server actions (issue 12, decision 0024): every exported function of
 * every "use server" module under app/ (and of every form handler of the family's Pages Router
 * pages, decision 0038, with the actor as its caller) is called as every actor (tests/authz/fixtures.ts) with the
 * row's form (tests/authz/action-matrix.ts), outside Next: the session is the actor's
 * (app/_server/auth is replaced), and Next's redirect() and notFound() throw errors this test
 * recognises. Each answer must be exactly the row's outcome; a refusal (404, sign-in, refused)
 * must write nothing: the audit trail (every change writes a row) and the tables an action
 * touches are counted before and after.
 */
import { beforeAll, describe, expect, test, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";

const session = vi.hoisted(() => ({ user: null as SessionUser | null, ip: "203.0.113.1", forbidden: 0 }));

// The actor's session (each actor its own address, so one actor's rate limit is not another's), no
// request (no cookies, e.g. no pending second sign-in step; no headers), Next's redirect() and
// notFound() as errors with their digests, nothing revalidated or left for after the answer.
vi.mock("@/app/_server/auth", async () => (await import("../../support/next-mocks")).appAuthMock(session, "authz-matrix-secret"));
vi.mock("next/headers", async () => (await import("../../support/next-mocks")).nextHeadersMock());
// A ForbiddenError counted as it is made: ALLOWED means none was.
vi.mock("@/lib/auth/types", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/types")>();
  class CountedForbiddenError extends real.ForbiddenError {
    constructor(message?: string) {
      super(message);
      session.forbidden++;
    }
  }
  return { ...real, ForbiddenError: CountedForbiddenError };
});
// Next's redirect() and notFound() throw errors with the digests runAction lets through.
vi.mock("next/navigation", async () => (await import("../../support/next-mocks")).nextNavigationMock());
vi.mock("next/cache", async () => (await import("../../support/next-mocks")).nextCacheMock());
vi.mock("next/server", async () => (await import("../../support/next-mocks")).nextServerMock());

import { db } from "@/lib/platform/db";
import { pageFormModules, serverActionModules } from "../../authz/app-routes";
import { ACTION_MATRIX, type ActionOutcome, type FormContext } from "../../authz/action-matrix";
import { ACTORS, createAuthzFixtures, type Actor, type AuthzFixtures } from "../../authz/fixtures";
import { loadActiveUser } from "@/lib/users";

type Snapshot = Record<string, number | null>;

/** Every count an action could change: the audit trail and the tables the actions write. */
async function snapshot(f: AuthzFixtures): Promise<Snapshot> {
  const rows = await db().$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT
       (SELECT count(*) FROM "AuditEvent") AS audit,
       (SELECT count(*) FROM "Case") AS cases,
       (SELECT version FROM "Case" WHERE id = $1) AS "caseVersion",
       (SELECT count(*) FROM "Party") AS parties,
       (SELECT count(*) FROM "CaseEvent") AS events,
       (SELECT count(*) FROM "CaseNote") AS notes,
       (SELECT count(*) FROM "CaseNote" WHERE "sharedAt" IS NOT NULL) AS "sharedNotes",
       (SELECT count(*) FROM "Meeting") AS meetings,
       (SELECT count(*) FROM "MeetingAttendee") AS attendees,
       (SELECT count(*) FROM "MeetingRecord") AS records,
       (SELECT count(*) FROM "CaseAgreement") AS agreements,
       (SELECT revision FROM "CaseAgreement" WHERE id = $2) AS "agreementRevision",
       (SELECT count(*) FROM "AgreementAction") AS "agreementActions",
       (SELECT count(*) FROM "AgreementSignature") AS signatures,
       (SELECT count(*) FROM "AgreementSigningLink") AS "signingLinks",
       (SELECT count(*) FROM "Certificate") AS certificates,
       (SELECT count(*) FROM "Document") AS documents,
       (SELECT count(*) FROM "Obligation" WHERE status = 'OPEN') AS "openObligations",
       (SELECT count(*) FROM "ObligationUpdate") AS "obligationUpdates",
       (SELECT count(*) FROM "Venue" WHERE active) AS venues,
       (SELECT count(*) FROM "MediatorDayOff") AS "daysOff",
       (SELECT count(*) FROM "ReferralDraft") AS drafts,
       (SELECT count(*) FROM "OutboxEmail") AS emails,
       (SELECT count(*) FROM "User") AS users`,
    f.caseId,
    f.agreementId,
  );
  return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, v === null ? null : Number(v)]));
}

async function formContext(f: AuthzFixtures): Promise<FormContext> {
  const [c] = await db().$queryRawUnsafe<{ version: number; revision: number }[]>(
    `SELECT c.version, a.revision FROM "Case" c, "CaseAgreement" a WHERE c.id = $1 AND a.id = $2`,
    f.caseId,
    f.agreementId,
  );
  return { f, caseVersion: String(c!.version), agreementRevision: String(c!.revision) };
}

type Called = { outcome: ActionOutcome; detail: string; forbidden?: boolean };

/** Calls the action as the current session and names what happened. */
async function call(fn: (...a: unknown[]) => Promise<unknown>, args: unknown[]): Promise<Called> {
  const forbiddenBefore = session.forbidden;
  const r = await classify(fn, args);
  return session.forbidden > forbiddenBefore ? { ...r, forbidden: true, detail: `${r.detail}, ForbiddenError` } : r;
}

async function classify(fn: (...a: unknown[]) => Promise<unknown>, args: unknown[]): Promise<Called> {
  try {
    const r = (await fn(...args)) as { status?: string; message?: string; fieldErrors?: Record<string, string> } | null | undefined;
    if (r === null) return { outcome: "refused", detail: "null" };
    if (r && r.status === "error") return { outcome: "refused", detail: `error state: ${r.message ?? JSON.stringify(r.fieldErrors)}` };
    return { outcome: "allowed", detail: `returned ${JSON.stringify(r)?.slice(0, 200)}` };
  } catch (e) {
    const digest = (e as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { outcome: "404", detail: "notFound()" };
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) {
      const to = String((e as { to?: unknown }).to);
      return { outcome: /^\/sign-in(\?|$)/.test(to) ? "sign-in" : "allowed", detail: `redirect(${to})` };
    }
    return { outcome: "refused", detail: `threw ${(e as Error).message}` };
  }
}

function toFormData(values: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.append(k, v);
  return fd;
}

const REFUSALS: readonly ActionOutcome[] = ["404", "sign-in", "refused"];

let f: AuthzFixtures;
const users = new Map<Actor, SessionUser | null>();
const modules = serverActionModules();
/** The family's Pages Router forms (decision 0038): called as (caller, formData), the caller the actor's. */
const pageForms = pageFormModules();

beforeAll(async () => {
  f = await createAuthzFixtures((text, values = []) => db().$queryRawUnsafe(text, ...values));
  for (const actor of ACTORS) {
    const u = actor in f.users ? f.users[actor as keyof AuthzFixtures["users"]] : null;
    users.set(actor, u ? await loadActiveUser(u.id, u.sessionVersion) : null);
  }
});

/** module#export for every exported function of every "use server" module. */
async function exportedActions(): Promise<Map<string, (...a: unknown[]) => Promise<unknown>>> {
  const out = new Map<string, (...a: unknown[]) => Promise<unknown>>();
  for (const m of modules) {
    const mod = (await import(/* @vite-ignore */ `../../../${m}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (typeof value === "function") out.set(`${m}#${name}`, value as (...a: unknown[]) => Promise<unknown>);
  }
  for (const m of pageForms) {
    const mod = (await import(/* @vite-ignore */ `../../../${m}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function") continue;
      const form = value as (caller: { user: SessionUser | null; ip: string | null }, fd: FormData) => Promise<unknown>;
      out.set(`${m}#${name}`, (_prev: unknown, fd: unknown) => form({ user: session.user, ip: session.ip }, fd as FormData));
    }
  }
  return out;
}

describe("server actions", () => {
  test("every exported server action has a row in the action matrix, and every row an action", async () => {
    expect(modules.length).toBeGreaterThan(10);
    const found = await exportedActions();
    const missing = [...found.keys()].filter((k) => !(k in ACTION_MATRIX)).map((k) => `${k}: add a row for it to ACTION_MATRIX in tests/authz/action-matrix.ts`);
    const stale = Object.keys(ACTION_MATRIX)
      .filter((k) => !found.has(k))
      .map((k) => `${k}: no such exported server action any more; remove or rename its row in tests/authz/action-matrix.ts`);
    expect([...missing, ...stale]).toEqual([]);
  });

  for (const [key, row] of Object.entries(ACTION_MATRIX)) {
    test(key, async () => {
      const fn = (await exportedActions()).get(key);
      expect(fn, `${key} is not an exported server action`).toBeTypeOf("function");
      // Refusals first, so that what an allowed actor writes cannot hide a refused one's write.
      const order = [...ACTORS].sort((a, b) => Number(!REFUSALS.includes(row.expect[a])) - Number(!REFUSALS.includes(row.expect[b])));
      const problems: string[] = [];
      for (const actor of order) {
        session.user = users.get(actor) ?? null;
        session.ip = `203.0.113.${ACTORS.indexOf(actor) + 1}`;
        const ctx = await formContext(f);
        const args = row.args ? row.args(ctx, actor) : [{ status: "idle" }, toFormData(row.form?.(ctx, actor) ?? {})];
        // Actions called with (formData) alone (the new-referral steps) take the form first.
        const callArgs = !row.args && fn!.length === 1 ? [args[1]] : args;
        const before = await snapshot(f);
        const got = await call(fn!, callArgs);
        const after = await snapshot(f);
        const want = row.expect[actor];
        const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
        const written = changed.filter((k) => !(row.refusalWrites ?? []).includes(k));
        // ALLOWED: past the authorization — the command may still turn the form down by its own rules.
        const passed = want === "allowed" && !got.forbidden && (got.outcome === "allowed" || got.outcome === "refused");
        const done = want === "done" && got.outcome === "allowed" && changed.length > 0;
        if (!passed && !done && got.outcome !== want) problems.push(`${actor}: expected ${want}, got ${got.outcome} (${got.detail})`);
        else if (want === "done" && !done) problems.push(`${actor}: expected done, but nothing was written (${got.detail})`);
        else if (REFUSALS.includes(want) && written.length > 0) problems.push(`${actor}: ${want}, but it wrote: ${written.map((k) => `${k} ${before[k]} → ${after[k]}`).join(", ")}`);
      }
      session.user = null;
      expect(problems).toEqual([]);
    });
  }
});
