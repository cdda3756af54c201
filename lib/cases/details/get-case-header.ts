/**
 * The case's heading facts, for the pages under a case (e.g. /cases/[id]/parties/new).
 */
import "server-only";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { findCaseOrThrow } from "../store";

export async function getCaseHeader(user: SessionUser, id: string) {
  authorize(user, "case:read");
  return findCaseOrThrow(user, id, { id: true, reference: true, kind: true, status: true, version: true, familyParty: true });
}
