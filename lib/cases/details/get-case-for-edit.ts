/**
 * For /cases/[id]/edit (caseworkers and admins): the editable details as form strings.
 */
import "server-only";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { findCaseOrThrow } from "../store";
import { CASE_DETAILS_SELECT, detailsValues } from "./details-schema";

export async function getCaseForEdit(user: SessionUser, id: string) {
  authorize(user, "case:update");
  const c = await findCaseOrThrow(user, id, {
    id: true,
    reference: true,
    kind: true,
    status: true,
    version: true,
    ...CASE_DETAILS_SELECT,
    deadlines: { where: { closedOn: null, name: "MEDIATION_30_DAY" }, select: { id: true } },
  });
  return {
    id: c.id,
    reference: c.reference,
    kind: c.kind,
    status: c.status,
    version: c.version,
    thirtyDayClockRunning: c.deadlines.length > 0,
    values: detailsValues(c),
  };
}
