-- Issue 12: the LA dashboard reads the open deadlines (closedOn IS NULL) of one LA's cases.
CREATE INDEX "CaseDeadline_closedOn_caseId_idx" ON "CaseDeadline"("closedOn", "caseId");
