/**
 * Erasure requests (UK GDPR art. 17; issue 13, decision 0028). One admin records the request (who,
 * what, why, received on); a SECOND admin approves or refuses it with a reason — never the one who
 * recorded it. Approval anonymises the person's records found by their email address, reusing the
 * purge's anonymisation (./anonymise.ts): the whole case where they are its family party (the case
 * is about their family), otherwise just their party rows; and their family account. It is refused,
 * with nothing written, while a case of theirs is on hold (a legal hold or a recorded appeal) or
 * still open (the service needs the records to run it: a legal obligation under the Children and
 * Families Act 2014). Each step is audited; once carried out, the request keeps only a digest of
 * the email, so the register of requests does not itself keep the data.
 */
import "server-only";
import { z } from "zod";
import { db, transaction, type Tx } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { dataProtectionScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { personalDigest, writeAudit } from "@/lib/platform/audit";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { parseInput } from "@/lib/platform/validation";
import { dbDateFromIso, isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import { isEmail, isTypedDate, optionalDate, EMAIL_FORMAT_MESSAGE } from "@/lib/cases/fields";
import { isTerminalStatus } from "@/lib/cases/lifecycle/vocabulary";
import type { ErasureRequestStatus } from "@/lib/platform/db/generated/enums";
import { anonymiseCase, anonymiseFamilyAccountIfUnlinked, anonymiseParty, deleteStoredFiles, ANONYMISED_DOMAIN } from "./anonymise";

export const ERASURE_TEXT_MAX = 2000;
/** A second admin must decide (four eyes). */
export const SAME_ADMIN_MESSAGE = "Another admin must decide this request: you recorded it.";
export const ERASED_SUBJECT = "Erased";

const text = (label: string, missing: string, max = ERASURE_TEXT_MAX) =>
  z.string({ error: missing }).trim().min(1, missing).max(max, `${label} must be ${max} characters or fewer`);

export const recordErasureSchema = (today: string) =>
  z.object({
    subjectName: text("The name", "Enter the name of the person asking", 200),
    subjectEmail: z
      .string({ error: "Enter their email address" })
      .trim()
      .min(1, "Enter their email address")
      .max(254, EMAIL_FORMAT_MESSAGE)
      .refine((v) => isEmail(v), EMAIL_FORMAT_MESSAGE),
    scope: text("What they asked for", "Enter what they asked to be erased"),
    reason: text("Their reason", "Enter the reason they gave"),
    receivedOn: optionalDate("The date the request was received")
      .refine((v) => v !== "", "Enter the date the request was received")
      .refine((v) => !isTypedDate(v) || v <= today, "The date the request was received must be today or in the past"),
  });

export const decideErasureSchema = z.object({
  id: z.string().trim().min(1).max(200),
  version: z.coerce.number().int().min(1),
  decision: z.enum(["approve", "refuse"], { error: "Choose whether to approve or refuse the request" }),
  decisionReason: text("The reason", "Enter the reason for the decision"),
});

export async function recordErasureRequest(user: SessionUser, input: unknown, ip: string | null = null, now: Date = new Date()): Promise<{ id: string }> {
  authorize(user, "data-protection:manage");
  const v = parseInput(recordErasureSchema(todayInLondon(now)), input, { order: ["subjectName", "subjectEmail", "scope", "reason", "receivedOn"] });
  return transaction(async (tx) => {
    const r = await tx.erasureRequest.create({
      data: {
        subjectName: v.subjectName,
        subjectEmail: v.subjectEmail,
        subjectDigest: personalDigest(v.subjectEmail),
        scope: v.scope,
        reason: v.reason,
        receivedOn: dbDateFromIso(v.receivedOn),
        recordedById: user.id,
      },
      select: { id: true },
    });
    await writeAudit(tx, { actor: user, action: "erasure.requested", entityType: "ErasureRequest", entityId: r.id, after: { status: "PENDING", receivedOn: v.receivedOn, subject: personalDigest(v.subjectEmail) }, ip });
    return r;
  });
}

export type ErasureTarget = {
  account: { id: string; role: string } | null;
  parties: { partyId: string; caseId: string; reference: string; kindLabel: string; wholeCase: boolean; blocked: string | null; purged: boolean }[];
};

/** What approving would anonymise, and what stops it (a hold, an open case). */
export async function erasureTargets(client: Pick<Tx, "user" | "party">, user: SessionUser, email: string): Promise<ErasureTarget> {
  const account = await client.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, select: { id: true, role: true } });
  const parties = await client.party.findMany({
    where: { AND: [{ case: { is: dataProtectionScope(user) } }, { OR: [{ email: { equals: email, mode: "insensitive" } }, ...(account ? [{ userId: account.id }] : [])] }] },
    orderBy: { case: { reference: "asc" } },
    select: {
      id: true,
      kind: true,
      case: { select: { id: true, reference: true, status: true, familyParty: true, legalHoldAt: true, appealLodgedOn: true, appealHoldReleasedAt: true, purgedAt: true } },
    },
  });
  return {
    account,
    parties: parties.map((p) => {
      const c = p.case;
      const held = c.legalHoldAt !== null || (c.appealLodgedOn !== null && c.appealHoldReleasedAt === null);
      const blocked = c.purgedAt
        ? null
        : held
          ? `Case ${c.reference} is on legal hold${c.legalHoldAt ? "" : " (an appeal is recorded)"}: its records must be kept while the hold stands. Refuse the request, or release the hold first if it has ended.`
          : !isTerminalStatus(c.status)
            ? `Case ${c.reference} is still open: the service needs its records to run it (a legal obligation under the Children and Families Act 2014). Refuse the request, or decide it once the case is closed.`
            : null;
      return { partyId: p.id, caseId: c.id, reference: c.reference, kindLabel: p.kind, wholeCase: p.kind === c.familyParty, blocked, purged: c.purgedAt !== null };
    }),
  };
}

export type ErasureRequestView = {
  id: string;
  version: number;
  status: ErasureRequestStatus;
  subjectName: string;
  subjectEmail: string;
  scope: string;
  reason: string;
  receivedOn: string;
  recordedAt: Date;
  recordedBy: string;
  recordedById: string;
  decidedAt: Date | null;
  decidedBy: string | null;
  decisionReason: string | null;
  outcome: unknown;
};

async function names(ids: (string | null)[]): Promise<Map<string, string>> {
  const list = ids.filter((i): i is string => !!i);
  const users = list.length ? await db().user.findMany({ where: { id: { in: list } }, select: { id: true, name: true } }) : [];
  return new Map(users.map((u) => [u.id, u.name]));
}

export async function listErasureRequests(user: SessionUser): Promise<ErasureRequestView[]> {
  authorize(user, "data-protection:manage");
  const rows = await db().erasureRequest.findMany({ orderBy: [{ status: "asc" }, { recordedAt: "desc" }], take: 200 });
  const who = await names(rows.flatMap((r) => [r.recordedById, r.decidedById]));
  return rows.map((r) => view(r, who));
}

export async function getErasureRequest(user: SessionUser, id: unknown): Promise<{ request: ErasureRequestView; targets: ErasureTarget | null; sameAdmin: boolean }> {
  authorize(user, "data-protection:manage");
  const parsed = z.string().trim().min(1).max(200).safeParse(id);
  if (!parsed.success) throw new NotFoundError("erasure request");
  const r = await db().erasureRequest.findUnique({ where: { id: parsed.data } });
  if (!r) throw new NotFoundError("erasure request");
  const who = await names([r.recordedById, r.decidedById]);
  const targets = r.status === "PENDING" ? await erasureTargets(db(), user, r.subjectEmail) : null;
  return { request: view(r, who), targets, sameAdmin: r.recordedById === user.id };
}

type Row = Awaited<ReturnType<ReturnType<typeof db>["erasureRequest"]["findUniqueOrThrow"]>>;
function view(r: Row, who: Map<string, string>): ErasureRequestView {
  return {
    id: r.id,
    version: r.version,
    status: r.status,
    subjectName: r.subjectName,
    subjectEmail: r.subjectEmail,
    scope: r.scope,
    reason: r.reason,
    receivedOn: isoFromDbDate(r.receivedOn),
    recordedAt: r.recordedAt,
    recordedBy: who.get(r.recordedById) ?? "An admin",
    recordedById: r.recordedById,
    decidedAt: r.decidedAt,
    decidedBy: r.decidedById ? (who.get(r.decidedById) ?? "An admin") : null,
    decisionReason: r.decisionReason,
    outcome: r.outcome,
  };
}

export type ErasureOutcome = { cases: string[]; partiesOnly: string[]; account: boolean };

export async function decideErasureRequest(user: SessionUser, input: unknown, ip: string | null = null, now: Date = new Date()): Promise<{ status: "APPROVED" | "REFUSED"; outcome?: ErasureOutcome }> {
  authorize(user, "data-protection:manage");
  const v = parseInput(decideErasureSchema, input, { order: ["decision", "decisionReason"] });
  return transaction(async (tx): Promise<{ status: "APPROVED" | "REFUSED"; outcome?: ErasureOutcome }> => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ErasureRequest" WHERE "id" = ${v.id} FOR UPDATE`;
    if (locked.length === 0) throw new NotFoundError("erasure request");
    const r = await tx.erasureRequest.findUniqueOrThrow({ where: { id: v.id } });
    if (r.status !== "PENDING") throw new DomainError(`This request was already ${r.status === "APPROVED" ? "approved" : "refused"}.`, "DECIDED");
    if (r.version !== v.version) throw new ConflictError("Someone else changed this request: check it again before deciding.", { current: r.version });
    if (r.recordedById === user.id) throw new DomainError(SAME_ADMIN_MESSAGE, "SAME_ADMIN");
    const decided = { decidedById: user.id, decidedAt: now, decisionReason: v.decisionReason, version: { increment: 1 } };

    if (v.decision === "refuse") {
      await tx.erasureRequest.update({ where: { id: r.id }, data: { ...decided, status: "REFUSED" } });
      await writeAudit(tx, { actor: user, action: "erasure.refused", entityType: "ErasureRequest", entityId: r.id, before: { status: "PENDING" }, after: { status: "REFUSED", reason: v.decisionReason }, ip });
      return { status: "REFUSED" };
    }

    const targets = await erasureTargets(tx, user, r.subjectEmail);
    const blocked = targets.parties.map((p) => p.blocked).filter((b): b is string => b !== null);
    if (blocked.length > 0) throw new DomainError(blocked.join(" "), "BLOCKED");

    const keys: string[] = [];
    const outcome: ErasureOutcome = { cases: [], partiesOnly: [], account: false };
    for (const p of targets.parties) {
      if (p.purged) continue;
      if (p.wholeCase) {
        if (outcome.cases.includes(p.reference)) continue;
        const a = await anonymiseCase(tx, p.caseId, now);
        keys.push(...a.storageKeys);
        outcome.cases.push(p.reference);
        await writeAudit(tx, { actor: user, action: "case.purged", entityType: "Case", entityId: p.caseId, caseId: p.caseId, after: { why: "erasure", erasureRequestId: r.id, ...a.counts }, ip });
      } else {
        const a = await anonymiseParty(tx, p.partyId);
        keys.push(...a.storageKeys);
        outcome.partiesOnly.push(p.reference);
        await writeAudit(tx, { actor: user, action: "party.anonymised", entityType: "Party", entityId: p.partyId, caseId: p.caseId, after: { erasureRequestId: r.id, ...a.counts }, ip });
      }
    }
    if (targets.account?.role === "PARENT") {
      // Already anonymised with its last linked case above, or now (a family account only: staff
      // accounts are kept, deactivated through /admin/users).
      await anonymiseFamilyAccountIfUnlinked(tx, targets.account.id);
      const after = await tx.user.findUniqueOrThrow({ where: { id: targets.account.id }, select: { email: true } });
      outcome.account = after.email.endsWith(ANONYMISED_DOMAIN);
      if (outcome.account) await writeAudit(tx, { actor: user, action: "user.anonymised", entityType: "User", entityId: targets.account.id, after: { erasureRequestId: r.id }, ip });
    }
    await tx.erasureRequest.update({
      where: { id: r.id },
      data: { ...decided, status: "APPROVED", outcome, subjectName: ERASED_SUBJECT, subjectEmail: ERASED_SUBJECT },
    });
    await writeAudit(tx, { actor: user, action: "erasure.approved", entityType: "ErasureRequest", entityId: r.id, before: { status: "PENDING" }, after: { status: "APPROVED", reason: v.decisionReason, ...outcome }, ip });
    await deleteStoredFiles(keys);
    return { status: "APPROVED" as const, outcome };
  });
}
