/**
 * The app's public origin, for links in emails (issue 9 item 7). Never taken from the request's
 * Host header, which the sender of a request chooses: production uses only APP_ORIGIN or
 * NEXTAUTH_URL (and `npm start` refuses to start without one); development falls back to
 * http://localhost on the dev port. Pure: unit-tested, and used by scripts/start.ts.
 */

type Env = Record<string, string | undefined>;

export const MISSING_ORIGIN_MESSAGE =
  "Cannot start: APP_ORIGIN (or NEXTAUTH_URL) is not set: set it to the public address of the service, e.g. https://mediation.example.org, so links in emails point there.";

export class PublicOriginError extends Error {}

/** The origin of an absolute http(s) URL, or null. */
function originOf(value: string): string | null {
  try {
    const u = new URL(value);
    return u.protocol === "http:" || u.protocol === "https:" ? u.origin : null;
  } catch {
    return null;
  }
}

/** Null when the configured origin will do; else one line saying what to set. */
export function publicOriginProblem(env: Env = process.env): string | null {
  const name = env.APP_ORIGIN ? "APP_ORIGIN" : env.NEXTAUTH_URL ? "NEXTAUTH_URL" : null;
  if (!name) return env.NODE_ENV === "production" ? MISSING_ORIGIN_MESSAGE : null;
  return originOf(env[name]!) ? null : `Cannot start: ${name} is not an http(s) address (${JSON.stringify(env[name]!.slice(0, 100))}), e.g. https://mediation.example.org.`;
}

/** APP_ORIGIN, else NEXTAUTH_URL; in development only, else http://localhost:PORT. */
export function publicOrigin(env: Env = process.env): string {
  const problem = publicOriginProblem(env);
  if (problem) throw new PublicOriginError(problem);
  const configured = env.APP_ORIGIN || env.NEXTAUTH_URL;
  if (configured) return originOf(configured)!;
  return `http://localhost:${Number(env.PORT) || 3000}`;
}
