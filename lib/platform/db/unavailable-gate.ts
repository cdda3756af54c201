/**
 * "Sorry, the service is unavailable" (HTTP 503) for every page while the database is down, in front
 * of Next.js (docs/decisions/0034). Next.js gives a page no way to answer 503 (a page whose data
 * load throws renders its error boundary with 500), so the Node.js HTTP server of the process does
 * it, installed once from instrumentation.ts (like ./security/peer-address.ts):
 *  - while ./availability.ts says the database is down, each request first re-checks it (one probe
 *    at a time, at most one every PROBE_INTERVAL_MS, on a connection of its own: ./probe.ts): still
 *    down, the request is answered at once with the unavailable page (JSON under /api/), never
 *    reaching a page that would wait on the database; back up, it goes on to Next.js as usual;
 *  - a request already under way when the database went away (the first ones to find out) ends in
 *    Next.js's error page with 500: that answer is replaced by the same 503 page.
 * Next.js's own files (/_next/…), the site icon and /api/health (which says why itself) pass by.
 */
import http from "node:http";
import https from "node:https";
import { newNonce } from "@/lib/platform/security/csp";
import { databaseOutage } from "./availability";
import { probeDatabase } from "./probe";

/** While down, the database is re-checked at most this often (the answers in between use the last check). */
export const PROBE_INTERVAL_MS = 1_000;
/** What the 503 asks clients to wait before trying again (Retry-After). */
export const RETRY_AFTER_SECONDS = 30;

const INSTALLED = Symbol.for("send-mediation.unavailable-gate");

function passesBy(url: string | undefined): boolean {
  const path = (url ?? "/").split("?")[0] ?? "/";
  return path.startsWith("/_next/") || path === "/api/health" || path === "/favicon.ico" || path === "/icon.svg" || path === "/crest.svg";
}

let lastProbe: { at: number; result: Promise<unknown> } | null = null;
/** True when the database is still down (re-checked at most every PROBE_INTERVAL_MS, one probe at a time). */
async function stillDown(connectionString: string): Promise<boolean> {
  const now = Date.now();
  if (!lastProbe || now - lastProbe.at >= PROBE_INTERVAL_MS) lastProbe = { at: now, result: probeDatabase(connectionString) };
  await lastProbe.result;
  return databaseOutage() !== null;
}

const STYLE = [
  "body{margin:0;font-family:'Helvetica Neue',Helvetica,Arial,sans-serif;color:#0b0c0c;background:#fff;font-size:1.1875rem;line-height:1.32}",
  ".header{background:#0b0c0c;color:#fff;padding:.75rem 0;font-weight:700;font-size:1.5rem}",
  ".page-width{max-width:1020px;margin:0 auto;padding:0 1rem}",
  "main{padding:2.5rem 0}",
  "h1{font-size:2.5rem;line-height:1.1;margin:0 0 2rem}",
  "p{margin:0 0 1.25rem;max-width:40em}",
  "a{color:#1d70b8;text-underline-offset:.1em}",
  "a:focus{outline:3px solid transparent;background:#ffdd00;box-shadow:0 -2px #ffdd00,0 4px #0b0c0c;color:#0b0c0c;text-decoration:none}",
].join("");

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page, GOV.UK's "service unavailable" pattern. Says nothing about why (that is /api/health's). */
export function unavailablePage(path: string, nonce: string): string {
  const again = path.startsWith("/") && !path.startsWith("//") ? path : "/";
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sorry, the service is unavailable – SEND Mediation</title><style nonce="${nonce}">${STYLE}</style></head><body><header class="header"><div class="page-width">SEND Mediation</div></header><div class="page-width"><main id="main-content"><h1>Sorry, the service is unavailable</h1><p>You will be able to use the service again soon. Try again in a few minutes.</p><p>Everything saved before this happened is kept. If you were sending a form just now, check whether it was saved when the service is back.</p><p><a href="${escapeHtml(again)}">Try again</a></p></main></div></body></html>`;
}

/** The response's own writeHead, write and end, kept before they are wrapped. */
type Raw = { writeHead: http.ServerResponse["writeHead"]; write: http.ServerResponse["write"]; end: http.ServerResponse["end"]; answered: boolean };

/** Answers 503 with the page (or JSON under /api/). `raw` are the response's own writeHead and end. */
function answerUnavailable(req: http.IncomingMessage, res: http.ServerResponse, raw: Raw) {
  raw.answered = true;
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  const json = path.startsWith("/api/");
  const nonce = newNonce();
  const body = json
    ? JSON.stringify({ error: "service-unavailable", message: "Sorry, the service is unavailable. Try again in a few minutes." })
    : unavailablePage(req.url ?? "/", nonce);
  for (const h of res.getHeaderNames()) res.removeHeader(h);
  (raw.writeHead as (status: number, headers: http.OutgoingHttpHeaders) => http.ServerResponse).call(res, 503, {
    "Content-Type": json ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "Retry-After": String(RETRY_AFTER_SECONDS),
    "Content-Security-Policy": `default-src 'none'; style-src 'nonce-${nonce}'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  });
  (raw.end as (chunk?: string) => http.ServerResponse).call(res, req.method === "HEAD" ? undefined : body);
}

/**
 * Replaces an error answer (5xx) given while the database went down during the request with the
 * 503 page. Decided before anything of the error answer is sent — at its writeHead, or at its first
 * write or end for a status set on the response — so Next's body is dropped whole, never written
 * after the page.
 */
function replaceErrorIfDatabaseWentDown(req: http.IncomingMessage, res: http.ServerResponse, startedAt: number): Raw {
  const raw: Raw = { writeHead: res.writeHead, write: res.write, end: res.end, answered: false };
  let replacing = false;
  const replace = (status: number) => {
    if (replacing || raw.answered || res.headersSent) return replacing;
    const outage = databaseOutage();
    replacing = status >= 500 && outage !== null && outage.at >= startedAt;
    return replacing;
  };
  const callbackOf = (args: unknown[]) => args.find((a) => typeof a === "function") as (() => void) | undefined;
  res.writeHead = function (this: http.ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (replace(statusCode)) return this;
    return (raw.writeHead as (...a: unknown[]) => http.ServerResponse).call(this, statusCode, ...rest);
  } as typeof res.writeHead;
  res.write = function (this: http.ServerResponse, ...args: unknown[]) {
    if (!replace(this.statusCode)) return (raw.write as (...a: unknown[]) => boolean).apply(this, args);
    const cb = callbackOf(args);
    if (cb) process.nextTick(cb);
    return true;
  } as typeof res.write;
  res.end = function (this: http.ServerResponse, ...args: unknown[]) {
    if (!replace(this.statusCode)) return (raw.end as (...a: unknown[]) => http.ServerResponse).apply(this, args);
    if (!raw.answered) answerUnavailable(req, this, raw);
    const cb = callbackOf(args);
    if (cb) process.nextTick(cb);
    return this;
  } as typeof res.end;
  return raw;
}

/**
 * Installs the gate on this process's HTTP servers (once). `connectionString` gives the database to
 * probe. Returns how to take it off again (tests).
 */
export function installUnavailableGate(connectionString: () => string | undefined): () => void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[INSTALLED]) return () => {};
  g[INSTALLED] = true;
  const undo: (() => void)[] = [() => (g[INSTALLED] = false)];
  for (const proto of [http.Server.prototype, https.Server.prototype] as { emit: (event: string | symbol, ...args: unknown[]) => boolean }[]) {
    const emit = proto.emit;
    undo.push(() => (proto.emit = emit));
    proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event !== "request") return emit.call(this, event, ...args);
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      if (passesBy(req.url)) return emit.call(this, event, ...args);
      const raw = replaceErrorIfDatabaseWentDown(req, res, Date.now());
      const url = connectionString();
      if (!databaseOutage() || !url) return emit.call(this, event, ...args);
      stillDown(url).then(
        (down) => (down ? answerUnavailable(req, res, raw) : emit.call(this, event, ...args)),
        () => emit.call(this, event, ...args),
      );
      return true;
    };
  }
  return () => undo.forEach((u) => u());
}
