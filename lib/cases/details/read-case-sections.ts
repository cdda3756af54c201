/**
 * Issue 14 (decision 0042): the case page's sections — certificates, agreed actions
 * (issue 11), undelivered emails (the office only), the family's views and the notes (R-80,
 * the full view only) — in one statement and one round trip. Each section is its own
 * module's read, with its own scope (its SQL twin in lib/auth/scope.ts), permission check and
 * shaping, exactly as when it is read alone (listCaseCertificates, …); this only sends them
 * together. A case outside the user's scope is NotFoundError (404), as for each alone. A section
 * the user may not see is null and is not read at all.
 */
import "server-only";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { readTogether } from "@/lib/platform/db/row-reads";
import { caseCertificatesRead } from "@/lib/certificates/list-case-certificates";
import { caseObligationsRead } from "@/lib/obligations/list-case-obligations";
import { caseFamilyViewsRead } from "@/lib/family/views/list-family-views";
import { undeliveredEmailsRead } from "../emails/list-undelivered-emails";
import { caseNotesRead } from "../notes/list-case-notes";
import { caseViewFor } from "./get-case-detail";

export async function readCaseSections(user: SessionUser, caseId: string, now: Date = new Date()) {
  return readTogether({
    certificates: caseCertificatesRead(user, caseId),
    obligations: caseObligationsRead(user, caseId, now),
    undelivered: can(user, "case:read-undelivered-emails") ? undeliveredEmailsRead(user, caseId) : null,
    views: caseFamilyViewsRead(user, caseId),
    // notes are read for the full view only; the shared view never asks for them.
    notes: caseViewFor(user) === "FULL" ? caseNotesRead(user, caseId) : null,
  });
}

export type CaseSections = Awaited<ReturnType<typeof readCaseSections>>;
