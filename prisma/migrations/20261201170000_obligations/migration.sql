-- Issue 11: agreed actions tracked to done (lib/obligations, R-40..R-44, R-72). Decision 0018.
CREATE TYPE "ObligationResponsible" AS ENUM ('LA', 'ICB', 'SCHOOL', 'FAMILY', 'OTHER');
CREATE TYPE "ObligationStatus" AS ENUM ('OPEN', 'DONE', 'CLOSED_WITH_REASON');
CREATE TYPE "ObligationUpdateKind" AS ENUM ('PROGRESS', 'DONE', 'CLOSED');

CREATE TABLE "Obligation" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "localAuthorityId" TEXT NOT NULL,
    "sourceActionId" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "what" TEXT NOT NULL,
    "responsible" "ObligationResponsible" NOT NULL,
    "dueOn" DATE NOT NULL,
    "howChecked" TEXT NOT NULL,
    "status" "ObligationStatus" NOT NULL DEFAULT 'OPEN',
    "completedOn" DATE,
    "closedReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Obligation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ObligationUpdate" (
    "id" TEXT NOT NULL,
    "obligationId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" "ObligationUpdateKind" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byId" TEXT,
    "note" TEXT NOT NULL,
    "evidence" TEXT,
    "sharedWithFamily" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "ObligationUpdate_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Obligation_sourceActionId_key" ON "Obligation"("sourceActionId");
CREATE INDEX "Obligation_caseId_position_idx" ON "Obligation"("caseId", "position");
CREATE INDEX "Obligation_localAuthorityId_status_dueOn_idx" ON "Obligation"("localAuthorityId", "status", "dueOn");
CREATE INDEX "Obligation_status_dueOn_idx" ON "Obligation"("status", "dueOn");
CREATE INDEX "ObligationUpdate_obligationId_at_idx" ON "ObligationUpdate"("obligationId", "at");
CREATE INDEX "ObligationUpdate_caseId_idx" ON "ObligationUpdate"("caseId");

ALTER TABLE "Obligation" ADD CONSTRAINT "Obligation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Obligation" ADD CONSTRAINT "Obligation_localAuthorityId_fkey" FOREIGN KEY ("localAuthorityId") REFERENCES "LocalAuthority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ObligationUpdate" ADD CONSTRAINT "ObligationUpdate_obligationId_fkey" FOREIGN KEY ("obligationId") REFERENCES "Obligation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ObligationUpdate" ADD CONSTRAINT "ObligationUpdate_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
