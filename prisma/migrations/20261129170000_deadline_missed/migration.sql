-- Issue 8: a deadline closed after its due date is MISSED, never MET, with how late it was closed
-- in the unit its rule counts: calendar days for the 30-day clock (R-20, R-62), working days for the
-- certificates and the health notification (R-30, R-21, R-61). Existing rows keep their outcome,
-- and daysLate stays NULL for every row that is not MISSED.
-- AlterTable
ALTER TABLE "CaseDeadline" ADD COLUMN     "daysLate" INTEGER;
