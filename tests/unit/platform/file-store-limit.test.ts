/**
 * Issue 14, security sweep: the file store keeps its own size limit, whatever its caller checked,
 * and a refused file leaves nothing on disk.
 */
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { diskFileStore, FILE_STORE_MAX_BYTES, FileTooLargeError } from "@/lib/platform/files/store";

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

describe("the file store's own limit", () => {
  it("refuses a file over FILE_STORE_MAX_BYTES and writes nothing; takes one at the limit", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "file-store-"));
    roots.push(root);
    const store = diskFileStore(root);
    await expect(store.put(new Uint8Array(FILE_STORE_MAX_BYTES + 1))).rejects.toBeInstanceOf(FileTooLargeError);
    expect(readdirSync(root)).toEqual([]);
    const key = await store.put(new Uint8Array(FILE_STORE_MAX_BYTES));
    expect((await store.get(key))?.length).toBe(FILE_STORE_MAX_BYTES);
  });
});
