/** What the backup and restore commands share: their error (a message, no stack) and formatting. */

/** Thrown with the whole explanation for the operator; the command prints it and exits non-zero. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
    this.stack = message;
  }
}

/** 2026-12-04T13:05:09Z → "20261204-130509Z": sorts by time, safe in a file name. */
export function timestamp(now: Date = new Date()): string {
  return now.toISOString().replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "").replace("T", "-");
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
