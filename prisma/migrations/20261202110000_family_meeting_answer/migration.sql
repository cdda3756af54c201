-- Issue 12: the family answers the meeting invitation online. Who they bring to support them, and
-- when the family gave the answer themselves (decision 0020).
ALTER TABLE "MeetingAttendee" ADD COLUMN "supporterName" TEXT,
ADD COLUMN "familyAnsweredAt" TIMESTAMPTZ(3);
