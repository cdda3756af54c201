import "server-only";
import { db } from "@/lib/platform/db";

export type Health = { app: "ok"; database: "ok" | "down"; time: string };

export async function checkHealth(): Promise<Health> {
  let database: Health["database"] = "down";
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 3000)),
    ]);
    database = "ok";
  } catch {
    database = "down";
  }
  return { app: "ok", database, time: new Date().toISOString() };
}
