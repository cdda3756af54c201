import path from "node:path";
import { defineConfig } from "vitest/config";

// Vitest 5's reporter uses Map.groupBy (Node 21+); this machine has Node 20. Polyfill it in the
// main process so failures are reported instead of crashing the reporter.
if (!("groupBy" in Map)) {
  Object.defineProperty(Map, "groupBy", {
    value<K, V>(items: Iterable<V>, key: (item: V, index: number) => K): Map<K, V[]> {
      const out = new Map<K, V[]>();
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        const list = out.get(k);
        if (list) list.push(item);
        else out.set(k, [item]);
      }
      return out;
    },
  });
}

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "tests/setup/server-only.ts") } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts", "lib/**/*.test.ts"],
    // Integration tests run on a real PostgreSQL: DATABASE_URL when set (a fresh database is
    // created on that server), otherwise an embedded server started here.
    globalSetup: ["tests/setup/global-db.ts"],
    // Integration files share one database: run files one at a time, tests stay independent.
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: "test" },
  },
});
