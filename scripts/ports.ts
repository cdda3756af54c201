/**
 * Free TCP ports, so that test runs, dev servers and databases on one machine never collide. A port
 * counts as free when it can be listened on at every address (as `next start` and `next dev` do).
 */
import net from "node:net";

function listenOn(port: number, host?: string): Promise<number | null> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once("error", () => resolve(null));
    const onListening = () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : null));
    };
    if (host) srv.listen(port, host, onListening);
    else srv.listen(port, onListening);
  });
}

/** Whether `port` can be listened on now, on every address and on 127.0.0.1. */
export async function isPortFree(port: number): Promise<boolean> {
  return (await listenOn(port)) !== null && (await listenOn(port, "127.0.0.1")) !== null;
}

/**
 * A port that can be listened on now: `preferred` when it is free, otherwise one the system hands
 * out, never one of `avoid` (ports already chosen for something else).
 */
export async function pickPort(opts: { preferred?: number; avoid?: number[] } = {}): Promise<number> {
  const avoid = new Set(opts.avoid ?? []);
  if (opts.preferred && !avoid.has(opts.preferred) && (await isPortFree(opts.preferred))) return opts.preferred;
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await listenOn(0);
    if (port !== null && !avoid.has(port) && (await isPortFree(port))) return port;
  }
  throw new Error("No free TCP port could be found.");
}

/** Any free port. */
export function freePort(): Promise<number> {
  return pickPort();
}
