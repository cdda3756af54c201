/**
 * The file store (issue 12, decision 0021): uploaded files kept OUTSIDE the web root, never under
 * public/, so nothing reaches a file but a route handler that went through a scope builder. Small
 * on purpose — put, get, delete by an opaque key — so the object store (./s3-store.ts,
 * FILE_STORE=s3, issue 14) replaces the disk one without touching its callers. Keys are random
 * (not content addressed): two families uploading the same file get two keys, and deleting one
 * never removes the other's.
 *
 * The disk store writes under FILE_STORE_DIR (default `.data/files`, git-ignored), one file per
 * key in a two-character subfolder, readable by the app's user only; a write goes to a temporary
 * name first and is renamed, so a reader never sees half a file.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { s3FileStore } from "./s3-store";
import { fileStoreKind, fileStoreProblem, s3ConfigFromEnv } from "./store-config";
import { UPLOAD_REQUEST_MAX_BYTES } from "@/lib/platform/security/csp";

export interface FileStore {
  /** Stores the bytes; returns the key to read or delete them with. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes stored under `key`, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes them; a key with nothing stored is not an error. */
  delete(key: string): Promise<void>;
}

/**
 * Issue 14: the largest file the store takes, whatever its caller checked (each upload has its
 * own, smaller limit: lib/family/views/rules.ts). Nothing larger can arrive in a request anyway
 * (proxy.ts), so this only guards against a caller that forgot its check.
 */
export const FILE_STORE_MAX_BYTES = UPLOAD_REQUEST_MAX_BYTES;

export class FileTooLargeError extends Error {
  constructor(size: number) {
    super(`The file store takes at most ${FILE_STORE_MAX_BYTES} bytes (got ${size}).`);
    this.name = "FileTooLargeError";
  }
}

/** Where the disk store writes when FILE_STORE_DIR is not set (relative to the working directory). */
export const DEFAULT_FILE_STORE_DIR = ".data/files";

/** A key is 32 lower-case hex characters (128 random bits); anything else is refused, so a key never names a path. */
const KEY = /^[0-9a-f]{32}$/;

export function diskFileStore(root: string): FileStore {
  const where = (key: string) => {
    if (!KEY.test(key)) throw new Error("not a file store key");
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    async put(bytes) {
      if (bytes.length > FILE_STORE_MAX_BYTES) throw new FileTooLargeError(bytes.length);
      const key = randomBytes(16).toString("hex");
      const file = where(key);
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const temp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
      await writeFile(temp, bytes, { mode: 0o600, flag: "wx" });
      await rename(temp, file);
      return key;
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(where(key)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw e;
      }
    },
    async delete(key) {
      await rm(where(key), { force: true });
    },
  };
}

/** The object store gets the same size guard as the disk store. */
function withSizeLimit(store: FileStore): FileStore {
  return {
    put(bytes) {
      if (bytes.length > FILE_STORE_MAX_BYTES) return Promise.reject(new FileTooLargeError(bytes.length));
      return store.put(bytes);
    },
    get: (key) => store.get(key),
    delete: (key) => store.delete(key),
  };
}

/**
 * The store the app uses (read at each call, so tests can point it elsewhere): with FILE_STORE=s3
 * the S3-compatible store of S3_ENDPOINT/S3_BUCKET (./s3-store.ts), which every app instance
 * shares; otherwise the disk store under FILE_STORE_DIR, which only instances sharing that folder
 * can use.
 */
export function fileStore(): FileStore {
  const problem = fileStoreProblem();
  if (problem) throw new Error(`The file store is not configured: ${problem}`);
  if (fileStoreKind() === "s3") {
    const s3 = s3ConfigFromEnv();
    if (s3.ok) return withSizeLimit(s3FileStore(s3.config));
  }
  return diskFileStore(path.resolve(process.env.FILE_STORE_DIR || DEFAULT_FILE_STORE_DIR));
}
