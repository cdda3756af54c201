"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Checkboxes, SelectField, TextArea, TextField } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { ACCESS_FEATURES, ACCESS_LABELS, MAX_VENUE_NOTES } from "@/lib/meetings/venues/venue-access";
import { addVenueAction, updateVenueAction } from "../actions";
import { SubmissionKeyField } from "@/components/SubmissionKeyField";

const ACCESS_HINTS: Record<(typeof ACCESS_FEATURES)[number], string> = {
  stepFreeAccess: "Every room used for meetings can be reached without steps (a ramp or a lift).",
  hearingLoop: "A hearing loop is fitted in the meeting room.",
  parking: "People coming to a meeting can park there, including disabled parking.",
};

/** A venue's details: add one, or change one (`venueId`). A plain post: works without JavaScript. */
export function VenueForm({
  venueId,
  initial,
  localAuthorities,
  title,
  submissionKey,
}: {
  venueId?: string;
  /** A new venue's form: its submission key (decision 0035). */
  submissionKey?: string;
  initial: Record<string, string>;
  localAuthorities: { id: string; name: string }[];
  /** The page's title: rendered here, with "Error: " first while problems show (components/page-title.ts). */
  title: string;
}) {
  const [state, action, pending] = useActionState(venueId ? updateVenueAction : addVenueAction, IDLE_STATE);
  const v = state.values ?? initial;
  const e = state.fieldErrors;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      {submissionKey && <SubmissionKeyField value={submissionKey} />}
      <ErrorSummary errors={e} message={e && Object.keys(e).length > 0 ? undefined : state.message} title={title} />
      {venueId && <input type="hidden" name="venueId" value={venueId} />}
      <TextField name="name" label="Name" hint="As people will see it in their invitation, for example Riverside Family Centre." defaultValue={v.name} error={e?.name} autoComplete="off" />
      <TextArea name="address" label="Address" hint="Including the postcode." rows={3} defaultValue={v.address} error={e?.address} />
      <SelectField
        name="localAuthorityId"
        label="Local authority"
        hint="“Find a time” offers the venue for this local authority's cases."
        defaultValue={v.localAuthorityId ?? ""}
        error={e?.localAuthorityId}
        options={[{ value: "", label: "Any local authority" }, ...localAuthorities.map((la) => ({ value: la.id, label: la.name }))]}
      />
      <Checkboxes
        name="access"
        legend="Access"
        hint="Tick each one the venue has. Invitations tell people about them."
        options={ACCESS_FEATURES.map((f) => ({ value: f, label: ACCESS_LABELS[f], hint: ACCESS_HINTS[f] }))}
        defaultValues={(v.access ?? "").split(",").filter(Boolean)}
      />
      <TextArea
        name="notes"
        label="Notes (optional)"
        hint={`For example which entrance to use or where the quiet room is. At most ${MAX_VENUE_NOTES} characters.`}
        rows={3}
        defaultValue={v.notes}
        error={e?.notes}
      />
      <button type="submit" className="button" disabled={pending}>
        {venueId ? "Save changes" : "Add venue"}
      </button>
    </form>
  );
}
