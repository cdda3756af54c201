import Link from "next/link";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { requireUser } from "../../_server/auth";
import { getVenue } from "@/lib/meetings/venues/get-venue";
import { accessText } from "@/lib/meetings/venues/venue-schema";
import { formatLongDate } from "@/lib/deadlines/calendar";
import { SummaryList } from "@/components/SummaryList";
import { Tag } from "@/components/Tag";
import { orNotFound } from "../../cases/[id]/_shared";
import { BackLink, Notice } from "../../cases/[id]/_components/Notice";
import { VenueForm } from "../_components/VenueForm";
import { VenueStatusForm } from "../_components/VenueStatusForm";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

const DONE: Record<string, string> = {
  added: "The venue has been added.",
  updated: "The venue's details have been saved.",
  deactivated: "The venue has been deactivated. “Find a time” no longer offers it.",
  reactivated: "The venue is in use again.",
};

/** Issue 10: one venue — its details to change, its upcoming bookings, and stopping (or restarting) its use. */
export default async function VenuePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string | string[] }> }) {
  const user = await requireUser("venue:manage");
  const { id } = await params;
  const { done } = await searchParams;
  const v = await orNotFound(getVenue(user, id));
  const key = Array.isArray(done) ? done[0] : done;
  const message = key && Object.hasOwn(DONE, key) ? DONE[key] : null;
  return (
    <>
      <BackLink href="/venues">Back to venues</BackLink>
      <span className="caption">Venue</span>
      <h1 className="h-l">{v.name}</h1>
      {message && (
        <Notice title="Success" success testId="done-banner">
          <p className="body">{message}</p>
        </Notice>
      )}
      <SummaryList
        label="Venue summary"
        rows={[
          { key: "Status", value: v.active ? <Tag colour="green">In use</Tag> : <Tag colour="grey">Deactivated</Tag> },
          { key: "Local authority", value: v.localAuthority ?? "Any local authority" },
          { key: "Access", value: accessText(v.access) },
        ]}
      />

      <section aria-labelledby="bookings-title" data-testid="venue-bookings">
        <h2 className="h-m" id="bookings-title">
          Upcoming bookings
        </h2>
        {v.upcoming.length === 0 ? (
          <p className="body">No meetings are booked here from today.</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Meetings booked at this venue, soonest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Case</th>
                <th scope="col">Meeting</th>
              </tr>
            </thead>
            <tbody>
              {v.upcoming.map((m) => (
                <tr key={m.id}>
                  <td>
                    {formatLongDate(m.date)}, {m.startTime} to {m.endTime}
                  </td>
                  <td>
                    <Link href={`/cases/${m.caseId}`}>{m.reference}</Link>
                  </td>
                  <td>{m.kind}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {v.upcomingCount > v.upcoming.length && <p className="hint">Only the first {v.upcoming.length} of {v.upcomingCount} are shown.</p>}
      </section>

      <section aria-labelledby="details-title">
        <h2 className="h-m" id="details-title">
          Change the details
        </h2>
        <VenueForm title={`Venue: ${v.name}`} venueId={v.id} initial={v.values} localAuthorities={v.localAuthorities} />
      </section>

      <section aria-labelledby="status-title">
        <h2 className="h-m" id="status-title">
          {v.active ? "Stop using this venue" : "Use this venue again"}
        </h2>
        <VenueStatusForm venueId={v.id} name={v.name} active={v.active} hasBookings={v.hasBookings} upcomingCount={v.upcomingCount} />
      </section>
    </>
  );
}
