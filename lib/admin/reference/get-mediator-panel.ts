/**
 * For /admin/mediators/[id] (issue 13): one mediator's panel details to change, their
 * accreditation's status, cases allocated this calendar month against their capacity, the local
 * authorities they cover and their conflicts of interest. Admins only; 404 for anyone else
 * and for a user who is not a mediator.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import { accreditationStatus, accreditationWarning } from "./accreditation";
import { findPanelMediatorOrThrow } from "./mediator-panel-store";
import { allocationsInMonth } from "./monthly-allocations";

export async function getMediatorPanel(user: SessionUser, id: string, now: Date = new Date()) {
  authorize(user, "reference-data:manage");
  const m = await findPanelMediatorOrThrow(user, id, {
    id: true,
    name: true,
    email: true,
    active: true,
    mediatorProfile: {
      select: { version: true, accreditationBody: true, accreditationNumber: true, accreditationExpiresOn: true, monthlyCapacity: true, areas: { select: { localAuthority: { select: { id: true, name: true } } } } },
    },
    conflicts: { orderBy: { createdAt: "asc" }, select: { id: true, localAuthorityId: true, partyName: true, partyEmail: true, reason: true } },
  });
  const today = todayInLondon(now);
  const [localAuthorities, counts] = await Promise.all([
    db().localAuthority.findMany({ select: { id: true, name: true, active: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    allocationsInMonth(db(), [m.id], today),
  ]);
  const p = m.mediatorProfile;
  const expiresOn = p?.accreditationExpiresOn ? isoFromDbDate(p.accreditationExpiresOn) : null;
  const areaIds = new Set(p?.areas.map((a) => a.localAuthority.id) ?? []);
  const laName = new Map(localAuthorities.map((la) => [la.id, la.name]));
  const allocatedThisMonth = counts.get(m.id) ?? 0;
  return {
    id: m.id,
    name: m.name,
    email: m.email,
    active: m.active,
    today,
    accreditationBody: p?.accreditationBody ?? null,
    accreditationNumber: p?.accreditationNumber ?? null,
    accreditationExpiresOn: expiresOn,
    accreditation: accreditationStatus(expiresOn, today),
    accreditationWarning: accreditationWarning(m.name, expiresOn, today),
    monthlyCapacity: p?.monthlyCapacity ?? null,
    allocatedThisMonth,
    overCapacity: p?.monthlyCapacity != null && allocatedThisMonth > p.monthlyCapacity,
    areas: p?.areas.map((a) => a.localAuthority.name).sort() ?? [],
    conflicts: m.conflicts.map((k) => ({ id: k.id, with: [k.localAuthorityId ? laName.get(k.localAuthorityId) ?? "A local authority" : null, k.partyName, k.partyEmail].filter(Boolean).join(", "), reason: k.reason })),
    /** Areas offered: those in use, and any deactivated one already covered. */
    areaOptions: localAuthorities.filter((la) => la.active || areaIds.has(la.id)).map((la) => ({ id: la.id, name: la.active ? la.name : `${la.name} (deactivated)` })),
    /** Conflicts may be with any local authority, deactivated or not. */
    localAuthorities: localAuthorities.map((la) => ({ id: la.id, name: la.name })),
    values: {
      accreditationBody: p?.accreditationBody ?? "",
      accreditationNumber: p?.accreditationNumber ?? "",
      accreditationExpiresOn: expiresOn ?? "",
      monthlyCapacity: p?.monthlyCapacity == null ? "" : String(p.monthlyCapacity),
      areas: [...areaIds].join(","),
      expectedVersion: String(p?.version ?? 0),
    },
  };
}

export type MediatorPanelPage = Awaited<ReturnType<typeof getMediatorPanel>>;
