/**
 * Issue 13, /admin/users: the staff accounts, searched by name or email, filtered by role and by
 * whether they are active, a page at a time. Admins only (404 for anyone else). Parameters come
 * from a GET form: a bad value falls back to its default, so a hand-edited URL never errors.
 */
import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { localAuthorityScope, staffUserScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { STAFF_ROLE_VALUES, type StaffRole } from "./store";

export const USER_PAGE_SIZE = 25;
export const USER_STATUS_FILTERS = ["active", "inactive", "all"] as const;
export type UserStatusFilter = (typeof USER_STATUS_FILTERS)[number];
export const USER_STATUS_LABELS: Record<UserStatusFilter, string> = { active: "Active", inactive: "Deactivated", all: "All users" };

export type UserListParams = { q: string; role: StaffRole | null; status: UserStatusFilter; page: number };

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blank = (v: unknown) => {
  const s = single(v);
  return s === undefined || s === null || (typeof s === "string" && s.trim() === "") ? undefined : s;
};
const paramsSchema = z.object({
  q: z.preprocess((v) => single(v) ?? "", z.string().transform((s) => s.trim().slice(0, 100))).catch(""),
  role: z.preprocess(blank, z.enum(STAFF_ROLE_VALUES).nullable().default(null)).catch(null),
  status: z.preprocess(blank, z.enum(USER_STATUS_FILTERS).default("active")).catch("active"),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1)).catch(1),
});

export function parseUserListParams(raw: Record<string, unknown> = {}): UserListParams {
  return paramsSchema.parse({ q: raw.q, role: raw.role, status: raw.status, page: raw.page });
}

/** The query string of a list view (defaults left out), for pagination links. */
export function userListQuery(p: UserListParams, overrides: Partial<UserListParams> = {}): string {
  const m = { ...p, ...overrides };
  const qs = new URLSearchParams();
  if (m.q) qs.set("q", m.q);
  if (m.role) qs.set("role", m.role);
  if (m.status !== "active") qs.set("status", m.status);
  if (m.page > 1) qs.set("page", String(m.page));
  const s = qs.toString();
  return s ? `?${s}` : "";
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, "\\$&");

export async function listUsers(admin: SessionUser, raw: Record<string, unknown> = {}) {
  authorize(admin, "user:manage");
  const params = parseUserListParams(raw);
  const and: Prisma.UserWhereInput[] = [staffUserScope(admin)];
  if (params.q) {
    const text = likeEscape(params.q);
    and.push({ OR: [{ name: { contains: text, mode: "insensitive" } }, { email: { contains: text, mode: "insensitive" } }] });
  }
  if (params.role) and.push({ role: params.role });
  if (params.status !== "all") and.push({ active: params.status === "active" });
  const where = { AND: and };
  const [total, rows] = await Promise.all([
    db().user.count({ where }),
    db().user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (params.page - 1) * USER_PAGE_SIZE,
      take: USER_PAGE_SIZE,
      select: { id: true, name: true, email: true, role: true, active: true, safeguardingLead: true, passwordHash: true, totpEnabledAt: true, localAuthority: { select: { name: true } } },
    }),
  ]);
  return {
    params,
    total,
    page: params.page,
    pageSize: USER_PAGE_SIZE,
    rows: rows.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role as StaffRole,
      active: u.active,
      safeguardingLead: u.safeguardingLead,
      passwordSet: u.passwordHash !== null,
      secondFactor: u.totpEnabledAt !== null,
      localAuthority: u.localAuthority?.name ?? null,
    })),
  };
}

/** The local authorities an LA officer may be given (for the invitation and role forms). */
export async function listUserLocalAuthorities(admin: SessionUser) {
  authorize(admin, "user:manage");
  return db().localAuthority.findMany({ where: localAuthorityScope(admin), orderBy: { name: "asc" }, select: { id: true, name: true } });
}
