"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { WarningText } from "@/components/WarningText";
import { IDLE_STATE } from "@/components/action-state";
import { BODY_WORDS, type BodyKind } from "@/lib/admin/reference/body-words";
import { changeReferenceBodyStatusAction } from "./actions";

/**
 * Stop using a local authority or an ICB, or use it again. Deactivating is confirmed on a second
 * step first; nothing is saved until then. Nothing a case refers to is deleted. Works without JavaScript.
 */
export function BodyStatusForm({ kind, id, name, active, cases, version }: { kind: BodyKind; id: string; name: string; active: boolean; cases: number; version: number }) {
  const [state, action, pending] = useActionState(changeReferenceBodyStatusAction, IDLE_STATE);
  const w = BODY_WORDS[kind];
  const hidden = (
    <>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expectedVersion" value={version} />
    </>
  );
  const casesText = cases === 0 ? "No cases refer to it." : `Its ${cases === 1 ? "case keeps" : `${cases} cases keep`} working and showing it.`;

  if (state.status === "success" && state.data?.confirm === "deactivate") {
    return (
      <form action={action} key="confirm" data-testid="body-confirm">
        {hidden}
        <input type="hidden" name="change" value="deactivate" />
        <h3 className="h-s">Check before you deactivate {name}</h3>
        <WarningText>
          {kind === "localAuthority"
            ? `It will no longer be offered for a new referral, by caseworkers or on the public referral form. ${casesText}`
            : `It will no longer be offered for a case with a health issue. ${casesText}`}{" "}
          You can use it again later.
        </WarningText>
        <button type="submit" name="step" value="confirm" className="button button--warning" disabled={pending}>
          Yes, deactivate the {w.one}
        </button>
        <a href={`${w.path}/${encodeURIComponent(id)}`} className="button button--secondary">
          No, go back
        </a>
      </form>
    );
  }

  return (
    <form action={action} key={state.status + (state.message ?? "")}>
      <ErrorSummary message={state.status === "error" ? state.message : undefined} />
      {hidden}
      {active ? (
        <>
          <p className="body">{`This ${w.one} is never deleted while cases refer to it. Deactivate it to stop offering it for new cases. ${casesText}`}</p>
          <input type="hidden" name="step" value="check" />
          <button type="submit" name="change" value="deactivate" className="button button--warning" disabled={pending}>
            Deactivate {w.one}
          </button>
        </>
      ) : (
        <>
          <p className="body">This {w.one} is deactivated: it is not offered for new cases.</p>
          <button type="submit" name="change" value="reactivate" className="button button--secondary" disabled={pending}>
            Use this {w.one} again
          </button>
        </>
      )}
    </form>
  );
}
