import { requireUser } from "../../../_server/auth";
import { getStaffUser } from "@/lib/admin/users/get-user";
import { STAFF_ROLE_LABELS, STAFF_ROLE_VALUES } from "@/lib/admin/users/store";
import { SummaryList } from "@/components/SummaryList";
import { Tag } from "@/components/Tag";
import { formatInstant, orNotFound } from "../../../cases/[id]/_shared";
import { BackLink, Notice } from "../../../cases/[id]/_components/Notice";
import { DeactivateForm, ReactivateForm, ResendForm, ResetTwoStepForm, RoleForm, SafeguardingLeadForm, UnlockForm } from "../_components/UserForms";

export const metadata = { title: "User details" };
export const dynamic = "force-dynamic";

const DONE: Record<string, { text: string; success: boolean }> = {
  invited: { text: "The invitation has been sent. They can set their password with the link in the email.", success: true },
  "invited-not-sent": { text: "The account has been made, but the email could not be sent. Check the email address, then send the invitation again.", success: false },
  "link-sent": { text: "A new link to set a password has been sent. Older links no longer work.", success: true },
  "link-not-sent": { text: "The email with the new link could not be sent. Try again later. Older links no longer work.", success: false },
  role: { text: "The role has been saved. It applies from their next page.", success: true },
  deactivated: { text: "The account has been deactivated. They have been signed out everywhere.", success: true },
  reactivated: { text: "The account is active again. They can sign in.", success: true },
  "lead-on": { text: "They are now a safeguarding lead.", success: true },
  "lead-off": { text: "They are no longer a safeguarding lead.", success: true },
  "two-step-reset": { text: "Two-step sign-in has been reset, and they have been signed out.", success: true },
  unlocked: { text: "Their sign-in has been unlocked. They can try again at once.", success: true },
};

/** Issue 13 (decision 0027): one staff account — its summary and every change an admin can make. */
export default async function UserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string | string[] }> }) {
  const admin = await requireUser("user:manage");
  const { id } = await params;
  const { done } = await searchParams;
  const u = await orNotFound(getStaffUser(admin, id));
  const key = Array.isArray(done) ? done[0] : done;
  const message = key && Object.hasOwn(DONE, key) ? DONE[key]! : null;
  const here = `/admin/users/${u.id}`;
  const ref = { userId: u.id, version: u.version };
  const roles = STAFF_ROLE_VALUES.map((r) => ({ value: r, label: STAFF_ROLE_LABELS[r] }));
  const link = u.link;
  return (
    <>
      <BackLink href="/admin/users">Back to users</BackLink>
      <span className="caption">User</span>
      <h1 className="h-l">{u.name}</h1>
      {message && (
        <Notice title={message.success ? "Success" : "Important"} success={message.success} alert={!message.success} testId="done-banner">
          <p className="body">{message.text}</p>
        </Notice>
      )}
      <SummaryList
        label="User summary"
        rows={[
          { key: "Email address", value: <span className="break-all">{u.email}</span> },
          { key: "Role", value: STAFF_ROLE_LABELS[u.role] },
          ...(u.role === "LA_OFFICER" ? [{ key: "Local authority", value: u.localAuthority }] : []),
          { key: "Status", value: !u.active ? <Tag colour="grey">Deactivated</Tag> : <Tag colour="green">Active</Tag> },
          {
            key: "Password",
            value: u.passwordSet ? "Set" : link?.waiting ? `Not set yet: invitation sent ${formatInstant(link.sentAt.toISOString())}, the link works until ${formatInstant(link.expiresAt.toISOString())}` : "Not set: the link has expired or been used up. Send the invitation again.",
          },
          { key: "Two-step sign-in", value: u.secondFactor === "ON" ? `On since ${formatInstant(u.secondFactorSince!.toISOString())}` : u.secondFactor === "SETTING_UP" ? "Being set up" : u.role === "ADMIN" ? "Not set up: they will be asked to at sign-in" : "Off" },
          ...(u.canBeLead || u.safeguardingLead ? [{ key: "Safeguarding lead", value: u.safeguardingLead ? "Yes" : "No" }] : []),
          { key: "Failed sign-ins", value: u.failedSignInCounters > 0 ? "Recent failed attempts are slowing down their sign-in" : "None recently" },
          { key: "Account made", value: formatInstant(u.createdAt.toISOString()) },
        ]}
      />

      <section aria-labelledby="role-title">
        <h2 className="h-m" id="role-title">
          Role
        </h2>
        {u.isSelf ? <p className="body">You cannot change your own role. Ask another administrator.</p> : <RoleForm {...ref} role={u.role} localAuthorityId={u.localAuthorityId} roles={roles} localAuthorities={u.localAuthorities} />}
      </section>

      {u.active && (
        <section aria-labelledby="sign-in-title">
          <h2 className="h-m" id="sign-in-title">
            Signing in
          </h2>
          <p className="body">{u.passwordSet ? "If they have forgotten their password, send them a link to set a new one." : "If the invitation did not arrive or has expired, send it again."} Older links stop working.</p>
          <ResendForm {...ref} passwordSet={u.passwordSet} />
          <p className="body">After several wrong passwords or codes, each new attempt has to wait. Unlock their sign-in to let them try again at once.</p>
          <UnlockForm {...ref} />
          {u.secondFactor !== "OFF" && !u.isSelf && <ResetTwoStepForm {...ref} name={u.name} backHref={here} />}
        </section>
      )}

      {(u.canBeLead || u.safeguardingLead) && (
        <section aria-labelledby="lead-title">
          <h2 className="h-m" id="lead-title">
            Safeguarding lead
          </h2>
          <p className="body">A safeguarding lead can read notes a mediator has marked as a safeguarding concern, and nothing else of the notes.</p>
          <SafeguardingLeadForm {...ref} name={u.name} lead={u.safeguardingLead} backHref={here} />
        </section>
      )}

      <section aria-labelledby="status-title">
        <h2 className="h-m" id="status-title">
          {u.active ? "Deactivate the account" : "Re-activate the account"}
        </h2>
        {u.isSelf ? (
          <p className="body">You cannot deactivate your own account.</p>
        ) : u.active ? (
          <DeactivateForm {...ref} name={u.name} backHref={here} />
        ) : (
          <>
            <p className="body">This account is deactivated: they cannot sign in.</p>
            <ReactivateForm {...ref} backHref={here} />
          </>
        )}
      </section>
    </>
  );
}
