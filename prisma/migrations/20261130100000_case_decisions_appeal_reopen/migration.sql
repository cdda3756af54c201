-- Issue 8, items 5, 6, 9, 10, 11: several decisions per case (R-02), "not known yet", whether the
-- child has an EHC plan may be unknown, the IASS as a referrer, the ICB of a health case (R-21),
-- an appeal lodged alongside mediation, and the status a closed case left (re-opening, R-31).
ALTER TYPE "Requester" ADD VALUE 'IASS';

ALTER TABLE "Case" ADD COLUMN "disputedDecisions" "DisputedDecision"[] NOT NULL DEFAULT ARRAY[]::"DisputedDecision"[];
UPDATE "Case" SET "disputedDecisions" = ARRAY["disputedDecision"] WHERE "disputedDecision" IS NOT NULL;
-- A mediation or advice-only case saved without a decision came from "I'm not sure" on the self-referral.
ALTER TABLE "Case" ADD COLUMN "decisionUnknown" BOOLEAN NOT NULL DEFAULT false;
UPDATE "Case" SET "decisionUnknown" = true WHERE "disputedDecision" IS NULL AND "kind" <> 'DRS';
ALTER TABLE "Case" DROP COLUMN "disputedDecision";

ALTER TABLE "Case" ADD COLUMN "healthBodyId" TEXT;
ALTER TABLE "Case" ADD CONSTRAINT "Case_healthBodyId_fkey" FOREIGN KEY ("healthBodyId") REFERENCES "HealthBody"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Case" ADD COLUMN "appealLodgedOn" DATE;
ALTER TABLE "Case" ADD COLUMN "appealReference" TEXT;

ALTER TABLE "Case" ADD COLUMN "statusBeforeClose" "CaseStatus";
UPDATE "Case" c SET "statusBeforeClose" = (
  SELECT (e."data"->>'from')::"CaseStatus" FROM "CaseEvent" e
  WHERE e."caseId" = c."id" AND e."data"->>'transition' = 'close'
  ORDER BY e."at" DESC LIMIT 1
) WHERE c."status" = 'CLOSED';

ALTER TABLE "Child" ALTER COLUMN "hasEhcPlan" DROP NOT NULL;
ALTER TABLE "Child" ALTER COLUMN "hasEhcPlan" DROP DEFAULT;
