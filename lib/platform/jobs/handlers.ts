/**
 * Which code handles each queue of ./queues.ts: the worker's table (scripts/worker.ts, and tests
 * that start a worker). The compiler checks that every queue has its handler. Each handler is one
 * domain command taking the job's data (parsed by its own zod schema) and claiming its effect once.
 */
import "server-only";
import { deliverOutboxEmail } from "@/lib/platform/outbox/deliver-outbox-email";
import { sweepOutbox } from "@/lib/platform/outbox/sweep-outbox";
import { sendMeetingInvitationsJob } from "@/lib/meetings/send-meeting-invitations";
import { scanMeetingReminders } from "@/lib/meetings/reminders/scan-meeting-reminders";
import { sendMeetingReminder } from "@/lib/meetings/reminders/send-meeting-reminder";
import { scanClockAlerts } from "@/lib/cases/alerts/scan-clock-alerts";
import { sendClockAlert } from "@/lib/cases/alerts/send-clock-alert";
import { scanOverdueObligations } from "@/lib/obligations/overdue/scan-overdue-obligations";
import { sendOverdueAlert } from "@/lib/obligations/overdue/send-overdue-alert";
import { scanRetentionPurge } from "@/lib/data-protection/scan-retention-purge";
import { purgeCase } from "@/lib/data-protection/purge-case";
import { purgeSubmissionKeys } from "@/lib/platform/idempotency/purge-submission-keys";
import type { JobHandlers } from "./worker";

export const JOB_HANDLERS: JobHandlers = {
  "email-delivery": async (data) => void (await deliverOutboxEmail(data)),
  "email-sweep": async () => void (await sweepOutbox()),
  "meeting-invitations": async (data) => void (await sendMeetingInvitationsJob(data)),
  "meeting-reminder-scan": async () => void (await scanMeetingReminders()),
  "meeting-reminder": async (data) => void (await sendMeetingReminder(data)),
  "case-clock-alert-scan": async () => void (await scanClockAlerts()),
  "case-clock-alert": async (data) => void (await sendClockAlert(data)),
  "obligation-overdue-scan": async () => void (await scanOverdueObligations()),
  "obligation-overdue-alert": async (data) => void (await sendOverdueAlert(data)),
  // The nightly scan also forgets create forms' submission keys past their day (decision 0035).
  "retention-purge-scan": async () => {
    await purgeSubmissionKeys();
    await scanRetentionPurge();
  },
  "retention-purge": async (data) => void (await purgeCase(data)),
};
