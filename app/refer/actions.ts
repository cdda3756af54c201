"use server";
/**
 * The public self-referral (/refer): no sign-in. The chain is the command's own: honeypot → zod →
 * per-IP rate limit → create (lib/cases/intake). Works without JavaScript (a plain form post).
 */
import { redirect } from "next/navigation";
import { createSelfReferral, type SelfReferralResult } from "@/lib/cases/intake";
import { HONEYPOT_FIELD } from "@/lib/cases/schemas";
import { formValues, handleActionError, type ActionState } from "../_server/action";
import { clientIp } from "../_server/auth";

export async function selfReferralAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let result: SelfReferralResult;
  try {
    result = await createSelfReferral(values, await clientIp());
  } catch (e) {
    const echo = { ...values };
    delete echo[HONEYPOT_FIELD];
    const state = handleActionError(e, echo);
    // Field errors speak for themselves; a message is kept for the rate limit or an unexpected error.
    if (state.fieldErrors && Object.keys(state.fieldErrors).length > 0) delete state.message;
    return state;
  }
  // A filled honeypot gets the same confirmation page, without a reference (nothing was written).
  redirect(result.status === "created" ? `/refer/done?reference=${encodeURIComponent(result.reference)}` : "/refer/done");
}
