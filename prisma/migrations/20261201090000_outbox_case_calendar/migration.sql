-- Issue 10: an outbox email names the case it is about and may carry an iCalendar invitation.
ALTER TABLE "OutboxEmail" ADD COLUMN "caseId" TEXT;
ALTER TABLE "OutboxEmail" ADD COLUMN "calendarMethod" TEXT;
ALTER TABLE "OutboxEmail" ADD COLUMN "calendar" TEXT;
CREATE INDEX "OutboxEmail_caseId_idx" ON "OutboxEmail"("caseId");
