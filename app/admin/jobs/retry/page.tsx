import { requireUser } from "../../../_server/auth";
import { getFailedJob } from "@/lib/admin/jobs/get-failed-job";
import { formatInstant, orNotFound } from "../../../cases/[id]/_shared";
import { SummaryList } from "@/components/SummaryList";
import { BackLink } from "../../../cases/[id]/_components/Notice";
import { RetryJobForm } from "./RetryJobForm";

export const metadata = { title: "Run a failed job again" };
export const dynamic = "force-dynamic";

/** The confirmation before a failed job is run again (ADMIN only; 404 for anyone else, or a job not failed). */
export default async function RetryJobPage({ searchParams }: { searchParams: Promise<{ queue?: string; id?: string }> }) {
  const user = await requireUser("admin:access");
  const { queue, id } = await searchParams;
  const job = await orNotFound(getFailedJob(user, { queue, id }));
  return (
    <>
      <BackLink href="/admin/jobs">Back to failed jobs</BackLink>
      <h1 className="h-l">Run this job again?</h1>
      <SummaryList
        label="The failed job"
        rows={[
          { key: "Job", value: job.label },
          { key: "Failed", value: job.failedAt ? formatInstant(job.failedAt.toISOString()) : null },
          { key: "What went wrong", value: job.error },
          { key: "Attempts", value: String(job.attempts) },
        ]}
      />
      <p className="body">It goes back in the queue and runs within a minute. Running it again is safe: whatever it did before it failed is not done twice.</p>
      <RetryJobForm queue={job.queue} id={job.id} />
    </>
  );
}
