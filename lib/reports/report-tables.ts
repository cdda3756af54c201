/**
 * The report's tables from its counts (issue 13): one structure that the page renders (each count
 * a link to the cases behind it), the charts draw and the CSV export writes, so the three always
 * agree. Pure and client-safe.
 */
import { CERTIFICATE_KINDS } from "@/lib/certificates/certificate-content";
import { REQUESTER_VALUES } from "@/lib/cases/options";
import {
  ACTION_BUCKETS,
  AGREEMENT_BUCKETS,
  APPEAL_BUCKETS,
  CERTIFICATE_KIND_SHORT,
  DRS_OUTCOMES,
  HELD_TIMING,
  SEN2_REASONS,
  SEN2_REASON_LABELS,
  TABLES,
  figureId,
  type ReportTableId,
} from "./definitions";

/** Counts per table, per bucket (a bucket absent from the map counts 0). */
export type ReportCounts = Record<ReportTableId, Record<string, number>>;

export type Cell = { text: string; /** The figure this number is: its case list. */ figure?: string };
export type TableRow = { header: string; cells: Cell[]; total?: boolean };
export type ReportTable = { id: ReportTableId; title: string; caption: string; columns: string[]; rows: TableRow[] };

/** "67%" (rounded to a whole number), or "–" with nothing to divide by. */
export function percent(n: number, of: number): string {
  return of === 0 ? "–" : `${Math.round((100 * n) / of)}%`;
}

const sum = (counts: Record<string, number>, pred: (bucket: string) => boolean = () => true) =>
  Object.entries(counts).reduce((s, [b, n]) => (pred(b) ? s + n : s), 0);

const count = (n: number, figure: string): Cell => ({ text: String(n), figure });

/** A one-count-column table: a row per bucket and a total. */
function simple(id: ReportTableId, counts: Record<string, number>, buckets: readonly string[], first: string, second: string, totalLabel: string, share = false): ReportTable {
  const t = TABLES[id];
  const total = sum(counts);
  const rows: TableRow[] = buckets.map((b) => ({
    header: t.bucketLabel(b),
    cells: [count(counts[b] ?? 0, figureId(id, b)), ...(share ? [{ text: percent(counts[b] ?? 0, total) }] : [])],
  }));
  rows.push({ header: totalLabel, cells: [count(total, figureId(id)), ...(share ? [{ text: total === 0 ? "–" : "100%" }] : [])], total: true });
  return { id, title: t.title, caption: `${t.title} (${t.period})`, columns: [first, second, ...(share ? ["Share"] : [])], rows };
}

export function buildTable(id: ReportTableId, all: ReportCounts): ReportTable {
  const counts = all[id] ?? {};
  const t = TABLES[id];
  switch (id) {
    case "referrals":
      return simple(id, counts, REQUESTER_VALUES, "Who referred", "Referrals received", "All referrals");
    case "mediations":
      return simple(id, counts, HELD_TIMING, "When it was held", "Mediations held", "All mediations held", true);
    case "agreements":
      return simple(id, counts, AGREEMENT_BUCKETS, "Outcome", "Mediations held", "All mediations held", true);
    case "appeals":
      return simple(id, counts, APPEAL_BUCKETS, "Before the appeal", "Appeals lodged", "All appeals lodged");
    case "drs":
      return simple(id, counts, DRS_OUTCOMES, "Outcome so far", "DRS cases", "All DRS cases");
    case "actions":
      return simple(id, counts, ACTION_BUCKETS, "Where the action stands", "Agreed actions", "All agreed actions due");
    case "certificates": {
      const row = (header: string, prefix: string | null, total = false): TableRow => {
        const of = (b: string) => prefix === null || b.startsWith(`${prefix}.`);
        const issued = sum(counts, of);
        const onTime = sum(counts, (b) => of(b) && b.endsWith(".ON_TIME"));
        const late = issued - onTime;
        const fig = (suffix?: string) => figureId(id, suffix ? `${prefix ?? "*"}.${suffix}` : prefix);
        return {
          header,
          total,
          cells: [
            count(issued, fig()),
            count(onTime, fig("ON_TIME")),
            count(late, fig("LATE")),
            { text: percent(onTime, issued) },
          ],
        };
      };
      return {
        id,
        title: t.title,
        caption: `${t.title} (${t.period})`,
        columns: ["Kind of certificate", "Issued", "Within 3 working days", "Later", "Share within 3 working days"],
        rows: [...CERTIFICATE_KINDS.map((k) => row(CERTIFICATE_KIND_SHORT[k], k)), row("All certificates", null, true)],
      };
    }
    case "sen2": {
      const row = (header: string, reason: string | null, total = false): TableRow => {
        const of = (b: string) => reason === null || b.startsWith(`${reason}.`);
        const held = sum(counts, of);
        const appealed = sum(counts, (b) => of(b) && b.endsWith(".APPEALED"));
        return {
          header,
          total,
          cells: [count(held, figureId(id, reason)), count(appealed, figureId(id, `${reason ?? "*"}.APPEALED`)), { text: percent(appealed, held) }],
        };
      };
      return {
        id,
        title: t.title,
        caption: `${t.title} (${t.period})`,
        columns: ["Reason for mediation", "Mediations held", "Followed by an appeal", "Share followed by an appeal"],
        rows: [...SEN2_REASONS.map((r) => row(SEN2_REASON_LABELS[r], r)), row("All mediations held", null, true)],
      };
    }
  }
}

/** The headline figures (GOV.UK summary list): each a number with the list behind it, or a share. */
export type Headline = { key: string; value: string; figure?: string; detail?: string };

export function headlines(all: ReportCounts): Headline[] {
  const c = (id: ReportTableId) => all[id] ?? {};
  const referrals = sum(c("referrals"));
  const held = sum(c("mediations"));
  const within = c("mediations").WITHIN_30_DAYS ?? 0;
  const after = c("mediations").AFTER_30_DAYS ?? 0;
  const certificates = sum(c("certificates"));
  const certificatesOnTime = sum(c("certificates"), (b) => b.endsWith(".ON_TIME"));
  const agreed = c("agreements");
  const withOutcome = (agreed.FULL ?? 0) + (agreed.PARTIAL ?? 0) + (agreed.NONE ?? 0);
  const actions = c("actions");
  const actionsDue = sum(actions) - (actions.OPEN_NOT_DUE ?? 0);
  return [
    { key: "Referrals received", value: String(referrals), figure: "referrals" },
    { key: "Mediations held", value: String(held), figure: "mediations" },
    {
      key: "Mediations held within 30 days",
      value: percent(within, within + after),
      detail: `${within} of ${within + after} with a 30-day date`,
      figure: "mediations.WITHIN_30_DAYS",
    },
    { key: "Certificates issued", value: String(certificates), figure: "certificates" },
    {
      key: "Certificates issued within 3 working days",
      value: percent(certificatesOnTime, certificates),
      detail: `${certificatesOnTime} of ${certificates}`,
      figure: "certificates.*.ON_TIME",
    },
    {
      key: "Mediations reaching full or partial agreement",
      value: percent((agreed.FULL ?? 0) + (agreed.PARTIAL ?? 0), withOutcome),
      detail: `${(agreed.FULL ?? 0) + (agreed.PARTIAL ?? 0)} of ${withOutcome} with an outcome recorded`,
    },
    { key: "Cases appealed to the Tribunal", value: String(sum(c("appeals"))), figure: "appeals" },
    { key: "DRS cases", value: String(sum(c("drs"))), figure: "drs" },
    {
      key: "Agreed actions done on time",
      value: percent(actions.DONE_ON_TIME ?? 0, actionsDue),
      detail: `${actions.DONE_ON_TIME ?? 0} of ${actionsDue} due by today`,
      figure: "actions.DONE_ON_TIME",
    },
  ];
}

/** A table as rows of text, header first (the CSV export writes exactly this). */
export function tableText(t: ReportTable): string[][] {
  return [t.columns, ...t.rows.map((r) => [r.header, ...r.cells.map((c) => c.text)])];
}
