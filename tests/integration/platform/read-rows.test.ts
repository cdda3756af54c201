/**
 * Issue 14 (decision 0040): readRows sends a hot read through the app's pool instead of Prisma's
 * raw-query layer. The pages that use it (the session's user, the case list, its filter choices)
 * rely on its rows being exactly what `$queryRaw` gives for the column types it is meant for —
 * text, int4, bool, json/jsonb, timestamptz — with the template's values bound the same way
 * (strings, numbers, arrays, nested Prisma.sql and Prisma.join).
 */
import { describe, expect, it } from "vitest";
import { db, Prisma, readRows } from "@/lib/platform/db";
import { makeLa, makeUser, uid } from "../helpers";

describe("readRows", () => {
  it("gives the same rows as $queryRaw for text, int4, bool, json, jsonb and timestamptz, with values bound alike", async () => {
    const la = await makeLa(`Łódź & O'Brien ${uid()}`);
    const user = await makeUser("CASEWORKER", { name: "Zoë Ní Bhriain" });
    const ids = [user.id, `nobody-${uid()}`];
    const query = Prisma.sql`
      SELECT u."id", u."name", u."role"::text AS "role", u."active", u."sessionVersion", u."createdAt",
             count(*) OVER ()::int AS "n",
             (SELECT json_build_object('id', la."id", 'name', la."name") FROM "LocalAuthority" la WHERE la."id" = ${la.id}) AS "la",
             jsonb_build_array(${"a 'quoted' value"}::text, ${42}::int, ${true}::boolean) AS "values"
      FROM "User" u
      WHERE u."id" = ANY(${ids}::text[]) AND ${Prisma.join([Prisma.sql`u."role" = 'CASEWORKER'`, Prisma.sql`u."active"`], " AND ")}`;

    const viaPool = await readRows<Record<string, unknown>>(query);
    const viaPrisma = await db().$queryRaw<Record<string, unknown>[]>(query);
    expect(viaPool).toEqual(viaPrisma);
    expect(viaPool).toEqual([
      {
        id: user.id,
        name: "Zoë Ní Bhriain",
        role: "CASEWORKER",
        active: true,
        sessionVersion: expect.any(Number),
        createdAt: expect.any(Date),
        n: 1,
        la: { id: la.id, name: la.name },
        values: ["a 'quoted' value", 42, true],
      },
    ]);
  });

  it("answers no rows as an empty list", async () => {
    expect(await readRows(Prisma.sql`SELECT 1 AS "one" WHERE ${false}::boolean`)).toEqual([]);
  });
});
