/**
 * The file store on an S3-compatible object store (issue 14, decision 0037): AWS S3, MinIO, Ceph,
 * Garage, Cloudflare R2, … — anything that speaks S3's PutObject, GetObject and DeleteObject with
 * Signature Version 4. Chosen with FILE_STORE=s3 (./store.ts); several app instances then share
 * the same files, which the disk store cannot give them.
 *
 * Requests are signed by `aws4fetch` (a small SigV4 signer over `fetch`; no AWS SDK). Each body's
 * SHA-256 is signed too (`X-Amz-Content-Sha256`), so the store refuses bytes changed on the way.
 * URLs are path-style (`<endpoint>/<bucket>/<prefix><key>`), which every S3-compatible server
 * accepts; S3_URL_STYLE=virtual gives `<bucket>.<endpoint host>/<prefix><key>` for stores that
 * want it. Keys are the same opaque 128-bit hex keys as the disk store's, checked before use.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { AwsClient } from "aws4fetch";
import type { FileStore } from "./store";
import { s3ObjectUrl, type S3Config } from "./store-config";

/** How long one request to the object store may take before the upload or download fails. */
export const S3_REQUEST_TIMEOUT_MS = 30_000;
/** Retries of a request answered 5xx/429 or not answered (after 100, 200, 400 ms). */
export const S3_RETRIES = 3;

export function s3FileStore(c: S3Config, fetchImpl: typeof fetch = fetch): FileStore {
  const client = new AwsClient({
    accessKeyId: c.accessKeyId,
    secretAccessKey: c.secretAccessKey,
    sessionToken: c.sessionToken,
    service: "s3",
    region: c.region,
    retries: 0, // retried below, each attempt signed afresh
  });
  const request = async (method: "PUT" | "GET" | "DELETE", key: string, body?: Uint8Array): Promise<Response> => {
    const headers: Record<string, string> = {};
    if (body) {
      headers["Content-Type"] = "application/octet-stream";
      headers["X-Amz-Content-Sha256"] = createHash("sha256").update(body).digest("hex");
    }
    const signed = await client.sign(s3ObjectUrl(c, key), { method, headers, body: body ? new Uint8Array(body) : undefined });
    try {
      return await fetchImpl(signed, { signal: AbortSignal.timeout(S3_REQUEST_TIMEOUT_MS) });
    } catch (e) {
      throw new Error(`the file store did not answer (${method} ${e instanceof Error ? e.name : "error"})`);
    }
  };
  const fail = async (what: string, res: Response): Promise<never> => {
    // S3's error body names the code (NoSuchBucket, AccessDenied, SignatureDoesNotMatch…): keep it, never the request.
    const code = /<Code>([^<]{1,100})<\/Code>/.exec(await res.text().catch(() => ""))?.[1];
    throw new Error(`the file store refused to ${what}: HTTP ${res.status}${code ? ` ${code}` : ""}`);
  };
  // A 5xx, a 429 or no answer is tried again (S3_RETRIES times, with back-off); anything else is the answer.
  const withRetries = async (method: "PUT" | "GET" | "DELETE", key: string, body?: Uint8Array): Promise<Response> => {
    for (let attempt = 0; ; attempt++) {
      const res = await request(method, key, body).catch((e: unknown) => {
        if (attempt >= S3_RETRIES) throw e;
        return null;
      });
      if (res && ((res.status < 500 && res.status !== 429) || attempt >= S3_RETRIES)) return res;
      if (res) await res.body?.cancel();
      await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
    }
  };
  return {
    async put(bytes) {
      const key = randomBytes(16).toString("hex");
      const res = await withRetries("PUT", key, bytes);
      if (!res.ok) return fail("store a file", res);
      await res.body?.cancel();
      return key;
    },
    async get(key) {
      const res = await withRetries("GET", key);
      if (res.status === 404) {
        await res.body?.cancel();
        return null;
      }
      if (!res.ok) return fail("read a file", res);
      return new Uint8Array(await res.arrayBuffer());
    },
    async delete(key) {
      const res = await withRetries("DELETE", key);
      if (!res.ok && res.status !== 404) return fail("delete a file", res);
      await res.body?.cancel();
    },
  };
}
