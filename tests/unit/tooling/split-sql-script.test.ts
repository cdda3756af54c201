/**
 * Migrations run statement by statement (prisma/migration-adapter.ts): a semicolon ends a
 * statement only outside quotes, dollar quotes and comments, so a PL/pgSQL function (issue 13's
 * audit trigger) reaches PostgreSQL whole.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { splitSqlScript } from "../../../prisma/migration-adapter";

describe("splitSqlScript", () => {
  it("splits plain statements at their semicolons, as adapter-pg did, dropping empty ones", () => {
    expect(splitSqlScript(`CREATE TABLE "A" (id TEXT);\n\nALTER TABLE "A" ADD COLUMN b INT;\n;  `)).toEqual([`CREATE TABLE "A" (id TEXT)`, `ALTER TABLE "A" ADD COLUMN b INT`]);
  });

  it("keeps a dollar-quoted function body with semicolons in one statement", () => {
    const fn = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $fn$\nBEGIN\n  IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'no; never'; END IF;\n  RETURN NEW;\nEND\n$fn$`;
    const sql = `${fn};\nCREATE TRIGGER t BEFORE DELETE ON "A" FOR EACH ROW EXECUTE FUNCTION f();`;
    expect(splitSqlScript(sql)).toEqual([fn, `CREATE TRIGGER t BEFORE DELETE ON "A" FOR EACH ROW EXECUTE FUNCTION f()`]);
    expect(splitSqlScript(`SELECT $$a;b$$; SELECT 2`)).toEqual([`SELECT $$a;b$$`, `SELECT 2`]);
  });

  it("does not split inside strings, quoted identifiers or comments", () => {
    expect(splitSqlScript(`SELECT 'a;b', 'it''s;', E'x\\';y'; SELECT "we;ird" FROM t`)).toEqual([`SELECT 'a;b', 'it''s;', E'x\\';y'`, `SELECT "we;ird" FROM t`]);
    expect(splitSqlScript(`-- a comment; with a semicolon and it's quote\nSELECT 1; /* block; /* nested; */ still; */ SELECT 2`)).toEqual([
      `-- a comment; with a semicolon and it's quote\nSELECT 1`,
      `/* block; /* nested; */ still; */ SELECT 2`,
    ]);
  });

  it("leaves positional parameters and identifiers holding $ alone", () => {
    expect(splitSqlScript(`SELECT $1, a$b$ FROM t; SELECT 2`)).toEqual([`SELECT $1, a$b$ FROM t`, `SELECT 2`]);
  });

  it("splits every existing migration as the naive split did, except the ones with a function body", () => {
    const dir = path.resolve(import.meta.dirname, "../../../prisma/migrations");
    for (const m of readdirSync(dir).filter((d) => !d.includes("."))) {
      const sql = readFileSync(path.join(dir, m, "migration.sql"), "utf8");
      if (sql.includes("$fn$")) continue;
      const naive = sql.split(";").map((s) => s.trim()).filter((s) => s.length > 0);
      expect(splitSqlScript(sql), m).toEqual(naive);
    }
  });
});
