-- Issue 14 (decision 0035): a create form's submission done once. The key is claimed in the same
-- transaction as what the form creates; a second submission waits on the primary key, then finds it
-- taken and is shown the first one's outcome.
CREATE TABLE "SubmissionKey" (
    "actorKey" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "outcome" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubmissionKey_pkey" PRIMARY KEY ("actorKey","key")
);

CREATE INDEX "SubmissionKey_createdAt_idx" ON "SubmissionKey"("createdAt");
