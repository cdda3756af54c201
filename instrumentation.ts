/**
 * Runs once in each Next.js server process before it serves requests (Next's instrumentation hook).
 * On the Node.js server it makes every request carry the socket's peer address in a header the
 * client cannot set (issue 9 item 6: lib/platform/security/peer-address.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerAddressHeader } = await import("./lib/platform/security/peer-address");
    installPeerAddressHeader();
  }
}
