import { redirect } from "next/navigation";
import { loadReferral } from "./_components/load";
import { stepPath } from "./paths";

export const dynamic = "force-dynamic";

/**
 * "New referral": the step the caseworker's saved answers reached, or the first. Caseworkers and
 * admins only; anyone else gets 404 (requireUser).
 */
export default async function NewReferralPage() {
  const { draft } = await loadReferral();
  redirect(draft.started ? `${stepPath(draft.stage)}?restored=1` : stepPath("who"));
}
