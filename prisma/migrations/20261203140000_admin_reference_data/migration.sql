-- Issue 13 (decision 0029): reference data kept by admins. Local authorities and health bodies get
-- a notice email, an active flag (deactivated, never deleted while a case refers to them) and a
-- version, and mediators get their panel details and the local authorities they cover.
ALTER TABLE "LocalAuthority" ADD COLUMN "noticeEmail" TEXT,
ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "HealthBody" ADD COLUMN "noticeEmail" TEXT,
ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

CREATE TABLE "MediatorProfile" (
    "userId" TEXT NOT NULL,
    "accreditationBody" TEXT,
    "accreditationNumber" TEXT,
    "accreditationExpiresOn" DATE,
    "monthlyCapacity" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MediatorProfile_pkey" PRIMARY KEY ("userId")
);

CREATE TABLE "MediatorArea" (
    "userId" TEXT NOT NULL,
    "localAuthorityId" TEXT NOT NULL,
    CONSTRAINT "MediatorArea_pkey" PRIMARY KEY ("userId","localAuthorityId")
);

CREATE INDEX "MediatorArea_localAuthorityId_idx" ON "MediatorArea"("localAuthorityId");

ALTER TABLE "MediatorProfile" ADD CONSTRAINT "MediatorProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MediatorArea" ADD CONSTRAINT "MediatorArea_userId_fkey" FOREIGN KEY ("userId") REFERENCES "MediatorProfile"("userId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MediatorArea" ADD CONSTRAINT "MediatorArea_localAuthorityId_fkey" FOREIGN KEY ("localAuthorityId") REFERENCES "LocalAuthority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
