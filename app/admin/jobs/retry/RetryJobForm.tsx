"use client";
import { useActionState } from "react";
import Link from "next/link";
import { IDLE_STATE } from "@/components/action-state";
import { ErrorSummary } from "@/components/ErrorSummary";
import { retryJobAction } from "../actions";

/** The confirmation's one button (a server-rendered form: it works without JavaScript). */
export function RetryJobForm({ queue, id }: { queue: string; id: string }) {
  const [state, action, pending] = useActionState(retryJobAction, IDLE_STATE);
  return (
    <form action={action}>
      {state.status === "error" && <ErrorSummary message={state.message} />}
      <input type="hidden" name="queue" value={queue} />
      <input type="hidden" name="id" value={id} />
      <p>
        <button type="submit" className="button" disabled={pending}>
          Run it again
        </button>
        <Link href="/admin/jobs">Cancel</Link>
      </p>
    </form>
  );
}
