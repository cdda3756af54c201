/**
 * The client's address for rate limits and audit rows (issue 9 item 6). Forwarded headers are
 * trusted only as far as the configured number of proxy hops in front of the app
 * (`TRUSTED_PROXY_HOPS`, default 0): each trusted proxy appends the address it was connected from
 * to `X-Forwarded-For`, so with N hops the client is the N-th entry from the right; everything to
 * its left was written by the client and is ignored. With 0 hops `X-Forwarded-For` and `X-Real-IP`
 * are ignored and the socket's peer address is the client. A client therefore cannot pick a new
 * address per request by sending headers. Pure (no Next, no database): unit-tested.
 */
import { isIP } from "node:net";

/**
 * The request header carrying the socket's peer address, set by the server on every request and
 * always overwritten (lib/platform/security/peer-address.ts): a client cannot choose it.
 */
export const PEER_ADDRESS_HEADER = "x-send-peer-address";

/** TRUSTED_PROXY_HOPS as a whole number ≥ 0; null when set to anything else. */
export function parseTrustedProxyHops(value: string | undefined): number | null {
  if (value === undefined || value.trim() === "") return 0;
  if (!/^\d{1,2}$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** The configured hops; an invalid value trusts nothing (`npm start` refuses to start with one). */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  return parseTrustedProxyHops(env.TRUSTED_PROXY_HOPS) ?? 0;
}

/**
 * One address as written by a proxy or the socket: an IPv4-mapped IPv6 address is given as IPv4,
 * a port (`1.2.3.4:5678`, `[::1]:80`) is dropped. Null when it is not an IP address.
 */
export function normaliseAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let a = raw.trim();
  if (a.length > 100) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  a = a.replace(/%.*$/, ""); // an IPv6 zone id
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) a = mapped[1]!;
  return isIP(a) ? a.toLowerCase() : null;
}

export type ClientAddressInput = {
  /** The `X-Forwarded-For` header as received (entries separated by commas), if any. */
  forwardedFor: string | null | undefined;
  /** The `X-Real-IP` header, if any: used only behind trusted proxies that send no X-Forwarded-For. */
  realIp?: string | null | undefined;
  /** How many proxies in front of the app append to X-Forwarded-For (TRUSTED_PROXY_HOPS). */
  hops: number;
  /** The socket's peer address (the nearest proxy, or the client itself), if known. */
  peer: string | null | undefined;
};

/**
 * The client's address, or null when it is not known (callers then count every such request in
 * one "unknown" bucket, which still rate-limits).
 * - 0 hops: the peer address; forwarded headers are ignored.
 * - N hops: the N-th entry from the right of X-Forwarded-For. A shorter list (a request that did
 *   not pass all the proxies) gives its leftmost entry; no list gives X-Real-IP, else the peer.
 */
export function clientAddress({ forwardedFor, realIp, hops, peer }: ClientAddressInput): string | null {
  if (!Number.isInteger(hops) || hops <= 0) return normaliseAddress(peer);
  // Bounded: a huge header costs nothing but this split of its tail.
  const entries = (forwardedFor ?? "")
    .slice(-2000)
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (entries.length === 0) return normaliseAddress(realIp) ?? normaliseAddress(peer);
  const entry = entries.length >= hops ? entries[entries.length - hops]! : entries[0]!;
  return normaliseAddress(entry);
}
