import { FORM_TITLE_METADATA } from "@/components/page-title";
import { requireUser } from "../../../_server/auth";
import { listUserLocalAuthorities } from "@/lib/admin/users/list-users";
import { STAFF_ROLE_LABELS, STAFF_ROLE_VALUES } from "@/lib/admin/users/store";
import { PASSWORD_LINK_HOURS } from "@/lib/auth/password-links/password-link";
import { BackLink } from "../../../cases/[id]/_components/Notice";
import { InviteForm } from "../_components/UserForms";
import { newSubmissionKey } from "@/lib/platform/idempotency/submission";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

/** Issue 13: invite a staff member by email; they set their own password with the emailed link. */
export default async function InviteUserPage() {
  const admin = await requireUser("user:manage");
  const localAuthorities = await listUserLocalAuthorities(admin);
  return (
    <div className="max-w-2xl">
      <BackLink href="/admin/users">Back to users</BackLink>
      <h1 className="h-l">Invite a user</h1>
      <p className="body">We will email them a link to set their password. The link works once, for {PASSWORD_LINK_HOURS} hours.</p>
      <InviteForm submissionKey={newSubmissionKey()} title="Invite a user" roles={STAFF_ROLE_VALUES.map((r) => ({ value: r, label: STAFF_ROLE_LABELS[r] }))} localAuthorities={localAuthorities} />
    </div>
  );
}
