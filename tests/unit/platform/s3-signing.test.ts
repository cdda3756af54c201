/**
 * The S3 file store's requests (issue 14, decision 0037), checked without a server: each request
 * goes to the object's path-style (or virtual-hosted) URL, and carries a Signature Version 4 that
 * an independent implementation here — first checked against AWS's own published example —
 * recomputes from the secret. A PUT signs the SHA-256 of its body, so S3 refuses changed bytes.
 * And the settings: what `npm start` says when FILE_STORE=s3 is missing something.
 */
import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { s3FileStore } from "@/lib/platform/files/s3-store";
import { fileStoreKind, fileStoreProblem, s3ConfigFromEnv, s3ObjectUrl, type S3Config } from "@/lib/platform/files/store-config";

const sha256 = (b: string | Uint8Array) => createHash("sha256").update(b).digest("hex");
const hmac = (key: string | Buffer, s: string) => createHmac("sha256", key).update(s).digest();

type Signable = { method: string; url: string; headers: Record<string, string> };

/** SigV4 for S3 written from the specification: the signature of `req` under `secret`, over the headers it says it signed. */
function expectedSignature(req: Signable, secret: string, region: string): string {
  const auth = req.headers.authorization!;
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(auth)![1]!.split(";");
  const scope = /Credential=[^/]+\/([^,]+)/.exec(auth)![1]!;
  const [date] = scope.split("/");
  const u = new URL(req.url);
  const canonical = [
    req.method,
    u.pathname,
    u.search.slice(1),
    ...signedHeaders.map((h) => `${h}:${(h === "host" ? u.host : req.headers[h]!).trim()}`),
    "",
    signedHeaders.join(";"),
    req.headers["x-amz-content-sha256"]!,
  ].join("\n");
  const toSign = ["AWS4-HMAC-SHA256", req.headers["x-amz-date"]!, scope, sha256(canonical)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date!), region), "s3"), "aws4_request");
  return createHmac("sha256", key).update(toSign).digest("hex");
}

describe("the SigV4 check used below", () => {
  it("reproduces AWS's published example (GET Object, examplebucket, 2013-05-24)", () => {
    const req: Signable = {
      method: "GET",
      url: "https://examplebucket.s3.amazonaws.com/test.txt",
      headers: {
        authorization: "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=?",
        range: "bytes=0-9",
        "x-amz-content-sha256": sha256(""),
        "x-amz-date": "20130524T000000Z",
      },
    };
    expect(expectedSignature(req, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1")).toBe("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  });
});

const CONFIG: S3Config = {
  endpoint: "https://s3.eu-west-2.amazonaws.com",
  bucket: "send-mediation-files",
  region: "eu-west-2",
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  prefix: "family-uploads/",
  urlStyle: "path",
};

/** A store whose requests are captured and answered `status` (with `body` for a GET). */
function capturing(config: S3Config, status = 200, body = new Uint8Array()) {
  const seen: (Signable & { body: Uint8Array })[] = [];
  const fetchImpl: typeof fetch = async (input) => {
    const req = input as Request;
    seen.push({ method: req.method, url: req.url, headers: Object.fromEntries(req.headers), body: new Uint8Array(await req.arrayBuffer()) });
    return new Response(status === 204 || status === 404 ? null : body, { status });
  };
  return { store: s3FileStore(config, fetchImpl), seen };
}

describe("the S3 file store's requests", () => {
  it("PUTs the bytes to <endpoint>/<bucket>/<prefix><key>, signed with the body's SHA-256", async () => {
    const { store, seen } = capturing(CONFIG);
    const bytes = new TextEncoder().encode("%PDF-1.7 a family's letter");
    const key = await store.put(bytes);
    const [req] = seen;
    expect(req!.method).toBe("PUT");
    expect(req!.url).toBe(`https://s3.eu-west-2.amazonaws.com/send-mediation-files/family-uploads/${key}`);
    expect(req!.body).toEqual(bytes);
    expect(req!.headers["x-amz-content-sha256"]).toBe(sha256(bytes));
    expect(req!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-2\/s3\/aws4_request, ?SignedHeaders=[^,]*x-amz-content-sha256/);
    const given = /Signature=([0-9a-f]{64})$/.exec(req!.headers.authorization!)![1];
    expect(given).toBe(expectedSignature(req!, CONFIG.secretAccessKey, "eu-west-2"));
    expect(given).not.toBe(expectedSignature(req!, "another-secret", "eu-west-2"));
  });

  it("GETs and DELETEs the same object, signed; a 404 is 'nothing stored', not an error", async () => {
    const key = "0123456789abcdef0123456789abcdef";
    const ok = capturing(CONFIG, 200, new Uint8Array([1, 2, 3]));
    expect(await ok.store.get(key)).toEqual(new Uint8Array([1, 2, 3]));
    await ok.store.delete(key);
    for (const req of ok.seen) {
      expect(req.url).toBe(`https://s3.eu-west-2.amazonaws.com/send-mediation-files/family-uploads/${key}`);
      expect(/Signature=([0-9a-f]{64})$/.exec(req.headers.authorization!)![1]).toBe(expectedSignature(req, CONFIG.secretAccessKey, "eu-west-2"));
    }
    expect(ok.seen.map((r) => r.method)).toEqual(["GET", "DELETE"]);
    const missing = capturing(CONFIG, 404);
    expect(await missing.store.get(key)).toBeNull();
    await missing.store.delete(key);
  });

  it("retries a 503 a few times, then says what the store answered", async () => {
    const { store, seen } = capturing(CONFIG, 503, new TextEncoder().encode("<Error><Code>SlowDown</Code></Error>"));
    await expect(store.get("0123456789abcdef0123456789abcdef")).rejects.toThrow("the file store refused to read a file: HTTP 503 SlowDown");
    expect(seen.length).toBe(4);
  });

  it("uses <bucket>.<host> with S3_URL_STYLE=virtual, and never builds a URL from a key that is not a store key", () => {
    expect(s3ObjectUrl({ ...CONFIG, urlStyle: "virtual", prefix: "" }, "ab".repeat(16))).toBe(`https://send-mediation-files.s3.eu-west-2.amazonaws.com/${"ab".repeat(16)}`);
    expect(() => s3ObjectUrl(CONFIG, "../other-bucket/x")).toThrow("not a file store key");
  });
});

describe("the file store's settings", () => {
  const s3 = { FILE_STORE: "s3", S3_ENDPOINT: "http://minio:9000", S3_BUCKET: "send-files", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" };

  it("is the disk store unless FILE_STORE says s3", () => {
    expect(fileStoreKind({})).toBe("disk");
    expect(fileStoreKind({ FILE_STORE: "S3" })).toBe("s3");
    expect(fileStoreProblem({})).toBeNull();
    expect(fileStoreProblem({ FILE_STORE: "ftp" })).toBe('FILE_STORE must be "disk" or "s3", not "ftp".');
  });

  it("with FILE_STORE=s3, names everything missing or wrong, and takes the AWS_* credentials as a fallback", () => {
    expect(fileStoreProblem(s3)).toBeNull();
    expect(fileStoreProblem({ FILE_STORE: "s3" })).toBe(
      "FILE_STORE=s3 needs: S3_ENDPOINT is not set (e.g. https://s3.eu-west-2.amazonaws.com); S3_BUCKET is not set; S3_ACCESS_KEY_ID (or AWS_ACCESS_KEY_ID) is not set; S3_SECRET_ACCESS_KEY (or AWS_SECRET_ACCESS_KEY) is not set.",
    );
    expect(fileStoreProblem({ ...s3, S3_ENDPOINT: "minio:9000/files" })).toMatch(/S3_ENDPOINT must be http\(s\):\/\/host\[:port\] with no path/);
    expect(fileStoreProblem({ ...s3, S3_BUCKET: "Send_Files" })).toMatch(/S3_BUCKET is not a valid bucket name/);
    const viaAws = s3ConfigFromEnv({ FILE_STORE: "s3", S3_ENDPOINT: "https://s3.amazonaws.com", S3_BUCKET: "b-1", AWS_ACCESS_KEY_ID: "A", AWS_SECRET_ACCESS_KEY: "S", AWS_SESSION_TOKEN: "T" });
    expect(viaAws.ok && viaAws.config).toMatchObject({ accessKeyId: "A", secretAccessKey: "S", sessionToken: "T", region: "us-east-1", prefix: "", urlStyle: "path" });
  });
});
