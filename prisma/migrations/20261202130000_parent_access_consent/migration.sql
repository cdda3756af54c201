-- R-01 (decision 0022): the young person's consent to a parent seeing their case.
-- Null while not given, and again once withdrawn. The history is in the audit trail.
ALTER TABLE "Case" ADD COLUMN "parentAccessConsentAt" TIMESTAMPTZ(3),
ADD COLUMN "parentAccessConsentById" TEXT,
ADD COLUMN "parentAccessConsentHow" TEXT;
