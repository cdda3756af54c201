/**
 * Stand-ins for Next's request-scoped modules, for tests that call server actions outside Next
 * (tests/integration/authz/actions-matrix.test.ts, tests/integration/platform/submission-keys.test.ts).
 * One definition of each, used from `vi.mock(…, async () => (await import(…)).xxxMock(…))`:
 * - the session is the test's (`session.user`, `session.ip`), in place of app/_server/auth;
 * - no request: no cookies and no headers;
 * - redirect() and notFound() throw errors with the digests Next gives them, which runAction lets
 *   through (`to` carries the target for the test to read).
 */
import type { SessionUser } from "@/lib/auth/types";

export type TestSession = { user: SessionUser | null; ip: string };

/** app/_server/auth with the test's session; `secret` is what the second sign-in step's cookie is encrypted with. */
export function appAuthMock(session: TestSession, secret: string) {
  return {
    getSessionUser: async () => session.user,
    clientIp: async () => session.ip,
    startSession: async () => {},
    signOutEverywhere: async () => {},
    requireUser: async () => {
      throw new Error("requireUser is for pages");
    },
    authOptions: { secret },
  };
}

export function nextHeadersMock() {
  return {
    cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
    headers: async () => new Headers(),
  };
}

export function nextNavigationMock() {
  return {
    redirect: (to: string, type = "replace") => {
      throw Object.assign(new Error(`NEXT_REDIRECT ${to}`), { digest: `NEXT_REDIRECT;${type};${to};307;`, to });
    },
    notFound: () => {
      throw Object.assign(new Error("NEXT_NOT_FOUND"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    },
    RedirectType: { push: "push", replace: "replace" },
  };
}

/** Nothing is revalidated or left for after the answer (emails) here. */
export const nextCacheMock = () => ({ revalidatePath: () => {}, revalidateTag: () => {} });
export const nextServerMock = () => ({ after: () => {} });
