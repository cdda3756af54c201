-- Issue 13 (decision 0028): retention purge, legal hold and erasure requests.
ALTER TABLE "Case" ADD COLUMN "purgedAt" TIMESTAMPTZ(3),
ADD COLUMN "legalHoldAt" TIMESTAMPTZ(3),
ADD COLUMN "legalHoldReason" TEXT,
ADD COLUMN "legalHoldById" TEXT,
ADD COLUMN "appealHoldReleasedAt" TIMESTAMPTZ(3);

CREATE TYPE "ErasureRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REFUSED');

CREATE TABLE "ErasureRequest" (
    "id" TEXT NOT NULL,
    "subjectName" TEXT NOT NULL,
    "subjectEmail" TEXT NOT NULL,
    "subjectDigest" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "receivedOn" DATE NOT NULL,
    "status" "ErasureRequestStatus" NOT NULL DEFAULT 'PENDING',
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionReason" TEXT,
    "outcome" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "ErasureRequest_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ErasureRequest_status_recordedAt_idx" ON "ErasureRequest"("status", "recordedAt");
