-- Issue 11: agreements (R-40) and DRS outcome statements (R-72), their agreed actions (R-41..R-44),
-- who must sign, signatures bound to the text's hash, and single-use signing links. Decision 0016.
CREATE TYPE "AgreementKind" AS ENUM ('AGREEMENT', 'OUTCOME_STATEMENT');
CREATE TYPE "AgreementStatus" AS ENUM ('DRAFT', 'AWAITING_SIGNATURES', 'SEALED', 'SUPERSEDED');
CREATE TYPE "AgreedActionParty" AS ENUM ('LA', 'ICB', 'SCHOOL', 'FAMILY', 'OTHER');
CREATE TYPE "AgreedActionKind" AS ENUM ('ASSESS_NOTIFY', 'ASSESS_NO_PLAN', 'ASSESS_FINAL_PLAN', 'PLAN_DRAFT', 'PLAN_FINAL', 'AMEND_B_F', 'SECTION_I_ONLY', 'NON_APPEALABLE', 'MAINTAIN_OR_CEASE', 'OTHER');
CREATE TYPE "SignatureMethod" AS ENUM ('IN_PERSON', 'LINK');
CREATE TYPE "SignatureOutcome" AS ENUM ('SIGNED', 'DECLINED');

CREATE TABLE "CaseAgreement" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" "AgreementKind" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "supersedesId" TEXT,
    "status" "AgreementStatus" NOT NULL DEFAULT 'DRAFT',
    "meetingRecordId" TEXT NOT NULL,
    "agreedOn" DATE NOT NULL,
    "whatWasAgreed" TEXT NOT NULL,
    "whatWasNotAgreed" TEXT,
    "contentSha256" TEXT NOT NULL,
    "documentId" TEXT,
    "sealedAt" TIMESTAMPTZ(3),
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "CaseAgreement_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AgreementAction" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "what" TEXT NOT NULL,
    "responsible" "AgreedActionParty" NOT NULL,
    "kind" "AgreedActionKind" NOT NULL,
    "dueOn" DATE NOT NULL,
    "howChecked" TEXT NOT NULL,
    "overrideDueOn" DATE,
    "overrideAgreedBy" TEXT,
    "overrideAgreedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AgreementAction_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AgreementSigner" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "attendeeId" TEXT NOT NULL,
    "partyId" TEXT,
    "name" TEXT NOT NULL,
    "capacity" "AttendanceCapacity" NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "AgreementSigner_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AgreementSignature" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "signerId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "outcome" "SignatureOutcome" NOT NULL,
    "method" "SignatureMethod" NOT NULL,
    "contentSha256" TEXT NOT NULL,
    "typedName" TEXT,
    "reason" TEXT,
    "ip" TEXT,
    "recordedById" TEXT,
    "linkId" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AgreementSignature_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AgreementSigningLink" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "signerId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "tokenSha256" TEXT NOT NULL,
    "contentSha256" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AgreementSigningLink_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "CaseAgreement_supersedesId_key" ON "CaseAgreement"("supersedesId");
CREATE UNIQUE INDEX "CaseAgreement_documentId_key" ON "CaseAgreement"("documentId");
CREATE INDEX "CaseAgreement_caseId_idx" ON "CaseAgreement"("caseId");
CREATE UNIQUE INDEX "CaseAgreement_caseId_kind_version_key" ON "CaseAgreement"("caseId", "kind", "version");
CREATE INDEX "AgreementAction_agreementId_position_idx" ON "AgreementAction"("agreementId", "position");
CREATE INDEX "AgreementAction_caseId_idx" ON "AgreementAction"("caseId");
CREATE INDEX "AgreementSigner_caseId_idx" ON "AgreementSigner"("caseId");
CREATE UNIQUE INDEX "AgreementSigner_agreementId_attendeeId_key" ON "AgreementSigner"("agreementId", "attendeeId");
CREATE INDEX "AgreementSignature_agreementId_signerId_at_idx" ON "AgreementSignature"("agreementId", "signerId", "at");
CREATE INDEX "AgreementSignature_caseId_idx" ON "AgreementSignature"("caseId");
CREATE UNIQUE INDEX "AgreementSigningLink_tokenSha256_key" ON "AgreementSigningLink"("tokenSha256");
CREATE INDEX "AgreementSigningLink_agreementId_signerId_idx" ON "AgreementSigningLink"("agreementId", "signerId");
CREATE INDEX "AgreementSigningLink_caseId_idx" ON "AgreementSigningLink"("caseId");

ALTER TABLE "CaseAgreement" ADD CONSTRAINT "CaseAgreement_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CaseAgreement" ADD CONSTRAINT "CaseAgreement_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "CaseAgreement"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
ALTER TABLE "AgreementAction" ADD CONSTRAINT "AgreementAction_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "CaseAgreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AgreementSigner" ADD CONSTRAINT "AgreementSigner_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "CaseAgreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AgreementSignature" ADD CONSTRAINT "AgreementSignature_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "CaseAgreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AgreementSignature" ADD CONSTRAINT "AgreementSignature_signerId_fkey" FOREIGN KEY ("signerId") REFERENCES "AgreementSigner"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AgreementSigningLink" ADD CONSTRAINT "AgreementSigningLink_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "CaseAgreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AgreementSigningLink" ADD CONSTRAINT "AgreementSigningLink_signerId_fkey" FOREIGN KEY ("signerId") REFERENCES "AgreementSigner"("id") ON DELETE CASCADE ON UPDATE CASCADE;
