/**
 * Issue 12: what the family sent, read only through familySubmissionScope
 * (lib/auth/scope.ts; here its SQL twin familySubmissionScopeSql): the family their own (/my-case/<id>/views), the allocated mediator all of
 * it, caseworkers and admins what the family shared (the case page's "The family's views"). The LA
 * officer never reaches it: their request is a 404, and the case page does not ask.
 */
import "server-only";
import { Prisma } from "@/lib/platform/db";
import { readOne, rowRead, type RowRead } from "@/lib/platform/db/row-reads";
import { isoInstantSql } from "@/lib/platform/db/sql-values";
import { authorize, can } from "@/lib/auth/policy";
import { caseScopeSql, familySubmissionScopeSql } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
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

type ViewsRow = {
  id: string;
  reference: string;
  submissions: FamilyViewsItem[];
  uploads: { id: string; at: string; fileName: string; mime: string; size: number; sharedAt: string | null; scanStatus: string; byName: string | null }[];
};

/**
 * Issue 14 (decision 0033): one hand-written statement through the pool (readRows, decision 0040:
 * text, json) — the case through caseScopeSql (the SQL twin of caseScope; a case outside the scope
 * is no row, 404) with what the family wrote and uploaded through familySubmissionScopeSql (the
 * twin of familySubmissionScope: R-25, R-80), newest first, each with its writer's name. It was a
 * case read, the submissions, the uploads and their writers' names, through Prisma: about 3 ms.
 */
function viewsSql(user: SessionUser, caseId: string): Prisma.Sql {
  const createdAt = isoInstantSql(Prisma.sql`f."createdAt"`);
  const sharedAt = isoInstantSql(Prisma.sql`f."sharedAt"`);
  return Prisma.sql`
    SELECT c."id", c."reference",
      COALESCE((SELECT json_agg(json_build_object('id', f."id", 'at', ${createdAt}, 'views', f."views", 'childViews', f."childViews",
          'childViewsHow', f."childViewsHow", 'sharedAt', ${sharedAt}, 'byName', u."name") ORDER BY f."createdAt" DESC, f."id" DESC)
        FROM "FamilySubmission" f LEFT JOIN "User" u ON u."id" = f."userId"
        WHERE f."caseId" = c."id" AND ${familySubmissionScopeSql(user)}), '[]'::json) AS "submissions",
      COALESCE((SELECT json_agg(json_build_object('id', f."id", 'at', ${createdAt}, 'fileName', f."fileName", 'mime', f."mime", 'size', f."size",
          'sharedAt', ${sharedAt}, 'scanStatus', f."scanStatus", 'byName', u."name") ORDER BY f."createdAt" DESC, f."id" DESC)
        FROM "FamilyUpload" f LEFT JOIN "User" u ON u."id" = f."userId"
        WHERE f."caseId" = c."id" AND ${familySubmissionScopeSql(user)}), '[]'::json) AS "uploads"
    FROM "Case" c
    WHERE c."id" = ${caseId} AND ${caseScopeSql(user)}`;
}

function viewsRead(user: SessionUser, caseId: string): RowRead<FamilyViews> {
  return rowRead<ViewsRow, FamilyViews>(viewsSql(user, caseId), (c) => {
    if (!c) throw new NotFoundError("case");
    return shape(c);
  });
}

function read(user: SessionUser, caseId: string): Promise<FamilyViews> {
  return readOne(viewsRead(user, caseId));
}

function shape(c: ViewsRow): FamilyViews {
  return {
    caseId: c.id,
    reference: c.reference,
    submissions: c.submissions,
    uploads: c.uploads.map((u) => ({
      id: u.id,
      at: u.at,
      fileName: u.fileName,
      typeLabel: ACCEPTED_UPLOAD_TYPES[u.mime as AcceptedMime]?.label ?? u.mime,
      size: u.size,
      sharedAt: u.sharedAt,
      scanned: u.scanStatus === "CLEAN",
      href: familyUploadHref(u.id),
      byName: u.byName,
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
export async function listCaseFamilyViews(user: SessionUser, caseId: string): Promise<CaseFamilyViews | null> {
  const r = caseFamilyViewsRead(user, caseId);
  return r ? readOne(r) : null;
}

export type CaseFamilyViews = FamilyViews & { sharedOnly: boolean };

/** The read (decision 0042), or null for a user who may not read them (nothing is read). */
export function caseFamilyViewsRead(user: SessionUser, caseId: string): RowRead<CaseFamilyViews> | null {
  if (!can(user, "family-views:read") || user.role === "PARENT") return null;
  const { sql, shape } = viewsRead(user, caseId);
  return { sql, shape: (row) => ({ ...shape(row), sharedOnly: user.role !== "MEDIATOR" }) };
}

/** One of the family's own uploads (the remove confirmation page), or NotFoundError. */
export async function getMyFamilyUpload(user: SessionUser, caseId: string, uploadId: string): Promise<FamilyUploadItem> {
  authorize(user, "family-views:send");
  const views = await read(user, caseId);
  const u = views.uploads.find((x) => x.id === uploadId);
  if (!u) throw new NotFoundError("upload");
  return u;
}
