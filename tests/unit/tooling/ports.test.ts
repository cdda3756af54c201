/** The browser tests choose free ports, so a second run or a dev server on a usual port does not break them. */
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { isPortFree, pickPort } from "../../../scripts/ports";

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** Listens as the app under test would (`host` omitted: every address), and returns the port. */
async function occupy(port = 0, host?: string): Promise<number> {
  const s = net.createServer();
  servers.push(s);
  await new Promise<void>((resolve, reject) => {
    s.once("error", reject);
    if (host) s.listen(port, host, resolve);
    else s.listen(port, resolve);
  });
  return (s.address() as net.AddressInfo).port;
}

describe("pickPort", () => {
  it("returns a port that can really be listened on", async () => {
    const port = await pickPort();
    expect(port).toBeGreaterThan(0);
    expect(await occupy(port)).toBe(port);
  });

  it("keeps the preferred port when it is free", async () => {
    const free = await pickPort();
    expect(await pickPort({ preferred: free })).toBe(free);
  });

  it("chooses another port when the preferred one is taken, on every address or on 127.0.0.1 only", async () => {
    for (const host of [undefined, "127.0.0.1"]) {
      const taken = await occupy(0, host);
      expect(await isPortFree(taken)).toBe(false);
      const port = await pickPort({ preferred: taken });
      expect(port).not.toBe(taken);
      expect(await occupy(port)).toBe(port);
    }
  });

  it("never returns a port already chosen for something else", async () => {
    const app = await pickPort();
    const smtp = await pickPort({ preferred: app, avoid: [app] });
    expect(smtp).not.toBe(app);
  });
});
