/**
 * Is this request from the developer's own machine? (issue 9 item 10: /dev/mailbox shows sign-in
 * links, so it answers only there.) Both must hold: the socket's peer is a loopback address (a
 * request from another machine never is, whatever it sends), and the Host names this machine
 * (a web page elsewhere cannot reach it through a DNS name rebound to 127.0.0.1). Pure.
 */
import { normaliseAddress } from "./client-ip";

const LOCAL_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** The hostname of a Host header (without the port), lower-case; null when malformed. */
function hostname(host: string): string | null {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/i.exec(host.trim());
  return m ? m[1]!.toLowerCase().replace(/\.$/, "") : null;
}

export function isLoopbackAddress(address: string | null | undefined): boolean {
  const a = normaliseAddress(address);
  return a !== null && (a === "::1" || /^127\.\d+\.\d+\.\d+$/.test(a));
}

export function isLocalRequest({ host, peer }: { host: string | null | undefined; peer: string | null | undefined }): boolean {
  const name = host ? hostname(host) : null;
  return name !== null && (LOCAL_HOSTNAMES.has(name) || name.endsWith(".localhost")) && isLoopbackAddress(peer);
}
