"use client";
/**
 * The forms of /admin/users (issue 13). Plain posts to server actions: they work without
 * JavaScript. Each form of a user's page posts the version the page showed (concurrent admins).
 */
import { useActionState, type ReactNode } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { SelectField, TextField } from "@/components/fields";
import { WarningText } from "@/components/WarningText";
import { IDLE_STATE } from "@/components/action-state";
import { changeRoleAction, changeUserStatusAction, inviteUserAction, resendInvitationAction, resetSecondFactorAction, safeguardingLeadAction, unlockSignInAction } from "../actions";
import { SubmissionKeyField } from "@/components/SubmissionKeyField";

type LA = { id: string; name: string };
type RoleOption = { value: string; label: string };

function laOptions(localAuthorities: LA[]) {
  return [{ value: "", label: "No local authority" }, ...localAuthorities.map((la) => ({ value: la.id, label: la.name }))];
}

const LA_HINT = "Only for local authority officers: they see their own local authority's cases and nothing else.";

/** Invite a staff member: they are emailed a link to set their password. */
export function InviteForm({ roles, localAuthorities, title, submissionKey }: { roles: RoleOption[]; localAuthorities: LA[]; title: string; submissionKey?: string }) {
  const [state, action, pending] = useActionState(inviteUserAction, IDLE_STATE);
  const v = state.values ?? {};
  const e = state.fieldErrors;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      {submissionKey && <SubmissionKeyField value={submissionKey} />}
      <ErrorSummary errors={e} message={e && Object.keys(e).length > 0 ? undefined : state.message} title={title} />
      <TextField name="name" label="Full name" defaultValue={v.name} error={e?.name} autoComplete="off" spellCheck={false} />
      <TextField name="email" label="Email address" hint="The link to set their password is sent here. They sign in with this address." type="email" defaultValue={v.email} error={e?.email} autoComplete="off" spellCheck={false} />
      <SelectField name="role" label="Role" defaultValue={v.role ?? ""} error={e?.role} options={[{ value: "", label: "Choose a role" }, ...roles]} />
      <SelectField name="localAuthorityId" label="Local authority" hint={LA_HINT} defaultValue={v.localAuthorityId ?? ""} error={e?.localAuthorityId} options={laOptions(localAuthorities)} />
      <button type="submit" className="button" disabled={pending}>
        Send invitation
      </button>
    </form>
  );
}

function Hidden({ userId, version }: { userId: string; version: number }) {
  return (
    <>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

type UserRef = { userId: string; version: number };

export function RoleForm({ userId, version, role, localAuthorityId, roles, localAuthorities }: UserRef & { role: string; localAuthorityId: string | null; roles: RoleOption[]; localAuthorities: LA[] }) {
  const [state, action, pending] = useActionState(changeRoleAction, IDLE_STATE);
  const v = state.values ?? { role, localAuthorityId: localAuthorityId ?? "" };
  const e = state.fieldErrors;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      <ErrorSummary errors={e} message={e && Object.keys(e).length > 0 ? undefined : state.message} />
      <Hidden userId={userId} version={version} />
      <SelectField name="role" label="Role" defaultValue={v.role} error={e?.role} options={roles} />
      <SelectField name="localAuthorityId" label="Local authority" hint={LA_HINT} defaultValue={v.localAuthorityId ?? ""} error={e?.localAuthorityId} options={laOptions(localAuthorities)} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        Save role
      </button>
    </form>
  );
}

/** A one-button form with a confirmation step (`confirmText`, `confirmButton`); without one, it acts at once. */
function ConfirmedButton({
  action: serverAction,
  userId,
  version,
  fields,
  button,
  warning,
  confirmTitle,
  confirmText,
  confirmButton,
  backHref,
  testId,
  secondary = true,
}: UserRef & {
  action: typeof changeUserStatusAction;
  fields: Record<string, string>;
  button: string;
  warning?: boolean;
  confirmTitle?: string;
  confirmText?: ReactNode;
  confirmButton?: string;
  backHref: string;
  testId: string;
  secondary?: boolean;
}) {
  const [state, action, pending] = useActionState(serverAction, IDLE_STATE);
  const confirming = state.status === "success" && state.data?.confirm !== undefined;
  const hidden = (
    <>
      <Hidden userId={userId} version={version} />
      {Object.entries(fields).map(([k, val]) => (
        <input key={k} type="hidden" name={k} value={val} />
      ))}
    </>
  );
  if (confirming)
    return (
      <form action={action} key="confirm" data-testid={`${testId}-confirm`}>
        {hidden}
        <h3 className="h-s">{confirmTitle}</h3>
        <WarningText>{confirmText}</WarningText>
        <button type="submit" name="step" value="confirm" className={warning ? "button button--warning" : "button"} disabled={pending}>
          {confirmButton}
        </button>
        <a href={backHref} className="button button--secondary">
          No, go back
        </a>
      </form>
    );
  return (
    <form action={action} key={state.status + (state.message ?? "")} data-testid={testId}>
      <ErrorSummary message={state.status === "error" ? state.message : undefined} />
      {hidden}
      <button type="submit" name="step" value="check" className={warning ? "button button--warning" : secondary ? "button button--secondary" : "button"} disabled={pending}>
        {button}
      </button>
    </form>
  );
}

export function DeactivateForm({ userId, version, name, backHref }: UserRef & { name: string; backHref: string }) {
  return (
    <ConfirmedButton
      action={changeUserStatusAction}
      userId={userId}
      version={version}
      fields={{ change: "deactivate" }}
      button="Deactivate account"
      warning
      confirmTitle={`Check before you deactivate ${name}`}
      confirmText="They will be signed out at once, on every device, and will not be able to sign in. Links to set a password that they have not used stop working. Nothing they did is deleted. You can re-activate the account later."
      confirmButton="Yes, deactivate the account"
      backHref={backHref}
      testId="deactivate"
    />
  );
}

export function ReactivateForm({ userId, version, backHref }: UserRef & { backHref: string }) {
  return <ConfirmedButton action={changeUserStatusAction} userId={userId} version={version} fields={{ change: "reactivate" }} button="Re-activate account" backHref={backHref} testId="reactivate" />;
}

export function SafeguardingLeadForm({ userId, version, name, lead, backHref }: UserRef & { name: string; lead: boolean; backHref: string }) {
  return (
    <ConfirmedButton
      action={safeguardingLeadAction}
      userId={userId}
      version={version}
      fields={{ lead: lead ? "false" : "true" }}
      button={lead ? "Stop being a safeguarding lead" : "Make safeguarding lead"}
      warning={!lead}
      confirmTitle={lead ? `Check before ${name} stops being a safeguarding lead` : `Check before you make ${name} a safeguarding lead`}
      confirmText={
        lead
          ? "They will no longer be able to read notes marked as a safeguarding concern."
          : "They will be able to read every note marked as a safeguarding concern, on every case. Only name the people your organisation has made responsible for safeguarding."
      }
      confirmButton={lead ? "Yes, stop them being a lead" : "Yes, make them a safeguarding lead"}
      backHref={backHref}
      testId="safeguarding-lead"
    />
  );
}

export function ResetTwoStepForm({ userId, version, name, backHref }: UserRef & { name: string; backHref: string }) {
  return (
    <ConfirmedButton
      action={resetSecondFactorAction}
      userId={userId}
      version={version}
      fields={{}}
      button="Reset two-step sign-in"
      warning
      confirmTitle={`Check before you reset ${name}'s two-step sign-in`}
      confirmText="Do this only when you are sure who is asking (for example they lost their phone). They will be signed out, and will sign in with their password only until they set up two-step sign-in again. Administrators are asked to set it up at once."
      confirmButton="Yes, reset two-step sign-in"
      backHref={backHref}
      testId="reset-two-step"
    />
  );
}

function SimpleButton({ serverAction, userId, version, button, testId }: UserRef & { serverAction: typeof resendInvitationAction; button: string; testId: string }) {
  const [state, action, pending] = useActionState(serverAction, IDLE_STATE);
  return (
    <form action={action} key={state.status + (state.message ?? "")} data-testid={testId}>
      <ErrorSummary message={state.status === "error" ? state.message : undefined} />
      <Hidden userId={userId} version={version} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        {button}
      </button>
    </form>
  );
}

export function ResendForm({ userId, version, passwordSet }: UserRef & { passwordSet: boolean }) {
  return <SimpleButton serverAction={resendInvitationAction} userId={userId} version={version} button={passwordSet ? "Send a link to set a new password" : "Send the invitation again"} testId="resend" />;
}

export function UnlockForm({ userId, version }: UserRef) {
  return <SimpleButton serverAction={unlockSignInAction} userId={userId} version={version} button="Unlock sign-in" testId="unlock" />;
}
