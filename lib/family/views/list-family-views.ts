/**
 * Issue 12: what the family sent, read only through familySubmissionScope
 * (lib/auth/scope.ts): the family their own (/my-case/<id>/views), the allocated mediator all of
 * it, caseworkers and admins what the family shared (the case page's "The family's views"). The LA
 * officer never reaches it: their request is a 404, and the case page does not ask.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize, can } from "@/lib/auth/policy";
import { familySubmissionScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { findCaseOrThrow } from "@/lib/cases/store";
import { ACCEPTED_UPLOAD_TYPES, type AcceptedMime } from "@/lib/platform/files/check-file-content";

export type FamilyViewsItem = {
  id: string;
  at: string;
  views: string | null;
  childViews: string | null;
  childViewsHow: string | null;
  sharedAt: string | null;
  byName: string | null;
};

export type FamilyUploadItem = {
  id: string;
  at: string;
  fileName: string;
  typeLabel: string;
  size: number;
  sharedAt: string | null;
  scanned: boolean;
  href: string;
  byName: string | null;
};

export type FamilyViews = { caseId: string; reference: string; submissions: FamilyViewsItem[]; uploads: FamilyUploadItem[] };

/** Where an upload is downloaded from (app/family-uploads/[id]/route.ts). */
export const familyUploadHref = (id: string) => `/family-uploads/${encodeURIComponent(id)}`;

async function read(user: SessionUser, caseId: string): Promise<FamilyViews> {
  const c = await findCaseOrThrow(user, caseId, { id: true, reference: true });
  const where = { AND: [familySubmissionScope(user), { caseId: c.id }] };
  const orderBy = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const [subs, ups] = await Promise.all([
    db().familySubmission.findMany({ where, orderBy, select: { id: true, createdAt: true, views: true, childViews: true, childViewsHow: true, sharedAt: true, userId: true } }),
    db().familyUpload.findMany({ where, orderBy, select: { id: true, createdAt: true, fileName: true, mime: true, size: true, sharedAt: true, scanStatus: true, userId: true } }),
  ]);
  const ids = [...new Set([...subs, ...ups].map((r) => r.userId))];
  const users = ids.length ? await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const name = (id: string) => users.find((u) => u.id === id)?.name ?? null;
  return {
    caseId: c.id,
    reference: c.reference,
    submissions: subs.map((s) => ({
      id: s.id,
      at: s.createdAt.toISOString(),
      views: s.views,
      childViews: s.childViews,
      childViewsHow: s.childViewsHow,
      sharedAt: s.sharedAt?.toISOString() ?? null,
      byName: name(s.userId),
    })),
    uploads: ups.map((u) => ({
      id: u.id,
      at: u.createdAt.toISOString(),
      fileName: u.fileName,
      typeLabel: ACCEPTED_UPLOAD_TYPES[u.mime as AcceptedMime]?.label ?? u.mime,
      size: u.size,
      sharedAt: u.sharedAt?.toISOString() ?? null,
      scanned: u.scanStatus === "CLEAN",
      href: familyUploadHref(u.id),
      byName: name(u.userId),
    })),
  };
}

/** The family's own page: what they sent on this case (404 for a case not theirs). */
export async function listMyFamilyViews(user: SessionUser, caseId: string): Promise<FamilyViews> {
  authorize(user, "family-views:send");
  return read(user, caseId);
}

/**
 * The case page's section: null for a user who may not read the family's views at all (the LA
 * officer), so the page shows nothing — not even an empty section.
 */
export async function listCaseFamilyViews(user: SessionUser, caseId: string): Promise<(FamilyViews & { sharedOnly: boolean }) | null> {
  if (!can(user, "family-views:read") || user.role === "PARENT") return null;
  return { ...(await read(user, caseId)), sharedOnly: user.role !== "MEDIATOR" };
}

/** One of the family's own uploads (the remove confirmation page), or NotFoundError. */
export async function getMyFamilyUpload(user: SessionUser, caseId: string, uploadId: string): Promise<FamilyUploadItem> {
  authorize(user, "family-views:send");
  const views = await read(user, caseId);
  const u = views.uploads.find((x) => x.id === uploadId);
  if (!u) throw new NotFoundError("upload");
  return u;
}
