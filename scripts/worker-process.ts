/**
 * The job worker (scripts/worker.ts) as a child process of `npm run dev`, `npm start` and the
 * browser tests' server: one Node process with tsx's loader (no npx or tsx wrapper in between, so
 * a signal reaches the worker itself and its exit is the worker's). Stopping sends SIGTERM and
 * waits for the graceful stop (the jobs in hand finish), then SIGKILL as a last resort — before
 * the caller stops PostgreSQL under it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export function spawnWorker(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(root, "scripts/worker.ts")], { cwd: root, env, stdio: "inherit" });
}

/** Resolves when the worker has exited (at once if it already has). */
export function stopWorker(child: ChildProcess, timeoutMs = 25_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
