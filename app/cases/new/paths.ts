/** The addresses of the new-referral pages: /cases/new/who … /cases/new/parties, /cases/new/check. */
import { isReferralStage } from "@/lib/cases/intake/referral-steps";

export const NEW_REFERRAL_PATH = "/cases/new";

export function stepPath(stage: string): string {
  return isReferralStage(stage) || stage === "start-again" ? `${NEW_REFERRAL_PATH}/${stage}` : NEW_REFERRAL_PATH;
}

/** The confirmation again, saying nothing new was made (the answers were sent before). */
export const ALREADY_CREATED_PATH = `${NEW_REFERRAL_PATH}/done?again=1`;
