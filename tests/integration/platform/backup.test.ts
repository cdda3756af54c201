/**
 * Issue 14, backups (decision 0036). A round trip on the embedded database, on an embedded
 * PostgreSQL of this file's own (its own folder; not the shared test database): a case written by
 * the app, a cold-copy backup, the data changed and then the folder destroyed, a restore each time,
 * and the case, its parties and its audit rows back exactly, read again through the app's lib.
 * And, for a configured server, the clear refusal when pg_dump / pg_restore is missing or of another
 * major version (the program's path injected), writing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { db } from "@/lib/platform/db";
import { createReferral } from "@/lib/cases/intake/create-referral";
import { getCaseDetail } from "@/lib/cases/details/get-case-detail";
import { startEmbeddedPostgres, type RunningPostgres } from "../../../scripts/embedded-postgres";
import { backupEmbedded, restoreEmbedded } from "../../../scripts/backup/embedded-backup";
import { backupServer, restoreServer } from "../../../scripts/backup/server-backup";
import { BackupError } from "../../../scripts/backup/common";
import { makeLa, makeUser, referralValues } from "../helpers";

const work = path.resolve(`.data/backup-test-${process.pid}`);
const dataDir = path.join(work, "dev-postgres");
const DATABASE = "send_mediation";
const sharedUrl = process.env.DATABASE_URL!;
let server: RunningPostgres | null = null;

/** Starts this file's own server on `dataDir` and points the app's lib at it. */
async function start() {
  server = await startEmbeddedPostgres({ dataDir, database: DATABASE, quiet: true });
  process.env.DATABASE_URL = server.url;
}
async function stop() {
  await db().$disconnect();
  await server?.stop();
  server = null;
}

async function refusal(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(BackupError);
  return (e as BackupError).message;
}

/** Everything the app wrote for one case, as stored. */
async function snapshot(caseId: string) {
  return {
    case: await db().case.findUnique({ where: { id: caseId } }),
    parties: await db().party.findMany({ where: { caseId }, orderBy: { id: "asc" } }),
    audit: await db().auditEvent.findMany({ where: { caseId }, orderBy: { id: "asc" } }),
    deadlines: await db().caseDeadline.findMany({ where: { caseId }, orderBy: { id: "asc" } }),
  };
}

describe("the embedded database: cold copy round trip", () => {
  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    server = await startEmbeddedPostgres({ dataDir, database: DATABASE, fresh: true, quiet: true });
    execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: server.url }, stdio: "pipe" });
    process.env.DATABASE_URL = server.url;
  }, 120_000);

  afterAll(async () => {
    await stop();
    process.env.DATABASE_URL = sharedUrl;
    rmSync(work, { recursive: true, force: true });
  });

  it("backs up, survives a change and a destroyed folder, and restores the case and its audit rows exactly", async () => {
    const la = await makeLa();
    const caseworker = await makeUser("CASEWORKER");
    const created = await createReferral(caseworker, referralValues(la.id), "192.0.2.10");
    const before = await snapshot(created.id);
    expect(before.case).not.toBeNull();
    expect(before.audit.length).toBeGreaterThan(0);
    expect(before.parties.length).toBeGreaterThan(0);

    // While the server runs, neither a backup nor a restore touches the folder.
    const file = path.join(work, "backup.tar.gz");
    const running = await refusal(backupEmbedded({ dataDir, file }));
    expect(running).toContain(`is running on ${dataDir}`);
    expect(running).toContain("Nothing was written.");
    expect(existsSync(file)).toBe(false);

    await stop();
    const backup = await backupEmbedded({ dataDir, file });
    expect(backup.file).toBe(file);
    expect(statSync(file).size).toBeGreaterThan(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(work).filter((f) => f.includes("partial"))).toEqual([]);

    // After the backup: the case changes and another case is made.
    await start();
    await db().case.update({ where: { id: created.id }, data: { summary: "Changed after the backup" } });
    const later = await createReferral(caseworker, referralValues(la.id), null);
    expect(await restoreEmbedded({ dataDir, file }).catch((e: unknown) => e)).toBeInstanceOf(BackupError); // running
    await stop();

    // A folder that holds a database is replaced only with --force.
    const notEmpty = await refusal(restoreEmbedded({ dataDir, file, database: DATABASE }));
    expect(notEmpty).toContain("already holds a database");
    expect(notEmpty).toContain("--force");
    const forced = await restoreEmbedded({ dataDir, file, force: true, database: DATABASE });
    expect(forced).toMatchObject({ replaced: true, cases: 1 });
    expect(readdirSync(work).sort()).toEqual(["backup.tar.gz", "dev-postgres"]); // nothing left aside

    await start();
    expect(await snapshot(created.id)).toEqual(before);
    expect(await db().case.findUnique({ where: { id: later.id } })).toBeNull();
    // The app's own read of the case works on the restored database.
    const detail = await getCaseDetail(caseworker, created.id);
    expect(detail).toMatchObject({ id: created.id, reference: created.reference });
    await stop();

    // The folder destroyed outright: restored without --force.
    rmSync(dataDir, { recursive: true, force: true });
    expect(await restoreEmbedded({ dataDir, file, database: DATABASE })).toMatchObject({ replaced: false, cases: 1 });
    await start();
    // The same backup: as it was then (the case page's own read row, written since, is not in it).
    expect(await snapshot(created.id)).toEqual(before);
  }, 180_000);

  it("refuses a file that is not a backup of the embedded database, changing nothing", async () => {
    await stop();
    const junk = path.join(work, "junk.tar.gz");
    writeFileSync(junk, "not an archive");
    const message = await refusal(restoreEmbedded({ dataDir, file: junk, force: true }));
    expect(message).toContain("is not a backup of the embedded database");
    expect(message).toContain("Nothing was changed.");
    expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
    expect(readdirSync(work).filter((f) => f.includes("restoring") || f.includes("before-restore"))).toEqual([]);
  });
});

describe("a configured server: pg_dump and pg_restore of the server's major version only", () => {
  const bin = path.resolve(`.data/backup-test-bin-${process.pid}`);
  let major = 0;

  /** A stand-in program that reports `version` and, when run for real, records that it ran. */
  function fakeTool(name: string, version: string): string {
    const dir = path.join(bin, `${name}-${version}`);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, name);
    writeFileSync(
      file,
      `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "${name} (PostgreSQL) ${version} (Debian ${version}-1)"; exit 0; fi\necho "$@" > "${dir}/ran"\nfor a in "$@"; do case "$a" in --file=*) echo "dump of $PGDATABASE as $PGUSER, password given: \${PGPASSWORD:+yes}" > "\${a#--file=}";; esac; done\n`,
    );
    chmodSync(file, 0o755);
    return file;
  }

  beforeAll(async () => {
    rmSync(bin, { recursive: true, force: true });
    const c = new pg.Client({ connectionString: sharedUrl });
    await c.connect();
    major = Math.floor(Number((await c.query<{ n: string }>("SELECT current_setting('server_version_num') AS n")).rows[0]!.n) / 10000);
    await c.end();
  });
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  it("refuses a pg_dump of another major version, saying which one is needed and how to get it, and writes nothing", async () => {
    const old = fakeTool("pg_dump", `${major - 2}.18`);
    const file = path.join(bin, "out.dump");
    const message = await refusal(backupServer({ url: sharedUrl, file, env: { PG_DUMP_PATH: old } }));
    expect(message).toContain(`pg_dump ${major} is needed: the database server runs PostgreSQL ${major}`);
    expect(message).toContain(`${old} (from PG_DUMP_PATH) is version ${major - 2}.18`);
    expect(message).toContain(`apt-get install postgresql-client-${major}`);
    expect(message).toContain("PG_BIN_DIR");
    expect(message).toContain("Nothing was written.");
    expect(existsSync(file)).toBe(false);
    expect(existsSync(path.join(path.dirname(old), "ran"))).toBe(false);
  });

  it("refuses when there is no pg_dump where it was pointed", async () => {
    const empty = path.join(bin, "empty");
    mkdirSync(empty, { recursive: true });
    const file = path.join(bin, "out.dump");
    const message = await refusal(backupServer({ url: sharedUrl, file, env: { PG_BIN_DIR: empty } }));
    expect(message).toContain(`pg_dump ${major} is needed`);
    expect(message).toContain(`${path.join(empty, "pg_dump")} (from PG_BIN_DIR) does not exist`);
    expect(message).toContain(`apt-get install postgresql-client-${major}`);
    expect(existsSync(file)).toBe(false);
  });

  it("runs the matching pg_dump in custom format, the password in its environment only, into a file only its owner reads", async () => {
    const right = fakeTool("pg_dump", `${major}.6`);
    const file = path.join(bin, "ok.dump");
    const r = await backupServer({ url: sharedUrl, file, env: { PG_BIN_DIR: path.dirname(right), PATH: process.env.PATH } });
    expect(r).toMatchObject({ file, toolVersion: `${major}.6` });
    const args = readFileSync(path.join(path.dirname(right), "ran"), "utf8");
    expect(args).toContain("--format=custom");
    expect(args).not.toContain(new URL(sharedUrl).password || "no password in the URL");
    expect(readFileSync(file, "utf8")).toContain(`dump of ${new URL(sharedUrl).pathname.slice(1)}`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await refusal(backupServer({ url: sharedUrl, file, env: { PG_BIN_DIR: path.dirname(right) } }))).toContain("already exists");
  });

  it("restores only into an empty database unless forced, and says so", async () => {
    const right = fakeTool("pg_restore", `${major}.6`);
    const file = path.join(bin, "some.dump");
    writeFileSync(file, "dump");
    const message = await refusal(restoreServer({ url: sharedUrl, file, env: { PG_RESTORE_PATH: right } }));
    expect(message).toMatch(/is not empty: it holds \d+ tables/);
    expect(message).toContain("--force");
    expect(message).toContain("Nothing was changed.");
    expect(existsSync(path.join(path.dirname(right), "ran"))).toBe(false);
    const wrong = fakeTool("pg_restore", `${major + 1}.0`);
    expect(await refusal(restoreServer({ url: sharedUrl, file, force: true, env: { PG_RESTORE_PATH: wrong } }))).toContain(`pg_restore ${major} is needed`);
    expect(existsSync(path.join(path.dirname(wrong), "ran"))).toBe(false);
  });
});
