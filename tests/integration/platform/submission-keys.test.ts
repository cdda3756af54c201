/**
 * A create form sent twice creates one record (issue 14, decision 0035): each create action is
 * called through its server action, as the page's form posts it (with its submission key), twice
 * one after the other and twice at once. Each time: one record, one audit row (and for
 * correspondence and a signing link one email in the outbox), and the second answer is the first one's (the same
 * redirect, or the same message). Also: another user's post with the key creates its own record;
 * a refused post does not use the key up; a post arriving while the first is still in its
 * transaction waits for it and then answers as it; keys past their day are purged.
 */
import { beforeAll, describe, expect, test, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";

const session = vi.hoisted(() => {
  // A claim whose answer never comes is waited for this long (the default is for people, not tests).
  process.env.SUBMISSION_REPLAY_WAIT_MS = "1500";
  return { user: null as SessionUser | null, ip: "203.0.113.50" };
});

// Next's request-scoped modules, as in the authorization matrix (tests/support/next-mocks.ts).
vi.mock("@/app/_server/auth", async () => (await import("../../support/next-mocks")).appAuthMock(session, "submission-keys-secret"));
vi.mock("next/headers", async () => (await import("../../support/next-mocks")).nextHeadersMock());
vi.mock("next/navigation", async () => (await import("../../support/next-mocks")).nextNavigationMock());
vi.mock("next/cache", async () => (await import("../../support/next-mocks")).nextCacheMock());
vi.mock("next/server", async () => (await import("../../support/next-mocks")).nextServerMock());

import { randomUUID } from "node:crypto";
import { db, transaction } from "@/lib/platform/db";
import { writeAudit, type AuditAction } from "@/lib/platform/audit";
import { loadActiveUser } from "@/lib/users";
import { SUBMISSION_KEY_FIELD } from "@/lib/platform/idempotency/field";
import { newSubmissionKey, openSubmission, recordSubmissionOutcome, runInSubmission, SUBMISSION_KEY_TTL_HOURS } from "@/lib/platform/idempotency/submission";
import { purgeSubmissionKeys } from "@/lib/platform/idempotency/purge-submission-keys";
import { ALREADY_SUBMITTED_MESSAGE, type ActionState } from "@/app/_server/action";
import { addNoteAction } from "@/app/cases/[id]/notes/actions";
import { sendCorrespondenceAction } from "@/app/cases/[id]/correspondence/actions";
import { addPartyAction } from "@/app/cases/[id]/actions";
import { recordProgressAction } from "@/app/cases/[id]/actions/actions";
import { addVenueAction } from "@/app/venues/actions";
import { inviteUserAction } from "@/app/admin/users/actions";
import { addReferenceBodyAction } from "@/app/admin/_reference/actions";
import { addMediatorConflictAction } from "@/app/admin/mediators/actions";
import { placeLegalHoldAction, recordErasureRequestAction } from "@/app/admin/data-protection/actions";
import { bookPreMeetingAction } from "@/app/cases/[id]/pre-meetings/actions";
import { sendLinkAction } from "@/app/cases/[id]/agreement/actions";
import { sendViewsForm } from "@/app/my-case/_forms/views";
import { selfReferralForm } from "@/app/refer/_forms/self-referral";
import { createAuthzFixtures, type AuthzFixtures, type SignedInActor } from "../../authz/fixtures";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;
/** The family's views form posts to its Pages Router page (decision 0038): the same chain, the caller given. */
const sendViewsAction: Action = (_prev, fd) => sendViewsForm({ user: session.user, ip: session.ip }, fd);
/** The self-referral posts to its Pages Router page (decision 0038) too. */
const selfReferralAction: Action = (_prev, fd) => selfReferralForm({ user: null, ip: session.ip }, fd);
/** What a post got: the state, or where it was redirected. */
type Answer = { state?: ActionState; redirect?: string };

let f: AuthzFixtures;
const users = new Map<SignedInActor, SessionUser>();
let templateVersion = "";

beforeAll(async () => {
  f = await createAuthzFixtures((text, values = []) => db().$queryRawUnsafe(text, ...values));
  for (const [actor, u] of Object.entries(f.users) as [SignedInActor, AuthzFixtures["users"][SignedInActor]][]) {
    const loaded = await loadActiveUser(u.id, u.sessionVersion);
    if (loaded) users.set(actor, loaded);
  }
  const t = await db().correspondenceTemplate.findUniqueOrThrow({ where: { key: "acknowledgement" }, select: { version: true } });
  templateVersion = String(t.version);
});

function formData(values: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.append(k, v);
  return fd;
}

async function post(action: Action, actor: SignedInActor | "public", values: Record<string, string>): Promise<Answer> {
  session.user = actor === "public" ? null : users.get(actor)!;
  try {
    return { state: await action({ status: "idle" }, formData(values)) };
  } catch (e) {
    const digest = (e as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT;")) return { redirect: digest.split(";").slice(2, -2).join(";") };
    throw e;
  }
}

/** An answer without the values echoed back (they are the post's own). */
const outcome = (a: Answer) => (a.state ? { ...a.state, values: undefined } : a);

const count = async (sql: string, ...values: unknown[]) => Number((await db().$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${sql}`, ...values))[0]!.n);

type CreateForm = {
  action: Action;
  actor: SignedInActor | "public";
  audit: AuditAction;
  /** The form as the page posts it; `m` makes this post's record findable. */
  form: (m: string) => Promise<Record<string, string>> | Record<string, string>;
  /** How many records this post's form made. */
  made: (m: string) => Promise<number>;
  /** For a create that also sends an email: how many were queued. */
  emails?: () => Promise<number>;
};

const caseVersion = async () => String((await db().case.findUniqueOrThrow({ where: { id: f.caseId }, select: { version: true } })).version);

const CREATE_FORMS: Record<string, CreateForm> = {
  "a case note": {
    action: addNoteAction,
    actor: "mediator",
    audit: "note.added",
    form: (m) => ({ caseId: f.caseId, kind: "MEDIATOR_PRIVATE", body: `Note ${m}` }),
    made: (m) => count(`"CaseNote" WHERE body = $1`, `Note ${m}`),
  },
  "an email from the case (correspondence)": {
    action: sendCorrespondenceAction,
    actor: "caseworker",
    audit: "correspondence.sent",
    form: () => ({ caseId: f.caseId, template: "acknowledgement", recipient: `${f.familyPartyId}:EMAIL`, templateVersion }),
    // The form has no free text: the emails of this case since the post began.
    made: () => count(`"OutboxEmail" WHERE "caseId" = $1 AND "createdAt" >= $2`, f.caseId, since),
  },
  "a party (a version-checked create)": {
    action: addPartyAction,
    actor: "caseworker",
    audit: "party.added",
    form: async (m) => ({ caseId: f.caseId, version: await caseVersion(), kind: "SUPPORTER", name: `Sam ${m}`, email: `sam-${m}@example.com`, preferredContact: "EMAIL" }),
    made: (m) => count(`"Party" WHERE name = $1`, `Sam ${m}`),
  },
  "progress on an agreed action": {
    action: recordProgressAction,
    actor: "laOfficer",
    audit: "obligation.progress_recorded",
    form: (m) => ({ caseId: f.caseId, obligationId: f.obligationId, note: `Progress ${m}` }),
    made: (m) => count(`"ObligationUpdate" WHERE note = $1`, `Progress ${m}`),
  },
  "a venue": {
    action: addVenueAction,
    actor: "caseworker",
    audit: "venue.added",
    form: (m) => ({ name: `Hall ${m}`, address: "2 Keys Street", localAuthorityId: f.la1Id }),
    made: (m) => count(`"Venue" WHERE name = $1`, `Hall ${m}`),
  },
  "a staff invitation": {
    action: inviteUserAction,
    actor: "admin",
    audit: "user.invited",
    form: (m) => ({ name: "Invited Person", email: `invited-${m}@keys.example`, role: "CASEWORKER", localAuthorityId: "" }),
    made: (m) => count(`"User" WHERE email = $1`, `invited-${m}@keys.example`),
  },
  "a local authority": {
    action: addReferenceBodyAction,
    actor: "admin",
    audit: "local_authority.added",
    form: (m) => ({ kind: "localAuthority", code: `K${m.slice(0, 6)}`, name: `Keys Council ${m}` }),
    made: (m) => count(`"LocalAuthority" WHERE name = $1`, `Keys Council ${m}`),
  },
  "a mediator's conflict": {
    action: addMediatorConflictAction,
    actor: "admin",
    audit: "mediator.conflict_added",
    form: (m) => ({ mediatorId: f.users.mediator.id, partyName: `Nobody ${m}`, reason: "Knows the family" }),
    made: (m) => count(`"MediatorConflict" WHERE "partyName" = $1`, `Nobody ${m}`),
  },
  "an erasure request": {
    action: recordErasureRequestAction,
    actor: "admin",
    audit: "erasure.requested",
    form: (m) => ({ subjectName: "Keys Person", subjectEmail: `erase-${m}@example.com`, scope: "Everything", reason: "Moved away", receivedOn: "2026-01-05" }),
    made: (m) => count(`"ErasureRequest" WHERE "subjectEmail" = $1`, `erase-${m}@example.com`),
  },
  "a legal hold": {
    action: placeLegalHoldAction,
    actor: "admin",
    audit: "case.legal_hold_placed",
    // A case of its own for each post (a case is held once).
    form: async (m) => {
      await db().$executeRawUnsafe(`INSERT INTO "Case" (id, reference, "localAuthorityId", status, "updatedAt") VALUES ($1, $2, $3, 'REFERRED', now())`, `hold-${m}`, `SM-HOLD-${m}`, f.la1Id);
      return { reference: `SM-HOLD-${m}`, reason: "A complaint to the ombudsman" };
    },
    made: (m) => count(`"Case" WHERE id = $1 AND "legalHoldAt" IS NOT NULL`, `hold-${m}`),
  },
  "a pre-meeting": {
    action: bookPreMeetingAction,
    actor: "caseworker",
    audit: "pre_meeting.booked",
    // Case B is allocated (pre-meetings may be booked); one per party at a time: cancel the one before.
    form: async () => {
      await db().meeting.updateMany({ where: { caseId: f.otherCaseId, kind: "PRE_MEETING" }, data: { status: "CANCELLED" } });
      return { caseId: f.otherCaseId, partyId: f.otherCaseId.replace("case-b", "party-b"), date: "2099-01-06", startTime: "10:00", durationMinutes: "60", mode: "PHONE" };
    },
    made: () => count(`"Meeting" WHERE "caseId" = $1 AND kind = 'PRE_MEETING' AND "createdAt" >= $2`, f.otherCaseId, since),
  },
  "a signing link (and its email)": {
    action: sendLinkAction,
    actor: "mediator",
    audit: "agreement.signing_link_sent",
    form: () => ({ caseId: f.caseId, agreementId: f.agreementId, contentSha256: f.agreementContentSha256, signerId: f.signerId }),
    made: () => count(`"AgreementSigningLink" WHERE "signerId" = $1 AND "createdAt" >= $2`, f.signerId, since),
    emails: () => count(`"OutboxEmail" WHERE "caseId" = $1 AND "createdAt" >= $2`, f.caseId, since),
  },
  "the family's views": {
    action: sendViewsAction,
    actor: "family",
    audit: "family_views.sent",
    form: (m) => ({ caseId: f.caseId, views: `Views ${m}` }),
    made: (m) => count(`"FamilySubmission" WHERE views = $1`, `Views ${m}`),
  },
  "a self-referral (public, no sign-in)": {
    action: selfReferralAction,
    actor: "public",
    audit: "case.self_referral_received",
    form: (m) => ({
      familyParty: "PARENT",
      name: `Morgan ${m}`,
      email: `morgan-${m}@example.com`,
      phone: "",
      childName: "Riley Keys",
      childDateOfBirth: "",
      localAuthorityId: f.la1Id,
      hasEhcPlan: "no",
      disputedDecisions: "REFUSAL_TO_ASSESS",
      issueCategories: "EDUCATION",
      decisionSentOn: "",
      details: "",
      website: "",
    }),
    made: (m) => count(`"Party" WHERE name = $1`, `Morgan ${m}`),
  },
};

let since = new Date();
const audits = (c: CreateForm) => count(`"AuditEvent" WHERE action = $1 AND at >= $2 AND ("actorId" = $3::text OR $3::text IS NULL)`, c.audit, since, c.actor === "public" ? null : users.get(c.actor)!.id);

describe("each create form, sent twice with its key, creates one record", () => {
  for (const [name, c] of Object.entries(CREATE_FORMS)) {
    test(`${name}: twice in a row — one record, one audit row, the same answer`, async () => {
      session.ip = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
      since = new Date(Date.now() - 1);
      const m = randomUUID().slice(0, 8);
      const values = { ...(await c.form(m)), [SUBMISSION_KEY_FIELD]: newSubmissionKey() };
      const first = await post(c.action, c.actor, values);
      expect(first.state?.status ?? "redirect", JSON.stringify(first)).not.toBe("error");
      const second = await post(c.action, c.actor, values);
      expect(await c.made(m)).toBe(1);
      expect(await audits(c)).toBe(1);
      if (c.emails) expect(await c.emails()).toBe(1);
      expect(outcome(second)).toEqual(outcome(first));
    });

    test(`${name}: twice at once — one record, one audit row, the same answer`, async () => {
      session.ip = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
      since = new Date(Date.now() - 1);
      const m = randomUUID().slice(0, 8);
      const values = { ...(await c.form(m)), [SUBMISSION_KEY_FIELD]: newSubmissionKey() };
      const [a, b] = await Promise.all([post(c.action, c.actor, values), post(c.action, c.actor, values)]);
      expect(await c.made(m)).toBe(1);
      expect(await audits(c)).toBe(1);
      if (c.emails) expect(await c.emails()).toBe(1);
      expect(a.state?.status ?? "redirect", JSON.stringify(a)).not.toBe("error");
      expect(outcome(b)).toEqual(outcome(a));
    });
  }

  test("without a key (a form not yet given one) each post runs as before", async () => {
    const m = randomUUID().slice(0, 8);
    const values = CREATE_FORMS["a case note"]!.form(m) as Record<string, string>;
    await post(addNoteAction, "mediator", values);
    await post(addNoteAction, "mediator", values);
    expect(await CREATE_FORMS["a case note"]!.made(m)).toBe(2);
  });

  test("the same form sent again with other answers (a note, then another) is a new submission", async () => {
    const key = newSubmissionKey();
    const [m1, m2] = [randomUUID().slice(0, 8), randomUUID().slice(0, 8)];
    await post(addNoteAction, "mediator", { caseId: f.caseId, kind: "MEDIATOR_PRIVATE", body: `Note ${m1}`, [SUBMISSION_KEY_FIELD]: key });
    await post(addNoteAction, "mediator", { caseId: f.caseId, kind: "MEDIATOR_PRIVATE", body: `Note ${m2}`, [SUBMISSION_KEY_FIELD]: key });
    expect(await CREATE_FORMS["a case note"]!.made(m1)).toBe(1);
    expect(await CREATE_FORMS["a case note"]!.made(m2)).toBe(1);
  });
});

describe("whose key, and when it is used up", () => {
  test("another user posting the same form with the same key is not given the first one's answer: their own email is sent", async () => {
    since = new Date(Date.now() - 1);
    const values = { caseId: f.caseId, template: "acknowledgement", recipient: `${f.familyPartyId}:EMAIL`, templateVersion, [SUBMISSION_KEY_FIELD]: newSubmissionKey() };
    await post(sendCorrespondenceAction, "caseworker", values);
    await post(sendCorrespondenceAction, "admin", values);
    expect(await count(`"OutboxEmail" WHERE "caseId" = $1 AND "createdAt" >= $2`, f.caseId, since)).toBe(2);
    expect(await count(`"SubmissionKey" WHERE "createdAt" >= $1 AND "actorKey" IN ($2, $3)`, since, f.users.caseworker.id, f.users.admin.id)).toBe(2);
  });

  test("a refused post (a problem with the answers) writes nothing and does not use the key up", async () => {
    const key = newSubmissionKey();
    const m = randomUUID().slice(0, 8);
    const badValues = { name: "", address: "2 Keys Street", localAuthorityId: f.la1Id, [SUBMISSION_KEY_FIELD]: key };
    const bad = await post(addVenueAction, "caseworker", badValues);
    expect(bad.state?.status).toBe("error");
    expect(bad.state?.fieldErrors?.name).toBeTruthy();
    const s = openSubmission(formData(badValues), f.users.caseworker.id)!;
    expect(await db().submissionKey.count({ where: { actorKey: s.actorKey, key: s.key } })).toBe(0);
    // Posted again as it was (e.g. after a timeout): refused again, not answered as "already sent".
    expect((await post(addVenueAction, "caseworker", badValues)).state?.fieldErrors?.name).toBe(bad.state?.fieldErrors?.name);
    const good = await post(addVenueAction, "caseworker", { name: `Hall ${m}`, address: "2 Keys Street", localAuthorityId: f.la1Id, [SUBMISSION_KEY_FIELD]: key });
    expect(good.state?.status ?? "redirect").not.toBe("error");
    expect(await CREATE_FORMS["a venue"]!.made(m)).toBe(1);
  });

  test("a change rolled back after its claim (refused inside the transaction) frees the key: the same submission then runs", async () => {
    const s = openSubmission(formData({ [SUBMISSION_KEY_FIELD]: newSubmissionKey(), body: "x" }), f.users.caseworker.id)!;
    const failing = runInSubmission(s, () =>
      transaction(async (tx) => {
        await writeAudit(tx, { actor: { id: f.users.caseworker.id }, action: "note.added", entityType: "CaseNote", entityId: "rolled-back", caseId: f.caseId });
        throw new Error("refused after the claim");
      }),
    );
    await expect(failing).rejects.toThrow("refused after the claim");
    expect(await db().submissionKey.count({ where: { actorKey: s.actorKey, key: s.key } })).toBe(0);
    const again = { ...s, claimed: false };
    await runInSubmission(again, () => transaction((tx) => writeAudit(tx, { actor: { id: f.users.caseworker.id }, action: "note.added", entityType: "CaseNote", entityId: "kept", caseId: f.caseId })));
    expect(await db().submissionKey.count({ where: { actorKey: s.actorKey, key: s.key, entityId: "kept" } })).toBe(1);
  });

  test("a retry while the first is still in its transaction waits for it, creates nothing and gets its answer", async () => {
    const m = randomUUID().slice(0, 8);
    const values = { caseId: f.caseId, kind: "MEDIATOR_PRIVATE", body: `Note ${m}`, [SUBMISSION_KEY_FIELD]: newSubmissionKey() };
    const s = openSubmission(formData(values), f.users.mediator.id)!;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // The "first" post: it has claimed the key and is still working.
    const first = runInSubmission(s, () =>
      transaction(async (tx) => {
        await writeAudit(tx, { actor: { id: f.users.mediator.id }, action: "note.added", entityType: "CaseNote", entityId: `slow-${m}`, caseId: f.caseId });
        await held;
      }),
    );
    await new Promise((r) => setTimeout(r, 200));
    const retry = post(addNoteAction, "mediator", values);
    await new Promise((r) => setTimeout(r, 300));
    release();
    await first;
    await recordSubmissionOutcome(s, { state: { status: "success", message: "The first one's answer" } });
    const answer = await retry;
    expect(answer.state?.status).toBe("success");
    expect(answer.state?.message).toBe("The first one's answer");
    expect(await CREATE_FORMS["a case note"]!.made(m)).toBe(0);
  });

  test("a claim whose answer never comes is answered with 'already sent' rather than a second record", async () => {
    const m = randomUUID().slice(0, 8);
    const values = { caseId: f.caseId, kind: "MEDIATOR_PRIVATE", body: `Note ${m}`, [SUBMISSION_KEY_FIELD]: newSubmissionKey() };
    const s = openSubmission(formData(values), f.users.mediator.id)!;
    await db().submissionKey.create({ data: { actorKey: s.actorKey, key: s.key, entityType: "CaseNote", entityId: `lost-${m}` } });
    const answer = await post(addNoteAction, "mediator", values);
    expect(answer.state?.message).toBe(ALREADY_SUBMITTED_MESSAGE);
    expect(await CREATE_FORMS["a case note"]!.made(m)).toBe(0);
  });

  test(`keys older than ${SUBMISSION_KEY_TTL_HOURS} hours are purged, newer ones kept`, async () => {
    const [old, recent] = [`purge-old-${randomUUID()}`, `purge-new-${randomUUID()}`];
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
    await db().submissionKey.createMany({
      data: [
        { actorKey: "public", key: old, entityType: "Case", entityId: "x", createdAt: hoursAgo(SUBMISSION_KEY_TTL_HOURS + 1) },
        { actorKey: "public", key: recent, entityType: "Case", entityId: "y", createdAt: hoursAgo(SUBMISSION_KEY_TTL_HOURS - 1) },
      ],
    });
    const r = await purgeSubmissionKeys();
    expect(r.removed).toBeGreaterThanOrEqual(1);
    expect(await db().submissionKey.count({ where: { key: { in: [old, recent] } } })).toBe(1);
    expect(await db().submissionKey.count({ where: { key: recent } })).toBe(1);
  });
});
