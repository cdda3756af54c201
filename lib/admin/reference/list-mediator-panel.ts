/**
 * For /admin/mediators (issue 13): the mediator panel — every mediator user, searched by name or
 * email, a page at a time, with their accreditation (expired, or expiring within
 * ACCREDITATION_WARNING_DAYS), cases allocated this calendar month against their capacity, and
 * how many areas and conflicts are recorded. Admins only (404 otherwise).
 */
import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { mediatorPanelScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import { accreditationStatus, type AccreditationStatus } from "./accreditation";
import { allocationsInMonth } from "./monthly-allocations";

export const PANEL_PAGE_SIZE = 25;

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const paramsSchema = z.object({
  q: z.preprocess((v) => single(v) ?? "", z.string().transform((s) => s.trim().slice(0, 100))).catch(""),
  page: z.preprocess((v) => single(v) || undefined, z.coerce.number().int().min(1).max(100_000).default(1)).catch(1),
});
export type PanelListParams = z.output<typeof paramsSchema>;

export function panelListQuery(p: PanelListParams, overrides: Partial<PanelListParams> = {}): string {
  const m = { ...p, ...overrides };
  const qs = new URLSearchParams();
  if (m.q) qs.set("q", m.q);
  if (m.page > 1) qs.set("page", String(m.page));
  const s = qs.toString();
  return s ? `?${s}` : "";
}

export type PanelRow = {
  id: string;
  name: string;
  email: string;
  active: boolean;
  accreditationExpiresOn: string | null;
  accreditation: AccreditationStatus;
  monthlyCapacity: number | null;
  allocatedThisMonth: number;
  areas: number;
  conflicts: number;
};

const likeEscape = (s: string) => s.replace(/[\\%_]/g, "\\$&");

export async function listMediatorPanel(user: SessionUser, raw: Record<string, unknown> = {}, now: Date = new Date()) {
  authorize(user, "reference-data:manage");
  const params = paramsSchema.parse({ q: raw.q, page: raw.page });
  const and: Prisma.UserWhereInput[] = [mediatorPanelScope(user)];
  if (params.q) {
    const text = likeEscape(params.q);
    and.push({ OR: [{ name: { contains: text, mode: "insensitive" } }, { email: { contains: text, mode: "insensitive" } }] });
  }
  const where = { AND: and };
  const today = todayInLondon(now);
  const [total, rows] = await Promise.all([
    db().user.count({ where }),
    db().user.findMany({
      where,
      orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }],
      skip: (params.page - 1) * PANEL_PAGE_SIZE,
      take: PANEL_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        active: true,
        _count: { select: { conflicts: true } },
        mediatorProfile: { select: { accreditationExpiresOn: true, monthlyCapacity: true, _count: { select: { areas: true } } } },
      },
    }),
  ]);
  const counts = await allocationsInMonth(db(), rows.map((r) => r.id), today);
  return {
    params,
    total,
    page: params.page,
    pageSize: PANEL_PAGE_SIZE,
    today,
    rows: rows.map((r): PanelRow => {
      const expiresOn = r.mediatorProfile?.accreditationExpiresOn ? isoFromDbDate(r.mediatorProfile.accreditationExpiresOn) : null;
      return {
        id: r.id,
        name: r.name,
        email: r.email,
        active: r.active,
        accreditationExpiresOn: expiresOn,
        accreditation: accreditationStatus(expiresOn, today),
        monthlyCapacity: r.mediatorProfile?.monthlyCapacity ?? null,
        allocatedThisMonth: counts.get(r.id) ?? 0,
        areas: r.mediatorProfile?._count.areas ?? 0,
        conflicts: r._count.conflicts,
      };
    }),
  };
}
