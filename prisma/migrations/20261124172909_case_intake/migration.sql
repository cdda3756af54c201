/*
  Warnings:

  - Changed the type of `kind` on the `Party` table: converted in place with a cast (edited by hand).

*/
-- CreateEnum
CREATE TYPE "CaseKind" AS ENUM ('MEDIATION', 'ADVICE_ONLY', 'DRS');

-- CreateEnum
CREATE TYPE "Requester" AS ENUM ('PARENT', 'YOUNG_PERSON', 'SCHOOL', 'LOCAL_AUTHORITY');

-- CreateEnum
CREATE TYPE "FamilyPartyType" AS ENUM ('PARENT', 'YOUNG_PERSON');

-- CreateEnum
CREATE TYPE "DisputedDecision" AS ENUM ('REFUSAL_TO_ASSESS', 'NO_PLAN_AFTER_ASSESSMENT', 'PLAN_CONTENTS_SECTION_B', 'PLAN_CONTENTS_SECTION_F', 'PLAN_CONTENTS_SECTION_I', 'PLAN_NO_SCHOOL_NAMED', 'REFUSAL_TO_REASSESS', 'REFUSAL_TO_AMEND', 'CEASE_PLAN');

-- CreateEnum
CREATE TYPE "DrsScope" AS ENUM ('SEN_DUTIES', 'SETTING_PROVISION', 'HEALTH_OR_SOCIAL_CARE_PROVISION', 'LA_AND_HEALTH_BODY');

-- CreateEnum
CREATE TYPE "PartyKind" AS ENUM ('PARENT', 'YOUNG_PERSON', 'LA', 'HEALTH', 'SCHOOL', 'SUPPORTER', 'INTERPRETER');

-- CreateEnum
CREATE TYPE "ContactMethod" AS ENUM ('EMAIL', 'PHONE', 'POST');

-- CreateEnum
CREATE TYPE "Consent" AS ENUM ('PENDING', 'GIVEN', 'DECLINED');

-- CreateEnum
CREATE TYPE "IssueCategory" AS ENUM ('EDUCATION', 'HEALTH', 'SOCIAL_CARE');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('STAFF', 'SHARED');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "decisionSentOn" DATE,
ADD COLUMN     "disputedDecision" "DisputedDecision",
ADD COLUMN     "drsScope" "DrsScope",
ADD COLUMN     "familyParty" "FamilyPartyType" NOT NULL DEFAULT 'PARENT',
ADD COLUMN     "heldOn" DATE,
ADD COLUMN     "kind" "CaseKind" NOT NULL DEFAULT 'MEDIATION',
ADD COLUMN     "laNotifiedOn" DATE,
ADD COLUMN     "meetingOn" DATE,
ADD COLUMN     "nextDeadlineName" TEXT,
ADD COLUMN     "nextDeadlineOn" DATE,
ADD COLUMN     "requestedBy" "Requester" NOT NULL DEFAULT 'PARENT',
ADD COLUMN     "summary" TEXT;

-- AlterTable
ALTER TABLE "Party" ADD COLUMN     "accessNeeds" TEXT,
ADD COLUMN     "address" TEXT,
ADD COLUMN     "consent" "Consent" NOT NULL DEFAULT 'PENDING',
ADD COLUMN     "consentHow" TEXT,
ADD COLUMN     "consentOn" DATE,
ADD COLUMN     "hasAuthority" BOOLEAN,
ADD COLUMN     "organisation" TEXT,
ADD COLUMN     "phone" TEXT,
ADD COLUMN     "preferredContact" "ContactMethod" NOT NULL DEFAULT 'EMAIL',
-- Existing values (PARENT, ...) are already the enum's names: convert in place, keep the data.
ALTER COLUMN "kind" TYPE "PartyKind" USING "kind"::"PartyKind";

-- CreateTable
CREATE TABLE "Child" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "dateOfBirth" DATE,
    "setting" TEXT,
    "hasEhcPlan" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Child_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseIssue" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "category" "IssueCategory" NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "CaseIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "type" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "rule" TEXT,
    "data" JSONB,
    "visibility" "Visibility" NOT NULL DEFAULT 'STAFF',

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseDeadline" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "triggerOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "closedOn" DATE,
    "outcome" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseDeadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseReferenceCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CaseReferenceCounter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "MediatorConflict" (
    "id" TEXT NOT NULL,
    "mediatorId" TEXT NOT NULL,
    "localAuthorityId" TEXT,
    "partyName" TEXT,
    "partyEmail" TEXT,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediatorConflict_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Child_caseId_key" ON "Child"("caseId");

-- CreateIndex
CREATE INDEX "Child_name_idx" ON "Child"("name");

-- CreateIndex
CREATE INDEX "CaseIssue_caseId_idx" ON "CaseIssue"("caseId");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_at_idx" ON "CaseEvent"("caseId", "at");

-- CreateIndex
CREATE INDEX "CaseDeadline_caseId_closedOn_idx" ON "CaseDeadline"("caseId", "closedOn");

-- CreateIndex
CREATE INDEX "CaseDeadline_dueOn_idx" ON "CaseDeadline"("dueOn");

-- CreateIndex
CREATE INDEX "MediatorConflict_mediatorId_idx" ON "MediatorConflict"("mediatorId");

-- CreateIndex
CREATE INDEX "Case_status_nextDeadlineOn_idx" ON "Case"("status", "nextDeadlineOn");

-- CreateIndex
CREATE INDEX "Case_nextDeadlineOn_idx" ON "Case"("nextDeadlineOn");

-- AddForeignKey
ALTER TABLE "Child" ADD CONSTRAINT "Child_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseIssue" ADD CONSTRAINT "CaseIssue_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseDeadline" ADD CONSTRAINT "CaseDeadline_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediatorConflict" ADD CONSTRAINT "MediatorConflict_mediatorId_fkey" FOREIGN KEY ("mediatorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
