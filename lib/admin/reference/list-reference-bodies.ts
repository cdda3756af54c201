/**
 * For /admin/local-authorities and /admin/health-bodies (issue 13): the bodies of one kind,
 * searched by code or name, in use or deactivated, a page at a time, with how many cases refer to
 * each. Admins only (404 for anyone else). Parameters come from a GET form: a bad value falls back
 * to its default, so a hand-edited URL never errors.
 */
import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { referenceDataScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import type { BodyKind } from "./body-schema";
import { BODY_SELECT, bodyTable, toBodyRow, type BodyRow } from "./body-store";

export const BODY_PAGE_SIZE = 25;
export const BODY_STATUS_FILTERS = ["active", "inactive", "all"] as const;
export type BodyStatusFilter = (typeof BODY_STATUS_FILTERS)[number];
export const BODY_STATUS_LABELS: Record<BodyStatusFilter, string> = { active: "In use", inactive: "Deactivated", all: "All" };

export type BodyListParams = { q: string; status: BodyStatusFilter; page: number };

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blank = (v: unknown) => {
  const s = single(v);
  return s === undefined || s === null || (typeof s === "string" && s.trim() === "") ? undefined : s;
};
const paramsSchema = z.object({
  q: z.preprocess((v) => single(v) ?? "", z.string().transform((s) => s.trim().slice(0, 100))).catch(""),
  status: z.preprocess(blank, z.enum(BODY_STATUS_FILTERS).default("all")).catch("all"),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1)).catch(1),
});

export function parseBodyListParams(raw: Record<string, unknown> = {}): BodyListParams {
  return paramsSchema.parse({ q: raw.q, status: raw.status, page: raw.page });
}

/** The query string of a list view (defaults left out), for pagination links. */
export function bodyListQuery(p: BodyListParams, overrides: Partial<BodyListParams> = {}): string {
  const m = { ...p, ...overrides };
  const qs = new URLSearchParams();
  if (m.q) qs.set("q", m.q);
  if (m.status !== "all") qs.set("status", m.status);
  if (m.page > 1) qs.set("page", String(m.page));
  const s = qs.toString();
  return s ? `?${s}` : "";
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, "\\$&");

export async function listReferenceBodies(user: SessionUser, kind: BodyKind, raw: Record<string, unknown> = {}) {
  authorize(user, "reference-data:manage");
  const params = parseBodyListParams(raw);
  const and: Prisma.LocalAuthorityWhereInput[] = [referenceDataScope(user)];
  if (params.q) {
    const text = likeEscape(params.q);
    and.push({ OR: [{ name: { contains: text, mode: "insensitive" } }, { code: { contains: text, mode: "insensitive" } }] });
  }
  if (params.status !== "all") and.push({ active: params.status === "active" });
  const where = { AND: and };
  const table = bodyTable(kind);
  const [total, any, rows] = await Promise.all([
    table.count({ where }),
    table.count({ where: referenceDataScope(user), take: 1 }),
    table.findMany({ where, select: BODY_SELECT, orderBy: [{ name: "asc" }, { id: "asc" }], skip: (params.page - 1) * BODY_PAGE_SIZE, take: BODY_PAGE_SIZE }),
  ]);
  return { params, total, anyBodies: any > 0, page: params.page, pageSize: BODY_PAGE_SIZE, rows: rows.map(toBodyRow) as BodyRow[] };
}
