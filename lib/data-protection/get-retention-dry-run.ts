/**
 * The retention purge's dry run (/admin/data-protection/retention; decision 0028): the cases the
 * next purge would anonymise — the same list the daily scan queues (./retention.ts) — each with
 * how much it holds that would go, and the cases past retention that a hold keeps. Reads only:
 * nothing is written, not even an audit row (it shows no personal data: references, dates, counts).
 */
import "server-only";
import { db, Prisma } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { dataProtectionScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { todayInLondon } from "@/lib/deadlines";
import { casesPastRetention, retentionCutoffs, retentionYears, RETENTION_CHILD_AGE, type RetentionCase } from "./retention";

/** At most this many due cases are listed with their counts (the total is always given). */
export const DRY_RUN_LIST_LIMIT = 200;

export type DryRunCounts = { parties: number; notes: number; documents: number; familyUploads: number; emails: number; timelineEntries: number };
export type DryRun = {
  today: string;
  years: number;
  childAge: number;
  closedBy: string;
  bornBy: string;
  due: (RetentionCase & { counts: DryRunCounts })[];
  dueTotal: number;
  held: RetentionCase[];
  totals: DryRunCounts;
};

type CountRow = { id: string; parties: number; notes: number; documents: number; uploads: number; emails: number; events: number };

export async function getRetentionDryRun(user: SessionUser, now: Date = new Date()): Promise<DryRun> {
  authorize(user, "data-protection:manage");
  const inScope = await db().case.count({ where: dataProtectionScope(user), take: 1 });
  const today = todayInLondon(now);
  const years = retentionYears();
  const all = inScope === 0 ? [] : await casesPastRetention(db(), { now, includeHeld: true });
  const dueAll = all.filter((c) => !c.onHold);
  const shown = dueAll.slice(0, DRY_RUN_LIST_LIMIT);
  const counts = new Map<string, DryRunCounts>();
  if (shown.length > 0) {
    const ids = shown.map((c) => c.id);
    const rows = await db().$queryRaw<CountRow[]>`
      SELECT c."id",
        (SELECT count(*)::int FROM "Party" p WHERE p."caseId" = c."id") AS parties,
        (SELECT count(*)::int FROM "CaseNote" n WHERE n."caseId" = c."id") AS notes,
        (SELECT count(*)::int FROM "Document" d WHERE d."caseId" = c."id") AS documents,
        (SELECT count(*)::int FROM "FamilyUpload" u WHERE u."caseId" = c."id") AS uploads,
        (SELECT count(*)::int FROM "OutboxEmail" o WHERE o."caseId" = c."id") AS emails,
        (SELECT count(*)::int FROM "CaseEvent" e WHERE e."caseId" = c."id") AS events
      FROM "Case" c WHERE c."id" IN (${Prisma.join(ids)})`;
    for (const r of rows) counts.set(r.id, { parties: r.parties, notes: r.notes, documents: r.documents, familyUploads: r.uploads, emails: r.emails, timelineEntries: r.events });
  }
  const zero: DryRunCounts = { parties: 0, notes: 0, documents: 0, familyUploads: 0, emails: 0, timelineEntries: 0 };
  const due = shown.map((c) => ({ ...c, counts: counts.get(c.id) ?? zero }));
  const totals = due.reduce<DryRunCounts>(
    (t, c) => ({
      parties: t.parties + c.counts.parties,
      notes: t.notes + c.counts.notes,
      documents: t.documents + c.counts.documents,
      familyUploads: t.familyUploads + c.counts.familyUploads,
      emails: t.emails + c.counts.emails,
      timelineEntries: t.timelineEntries + c.counts.timelineEntries,
    }),
    zero,
  );
  const { closedBy, bornBy } = retentionCutoffs(today, years);
  return { today, years, childAge: RETENTION_CHILD_AGE, closedBy, bornBy, due, dueTotal: dueAll.length, held: all.filter((c) => c.onHold), totals };
}
