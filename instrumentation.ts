/**
 * Runs once in each Next.js server process before it serves requests (Next's instrumentation hook).
 * On the Node.js server it makes every request carry the socket's peer address in a header the
 * client cannot set (issue 9 item 6: lib/platform/security/peer-address.ts), and puts the "service
 * unavailable" gate in front of every page (lib/platform/db/unavailable-gate.ts, decision 0034).
 */
import { noteDatabaseError } from "./lib/platform/db/availability";

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerAddressHeader } = await import("./lib/platform/security/peer-address");
    installPeerAddressHeader();
    const { installUnavailableGate } = await import("./lib/platform/db/unavailable-gate");
    installUnavailableGate(() => process.env.DATABASE_URL);
  }
}

/**
 * Every error a page, action or route throws passes here before Next.js answers: one that says the
 * database is gone marks it down at once, so this very answer becomes the 503 page (the gate) and
 * the next requests wait on no connection.
 */
export function onRequestError(error: unknown) {
  noteDatabaseError(error);
}
