/**
 * The public self-referral form's (/refer) "not sure" answers, and the name of its honeypot field.
 * Client-safe and free of zod: the form reads these without bundling the validation (issue 14:
 * public pages' first-load JavaScript). The schema is in ./self-referral-schema, which re-exports
 * these.
 */
import { DECISION_NOT_KNOWN } from "../about/rules";

export { HONEYPOT_FIELD } from "@/lib/platform/security/honeypot";

/** "I'm not sure" on the self-referral form: stored as "decision not known yet" (a caseworker asks). */
export const NOT_SURE = DECISION_NOT_KNOWN;

/** "Not sure" about the EHC plan. */
export const PLAN_NOT_SURE = "not-sure";
