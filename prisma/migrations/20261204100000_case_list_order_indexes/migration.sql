-- Issue 14 (decision 0033): the case list's default order (soonest deadline first, then the
-- reference) read straight from one index, so the first page is the first 50 index entries
-- instead of a (parallel) sort of every open case. It replaces the index on nextDeadlineOn alone,
-- which it covers. The same for a mediator's own cases (/mediator): their first page is read from
-- the index rather than found by walking every case's deadline order. It covers the index on
-- allocatedMediatorId alone, which it replaces.
DROP INDEX "Case_nextDeadlineOn_idx";
CREATE INDEX "Case_nextDeadlineOn_reference_idx" ON "Case"("nextDeadlineOn", "reference");
DROP INDEX "Case_allocatedMediatorId_idx";
CREATE INDEX "Case_allocatedMediatorId_nextDeadlineOn_reference_idx" ON "Case"("allocatedMediatorId", "nextDeadlineOn", "reference");
