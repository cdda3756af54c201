/**
 * The S3 file store (issue 14, decision 0037) against a real S3-compatible server running here:
 * s3rver@3.7.1 (npm, runs offline). What an operator notices: an upload stored through one app
 * instance is read back through another; a missing file is "not found", not an error; an
 * unreachable store fails with a message that names no secret. s3rver accepts any Signature
 * Version 4 without checking it, so the signatures are checked in
 * tests/unit/platform/s3-signing.test.ts against AWS's published example.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/scripts/embedded-postgres";
import { fileStore } from "@/lib/platform/files/store";
import { s3FileStore } from "@/lib/platform/files/s3-store";
import { s3ConfigFromEnv, type S3Config } from "@/lib/platform/files/store-config";
import { db } from "@/lib/platform/db";
import { sendFamilyViews } from "@/lib/family/views/send-family-views";
import { getFamilyUploadFile } from "@/lib/family/views/get-family-upload-file";
import { makeCase, mediator, parentUser, setUpCaseFixtures } from "../cases/fixtures";
import { fileOf, pdfBytes } from "../family/sample-files";

setUpCaseFixtures();

const BUCKET = "send-mediation-test";
let server: S3rver;
let dir: string;
let config: S3Config;
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "s3rver-"));
  const port = await freePort();
  server = new S3rver({ port, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
  await server.run();
  env = {
    FILE_STORE: "s3",
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_BUCKET: BUCKET,
    S3_REGION: "eu-west-2",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_PREFIX: "family-uploads/",
  };
  const c = s3ConfigFromEnv(env);
  if (!c.ok) throw new Error(c.problems.join("; "));
  config = c.config;
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const bytes = (n: number, seed = 7) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) % 256);

describe("the S3 file store (FILE_STORE=s3)", () => {
  it("stores through one instance's store and reads back through another's; a removed file is then not found", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const a = fileStore();
      const b = fileStore();
      const pdf = bytes(300_000);
      const key = await a.put(pdf);
      expect(key).toMatch(/^[0-9a-f]{32}$/);
      expect(await b.get(key)).toEqual(pdf);
      await b.delete(key);
      expect(await a.get(key)).toBeNull();
      await a.delete(key); // nothing there: not an error
    } finally {
      process.env = saved;
    }
  });

  it("keeps a family's upload in the bucket, not on disk, and gives the mediator the same bytes", async () => {
    const saved = { ...process.env };
    const emptyDir = mkdtempSync(path.join(tmpdir(), "no-files-"));
    Object.assign(process.env, env, { FILE_STORE_DIR: emptyDir });
    try {
      const c = await makeCase({ status: "PREPARING", mediatorId: mediator.id, familyUserId: parentUser.id });
      const pdf = pdfBytes("Our views, kept in S3");
      const r = await sendFamilyViews(parentUser, { caseId: c.id }, fileOf(pdf, "Letter.pdf", "application/pdf"));
      const row = await db().familyUpload.findUniqueOrThrow({ where: { id: r.uploadId! }, select: { storageKey: true } });
      expect(Buffer.from((await s3FileStore(config).get(row.storageKey))!).equals(pdf)).toBe(true);
      expect(readdirSync(emptyDir)).toEqual([]);
      const file = await getFamilyUploadFile(mediator, r.uploadId);
      expect(Buffer.from(file.bytes).equals(pdf)).toBe(true);
    } finally {
      process.env = saved;
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });

  it("answers null for a key with nothing stored, and refuses a key that is not a store key", async () => {
    const store = s3FileStore(config);
    expect(await store.get("0".repeat(32))).toBeNull();
    await expect(store.get("../../etc/passwd")).rejects.toThrow("not a file store key");
  });

  it("fails plainly when the store does not answer, naming no secret", async () => {
    const port = await freePort();
    const down = s3FileStore({ ...config, endpoint: `http://127.0.0.1:${port}` });
    const attempt = down.get("a".repeat(32));
    await expect(attempt).rejects.toThrow("the file store did not answer (GET TypeError)");
    await expect(attempt).rejects.not.toThrow(/S3RVER/);
  });
});
