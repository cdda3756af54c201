-- Issue 10: a pre-meeting is with one party (Meeting.partyId), by phone, video or a visit to an
-- address (Meeting.address). Venues are kept by caseworkers: no change to their table.
ALTER TABLE "Meeting" ADD COLUMN "partyId" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "address" TEXT;

CREATE INDEX "Meeting_partyId_idx" ON "Meeting"("partyId");

ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE SET NULL ON UPDATE CASCADE;
