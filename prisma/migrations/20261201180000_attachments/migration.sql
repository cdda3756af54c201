-- Issue 11 (R-40, R-30): an outbox email may carry one sealed document as its PDF attachment.
-- A plain column: the document is read at delivery, and documents are never deleted.
ALTER TABLE "OutboxEmail" ADD COLUMN "documentId" TEXT;

CREATE INDEX "OutboxEmail_documentId_idx" ON "OutboxEmail"("documentId");
