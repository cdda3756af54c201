/**
 * For /venues (issue 10): the venues caseworkers keep, searched by name or address, filtered by
 * the local authority they serve and by whether they are in use, a page at a time, with their
 * access details and how many meetings are booked there from today. Admins and caseworkers only
 * (404 for anyone else). The parameters come from a GET form: a bad value falls back to its
 * default, so a hand-edited URL never errors.
 */
import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { localAuthorityScope, venueScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";

export const VENUE_PAGE_SIZE = 25;
/** The "local authority" filter value for venues offered for every LA's cases. */
export const ANY_LA = "NONE";
export const VENUE_STATUS_FILTERS = ["active", "inactive", "all"] as const;
export type VenueStatusFilter = (typeof VENUE_STATUS_FILTERS)[number];
export const VENUE_STATUS_LABELS: Record<VenueStatusFilter, string> = { active: "In use", inactive: "Deactivated", all: "All venues" };

export type VenueListParams = { q: string; la: string | null; status: VenueStatusFilter; page: number };

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blank = (v: unknown) => {
  const s = single(v);
  return s === undefined || s === null || (typeof s === "string" && s.trim() === "") ? undefined : s;
};
const paramsSchema = z.object({
  q: z.preprocess((v) => single(v) ?? "", z.string().transform((s) => s.trim().slice(0, 100))).catch(""),
  la: z.preprocess(blank, z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/).nullable().default(null)).catch(null),
  status: z.preprocess(blank, z.enum(VENUE_STATUS_FILTERS).default("active")).catch("active"),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1)).catch(1),
});

export function parseVenueListParams(raw: Record<string, unknown> = {}): VenueListParams {
  return paramsSchema.parse({ q: raw.q, la: raw.la, status: raw.status, page: raw.page });
}

/** The query string of a list view (defaults left out), for pagination links. */
export function venueListQuery(p: VenueListParams, overrides: Partial<VenueListParams> = {}): string {
  const m = { ...p, ...overrides };
  const qs = new URLSearchParams();
  if (m.q) qs.set("q", m.q);
  if (m.la) qs.set("la", m.la);
  if (m.status !== "active") qs.set("status", m.status);
  if (m.page > 1) qs.set("page", String(m.page));
  const s = qs.toString();
  return s ? `?${s}` : "";
}

export type VenueRow = {
  id: string;
  name: string;
  address: string;
  localAuthority: string | null;
  stepFreeAccess: boolean;
  hearingLoop: boolean;
  parking: boolean;
  active: boolean;
  upcomingBookings: number;
};

const likeEscape = (s: string) => s.replace(/[\\%_]/g, "\\$&");

export async function listVenues(user: SessionUser, raw: Record<string, unknown> = {}, now = new Date()) {
  authorize(user, "venue:manage");
  const params = parseVenueListParams(raw);
  const and: Prisma.VenueWhereInput[] = [venueScope(user)];
  if (params.q) {
    const text = likeEscape(params.q);
    and.push({ OR: [{ name: { contains: text, mode: "insensitive" } }, { address: { contains: text, mode: "insensitive" } }] });
  }
  if (params.la === ANY_LA) and.push({ localAuthorityId: null });
  else if (params.la) and.push({ localAuthorityId: params.la });
  if (params.status !== "all") and.push({ active: params.status === "active" });
  const where = { AND: and };
  const [total, anyVenues, rows, localAuthorities] = await Promise.all([
    db().venue.count({ where }),
    db().venue.count({ where: venueScope(user), take: 1 }),
    db().venue.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (params.page - 1) * VENUE_PAGE_SIZE,
      take: VENUE_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        address: true,
        stepFreeAccess: true,
        hearingLoop: true,
        parking: true,
        active: true,
        localAuthority: { select: { name: true } },
        _count: { select: { meetings: { where: { status: "SCHEDULED", startsAt: { gte: now } } } } },
      },
    }),
    db().localAuthority.findMany({ where: localAuthorityScope(user), select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    params,
    total,
    anyVenues: anyVenues > 0,
    page: params.page,
    pageSize: VENUE_PAGE_SIZE,
    localAuthorities,
    rows: rows.map(
      (v): VenueRow => ({
        id: v.id,
        name: v.name,
        address: v.address,
        localAuthority: v.localAuthority?.name ?? null,
        stepFreeAccess: v.stepFreeAccess,
        hearingLoop: v.hearingLoop,
        parking: v.parking,
        active: v.active,
        upcomingBookings: v._count.meetings,
      }),
    ),
  };
}
