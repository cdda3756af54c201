-- Issue 14 (decision 0039): the reports page at 100,000 cases. Each report table (lib/reports/report-sql.ts)
-- counts the rows of one period by one date, and before these indexes each was a sequential scan of the
-- whole table, and the 30-day table looked up every held case's deadlines through an index that holds
-- every deadline. Each index below holds a table's date first and the columns its buckets read after it,
-- so its count is a range of one index and nothing else (an index-only scan).
-- The partial ones (WHERE) cannot be written in schema.prisma: Prisma 6.19 does not see partial indexes,
-- so it neither lists nor drops them (its migrate diff finds no difference), and prisma/schema.prisma
-- names them in a comment on their model instead. Their conditions are the report SQL's own, word for
-- word, so the planner can prove a query's rows are in the index (tests/integration/reports/report-plans.test.ts).
-- No semicolon may appear inside a statement or a comment here: the driver adapter that runs
-- migrations (@prisma/adapter-pg executeScript) splits the script at every semicolon.

-- Referrals received, by who referred: the London day the referral was logged (Case.createdAt, R-63).
CREATE INDEX "Case_createdAt_localAuthorityId_requestedBy_idx" ON "Case"("createdAt", "localAuthorityId", "requestedBy");

-- DRS cases and their outcomes, by the day the referral was logged.
CREATE INDEX "Case_drs_createdAt_report_idx" ON "Case"("createdAt") INCLUDE ("localAuthorityId", "status", "heldOn", "agreement") WHERE "kind" = 'DRS';

-- Mediations held (the 30-day table, what they agreed, SEN2 reasons and appeals), by the day held.
CREATE INDEX "Case_mediation_heldOn_report_idx" ON "Case"("heldOn") INCLUDE ("localAuthorityId", "id", "agreement", "appealLodgedOn", "disputedDecisions") WHERE "kind" = 'MEDIATION' AND "heldOn" IS NOT NULL;

-- Cases appealed to the Tribunal, by the day the appeal was lodged.
CREATE INDEX "Case_appealLodgedOn_report_idx" ON "Case"("appealLodgedOn") INCLUDE ("localAuthorityId", "kind", "heldOn") WHERE "appealLodgedOn" IS NOT NULL;

-- R-20, R-21: the mediation clocks (lib/cases/lifecycle/vocabulary.ts MEDIATION_CLOCKS) that "meeting held"
-- closed MET or MISSED, by case: the 30-day table's look-up per held case reads only these entries.
CREATE INDEX "CaseDeadline_mediation_clock_outcome_idx" ON "CaseDeadline"("caseId") INCLUDE ("outcome") WHERE "name" IN ('MEDIATION_30_DAY', 'ICB_MEDIATION_30_DAY') AND "outcome" IN ('MET', 'MISSED');

-- Certificates issued (not corrections, R-31), by the date of issue, with the kind and the due date (R-30).
CREATE INDEX "Certificate_issuedOn_report_idx" ON "Certificate"("issuedOn") INCLUDE ("caseId", "kind", "dueOn") WHERE "supersedesId" IS NULL;

-- Agreed actions (R-40..R-44), by the day each was due.
CREATE INDEX "Obligation_dueOn_localAuthorityId_status_completedOn_idx" ON "Obligation"("dueOn", "localAuthorityId", "status", "completedOn");
