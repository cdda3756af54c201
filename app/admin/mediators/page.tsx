import Link from "next/link";
import { requireUser } from "../../_server/auth";
import { listMediatorPanel, panelListQuery } from "@/lib/admin/reference/list-mediator-panel";
import { formatDate } from "@/lib/deadlines/calendar";
import { Pagination } from "@/components/Pagination";
import { TextField } from "@/components/fields";
import { Tag } from "@/components/Tag";
import { BackLink } from "../../cases/[id]/_components/Notice";
import { AccreditationTag } from "./AccreditationTag";

export const metadata = { title: "Mediator panel" };
export const dynamic = "force-dynamic";

/**
 * Issue 13 (decision 0029): the mediator panel — each mediator's accreditation, cases this month
 * against their capacity, areas and conflicts. Accounts themselves are on /admin/users.
 */
export default async function MediatorPanelPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("reference-data:manage");
  const r = await listMediatorPanel(user, await searchParams);
  const p = r.params;
  return (
    <>
      <BackLink href="/admin">Back to administration</BackLink>
      <h1 className="h-l">Mediator panel</h1>
      <p className="body">Each mediator&apos;s accreditation, how many cases a month they take, the areas they cover and their conflicts of interest. Mediators&apos; accounts are added under users.</p>
      <form key={p.q} method="get" action="/admin/mediators" role="search" aria-label="Search mediators" className="mb-6">
        <TextField name="q" id="q" label="Search" hint="Name or email" type="search" defaultValue={p.q} autoComplete="off" spellCheck={false} />
        <button type="submit" className="button button--secondary">
          Search
        </button>
      </form>
      {r.total === 0 ? (
        <p className="body" data-testid="panel-empty">
          {p.q ? "No mediators match your search." : "There are no mediators yet."}
        </p>
      ) : (
        <>
          <table className="table" data-testid="panel">
            <caption className="visually-hidden">Mediators, by name</caption>
            <thead>
              <tr>
                <th scope="col">Mediator</th>
                <th scope="col">Accreditation</th>
                <th scope="col">Cases this month</th>
                <th scope="col">Areas</th>
                <th scope="col">Conflicts</th>
              </tr>
            </thead>
            <tbody>
              {r.rows.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link href={`/admin/mediators/${m.id}`}>{m.name}</Link> {!m.active && <Tag colour="grey">Account deactivated</Tag>}
                    <span className="hint">{m.email}</span>
                  </td>
                  <td>
                    {m.accreditationExpiresOn ? `Expires ${formatDate(m.accreditationExpiresOn)}` : "Expiry not recorded"} <AccreditationTag status={m.accreditation} />
                  </td>
                  <td>
                    {m.monthlyCapacity === null ? m.allocatedThisMonth : `${m.allocatedThisMonth} of ${m.monthlyCapacity}`}{" "}
                    {m.monthlyCapacity !== null && m.allocatedThisMonth > m.monthlyCapacity && <Tag colour="red">Over capacity</Tag>}
                  </td>
                  <td>{m.areas === 0 ? "Not recorded" : m.areas}</td>
                  <td>{m.conflicts === 0 ? "None" : m.conflicts}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={r.page} perPage={r.pageSize} total={r.total} href={(page) => `/admin/mediators${panelListQuery(p, { page })}`} />
        </>
      )}
    </>
  );
}
