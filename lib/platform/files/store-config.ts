/**
 * The file store's settings (issue 14, decision 0037), read from the environment. Pure — no
 * `server-only`, no I/O — so `npm start` can refuse to start with a wrong setting before anything
 * runs, and unit tests can check every rule.
 *
 * FILE_STORE=disk (the default): FILE_STORE_DIR, a folder on this machine (./store.ts).
 * FILE_STORE=s3: S3_ENDPOINT, S3_BUCKET, S3_REGION (default us-east-1), S3_ACCESS_KEY_ID and
 * S3_SECRET_ACCESS_KEY (or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN),
 * optional S3_PREFIX and S3_URL_STYLE ("path", the default, or "virtual") (./s3-store.ts).
 */
/** A file store key: 32 lower-case hex characters (128 random bits). */
export const FILE_STORE_KEY = /^[0-9a-f]{32}$/;

export type S3Config = {
  /** e.g. `https://s3.eu-west-2.amazonaws.com` or `http://minio.internal:9000` */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Put before every key, e.g. `family-uploads/` (may be empty). */
  prefix: string;
  urlStyle: "path" | "virtual";
};

/**
 * The S3 settings from the environment, or a list of what is missing or wrong (for `npm start`
 * and the first use to say so plainly). Credentials: S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY,
 * else AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN).
 */
export function s3ConfigFromEnv(env: Record<string, string | undefined> = process.env): { ok: true; config: S3Config } | { ok: false; problems: string[] } {
  const v = (name: string) => env[name]?.trim() || undefined;
  const problems: string[] = [];
  const endpoint = v("S3_ENDPOINT");
  const bucket = v("S3_BUCKET");
  const accessKeyId = v("S3_ACCESS_KEY_ID") ?? v("AWS_ACCESS_KEY_ID");
  const secretAccessKey = v("S3_SECRET_ACCESS_KEY") ?? v("AWS_SECRET_ACCESS_KEY");
  if (!endpoint) problems.push("S3_ENDPOINT is not set (e.g. https://s3.eu-west-2.amazonaws.com)");
  else if (!/^https?:\/\/[^/\s]+\/?$/.test(endpoint)) problems.push(`S3_ENDPOINT must be http(s)://host[:port] with no path, not ${JSON.stringify(endpoint)}`);
  if (!bucket) problems.push("S3_BUCKET is not set");
  else if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) problems.push(`S3_BUCKET is not a valid bucket name: ${JSON.stringify(bucket)}`);
  if (!accessKeyId) problems.push("S3_ACCESS_KEY_ID (or AWS_ACCESS_KEY_ID) is not set");
  if (!secretAccessKey) problems.push("S3_SECRET_ACCESS_KEY (or AWS_SECRET_ACCESS_KEY) is not set");
  const prefix = v("S3_PREFIX") ?? "";
  if (prefix && !/^[A-Za-z0-9!_.*'()/-]{1,200}$/.test(prefix)) problems.push("S3_PREFIX may hold only letters, digits and !_.*'()/-");
  const style = v("S3_URL_STYLE") ?? "path";
  if (style !== "path" && style !== "virtual") problems.push(`S3_URL_STYLE must be "path" or "virtual", not ${JSON.stringify(style)}`);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      endpoint: endpoint!.replace(/\/$/, ""),
      bucket: bucket!,
      region: v("S3_REGION") ?? "us-east-1",
      accessKeyId: accessKeyId!,
      secretAccessKey: secretAccessKey!,
      sessionToken: v("S3_SESSION_TOKEN") ?? v("AWS_SESSION_TOKEN"),
      prefix,
      urlStyle: style as "path" | "virtual",
    },
  };
}

/** The object's URL for a key (path-style or virtual-hosted). */
export function s3ObjectUrl(c: Pick<S3Config, "endpoint" | "bucket" | "prefix" | "urlStyle">, key: string): string {
  if (!FILE_STORE_KEY.test(key)) throw new Error("not a file store key");
  const objectPath = `${c.prefix}${key}`.split("/").map(encodeURIComponent).join("/");
  if (c.urlStyle === "virtual") {
    const u = new URL(c.endpoint);
    return `${u.protocol}//${c.bucket}.${u.host}/${objectPath}`;
  }
  return `${c.endpoint}/${c.bucket}/${objectPath}`;
}

/** The stores an operator can choose with FILE_STORE. */
export const FILE_STORE_KINDS = ["disk", "s3"] as const;
export type FileStoreKind = (typeof FILE_STORE_KINDS)[number];

/** FILE_STORE as a store kind ("disk" when unset); null when set to anything else. */
export function fileStoreKind(env: Record<string, string | undefined> = process.env): FileStoreKind | null {
  const v = env.FILE_STORE?.trim().toLowerCase() || "disk";
  return (FILE_STORE_KINDS as readonly string[]).includes(v) ? (v as FileStoreKind) : null;
}

/**
 * What is wrong with the file store's settings, in words for an operator, or null when nothing is
 * (`npm start` refuses to start with a problem; decision 0037).
 */
export function fileStoreProblem(env: Record<string, string | undefined> = process.env): string | null {
  const kind = fileStoreKind(env);
  if (kind === null) return `FILE_STORE must be "disk" or "s3", not ${JSON.stringify(env.FILE_STORE)}.`;
  if (kind === "disk") return null;
  const s3 = s3ConfigFromEnv(env);
  return s3.ok ? null : `FILE_STORE=s3 needs: ${s3.problems.join("; ")}.`;
}
