"use server";
/**
 * Server actions of the new-referral form (/cases/new). Both follow the one chain: zod → session →
 * authorize → act (lib/cases/intake writes the audit row in the same transaction as the case).
 */
import { z } from "zod";
import { can } from "@/lib/auth/policy";
import { createReferral, previewReferralDates, type ReferralDatesPreview } from "@/lib/cases/intake";
import { REFERRAL_PAYLOAD_FIELD, referralSchema } from "@/lib/cases/schemas";
import { runAction, type ActionState } from "../../_server/action";
import { getSessionUser } from "../../_server/auth";

function parsePayload(raw: unknown): unknown {
  if (typeof raw !== "string") return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

export async function createReferralAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const payload = parsePayload(formData.get(REFERRAL_PAYLOAD_FIELD));
  const schema = z.preprocess(() => payload, referralSchema());
  const state = await runAction(formData, {
    schema,
    permission: "case:create",
    // The command validates again (it can be called from elsewhere), so it gets the answers as typed.
    handler: async (_valid, { user, ip }) => ({ status: "success" as const, data: await createReferral(user, payload, ip) }),
  });
  // The payload is the form's own state: no need to send it back. Field errors speak for themselves.
  const out: ActionState = { ...state };
  delete out.values;
  if (out.fieldErrors && Object.keys(out.fieldErrors).length > 0) delete out.message;
  return out;
}

const previewInput = z.object({
  kind: z.string().max(20).optional(),
  decisionSentOn: z.string().max(10).optional(),
  laNotifiedOn: z.string().max(10).optional(),
  hasHealthIssue: z.boolean().optional(),
});

/** The statutory dates for the answers so far (shown live on the form); null when not allowed. */
export async function previewReferralDatesAction(input: z.input<typeof previewInput>): Promise<ReferralDatesPreview | null> {
  const parsed = previewInput.safeParse(input);
  if (!parsed.success) return null;
  const user = await getSessionUser();
  if (!user || !can(user, "case:create")) return null;
  return previewReferralDates(user, parsed.data);
}
