/**
 * Starts the draft of a case's agreement or DRS outcome statement, after the meeting
 * was recorded held (lib/meetings/record). A mediation needs a FULL or PARTIAL agreement (with
 * none there is nothing to write down: the certificate follows, R-30); a DRS meeting always ends
 * with an outcome statement, whatever was agreed. The people who attended (the record's
 * MeetingRecordAttendee rows) become the required signers (R-40: signed by all present).
 * One draft or sealed version at a time: a correction of a sealed one is ./start-correction.ts.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { parseInput } from "@/lib/platform/validation";
import { dbDateFromIso, isoFromDbDate } from "@/lib/deadlines";
import { findCaseOrThrow } from "@/lib/cases/store";
import { agreementTextSha256 } from "./agreement-content";

export const startAgreementSchema = z.object({ caseId: z.string({ error: "The case is missing." }).trim().min(1, "The case is missing.").max(200) });

export const NO_AGREEMENT_YET = "An agreement can be written only after the meeting is recorded as held with a full or partial agreement.";

export async function startAgreement(user: SessionUser, input: unknown, ip: string | null = null): Promise<{ agreementId: string; revision: number }> {
  const { caseId } = parseInput(startAgreementSchema, input);
  authorize(user, "agreement:draft");
  return transaction(async (tx) => {
    const c = await findCaseOrThrow(user, caseId, { id: true, kind: true, agreement: true, reference: true, heldOn: true }, tx);
    // Serialise with another "start" on the same case.
    await tx.$queryRaw`SELECT "id" FROM "Case" WHERE "id" = ${c.id} FOR UPDATE`;
    const record = await tx.meetingRecord.findFirst({
      where: { caseId },
      orderBy: { createdAt: "desc" },
      select: { id: true, startedAt: true, attendees: { orderBy: { position: "asc" }, select: { id: true, partyId: true, name: true, capacity: true } } },
    });
    if (!record || !c.heldOn) throw new DomainError(NO_AGREEMENT_YET, "NO_MEETING_RECORD");
    // a DRS outcome statement whatever the outcome; R-40: a mediation's agreement only when one was reached.
    if (c.kind === "ADVICE_ONLY" || (c.kind === "MEDIATION" && c.agreement !== "FULL" && c.agreement !== "PARTIAL")) throw new DomainError(NO_AGREEMENT_YET, "NO_AGREEMENT");
    const existing = await tx.caseAgreement.findFirst({ where: { caseId }, select: { id: true } });
    if (existing) throw new ConflictError("This case already has an agreement. Open it from the case page.", { agreementId: existing.id });
    if (record.attendees.length === 0) throw new DomainError("The meeting record lists no one who attended, so no one could sign.", "NO_SIGNERS");

    const kind = c.kind === "DRS" ? "OUTCOME_STATEMENT" : "AGREEMENT";
    const agreedOn = isoFromDbDate(c.heldOn);
    const a = await tx.caseAgreement.create({
      data: {
        caseId,
        kind,
        meetingRecordId: record.id,
        // actions are counted from the agreement date; the meeting's date until changed.
        agreedOn: dbDateFromIso(agreedOn),
        whatWasAgreed: "",
        contentSha256: "",
        createdById: user.id,
        signers: {
          create: record.attendees.map((at, position) => ({ caseId, attendeeId: at.id, partyId: at.partyId, name: at.name, capacity: at.capacity, position })),
        },
      },
      select: { id: true },
    });
    const contentSha256 = agreementTextSha256({
      kind,
      caseReference: c.reference,
      version: 1,
      correctsVersion: null,
      agreedOn,
      whatWasAgreed: "",
      whatWasNotAgreed: null,
      actions: [],
      signers: record.attendees.map((s) => ({ name: s.name, capacity: s.capacity })),
    });
    await tx.caseAgreement.update({ where: { id: a.id }, data: { contentSha256 } });
    await writeAudit(tx, { actor: user, action: "agreement.drafted", entityType: "Agreement", entityId: a.id, caseId, after: { kind, version: 1, signers: record.attendees.length, meetingRecordId: record.id }, ip });
    return { agreementId: a.id, revision: 1 };
  });
}
