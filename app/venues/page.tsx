import Link from "next/link";
import { requireUser } from "../_server/auth";
import { ANY_LA, listVenues, VENUE_STATUS_FILTERS, VENUE_STATUS_LABELS, venueListQuery } from "@/lib/meetings/venues/list-venues";
import { accessText } from "@/lib/meetings/venues/venue-schema";
import { Pagination } from "@/components/Pagination";
import { SelectField, TextField } from "@/components/fields";
import { Tag } from "@/components/Tag";
import { Notice } from "../cases/[id]/_components/Notice";

export const metadata = { title: "Venues" };
export const dynamic = "force-dynamic";

/**
 * Issue 10: the venues meetings are held at, kept by caseworkers, per local authority, with their
 * access details. Filtered by a GET form, so it works without JavaScript and a view can be shared.
 */
export default async function VenuesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("venue:manage");
  const raw = await searchParams;
  const r = await listVenues(user, raw);
  const p = r.params;
  const filtered = p.q !== "" || p.la !== null || p.status !== "active";
  const deleted = raw.done === "deleted";
  return (
    <>
      <h1 className="h-l">Venues</h1>
      {deleted && (
        <Notice title="Success" success testId="done-banner">
          <p className="body">The venue has been deleted.</p>
        </Notice>
      )}
      <p className="body">“Find a time” offers the venues in use for a case&apos;s local authority, and those for any local authority.</p>
      <Link href="/venues/new" className="button">
        Add a venue
      </Link>
      <form key={venueListQuery(p, { page: 1 })} method="get" action="/venues" role="search" aria-label="Filter venues" className="mb-6">
        <TextField name="q" id="q" label="Search" hint="Name or address" type="search" defaultValue={p.q} autoComplete="off" spellCheck={false} />
        <div className="grid gap-x-6 sm:grid-cols-2">
          <SelectField
            name="la"
            id="la"
            label="Local authority"
            defaultValue={p.la ?? ""}
            options={[{ value: "", label: "All" }, { value: ANY_LA, label: "Venues for any local authority" }, ...r.localAuthorities.map((la) => ({ value: la.id, label: la.name }))]}
          />
          <SelectField name="status" id="status" label="Show" defaultValue={p.status} options={VENUE_STATUS_FILTERS.map((s) => ({ value: s, label: VENUE_STATUS_LABELS[s] }))} />
        </div>
        <button type="submit" className="button button--secondary">
          Apply filters
        </button>
        <Link href="/venues" className="inline-block mt-2">
          Clear filters
        </Link>
      </form>
      {r.total === 0 ? (
        <div data-testid="venues-empty">
          <p className="body">{!r.anyVenues ? "No venues have been added yet." : filtered ? "No venues match these filters." : "No venues are in use."}</p>
          {r.anyVenues && filtered && (
            <p className="body">
              <Link href="/venues">Clear filters</Link>
            </p>
          )}
        </div>
      ) : (
        <>
          <table className="table" data-testid="venues">
            <caption className="visually-hidden">
              {r.total} venue{r.total === 1 ? "" : "s"}, by name
            </caption>
            <thead>
              <tr>
                <th scope="col">Venue</th>
                <th scope="col">Local authority</th>
                <th scope="col">Access</th>
                <th scope="col">Booked from today</th>
              </tr>
            </thead>
            <tbody>
              {r.rows.map((v) => (
                <tr key={v.id}>
                  <td>
                    <Link href={`/venues/${v.id}`}>{v.name}</Link>
                    <span className="hint">{v.address}</span>
                    {!v.active && <Tag colour="grey">Deactivated</Tag>}
                  </td>
                  <td>{v.localAuthority ?? "Any"}</td>
                  <td>{accessText(v)}</td>
                  <td>{v.upcomingBookings === 0 ? "None" : `${v.upcomingBookings} meeting${v.upcomingBookings === 1 ? "" : "s"}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={r.page} perPage={r.pageSize} total={r.total} href={(page) => `/venues${venueListQuery(p, { page })}`} />
        </>
      )}
    </>
  );
}
