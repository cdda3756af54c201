/**
 * Next.js gives route handlers, server actions and pages the request's headers but not its socket,
 * and fills `X-Forwarded-For` with the peer address only when the client sent none (so a client
 * that sends one hides its address). This copies the socket's peer address into a request header
 * of our own (PEER_ADDRESS_HEADER) on every request the Node.js HTTP server receives, always
 * overwriting whatever the client sent under that name. Installed once per process from
 * instrumentation.ts (Next runs `register()` in the server's own process before it serves pages).
 * lib/platform/security/client-ip.ts decides what to trust.
 */
import http from "node:http";
import https from "node:https";
import { PEER_ADDRESS_HEADER } from "./client-ip";

const INSTALLED = Symbol.for("send-mediation.peer-address-header");

/** True once the header is written by this process's HTTP servers: only then may it be read. */
export function peerAddressHeaderInstalled(): boolean {
  return (globalThis as Record<symbol, unknown>)[INSTALLED] === true;
}

export function installPeerAddressHeader(): void {
  if (peerAddressHeaderInstalled()) return;
  for (const proto of [http.Server.prototype, https.Server.prototype] as { emit: (event: string | symbol, ...args: unknown[]) => boolean }[]) {
    const emit = proto.emit;
    proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const req = args[0] as http.IncomingMessage;
        req.headers[PEER_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "";
      }
      return emit.call(this, event, ...args);
    };
  }
  (globalThis as Record<symbol, unknown>)[INSTALLED] = true;
}
