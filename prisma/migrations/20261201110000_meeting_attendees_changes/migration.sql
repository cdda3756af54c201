-- Issue 10: who is invited to a meeting (their answer and what they need to take part), and each
-- meeting's history of bookings, moves and cancellations.
CREATE TYPE "AttendeeResponse" AS ENUM ('INVITED', 'ACCEPTED', 'DECLINED', 'TENTATIVE');
CREATE TYPE "MeetingChangeKind" AS ENUM ('BOOKED', 'MOVED', 'CANCELLED');

CREATE TABLE "MeetingAttendee" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "partyId" TEXT NOT NULL,
    "response" "AttendeeResponse" NOT NULL DEFAULT 'INVITED',
    "respondedAt" TIMESTAMPTZ(3),
    "interpreterLanguage" TEXT,
    "adjustments" TEXT,
    "invitedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "MeetingAttendee_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "MeetingChange" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "kind" "MeetingChangeKind" NOT NULL,
    "fromStartsAt" TIMESTAMPTZ(3),
    "fromEndsAt" TIMESTAMPTZ(3),
    "fromPlace" TEXT,
    "toStartsAt" TIMESTAMPTZ(3),
    "toEndsAt" TIMESTAMPTZ(3),
    "toPlace" TEXT,
    "reason" TEXT,
    "sequence" INTEGER NOT NULL,
    "actorId" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MeetingChange_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "MeetingAttendee_caseId_idx" ON "MeetingAttendee"("caseId");
CREATE INDEX "MeetingAttendee_partyId_idx" ON "MeetingAttendee"("partyId");
CREATE UNIQUE INDEX "MeetingAttendee_meetingId_partyId_key" ON "MeetingAttendee"("meetingId", "partyId");
CREATE INDEX "MeetingChange_meetingId_at_idx" ON "MeetingChange"("meetingId", "at");
CREATE INDEX "MeetingChange_caseId_idx" ON "MeetingChange"("caseId");

ALTER TABLE "MeetingAttendee" ADD CONSTRAINT "MeetingAttendee_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MeetingAttendee" ADD CONSTRAINT "MeetingAttendee_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MeetingAttendee" ADD CONSTRAINT "MeetingAttendee_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MeetingChange" ADD CONSTRAINT "MeetingChange_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MeetingChange" ADD CONSTRAINT "MeetingChange_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
