/**
 * Failures made visible: the failed-jobs list for admins (with running a job again), and a case's
 * emails that could not be delivered, for the office only — never the LA officer, the family or
 * anyone outside the case's scope.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { NotFoundError } from "@/lib/auth/types";
import { enqueue, jobBoss, prismaJobDb } from "@/lib/platform/jobs/boss";
import { JOB_SCHEMA, QUEUES, type QueueName } from "@/lib/platform/jobs/queues";
import { listFailedJobs, FAILED_JOBS_PER_PAGE } from "@/lib/admin/jobs/list-failed-jobs";
import { getFailedJob } from "@/lib/admin/jobs/get-failed-job";
import { retryFailedJob } from "@/lib/admin/jobs/retry-failed-job";
import { listUndeliveredEmails } from "@/lib/cases/emails/list-undelivered-emails";
import { admin, caseworker, la, laOfficer, makeCase, mediator, otherLa, parentUser, refusal, setUpCaseFixtures } from "../cases/fixtures";
import { makeUser, uid } from "../helpers";
import { jobById, stopWorkersAfterEach, testWorker, waitFor } from "./helpers";

setUpCaseFixtures();
stopWorkersAfterEach();

/** A job that failed for good: queued with no retries left, then failed with `message`. */
async function failedJob(queue: QueueName, message: string) {
  const id = await enqueue(db(), queue, { marker: uid() }, { retryLimit: 0 });
  await jobBoss().fail(queue, id, { message }, { db: prismaJobDb(db()) });
  return id;
}

describe("the failed-jobs list (/admin/jobs)", () => {
  it("is empty when nothing failed, then lists failed jobs newest first with what, why and how many attempts", async () => {
    await db().$executeRawUnsafe(`DELETE FROM ${JOB_SCHEMA}.job WHERE state = 'failed'`);
    expect(await listFailedJobs(admin)).toEqual({ items: [], total: 0, page: 1, perPage: FAILED_JOBS_PER_PAGE });

    const older = await failedJob("email-delivery", "connect ECONNREFUSED 127.0.0.1:25");
    await new Promise((r) => setTimeout(r, 20));
    const newer = await failedJob("meeting-reminder", "Meeting not found");
    const list = await listFailedJobs(admin);
    expect(list.total).toBe(2);
    expect(list.items.map((j) => j.id)).toEqual([newer, older]);
    expect(list.items[1]).toMatchObject({ queue: "email-delivery", label: QUEUES["email-delivery"].label, error: "connect ECONNREFUSED 127.0.0.1:25", attempts: 1 });
    expect(list.items[0]!.failedAt).toBeInstanceOf(Date);
  });

  it("says in plain English when the worker stopped while running a job", async () => {
    const id = await enqueue(db(), "email-sweep", {}, { retryLimit: 0 });
    // pg-boss records its own shutdown this way (a string, stored as { value }).
    await jobBoss().fail("email-sweep", id, "pg-boss shut down while active" as unknown as object, { db: prismaJobDb(db()) });
    expect((await getFailedJob(admin, { queue: "email-sweep", id })).error).toBe("The worker was stopped while running it.");
  });

  it("pages through many failures", async () => {
    await db().$executeRawUnsafe(`DELETE FROM ${JOB_SCHEMA}.job WHERE state = 'failed'`);
    for (let i = 0; i < FAILED_JOBS_PER_PAGE + 2; i++) await failedJob("case-clock-alert", `failure ${i}`);
    const first = await listFailedJobs(admin, 1);
    const second = await listFailedJobs(admin, 2);
    expect(first.items).toHaveLength(FAILED_JOBS_PER_PAGE);
    expect(second.items).toHaveLength(2);
    expect(second.total).toBe(FAILED_JOBS_PER_PAGE + 2);
    expect(new Set([...first.items, ...second.items].map((j) => j.id)).size).toBe(FAILED_JOBS_PER_PAGE + 2);
  });

  it("is for admins only: everyone else gets not found", async () => {
    for (const u of [caseworker, mediator, laOfficer, parentUser]) {
      expect(await refusal(listFailedJobs(u))).toBeInstanceOf(NotFoundError);
      expect(await refusal(retryFailedJob(u, { queue: "email-sweep", id: crypto.randomUUID() }))).toBeInstanceOf(NotFoundError);
    }
  });

  it("runs a failed job again: back in the queue, audited, done by the worker; pressing twice does nothing more", async () => {
    const id = await failedJob("email-sweep", "database restarting");
    expect(await retryFailedJob(admin, { queue: "email-sweep", id }, "203.0.113.9")).toEqual({ retried: true });
    expect((await jobById(id))?.state).toBe("retry");
    expect(await db().auditEvent.count({ where: { action: "job.retried", entityType: "Job", entityId: id, actorId: admin.id } })).toBe(1);
    expect(await retryFailedJob(admin, { queue: "email-sweep", id })).toEqual({ retried: false });
    expect(await refusal(getFailedJob(admin, { queue: "email-sweep", id }))).toBeInstanceOf(NotFoundError);

    await testWorker({ "email-sweep": async () => {} });
    await waitFor("the job to run again", async () => (await jobById(id))?.state === "completed");
  });

  it("refuses a job reference that is not a failed job of a known queue", async () => {
    for (const ref of [{ queue: "nope", id: crypto.randomUUID() }, { queue: "email-sweep", id: "not-a-uuid" }, {}]) {
      expect(await refusal(getFailedJob(admin, ref))).toBeInstanceOf(NotFoundError);
      expect(await refusal(retryFailedJob(admin, ref))).toBeInstanceOf(NotFoundError);
    }
    // A well-formed reference to no failed job: not found to look at, nothing to run again.
    const unknown = { queue: "email-sweep", id: crypto.randomUUID() };
    expect(await refusal(getFailedJob(admin, unknown))).toBeInstanceOf(NotFoundError);
    expect(await retryFailedJob(admin, unknown)).toEqual({ retried: false });
    expect(await db().auditEvent.count({ where: { action: "job.retried", entityId: unknown.id } })).toBe(0);
  });
});

describe("a case's emails that could not be delivered", () => {
  it("lists the case's FAILED emails, newest first, for caseworkers and admins; not the pending, sent or other cases' ones", async () => {
    const c = await makeCase({ mediatorId: mediator.id });
    const other = await makeCase();
    const at = (min: number) => new Date(Date.now() - min * 60_000);
    await db().outboxEmail.createMany({
      data: [
        { caseId: c.id, to: "old@family.example", subject: "Old", body: "x", status: "FAILED", attempts: 6, lastError: "550 mailbox unavailable", createdAt: at(60) },
        { caseId: c.id, to: "new@family.example", subject: "New", body: "x", status: "FAILED", attempts: 6, lastError: "timeout", createdAt: at(5) },
        { caseId: c.id, to: "retrying@family.example", subject: "Retrying", body: "x", status: "PENDING", attempts: 2 },
        { caseId: c.id, to: "sent@family.example", subject: "Sent", body: "x", status: "SENT", attempts: 1 },
        { caseId: other.id, to: "elsewhere@family.example", subject: "Elsewhere", body: "x", status: "FAILED", attempts: 6 },
      ],
    });
    for (const u of [caseworker, admin]) {
      const list = await listUndeliveredEmails(u, c.id);
      expect(list.map((e) => e.to)).toEqual(["new@family.example", "old@family.example"]);
      expect(list[1]).toMatchObject({ subject: "Old", attempts: 6, lastError: "550 mailbox unavailable" });
    }
  });

  it("is never shown to the LA officer, the family or the mediator, and a case outside the scope is not found", async () => {
    const family = await makeUser("PARENT");
    const c = await makeCase({ mediatorId: mediator.id, familyUserId: family.id, laId: la.id });
    for (const u of [laOfficer, family, mediator]) expect(await refusal(listUndeliveredEmails(u, c.id))).toBeInstanceOf(NotFoundError);
    expect(await refusal(listUndeliveredEmails(caseworker, `missing-${uid()}`))).toBeInstanceOf(NotFoundError);
    const elsewhere = await makeCase({ laId: otherLa.id });
    expect((await listUndeliveredEmails(caseworker, elsewhere.id)).length).toBe(0);
  });
});
