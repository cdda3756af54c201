-- Issue 11: certificates (R-30, R-31), each with its sealed PDF (a Document), immutable, a
-- correction superseding the one before. Decision 0017.
CREATE TYPE "CertificateKind" AS ENUM ('ADVICE_ONLY', 'AFTER_MEDIATION', 'NOT_ARRANGED');

CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" "CertificateKind" NOT NULL,
    "triggerOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "issuedOn" DATE NOT NULL,
    "issuerId" TEXT NOT NULL,
    "issuerName" TEXT NOT NULL,
    "decisions" "DisputedDecision"[] NOT NULL DEFAULT ARRAY[]::"DisputedDecision"[],
    "issues" JSONB NOT NULL,
    "parties" JSONB NOT NULL,
    "appealDeadlineOn" DATE,
    "appealExplanation" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "supersedesId" TEXT,
    "correctionReason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Certificate_documentId_key" ON "Certificate"("documentId");
CREATE UNIQUE INDEX "Certificate_supersedesId_key" ON "Certificate"("supersedesId");
CREATE INDEX "Certificate_caseId_issuedOn_idx" ON "Certificate"("caseId", "issuedOn");

ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Certificate"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
