-- Issue 10: jobs on pg-boss (its own schema "pgboss", created at run time, never by Prisma).
-- An outbox row waiting for a retry says when it is due.
ALTER TABLE "OutboxEmail" ADD COLUMN "nextAttemptAt" TIMESTAMPTZ(3);

-- A job's effect, done once: the unique key written with the effect in one transaction.
CREATE TABLE "JobEffect" (
    "key" TEXT NOT NULL,
    "queue" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobEffect_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "JobEffect_createdAt_idx" ON "JobEffect"("createdAt");
