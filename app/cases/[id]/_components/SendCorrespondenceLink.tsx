import Link from "next/link";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";

/**
 * Issue 13 (decision 0030): the case page's way in to sending a standard letter or email; the office
 * only. Beside the lifecycle's actions rather than among them: it changes nothing on the case, so it
 * is offered at every stage, a closed case included.
 */
export function SendCorrespondenceLink({ user, caseId }: { user: SessionUser; caseId: string }) {
  if (!can(user, "correspondence:send")) return null;
  return (
    <p className="body">
      <Link href={`/cases/${caseId}/correspondence`}>Send a letter or email</Link>
    </p>
  );
}
