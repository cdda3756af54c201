-- Issue 10: meetings (pre-meetings, the joint meeting, DRS meetings), venues, and the mediator's
-- availability for "find a time".
CREATE TYPE "MeetingKind" AS ENUM ('PRE_MEETING', 'JOINT_MEETING', 'DRS_MEETING');
CREATE TYPE "MeetingMode" AS ENUM ('VENUE', 'VIDEO', 'PHONE', 'VISIT');
CREATE TYPE "MeetingStatus" AS ENUM ('SCHEDULED', 'CANCELLED', 'HELD');

CREATE TABLE "Venue" (
    "id" TEXT NOT NULL,
    "localAuthorityId" TEXT,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "stepFreeAccess" BOOLEAN NOT NULL DEFAULT false,
    "hearingLoop" BOOLEAN NOT NULL DEFAULT false,
    "parking" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Venue_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "mode" "MeetingMode" NOT NULL,
    "venueId" TEXT,
    "videoLink" TEXT,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "MeetingStatus" NOT NULL DEFAULT 'SCHEDULED',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "noticeSentOn" DATE,
    "shortNoticeAgreed" BOOLEAN NOT NULL DEFAULT false,
    "lateReason" TEXT,
    "mediatorId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "MediatorAvailability" (
    "userId" TEXT NOT NULL,
    "weeklyHours" JSONB NOT NULL,
    "maxJointMeetingsPerDay" INTEGER NOT NULL DEFAULT 2,
    "travelMinutes" INTEGER NOT NULL DEFAULT 60,
    CONSTRAINT "MediatorAvailability_pkey" PRIMARY KEY ("userId")
);

CREATE TABLE "MediatorDayOff" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    CONSTRAINT "MediatorDayOff_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Meeting_caseId_kind_status_idx" ON "Meeting"("caseId", "kind", "status");
CREATE INDEX "Meeting_mediatorId_startsAt_idx" ON "Meeting"("mediatorId", "startsAt");
CREATE INDEX "Meeting_venueId_startsAt_idx" ON "Meeting"("venueId", "startsAt");
CREATE UNIQUE INDEX "MediatorDayOff_userId_date_key" ON "MediatorDayOff"("userId", "date");

ALTER TABLE "Venue" ADD CONSTRAINT "Venue_localAuthorityId_fkey" FOREIGN KEY ("localAuthorityId") REFERENCES "LocalAuthority"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "MediatorAvailability" ADD CONSTRAINT "MediatorAvailability_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MediatorDayOff" ADD CONSTRAINT "MediatorDayOff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
