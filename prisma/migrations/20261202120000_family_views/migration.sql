-- Issue 12 (R-25, R-80): the family's views and uploads. Decision 0021.
CREATE TYPE "FileScanStatus" AS ENUM ('NOT_SCANNED', 'CLEAN');

CREATE TABLE "FamilySubmission" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "partyId" TEXT,
    "views" TEXT,
    "childViews" TEXT,
    "childViewsHow" TEXT,
    "sharedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FamilySubmission_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "FamilyUpload" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "partyId" TEXT,
    "fileName" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "scanStatus" "FileScanStatus" NOT NULL,
    "sharedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FamilyUpload_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "FamilySubmission_caseId_createdAt_idx" ON "FamilySubmission"("caseId", "createdAt");
CREATE INDEX "FamilySubmission_userId_idx" ON "FamilySubmission"("userId");
CREATE UNIQUE INDEX "FamilyUpload_storageKey_key" ON "FamilyUpload"("storageKey");
CREATE INDEX "FamilyUpload_caseId_createdAt_idx" ON "FamilyUpload"("caseId", "createdAt");
CREATE INDEX "FamilyUpload_userId_idx" ON "FamilyUpload"("userId");

ALTER TABLE "FamilySubmission" ADD CONSTRAINT "FamilySubmission_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "FamilyUpload" ADD CONSTRAINT "FamilyUpload_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
