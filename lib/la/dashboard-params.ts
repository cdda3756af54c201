/**
 * The LA officer's dashboard (/la, issue 12): what a row is, the filters as the GET form and its
 * links carry them, and the due windows. Pure and client-safe (the filter form reads the labels).
 *
 * A row is one thing outstanding on a case of the officer's LA, soonest first:
 *  - MEDIATION: an open 30-day clock — the mediation has not been held yet;
 *  - CERTIFICATE: an open certificate deadline (R-30: advice only, after mediation, not arranged);
 *  - ICB: an open notice between the LA and the integrated care board (R-21 the LA tells the ICB,
 *    R-43 the ICB tells the LA of a health-only agreement);
 *  - ACTION: an agreed action not done yet, whoever is responsible.
 * The first three are the open CaseDeadline rows (lib/cases/deadlines), dated by the date engine
 * when they were opened; nothing is recomputed here.
 */
import { z } from "zod";
import { CASE_STATUSES, STATUS_LABELS, type CaseStatus, type DeadlineName } from "@/lib/cases/lifecycle";
import { DUE_SOON_WORKING_DAYS } from "@/lib/cases/deadlines/state";

export const DASHBOARD_KINDS = ["MEDIATION", "CERTIFICATE", "ICB", "ACTION"] as const;
export type DashboardKind = (typeof DASHBOARD_KINDS)[number];

/** Every deadline name belongs to one kind (a new deadline name will not compile until it is placed). */
export const KIND_OF_DEADLINE: Record<DeadlineName, Exclude<DashboardKind, "ACTION">> = {
  MEDIATION_30_DAY: "MEDIATION",
  ICB_MEDIATION_30_DAY: "MEDIATION",
  CERTIFICATE_ADVICE_ONLY: "CERTIFICATE",
  CERTIFICATE_AFTER_MEDIATION: "CERTIFICATE",
  CERTIFICATE_NOT_ARRANGED: "CERTIFICATE",
  HEALTH_NOTIFICATION: "ICB",
  ICB_AGREEMENT_NOTICE: "ICB",
};

export function deadlineNamesOf(kind: Exclude<DashboardKind, "ACTION">): DeadlineName[] {
  return (Object.keys(KIND_OF_DEADLINE) as DeadlineName[]).filter((n) => KIND_OF_DEADLINE[n] === kind);
}

export const KIND_LABELS: Record<DashboardKind, string> = {
  MEDIATION: "Mediation not held yet",
  CERTIFICATE: "Certificate due",
  ICB: "Health body notice due",
  ACTION: "Agreed action",
};

/** The filter's wording of each kind (plural). */
export const KIND_FILTER_LABELS: Record<DashboardKind, string> = {
  MEDIATION: "Mediations not held yet",
  CERTIFICATE: "Certificates due",
  ICB: "Notices between the LA and the health body",
  ACTION: "Agreed actions",
};

/** Due windows. "WEEK" is the case list's "due soon" (DUE_SOON_WORKING_DAYS working days, ../cases/deadlines/state). */
export const DUE_WINDOWS = ["ALL", "OVERDUE", "WEEK", "MONTH"] as const;
export type DueWindow = (typeof DUE_WINDOWS)[number];

/** "Next 30 days": calendar days from today. */
export const NEXT_DAYS = 30;

export const DUE_WINDOW_LABELS: Record<DueWindow, string> = {
  ALL: "Any time",
  OVERDUE: "Overdue",
  WEEK: `Due in the next ${DUE_SOON_WORKING_DAYS} working days`,
  MONTH: `Due in the next ${NEXT_DAYS} days`,
};

/** Rows per page on screen (the CSV has every row of the filter). */
export const DASHBOARD_PAGE_SIZE = 25;

export type DashboardParams = {
  kind: DashboardKind | null;
  /** The case's stage; null for every stage. */
  status: CaseStatus | null;
  due: DueWindow;
  page: number;
};

export const DEFAULT_DASHBOARD_PARAMS: DashboardParams = { kind: null, status: null, due: "ALL", page: 1 };

export type RawDashboardParams = Record<string, string | string[] | number | null | undefined>;

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blankToUndefined = (v: unknown) => {
  const s = single(v);
  return s === null || (typeof s === "string" && s.trim() === "") ? undefined : typeof s === "string" ? s.trim().toUpperCase() : s;
};

/** Each field falls back to its default on a bad value, so a hand-edited URL never errors. */
const schema = z.object({
  kind: z.preprocess(blankToUndefined, z.enum(DASHBOARD_KINDS).nullable().default(null)).catch(null),
  status: z.preprocess(blankToUndefined, z.enum(CASE_STATUSES).nullable().default(null)).catch(null),
  due: z.preprocess(blankToUndefined, z.enum(DUE_WINDOWS).default("ALL")).catch("ALL"),
  page: z.preprocess((v) => single(v) ?? undefined, z.coerce.number().int().min(1).max(100_000).default(1)).catch(1),
});

export function parseDashboardParams(raw: RawDashboardParams | undefined | null): DashboardParams {
  return schema.parse(raw ?? {}) as DashboardParams;
}

/** The query string of these filters (lower case, as the form sends them), without defaults. */
export function dashboardQuery(p: Partial<DashboardParams>, opts: { page?: boolean } = {}): string {
  const q = new URLSearchParams();
  if (p.kind) q.set("kind", p.kind.toLowerCase());
  if (p.status) q.set("status", p.status);
  if (p.due && p.due !== "ALL") q.set("due", p.due.toLowerCase());
  if ((opts.page ?? true) && p.page && p.page > 1) q.set("page", String(p.page));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export const STATUS_OPTIONS: { value: CaseStatus; label: string }[] = CASE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));

/** Who must act on each deadline (an agreed action names its own, R-40). */
export const DEADLINE_RESPONSIBLE: Record<DeadlineName, string> = {
  MEDIATION_30_DAY: "Local authority",
  ICB_MEDIATION_30_DAY: "Integrated care board", // health only, the ICB arranges it
  HEALTH_NOTIFICATION: "Local authority",
  CERTIFICATE_ADVICE_ONLY: "Mediation service",
  CERTIFICATE_AFTER_MEDIATION: "Mediation service",
  CERTIFICATE_NOT_ARRANGED: "Mediation service",
  ICB_AGREEMENT_NOTICE: "Integrated care board",
};
