"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { WarningText } from "@/components/WarningText";
import { IDLE_STATE } from "@/components/action-state";
import { changeVenueStatusAction } from "../actions";

/**
 * Stop using a venue, or use it again. Deactivating (a venue with bookings) and deleting (one never
 * booked) are confirmed on a second step first; nothing is saved until then. Works without JavaScript.
 */
export function VenueStatusForm({ venueId, name, active, hasBookings, upcomingCount }: { venueId: string; name: string; active: boolean; hasBookings: boolean; upcomingCount: number }) {
  const [state, action, pending] = useActionState(changeVenueStatusAction, IDLE_STATE);
  const confirming = state.status === "success" ? (state.data?.confirm as "deactivate" | "delete" | undefined) : undefined;
  const hidden = <input type="hidden" name="venueId" value={venueId} />;

  if (confirming) {
    const deleting = confirming === "delete";
    return (
      <form action={action} key="confirm" data-testid="venue-confirm">
        {hidden}
        <input type="hidden" name="change" value={confirming} />
        <h3 className="h-s">{deleting ? `Check before you delete ${name}` : `Check before you deactivate ${name}`}</h3>
        <WarningText>
          {deleting
            ? "The venue will be deleted. No meeting has ever been booked there. You cannot undo this."
            : `“Find a time” will no longer offer this venue, and no new meeting can be booked there. ${
                upcomingCount === 0 ? "No meetings are booked there from today." : `The ${upcomingCount === 1 ? "meeting" : `${upcomingCount} meetings`} already booked there stay booked: move ${upcomingCount === 1 ? "it" : "them"} if the venue cannot be used.`
              } You can use the venue again later.`}
        </WarningText>
        <button type="submit" name="step" value="confirm" className="button button--warning" disabled={pending}>
          {deleting ? "Yes, delete the venue" : "Yes, deactivate the venue"}
        </button>
        <a href={`/venues/${encodeURIComponent(venueId)}`} className="button button--secondary">
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
          <p className="body">
            {hasBookings
              ? "Meetings have been booked at this venue, so it cannot be deleted. Deactivate it to stop it being offered; its bookings stay."
              : "No meeting has been booked at this venue. Delete it if it was added by mistake, or deactivate it to stop it being offered."}
          </p>
          <input type="hidden" name="step" value="check" />
          <button type="submit" name="change" value="deactivate" className="button button--warning" disabled={pending}>
            Deactivate venue
          </button>
          {!hasBookings && (
            <button type="submit" name="change" value="delete" className="button button--secondary" disabled={pending}>
              Delete venue
            </button>
          )}
        </>
      ) : (
        <>
          <p className="body">This venue is deactivated: “find a time” does not offer it.</p>
          <button type="submit" name="change" value="reactivate" className="button button--secondary" disabled={pending}>
            Use this venue again
          </button>
        </>
      )}
    </form>
  );
}
