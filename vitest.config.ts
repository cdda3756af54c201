import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
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
