-- Issue 11 groundwork: sealed documents (agreements, outcome statements, certificates) with their
-- PDF, the hashes of the PDF and of the canonical content, and a public verification code.
-- Decision 0015.
CREATE TYPE "DocumentKind" AS ENUM ('AGREEMENT', 'OUTCOME_STATEMENT', 'CERTIFICATE');

CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "caseId" TEXT,
    "kind" "DocumentKind" NOT NULL,
    "title" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "supersedesId" TEXT,
    "visibility" "Visibility" NOT NULL DEFAULT 'SHARED',
    "content" TEXT NOT NULL,
    "contentSha256" TEXT NOT NULL,
    "pdf" BYTEA NOT NULL,
    "pdfSha256" TEXT NOT NULL,
    "pdfSize" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "verificationCode" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Document_supersedesId_key" ON "Document"("supersedesId");
CREATE UNIQUE INDEX "Document_verificationCode_key" ON "Document"("verificationCode");
CREATE INDEX "Document_caseId_kind_idx" ON "Document"("caseId", "kind");

ALTER TABLE "Document" ADD CONSTRAINT "Document_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Document" ADD CONSTRAINT "Document_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Document"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
