/**
 * No worker runs in Vitest: a test runs the `meeting-invitations` jobs its command queued for one
 * meeting, oldest first, through the job's own handler (as the worker would), then removes them.
 */
import { db } from "@/lib/platform/db";
import { JOB_SCHEMA } from "@/lib/platform/jobs/queues";
import { sendMeetingInvitationsJob } from "@/lib/meetings/send-meeting-invitations";

export async function runInvitationJobs(meetingId: string | null): Promise<number> {
  if (!meetingId) return 0;
  const jobs = await db().$queryRawUnsafe<{ id: string; data: unknown }[]>(
    `SELECT id::text AS id, data FROM ${JOB_SCHEMA}.job WHERE name = 'meeting-invitations' AND state = 'created' AND data->>'meetingId' = $1 ORDER BY created_on, id`,
    meetingId,
  );
  for (const j of jobs) {
    await sendMeetingInvitationsJob(j.data);
    await db().$executeRawUnsafe(`DELETE FROM ${JOB_SCHEMA}.job WHERE id = $1::uuid`, j.id);
  }
  return jobs.length;
}
