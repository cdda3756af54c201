import Link from "next/link";
import { requireUser } from "../../_server/auth";
import { listFailedJobs } from "@/lib/admin/jobs/list-failed-jobs";
import { Pagination } from "@/components/Pagination";
import { Notice } from "../../cases/[id]/_components/Notice";
import { formatInstant } from "../../cases/[id]/_shared";

export const metadata = { title: "Failed jobs" };
export const dynamic = "force-dynamic";

const DONE: Record<string, string> = {
  retried: "The job is back in the queue and will run within a minute.",
  already: "That job is no longer failed: it has already been run again.",
};

/**
 * Issue 10: jobs the app runs in the background (emails, reminders, alerts) that failed after
 * every retry, newest first, each with the way to run it again. ADMIN only (404 for others).
 */
export default async function FailedJobsPage({ searchParams }: { searchParams: Promise<{ page?: string; done?: string }> }) {
  const user = await requireUser("admin:access");
  const { page, done } = await searchParams;
  const list = await listFailedJobs(user, Math.max(1, Number(page) || 1));
  const message = done && Object.hasOwn(DONE, done) ? DONE[done] : null;
  return (
    <>
      <p className="body">
        <Link href="/admin">Back to administration</Link>
      </p>
      <h1 className="h-l">Failed jobs</h1>
      {message && (
        <Notice title={done === "retried" ? "Success" : "Important"} success={done === "retried"} alert={done !== "retried"} testId="done-banner">
          <p className="body">{message}</p>
        </Notice>
      )}
      <p className="body">
        The app sends emails, meeting reminders and day-30 alerts in the background, and tries each again a few times when it fails. These are the ones that still failed. A failed job is kept
        here for 30 days.
      </p>
      {list.total === 0 ? (
        <p className="body" data-testid="no-failed-jobs">
          No jobs have failed.
        </p>
      ) : (
        <table className="table" data-testid="failed-jobs">
          <caption className="visually-hidden">Failed jobs, the most recent first</caption>
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Failed</th>
              <th scope="col">What went wrong</th>
              <th scope="col">Attempts</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((j) => (
              <tr key={j.id}>
                <td>{j.label}</td>
                <td>{j.failedAt ? formatInstant(j.failedAt.toISOString()) : "Not recorded"}</td>
                <td className="break-words">{j.error}</td>
                <td>{j.attempts}</td>
                <td>
                  <Link href={`/admin/jobs/retry?queue=${encodeURIComponent(j.queue)}&id=${encodeURIComponent(j.id)}`}>
                    Run again<span className="visually-hidden">: {j.label}, failed {j.failedAt ? formatInstant(j.failedAt.toISOString()) : ""}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={list.page} perPage={list.perPage} total={list.total} href={(p) => `/admin/jobs?page=${p}`} />
    </>
  );
}
