-- Issue 9 items 12, 14: the caseworker's unsent referral is kept on the server (one per user), so
-- each step of the form is its own page and works without JavaScript.
CREATE TABLE "ReferralDraft" (
    "userId" TEXT NOT NULL,
    "values" JSONB NOT NULL,
    "stage" TEXT NOT NULL,
    "checked" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "serverErrors" JSONB NOT NULL DEFAULT '{}',
    "reachedCheck" BOOLEAN NOT NULL DEFAULT false,
    "createdCaseId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReferralDraft_pkey" PRIMARY KEY ("userId")
);

CREATE INDEX "ReferralDraft_updatedAt_idx" ON "ReferralDraft"("updatedAt");

ALTER TABLE "ReferralDraft" ADD CONSTRAINT "ReferralDraft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
