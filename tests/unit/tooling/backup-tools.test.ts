/**
 * Issue 14, backups (decision 0036): the pieces an operator's command line and installed programs
 * go through — the version a pg_dump reports, the arguments, and the connection passed to pg_dump
 * without the password on its command line.
 */
import { describe, expect, it } from "vitest";
import { candidates, parseToolVersion, serverMajor } from "../../../scripts/backup/pg-tools";
import { parseBackupArgs } from "../../../scripts/backup/args";
import { libpqEnv } from "../../../scripts/backup/server-backup";
import { BackupError, timestamp } from "../../../scripts/backup/common";

describe("versions", () => {
  it("reads the major version from what pg_dump and the server report", () => {
    expect(parseToolVersion("pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n")).toEqual({ major: 15, full: "15.18" });
    expect(parseToolVersion("pg_restore (PostgreSQL) 17.6\n")).toEqual({ major: 17, full: "17.6" });
    expect(parseToolVersion("pg_dump (PostgreSQL) 18beta1")).toEqual({ major: 18, full: "18" });
    expect(parseToolVersion("something else 17.1")).toBeNull();
    expect(serverMajor("170004")).toBe(17);
    expect(serverMajor(150018)).toBe(15);
  });

  it("looks only where it was pointed when PG_DUMP_PATH or PG_BIN_DIR is set, else Debian's folder for the version, then the PATH", () => {
    expect(candidates("pg_dump", 17, { PG_DUMP_PATH: "/opt/pg/pg_dump", PG_BIN_DIR: "/x", PATH: "/usr/bin" })).toEqual([{ file: "/opt/pg/pg_dump", from: "PG_DUMP_PATH" }]);
    expect(candidates("pg_restore", 17, { PG_BIN_DIR: "/opt/pg17/bin", PATH: "/usr/bin" })).toEqual([{ file: "/opt/pg17/bin/pg_restore", from: "PG_BIN_DIR" }]);
    expect(candidates("pg_dump", 16, { PATH: "/usr/local/bin:/usr/bin" }).map((c) => c.file)).toEqual(["/usr/lib/postgresql/16/bin/pg_dump", "/usr/local/bin/pg_dump", "/usr/bin/pg_dump"]);
  });
});

describe("arguments", () => {
  it("takes --file (either form) and, for a restore, the file alone and --force", () => {
    expect(parseBackupArgs([], "backup")).toEqual({ file: undefined, force: false });
    expect(parseBackupArgs(["--file", "a.dump"], "backup")).toEqual({ file: "a.dump", force: false });
    expect(parseBackupArgs(["--file=b.dump"], "backup")).toEqual({ file: "b.dump", force: false });
    expect(parseBackupArgs(["c.dump", "--force"], "restore")).toEqual({ file: "c.dump", force: true });
  });

  it("refuses what it does not know, and a restore without a file, with the usage", () => {
    expect(() => parseBackupArgs(["--force"], "backup")).toThrow(/Unknown argument: --force\nusage: npm run db:backup/);
    expect(() => parseBackupArgs([], "restore")).toThrow(BackupError);
    expect(() => parseBackupArgs(["--force"], "restore")).toThrow(/Name the backup file/);
  });
});

describe("connection", () => {
  it("gives pg_dump the connection in libpq's environment, the password decoded and off its command line", () => {
    const env = libpqEnv("postgresql://app%40x:p%40ss%2Fw@db.example.org:6543/send?sslmode=require", {});
    expect(env).toEqual({ PGHOST: "db.example.org", PGPORT: "6543", PGDATABASE: "send", PGUSER: "app@x", PGPASSWORD: "p@ss/w", PGSSLMODE: "require" });
    expect(libpqEnv("postgresql://app@/send?host=/var/run/postgresql", {})).toMatchObject({ PGHOST: "/var/run/postgresql", PGPORT: "5432", PGUSER: "app" });
  });

  it("names backups by UTC time, sortable and safe in a file name", () => {
    expect(timestamp(new Date("2026-12-04T13:05:09.123Z"))).toBe("20261204-130509Z");
  });
});
