"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { DateInput, TextField } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { addDayOffAction, removeDayOffAction, updateAvailabilityAction } from "./actions";

const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;
const NAMES: Record<number, string> = { 0: "Sunday", 1: "Monday", 2: "Tuesday", 3: "Wednesday", 4: "Thursday", 5: "Friday", 6: "Saturday" };

/** Working hours by day, the daily cap and travel time. Works without JavaScript. */
export function HoursForm({ initial }: { initial: Record<string, string> }) {
  const [state, action, pending] = useActionState(updateAvailabilityAction, IDLE_STATE);
  const v = state.values ?? initial;
  const e = state.fieldErrors;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      <ErrorSummary errors={e} message={e && Object.keys(e).length > 0 ? undefined : state.message} />
      <table className="table">
        <caption className="h-s">Working hours (UK time). Leave both blank on a day you do not work.</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Start</th>
            <th scope="col">Finish</th>
          </tr>
        </thead>
        <tbody>
          {WEEK.map((d) => (
            <tr key={d}>
              <th scope="row">{NAMES[d]}</th>
              <td>
                <TextField name={`start${d}`} label={<span className="visually-hidden">{NAMES[d]} start</span>} inputMode="numeric" placeholder="09:00" defaultValue={v[`start${d}`]} error={e?.[`start${d}`]} />
              </td>
              <td>
                <TextField name={`end${d}`} label={<span className="visually-hidden">{NAMES[d]} finish</span>} inputMode="numeric" placeholder="17:00" defaultValue={v[`end${d}`]} error={e?.[`end${d}`]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TextField name="maxJointMeetingsPerDay" label="The most joint meetings you take in a day" inputMode="numeric" defaultValue={v.maxJointMeetingsPerDay} error={e?.maxJointMeetingsPerDay} />
      <TextField name="travelMinutes" label="Travel time you need between two venues (minutes)" inputMode="numeric" defaultValue={v.travelMinutes} error={e?.travelMinutes} />
      <button type="submit" className="button" disabled={pending}>
        Save working hours
      </button>
    </form>
  );
}

export function AddDayOffForm() {
  const [state, action, pending] = useActionState(addDayOffAction, IDLE_STATE);
  const e = state.fieldErrors;
  return (
    <form action={action} noValidate key={JSON.stringify(state.values ?? null) + state.status}>
      <ErrorSummary errors={e} message={e && Object.keys(e).length > 0 ? undefined : state.message} />
      <DateInput name="dayOff" legend="Add a day off" example="27 3 2027" values={state.values} error={e?.dayOff} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        Add day off
      </button>
    </form>
  );
}

export function RemoveDayOffButton({ date, label }: { date: string; label: string }) {
  const [, action, pending] = useActionState(removeDayOffAction, IDLE_STATE);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="date" value={date} />
      <button type="submit" className="button button--secondary mb-0" disabled={pending}>
        Remove<span className="visually-hidden"> {label}</span>
      </button>
    </form>
  );
}
