import path from "node:path";
import { defineConfig } from "prisma/config";
import { MigrationAdapterFactory } from "./prisma/migration-adapter";

// Prisma 6.19 with the WebAssembly schema engine (engine: "js"): no native engine download.
// DATABASE_URL is required for migrate commands; `npm run db:*` scripts set it (embedded Postgres
// when unset). `prisma generate` does not connect, so a placeholder is fine there.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set. Use `npm run db:migrate` to run migrations on the embedded database.");
    return new MigrationAdapterFactory(url);
  },
});
