/**
 * Every job queue of the app, declared once: its name, what it is called on the failed-jobs page,
 * pg-boss's own retry for a job that crashed (the handler threw, or the worker died and the job
 * expired), and the daily scans' cron times. Constants only — no server-only, no Prisma — so the
 * start scripts (scripts/dev.ts, scripts/start.ts, the test set-ups) can prepare the queues before
 * anything enqueues (./prepare.ts).
 *
 * pg-boss delivers a job at least once: every handler writes its effect with a unique key in the
 * same transaction (./effects.ts), so a retry after a crash never repeats what was done.
 */

/** pg-boss keeps its tables in this schema of the app's own database (never touched by Prisma). */
export const JOB_SCHEMA = "pgboss";

/** Cron times are Europe/London wall-clock times, whatever the server's time zone. */
export const JOB_TIME_ZONE = "Europe/London";

export const QUEUE_NAMES = [
  "email-delivery",
  "email-sweep",
  "meeting-invitations",
  "meeting-reminder-scan",
  "meeting-reminder",
  "case-clock-alert-scan",
  "case-clock-alert",
  "obligation-overdue-scan",
  "obligation-overdue-alert",
  "retention-purge-scan",
  "retention-purge",
] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export type QueueDefinition = {
  /** Shown on the failed-jobs page (/admin/jobs). */
  label: string;
  /** pg-boss retries of a crashed job, with exponential back-off from retryDelay seconds. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** A job still active after this long is taken as crashed (its worker died) and retried. */
  expireInSeconds: number;
  /** Scans: when pg-boss starts one (cron, JOB_TIME_ZONE). */
  cron?: string;
};

export const QUEUES: Record<QueueName, QueueDefinition> = {
  // One outbox row (lib/platform/outbox): its own back-off decides the next attempt after an SMTP
  // failure; pg-boss's retry only covers a crash of the handler itself.
  "email-delivery": { label: "Send an email", retryLimit: 3, retryDelaySeconds: 60, expireInSeconds: 5 * 60 },
  // Outbox rows that wait with no job (e.g. the app stopped between writing the row and queuing it).
  "email-sweep": { label: "Find emails waiting to be sent", retryLimit: 1, retryDelaySeconds: 60, expireInSeconds: 5 * 60, cron: "*/10 * * * *" },
  // A meeting's invitations (.ics), queued by the command that booked, moved or cancelled it, or
  // changed who is invited (lib/meetings/send-meeting-invitations.ts).
  "meeting-invitations": { label: "Send meeting invitations", retryLimit: 5, retryDelaySeconds: 60, expireInSeconds: 5 * 60 },
  // Daily, early: the reminders of meetings two working days away (lib/meetings/reminders).
  "meeting-reminder-scan": { label: "Find meetings to remind people of", retryLimit: 3, retryDelaySeconds: 300, expireInSeconds: 10 * 60, cron: "0 7 * * *" },
  "meeting-reminder": { label: "Send a meeting reminder", retryLimit: 5, retryDelaySeconds: 60, expireInSeconds: 5 * 60 },
  // Daily: cases near the last day of their 30-day clock with no joint meeting (lib/cases/alerts).
  "case-clock-alert-scan": { label: "Find cases near day 30 with no meeting", retryLimit: 3, retryDelaySeconds: 300, expireInSeconds: 10 * 60, cron: "30 7 * * *" },
  "case-clock-alert": { label: "Send a day-30 alert", retryLimit: 5, retryDelaySeconds: 60, expireInSeconds: 5 * 60 },
  // Daily: agreed actions past their due date, alerted once each (lib/obligations/overdue, issue 11).
  "obligation-overdue-scan": { label: "Find overdue agreed actions", retryLimit: 3, retryDelaySeconds: 300, expireInSeconds: 10 * 60, cron: "0 8 * * *" },
  "obligation-overdue-alert": { label: "Send an overdue agreed action alert", retryLimit: 5, retryDelaySeconds: 60, expireInSeconds: 5 * 60 },
  // Daily, at night: closed cases past retention and not on hold, anonymised once each
  // (lib/data-protection, decision 0028).
  "retention-purge-scan": { label: "Find closed cases past retention", retryLimit: 3, retryDelaySeconds: 300, expireInSeconds: 10 * 60, cron: "30 2 * * *" },
  "retention-purge": { label: "Anonymise a case past retention", retryLimit: 5, retryDelaySeconds: 60, expireInSeconds: 10 * 60 },
};

/**
 * pg-boss's own settings, shared by every instance (the worker's and the app's). A failed job is
 * kept in the job table (listed on /admin/jobs, where it can be run again) for 30 days, then
 * archived; completed jobs are archived after 12 hours; the archive is emptied after 7 days.
 */
export const BOSS_SETTINGS = {
  schema: JOB_SCHEMA,
  archiveCompletedAfterSeconds: 12 * 60 * 60,
  archiveFailedAfterSeconds: 30 * 24 * 60 * 60,
  deleteAfterDays: 7,
} as const;
