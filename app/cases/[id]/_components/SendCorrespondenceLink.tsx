import Link from "next/link";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";

/** Issue 13 (decision 0030): the case page's way in to sending a standard letter or email; the office only. */
export function SendCorrespondenceLink({ user, caseId }: { user: SessionUser; caseId: string }) {
  if (!can(user, "correspondence:send")) return null;
  return (
    <Link href={`/cases/${caseId}/correspondence`} className="button button--secondary">
      Send a letter or email
    </Link>
  );
}
