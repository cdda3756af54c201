import { listLocalAuthoritiesForIntake } from "@/lib/cases/intake/local-authorities";
import { todayInLondon } from "@/lib/deadlines";
import { requireUser } from "../../_server/auth";
import { NewReferralLoader } from "./NewReferralLoader";

export const metadata = { title: "New referral" };
export const dynamic = "force-dynamic";

/** Caseworkers and admins log a referral; anyone else gets 404 (requireUser). */
export default async function NewReferralPage() {
  const user = await requireUser("case:create");
  const localAuthorities = await listLocalAuthoritiesForIntake();
  return <NewReferralLoader userId={user.id} localAuthorities={localAuthorities} today={todayInLondon()} />;
}
