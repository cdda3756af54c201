/**
 * The reports for commissioners (issue 13; docs/domain/10-scale-and-reporting.md; decision 0025):
 * what each table counts, the groups ("buckets") it splits into, the date that puts a row in the
 * period, and the id of each figure, which opens the list of cases behind it. Pure and client-safe.
 *
 * Every figure is read from columns that a retention purge keeps (dates, statuses, kinds, LA,
 * outcomes, the reference): never from names or free text.
 *
 * A figure id is a table id, optionally followed by a bucket or the start of one, joined by dots:
 * `referrals` (all referrals), `referrals.SCHOOL`, `certificates.AFTER_MEDIATION` (issued of that
 * kind), `certificates.AFTER_MEDIATION.LATE`. Its list holds exactly the rows its number counts.
 */
import { DISPUTED_DECISION_VALUES, REQUESTER_LABELS, REQUESTER_VALUES, type DisputedDecisionValue } from "@/lib/cases/options";
import { AGREEMENT_LABELS } from "@/lib/cases/lifecycle/transitions";
import { CERTIFICATE_KINDS, type CertificateKind } from "@/lib/certificates/certificate-content";

export const REPORT_TABLES = ["referrals", "mediations", "certificates", "agreements", "sen2", "appeals", "drs", "actions"] as const;
export type ReportTableId = (typeof REPORT_TABLES)[number];

export function isReportTableId(v: unknown): v is ReportTableId {
  return typeof v === "string" && (REPORT_TABLES as readonly string[]).includes(v);
}

/** Short plain-English names of the certificate kinds (R-30), for tables and charts. */
export const CERTIFICATE_KIND_SHORT: Record<CertificateKind, string> = {
  ADVICE_ONLY: "Mediation advice only",
  AFTER_MEDIATION: "After mediation",
  NOT_ARRANGED: "Mediation could not be arranged within 30 days",
};

/**
 * SEN2 splits mediations by reason: an assessment decision, or another decision (R-02). These
 * disputed decisions are about an assessment (the product's reading, decision 0025); a mediation
 * disputing any of them counts as "about an assessment decision", one disputing only others as
 * "about another decision", one with none (health or social care only, or not known yet) apart.
 */
export const ASSESSMENT_DECISIONS: readonly DisputedDecisionValue[] = ["REFUSAL_TO_ASSESS", "NO_PLAN_AFTER_ASSESSMENT", "REFUSAL_TO_REASSESS"];
export const OTHER_DECISIONS: readonly DisputedDecisionValue[] = DISPUTED_DECISION_VALUES.filter((d) => !ASSESSMENT_DECISIONS.includes(d));

export const SEN2_REASONS = ["ASSESSMENT", "OTHER", "NO_DECISION"] as const;
export type Sen2Reason = (typeof SEN2_REASONS)[number];
export const SEN2_REASON_LABELS: Record<Sen2Reason, string> = {
  ASSESSMENT: "About an assessment decision (refusal to assess or re-assess, or not to issue a plan)",
  OTHER: "About another decision (what a plan says, amending or stopping a plan)",
  NO_DECISION: "No appealable decision recorded (health or social care only, or not known)",
};

export const HELD_TIMING = ["WITHIN_30_DAYS", "AFTER_30_DAYS", "NO_CLOCK"] as const;
export const HELD_TIMING_LABELS: Record<(typeof HELD_TIMING)[number], string> = {
  WITHIN_30_DAYS: "Held within 30 days",
  AFTER_30_DAYS: "Held after the 30 days",
  NO_CLOCK: "30-day date not recorded",
};

export const AGREEMENT_BUCKETS = ["FULL", "PARTIAL", "NONE", "NOT_RECORDED"] as const;
export const AGREEMENT_BUCKET_LABELS: Record<(typeof AGREEMENT_BUCKETS)[number], string> = { ...AGREEMENT_LABELS, NOT_RECORDED: "Outcome not recorded" };

export const DRS_OUTCOMES = ["HELD_FULL", "HELD_PARTIAL", "HELD_NONE", "HELD_NOT_RECORDED", "NOT_PROCEEDING", "ENDED_WITHOUT_MEETING", "IN_PROGRESS"] as const;
export const DRS_OUTCOME_LABELS: Record<(typeof DRS_OUTCOMES)[number], string> = {
  HELD_FULL: "Meeting held: full agreement",
  HELD_PARTIAL: "Meeting held: partial agreement",
  HELD_NONE: "Meeting held: no agreement",
  HELD_NOT_RECORDED: "Meeting held: outcome not recorded",
  NOT_PROCEEDING: "Did not go ahead (a party declined)",
  ENDED_WITHOUT_MEETING: "Withdrawn or closed without a meeting",
  IN_PROGRESS: "Still in progress",
};

export const APPEAL_BUCKETS = ["MEDIATION_HELD", "NO_MEETING"] as const;
export const APPEAL_BUCKET_LABELS: Record<(typeof APPEAL_BUCKETS)[number], string> = {
  MEDIATION_HELD: "A mediation meeting was held",
  NO_MEETING: "No mediation meeting (advice only, withdrawn, or not held)",
};

export const ACTION_BUCKETS = ["DONE_ON_TIME", "DONE_LATE", "CLOSED", "OPEN_OVERDUE", "OPEN_NOT_DUE"] as const;
export const ACTION_BUCKET_LABELS: Record<(typeof ACTION_BUCKETS)[number], string> = {
  DONE_ON_TIME: "Done on or before the due date",
  DONE_LATE: "Done after the due date",
  CLOSED: "Closed without being done",
  OPEN_OVERDUE: "Not done yet, overdue",
  OPEN_NOT_DUE: "Not done yet, not due yet",
};

export const CERTIFICATE_TIMING = ["ON_TIME", "LATE"] as const;

/** One table of the report: what it counts, by which date, and its groups in the order shown. */
export type TableDefinition = {
  title: string;
  /** What one row of its case list is, and the date that puts it in the period (the page's hint and decision 0025). */
  counts: string;
  period: string;
  /** The heading of the date column of its case list. */
  dateLabel: string;
  buckets: readonly string[];
  bucketLabel: (bucket: string) => string;
};

const label = <K extends string>(labels: Record<K, string>) => (b: string) => labels[b as K] ?? b;

export const TABLES: Record<ReportTableId, TableDefinition> = {
  referrals: {
    title: "Referrals received, by who referred",
    counts: "cases of every kind (mediation, advice only and DRS)",
    period: "counted on the day the referral was logged",
    dateLabel: "Referral logged on",
    buckets: REQUESTER_VALUES,
    bucketLabel: label(REQUESTER_LABELS),
  },
  mediations: {
    title: "Mediations held, and whether within 30 days",
    counts: "mediation meetings held (R-20: within 30 days of the LA being told, or of the ICB for health only)",
    period: "counted on the day the meeting was held",
    dateLabel: "Meeting held on",
    buckets: HELD_TIMING,
    bucketLabel: label(HELD_TIMING_LABELS),
  },
  certificates: {
    title: "Certificates issued, and whether within 3 working days",
    counts: "certificates issued (a corrected certificate is not counted again, R-31)",
    period: "counted on the date of issue",
    dateLabel: "Certificate issued on",
    buckets: CERTIFICATE_KINDS.flatMap((k) => CERTIFICATE_TIMING.map((t) => `${k}.${t}`)),
    bucketLabel: (b) => {
      const [kind, timing] = b.split(".") as [CertificateKind, string];
      return `${CERTIFICATE_KIND_SHORT[kind] ?? kind}: ${timing === "ON_TIME" ? "within 3 working days" : "later"}`;
    },
  },
  agreements: {
    title: "What mediations agreed",
    counts: "mediation meetings held",
    period: "counted on the day the meeting was held",
    dateLabel: "Meeting held on",
    buckets: AGREEMENT_BUCKETS,
    bucketLabel: label(AGREEMENT_BUCKET_LABELS),
  },
  sen2: {
    title: "Mediations by reason, and those followed by an appeal (SEN2)",
    counts: "mediation meetings held; an appeal counts whenever it was lodged, as mediation can run alongside one",
    period: "counted on the day the meeting was held",
    dateLabel: "Meeting held on",
    buckets: SEN2_REASONS.flatMap((r) => [`${r}.APPEALED`, `${r}.NOT_APPEALED`]),
    bucketLabel: (b) => {
      const [reason, appealed] = b.split(".") as [Sen2Reason, string];
      return `${SEN2_REASON_LABELS[reason] ?? reason}: ${appealed === "APPEALED" ? "followed by an appeal" : "no appeal recorded"}`;
    },
  },
  appeals: {
    title: "Cases appealed to the Tribunal",
    counts: "cases with an appeal recorded",
    period: "counted on the day the appeal was lodged",
    dateLabel: "Appeal lodged on",
    buckets: APPEAL_BUCKETS,
    bucketLabel: label(APPEAL_BUCKET_LABELS),
  },
  drs: {
    title: "Disagreement resolution (DRS) cases and their outcomes",
    counts: "DRS cases, by where they stand today",
    period: "counted on the day the referral was logged",
    dateLabel: "Referral logged on",
    buckets: DRS_OUTCOMES,
    bucketLabel: label(DRS_OUTCOME_LABELS),
  },
  actions: {
    title: "Agreed actions done on time",
    counts: "actions agreed at mediation or DRS (R-40, R-72)",
    period: "counted on the day each was due",
    dateLabel: "Action due on",
    buckets: ACTION_BUCKETS,
    bucketLabel: label(ACTION_BUCKET_LABELS),
  },
};

/** A figure: a table and, optionally, a bucket or the start of one ("certificates.AFTER_MEDIATION"). */
export type FigureRef = { table: ReportTableId; prefix: string | null };

export function figureId(table: ReportTableId, prefix?: string | null): string {
  return prefix ? `${table}.${prefix}` : table;
}

/** Reads a figure id; null unless it names a table and the start of at least one of its buckets. */
export function parseFigureId(raw: unknown): FigureRef | null {
  if (typeof raw !== "string" || raw.length > 100) return null;
  const dot = raw.indexOf(".");
  const table = dot === -1 ? raw : raw.slice(0, dot);
  if (!isReportTableId(table)) return null;
  if (dot === -1) return { table, prefix: null };
  const prefix = raw.slice(dot + 1);
  return TABLES[table].buckets.some((b) => inFigure(b, prefix)) ? { table, prefix } : null;
}

/**
 * Whether a row in `bucket` is counted by a figure of its table with this prefix: the prefix's
 * parts (split at dots) are the bucket's first parts, `*` standing for any one part
 * ("certificates.*.LATE": every late certificate, whatever its kind).
 */
export function inFigure(bucket: string, prefix: string | null): boolean {
  if (prefix === null) return true;
  const want = prefix.split(".");
  const have = bucket.split(".");
  return want.length <= have.length && want.every((p, i) => p === "*" || p === have[i]);
}

/** The figure's name, for the heading of its case list. */
export function figureTitle(f: FigureRef): string {
  const t = TABLES[f.table];
  if (f.prefix === null) return t.title;
  if (t.buckets.includes(f.prefix)) return `${t.title}: ${t.bucketLabel(f.prefix)}`;
  const [first, second] = f.prefix.split(".");
  if (f.table === "certificates") {
    const kind = first === "*" ? "All kinds" : CERTIFICATE_KIND_SHORT[first as CertificateKind];
    return `${t.title}: ${kind}${second ? `, ${second === "ON_TIME" ? "within 3 working days" : "later"}` : ""}`;
  }
  if (f.table === "sen2") {
    const reason = first === "*" ? "All reasons" : SEN2_REASON_LABELS[first as Sen2Reason];
    return `${t.title}: ${reason}${second ? `, ${second === "APPEALED" ? "followed by an appeal" : "no appeal recorded"}` : ""}`;
  }
  return t.title;
}

/** Cases per page of a figure's case list. */
export const REPORT_CASES_PER_PAGE = 50;

/** The page's hint: which date puts each figure in the period (decision 0025). */
export const PERIOD_HINT =
  "Each figure counts by one date: referrals and DRS cases by the day the referral was logged; mediations held, their 30-day timing, what they agreed and their reasons by the day the meeting was held; certificates by their date of issue; appeals by the day the appeal was lodged; agreed actions by the day each was due. Dates are UK dates, and both days are included.";
