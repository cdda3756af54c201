import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { DEMO_USERS, DemoDataInProductionError, seedDemo } from "@/lib/seed/demo";
import { verifyPassword } from "@/lib/auth/passwords";
import { GET as health } from "@/app/api/health/route";
import { freePort } from "../../../scripts/embedded-postgres";

describe("demo data", () => {
  it("is idempotent and gives every demo role its account", async () => {
    await seedDemo(db());
    const counts = { users: await db().user.count(), cases: await db().case.count() };
    await seedDemo(db());
    expect({ users: await db().user.count(), cases: await db().case.count() }).toEqual(counts);
    for (const u of DEMO_USERS) {
      const row = await db().user.findUniqueOrThrow({ where: { email: u.email } });
      expect(row.role).toBe(u.role);
      if (u.role === "PARENT") expect(row.passwordHash).toBeNull();
      else expect(await verifyPassword("demo-password", row.passwordHash!)).toBe(true);
    }
    const la2Officer = await db().user.findUniqueOrThrow({ where: { email: "la2.officer@demo.test" }, select: { localAuthority: { select: { code: true } } } });
    expect(la2Officer.localAuthority?.code).toBe("DEMO2");
  });

  it("cannot be created when NODE_ENV=production", async () => {
    const env = process.env as Record<string, string | undefined>;
    const saved = env.NODE_ENV;
    env.NODE_ENV = "production";
    const before = await db().user.count();
    try {
      await expect(seedDemo(db())).rejects.toBeInstanceOf(DemoDataInProductionError);
    } finally {
      env.NODE_ENV = saved;
    }
    expect(await db().user.count()).toBe(before);
  });
});

describe("GET /api/health", () => {
  it("reports ok when the database answers", async () => {
    const res = await health();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ app: "ok", database: "ok" });
  });

  it("answers 503 when the database is down", async () => {
    const saved = process.env.DATABASE_URL!;
    const down = new URL(saved);
    down.port = String(await freePort());
    process.env.DATABASE_URL = down.toString();
    try {
      const res = await health();
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ app: "ok", database: "down" });
    } finally {
      process.env.DATABASE_URL = saved;
    }
  });
});
