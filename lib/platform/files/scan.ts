/**
 * The scanning hook (issue 12, decision 0021). A deployment names a virus scanner that reads a file
 * on its standard input — UPLOAD_SCAN_COMMAND, e.g. `clamdscan --no-summary -` — and every upload is
 * piped to it BEFORE it is stored. ClamAV's convention decides the answer: exit 0 clean, exit 1
 * infected; anything else (another exit code, a signal, a command that cannot start, no answer
 * within UPLOAD_SCAN_TIMEOUT_MS) is an error, and the upload is refused all the same (fail closed).
 * Unset: no scanning, and the upload is recorded as NOT_SCANNED.
 *
 * The command is split on spaces and run without a shell (no quoting, no pipes): a wrapper script
 * is the place for anything more.
 */
import "server-only";
import { spawn } from "node:child_process";

/** How long a scanner may take over one file (at most 10 MB) before the upload is refused. */
export const UPLOAD_SCAN_TIMEOUT_MS = 30_000;

export type ScanResult = { status: "NOT_SCANNED" } | { status: "CLEAN" } | { status: "INFECTED" } | { status: "ERROR"; reason: string };

export function scanCommand(): string[] | null {
  const parts = (process.env.UPLOAD_SCAN_COMMAND ?? "").trim().split(/\s+/).filter(Boolean);
  return parts.length > 0 ? parts : null;
}

export async function scanUpload(bytes: Uint8Array, command: string[] | null = scanCommand(), timeoutMs = UPLOAD_SCAN_TIMEOUT_MS): Promise<ScanResult> {
  if (!command) return { status: "NOT_SCANNED" };
  const [program, ...args] = command as [string, ...string[]];
  return new Promise<ScanResult>((resolve) => {
    let settled = false;
    const done = (r: ScanResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const child = spawn(program, args, { stdio: ["pipe", "ignore", "ignore"], shell: false });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      done({ status: "ERROR", reason: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
    child.on("error", (e) => done({ status: "ERROR", reason: `could not run the scanner: ${e.message}` }));
    child.on("close", (code, signal) => {
      if (code === 0) done({ status: "CLEAN" });
      else if (code === 1) done({ status: "INFECTED" });
      else done({ status: "ERROR", reason: signal ? `stopped by ${signal}` : `exit code ${code}` });
    });
    // A scanner that stops reading early (it has its answer) closes the pipe: not an error in itself.
    child.stdin.on("error", () => {});
    child.stdin.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}
