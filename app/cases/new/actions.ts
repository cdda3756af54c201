"use server";
/**
 * Server actions of the new-referral form (/cases/new): the one chain around one lib command each.
 * The form posts its whole state as JSON in one field; lib/cases/intake validates it (once).
 */
import { can } from "@/lib/auth/policy";
import { createReferral } from "@/lib/cases/intake/create-referral";
import { previewReferralDates, type PreviewInput, type ReferralDatesPreview } from "@/lib/cases/intake/preview-referral-dates";
import { REFERRAL_PAYLOAD_FIELD } from "@/lib/cases/intake/referral-schema";
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
  return runAction(formData, {
    permission: "case:create",
    // The payload is the form's own state: no need to send it back.
    echo: false,
    run: async (v, { user, ip }) => ({ status: "success" as const, data: await createReferral(user, parsePayload(v[REFERRAL_PAYLOAD_FIELD]), ip) }),
  });
}

/** The statutory dates for the answers so far (shown live on the form); null when not allowed. */
export async function previewReferralDatesAction(input: PreviewInput): Promise<ReferralDatesPreview | null> {
  const user = await getSessionUser();
  if (!user || !can(user, "case:create")) return null;
  return previewReferralDates(user, input);
}
