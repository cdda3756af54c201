/**
 * An admin records a mediator's panel details (issue 13, decision 0029): accrediting body and
 * number, when the accreditation expires, how many cases a calendar month they take and the local
 * authorities they cover. The mediator's account itself is /admin/users'. At the version the admin
 * saw (0: no details recorded yet); audited in the same transaction. The accreditation number is a
 * personal identifier: the audit row says whether it changed, not what it is.
 */
import "server-only";
import { z } from "zod";
import { transaction, type Prisma } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { ConflictError } from "@/lib/platform/errors";
import { dbDateFromIso, isoFromDbDate } from "@/lib/deadlines";
import { fieldError, parseInput, VALIDATION_MESSAGE } from "@/lib/platform/validation";
import { MEDIATOR_PANEL_FIELD_ORDER, mediatorPanelSchema, type MediatorPanelInput } from "./mediator-panel-schema";
import { findPanelMediatorOrThrow } from "./mediator-panel-store";

const versionSchema = z.coerce.number({ error: "The page is out of date. Reload it and try again." }).int().min(0);
export const PANEL_CHANGED_MESSAGE = "Someone else changed this mediator's panel details while you were working on them. Check them as they are now, then try again.";

export async function updateMediatorPanel(user: SessionUser, mediatorId: string, expectedVersion: number | string, input: MediatorPanelInput, ip: string | null = null): Promise<{ version: number }> {
  authorize(user, "reference-data:manage");
  const v = parseInput(mediatorPanelSchema, input, { order: MEDIATOR_PANEL_FIELD_ORDER, summary: VALIDATION_MESSAGE });
  const version = parseInput(versionSchema, expectedVersion);
  return transaction(async (tx) => {
    const m = await findPanelMediatorOrThrow(user, mediatorId, {
      id: true,
      mediatorProfile: { select: { version: true, accreditationBody: true, accreditationNumber: true, accreditationExpiresOn: true, monthlyCapacity: true, areas: { select: { localAuthorityId: true } } } },
    }, tx);
    const before = m.mediatorProfile;
    if ((before?.version ?? 0) !== version) throw new ConflictError(PANEL_CHANGED_MESSAGE, { currentVersion: before?.version ?? 0 });
    // An area must be a local authority; a new one must be in use (one already covered may stay).
    const kept = new Set(before?.areas.map((a) => a.localAuthorityId) ?? []);
    const las = await tx.localAuthority.findMany({ where: { id: { in: v.areas } }, select: { id: true, active: true } });
    if (las.length !== v.areas.length || las.some((la) => !la.active && !kept.has(la.id))) fieldError("areas", "Choose the local authorities they cover from the list");

    const data = {
      accreditationBody: v.accreditationBody,
      accreditationNumber: v.accreditationNumber,
      accreditationExpiresOn: v.accreditationExpiresOn ? dbDateFromIso(v.accreditationExpiresOn) : null,
      monthlyCapacity: v.monthlyCapacity,
    };
    if (!before) {
      await tx.mediatorProfile.create({ data: { userId: m.id, ...data } });
    } else {
      const r = await tx.mediatorProfile.updateMany({ where: { userId: m.id, version }, data: { ...data, version: { increment: 1 } } });
      if (r.count !== 1) throw new ConflictError(PANEL_CHANGED_MESSAGE);
    }
    await tx.mediatorArea.deleteMany({ where: { userId: m.id } });
    if (v.areas.length > 0) await tx.mediatorArea.createMany({ data: v.areas.map((localAuthorityId) => ({ userId: m.id, localAuthorityId })) });

    const auditOf = (p: { accreditationBody: string | null; accreditationExpiresOn: string | null; monthlyCapacity: number | null; areas: string[] }): Prisma.InputJsonObject => ({
      accreditationBody: p.accreditationBody,
      accreditationExpiresOn: p.accreditationExpiresOn,
      monthlyCapacity: p.monthlyCapacity,
      areas: [...p.areas].sort(),
    });
    await writeAudit(tx, {
      actor: user,
      action: "mediator.panel_updated",
      entityType: "MediatorProfile",
      entityId: m.id,
      before: before
        ? { ...auditOf({ ...before, accreditationExpiresOn: before.accreditationExpiresOn ? isoFromDbDate(before.accreditationExpiresOn) : null, areas: [...kept] }), version }
        : null,
      after: { ...auditOf(v), accreditationNumberChanged: (before?.accreditationNumber ?? null) !== v.accreditationNumber, version: version + 1 },
      ip,
    });
    return { version: version + 1 };
  });
}
