-- Issue 10: the meeting record (who attended, times, the child's views, expenses: R-24..R-26) and
-- case notes behind the confidentiality wall (R-80), with safeguarding leads (R-81).
CREATE TYPE "AttendanceCapacity" AS ENUM ('PARENT', 'YOUNG_PERSON', 'LA_OFFICER', 'ICB', 'SCHOOL', 'SUPPORTER', 'INTERPRETER', 'OTHER');
CREATE TYPE "ChildViewsMethod" AS ENUM ('ATTENDED', 'WRITTEN_STATEMENT', 'DRAWING', 'SPOKEN_TO_BEFOREHAND', 'NOT_POSSIBLE');
CREATE TYPE "ExpensesPayer" AS ENUM ('LA', 'ICB');
CREATE TYPE "ExpensesStatus" AS ENUM ('PENDING', 'PAID');
CREATE TYPE "CaseNoteKind" AS ENUM ('PRE_MEETING', 'MEDIATOR_PRIVATE');

ALTER TABLE "User" ADD COLUMN "safeguardingLead" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "MeetingRecord" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3) NOT NULL,
    "childViewsHow" "ChildViewsMethod"[] DEFAULT ARRAY[]::"ChildViewsMethod"[],
    "childViews" TEXT,
    "childViewsNotPossibleReason" TEXT,
    "expensesClaimed" BOOLEAN NOT NULL DEFAULT false,
    "expensesAmountPence" INTEGER,
    "expensesFor" TEXT,
    "expensesPayer" "ExpensesPayer",
    "expensesStatus" "ExpensesStatus",
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "MeetingRecord_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "MeetingRecordAttendee" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "partyId" TEXT,
    "name" TEXT NOT NULL,
    "capacity" "AttendanceCapacity" NOT NULL,
    "organisation" TEXT,
    "hasAuthority" BOOLEAN,
    "position" INTEGER NOT NULL,
    CONSTRAINT "MeetingRecordAttendee_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CaseNote" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" "CaseNoteKind" NOT NULL,
    "partyId" TEXT,
    "meetingId" TEXT,
    "meetingRecordId" TEXT,
    "body" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "sharedAt" TIMESTAMPTZ(3),
    "sharedById" TEXT,
    "safeguardingAt" TIMESTAMPTZ(3),
    "safeguardingById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseNote_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "MeetingRecord_meetingId_key" ON "MeetingRecord"("meetingId");
CREATE INDEX "MeetingRecord_caseId_idx" ON "MeetingRecord"("caseId");
CREATE INDEX "MeetingRecordAttendee_recordId_idx" ON "MeetingRecordAttendee"("recordId");
CREATE INDEX "CaseNote_caseId_createdAt_idx" ON "CaseNote"("caseId", "createdAt");
CREATE INDEX "CaseNote_safeguardingAt_idx" ON "CaseNote"("safeguardingAt");

ALTER TABLE "MeetingRecord" ADD CONSTRAINT "MeetingRecord_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MeetingRecord" ADD CONSTRAINT "MeetingRecord_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MeetingRecordAttendee" ADD CONSTRAINT "MeetingRecordAttendee_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "MeetingRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CaseNote" ADD CONSTRAINT "CaseNote_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CaseNote" ADD CONSTRAINT "CaseNote_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CaseNote" ADD CONSTRAINT "CaseNote_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CaseNote" ADD CONSTRAINT "CaseNote_meetingRecordId_fkey" FOREIGN KEY ("meetingRecordId") REFERENCES "MeetingRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;
