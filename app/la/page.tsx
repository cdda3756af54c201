import Link from "next/link";
import { requireUser } from "../_server/auth";
import { listLaDeadlines, type DashboardCounts } from "@/lib/la/list-la-deadlines";
import { dashboardQuery, type DashboardParams, type RawDashboardParams } from "@/lib/la/dashboard-params";
import { listIssuedCertificates } from "@/lib/certificates/list-issued-certificates";
import { formatLongDate } from "@/lib/deadlines";
import { Pagination } from "@/components/Pagination";
import { Tag, type TagColour } from "@/components/Tag";
import { DashboardFilters } from "./_components/DashboardFilters";

export const metadata = { title: "Deadlines and actions" };
export const dynamic = "force-dynamic";

const STATE_COLOUR: Record<string, TagColour> = { OVERDUE: "red", WILL_BE_MISSED: "red", DUE_SOON: "yellow", ON_TRACK: "green" };

/** The counts at the top: each one a link to the list filtered to it. */
const COUNT_LINKS: { key: keyof DashboardCounts; text: (n: number) => string; params: Partial<DashboardParams> }[] = [
  { key: "overdue", text: () => "overdue", params: { due: "OVERDUE" } },
  { key: "week", text: () => "due in the next 5 working days", params: { due: "WEEK" } },
  { key: "mediation", text: (n) => (n === 1 ? "mediation not held yet" : "mediations not held yet"), params: { kind: "MEDIATION" } },
  { key: "certificate", text: (n) => (n === 1 ? "certificate due" : "certificates due"), params: { kind: "CERTIFICATE" } },
  { key: "icb", text: (n) => (n === 1 ? "health body notice due" : "health body notices due"), params: { kind: "ICB" } },
  { key: "action", text: (n) => (n === 1 ? "agreed action open" : "agreed actions open"), params: { kind: "ACTION" } },
];

const sameFilter = (a: Partial<DashboardParams>, b: DashboardParams) => (a.kind ?? null) === b.kind && (a.due ?? "ALL") === b.due && b.status === null;

/**
 * The LA officer's home (issue 12): what is outstanding on their own LA's cases, soonest first —
 * mediations not held yet with the working days left, certificates and health body notices due,
 * agreed actions not done yet — with counts that filter, a GET filter form (works without
 * JavaScript), pages, and the same rows as a CSV file. Then the certificates issued (issue 11).
 */
export default async function LaHome({ searchParams }: { searchParams: Promise<RawDashboardParams> }) {
  const user = await requireUser("la:workspace");
  const [d, certificates] = await Promise.all([listLaDeadlines(user, await searchParams), listIssuedCertificates(user)]);
  const p = d.params;
  const filtered = p.kind !== null || p.status !== null || p.due !== "ALL";
  const pageHref = (n: number) => `/la${dashboardQuery({ ...p, page: n })}#outstanding`;

  return (
    <>
      <h1 className="h-l">Deadlines and actions</h1>
      {!user.localAuthorityId ? (
        <p className="body">Your account is not linked to a local authority yet, so there is nothing to show. Ask the mediation service to link it.</p>
      ) : (
        <p className="body">
          What is outstanding on your local authority’s mediation cases today, {formatLongDate(d.dates.today)}. <Link href="/cases">Search all your cases</Link>
        </p>
      )}

      <nav aria-labelledby="counts-title" data-testid="la-counts">
        <h2 className="h-m" id="counts-title">
          At a glance
        </h2>
        <ul className="list-none p-0 grid gap-4 sm:grid-cols-3">
          {COUNT_LINKS.map((c) => (
            <li key={c.key} className="border-l-4 border-border pl-4">
              <Link href={`/la${dashboardQuery(c.params)}#outstanding`} aria-current={sameFilter(c.params, p) ? "page" : undefined} data-testid={`count-${c.key}`}>
                <span className="block text-3xl font-bold">{d.counts[c.key]}</span>
                <span className="block">{c.text(d.counts[c.key])}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <DashboardFilters params={p} />

      <section aria-labelledby="outstanding-title" id="outstanding" data-testid="la-outstanding">
        <h2 className="h-m" id="outstanding-title">
          {d.total === 1 ? "1 thing outstanding" : `${d.total} things outstanding`}
          {filtered ? " matching the filters" : ""}
        </h2>
        {d.total === 0 ? (
          <p className="body" data-testid="la-empty">
            {d.counts.all === 0 ? (
              "Nothing is outstanding on your local authority’s cases."
            ) : (
              <>
                Nothing matches these filters. <Link href="/la">Clear filters</Link>
              </>
            )}
          </p>
        ) : (
          <>
            <p className="body">
              <a href={`/la/export.csv${dashboardQuery(p, { page: false })}`} download>
                Download {d.total === 1 ? "this row" : `these ${d.total} rows`} as a spreadsheet (CSV)
              </a>
            </p>
            <table className="table">
              <caption className="visually-hidden">Outstanding deadlines and agreed actions on your local authority’s cases, soonest first</caption>
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  <th scope="col">What is due</th>
                  <th scope="col">Responsible</th>
                  <th scope="col">Due by</th>
                  <th scope="col">Working days left</th>
                  <th scope="col">Stage</th>
                </tr>
              </thead>
              <tbody>
                {d.rows.map((r) => (
                  <tr key={r.key} data-testid="la-row" data-kind={r.kind}>
                    <td>
                      <Link href={`/cases/${encodeURIComponent(r.caseId)}`}>{r.reference}</Link>
                      {r.childName && <span className="hint">{r.childName}</span>}
                    </td>
                    <td>
                      <span className="hint">{r.kindLabel}</span>
                      {r.kind === "ACTION" ? <Link href={r.href}>{r.what}</Link> : r.what}
                      {r.note && <span className="hint">{r.note}</span>}
                    </td>
                    <td>{r.responsible}</td>
                    <td>{formatLongDate(r.dueOn)}</td>
                    <td>
                      <Tag colour={STATE_COLOUR[r.state]}>{r.stateLabel}</Tag>
                      <span className="block">{r.workingDaysText}</span>
                    </td>
                    <td>{r.statusLabel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination page={d.page} perPage={d.perPage} total={d.total} href={pageHref} label="Pages of outstanding deadlines and actions" />
          </>
        )}
      </section>

      {/* Issue 11: the certificates in force on the LA's cases, with the last day to appeal. */}
      <section aria-labelledby="certificates-title" data-testid="la-certificates">
        <h2 className="h-m" id="certificates-title">
          Certificates issued
        </h2>
        {certificates.length === 0 ? (
          <p className="body">No certificates have been issued on your local authority’s cases.</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">The latest certificates issued on your local authority’s cases, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Certificate</th>
                <th scope="col">Issued on</th>
                <th scope="col">Last day to appeal</th>
              </tr>
            </thead>
            <tbody>
              {certificates.map((x) => (
                <tr key={x.id}>
                  <td>
                    <Link href={`/cases/${encodeURIComponent(x.caseId)}`}>{x.caseReference}</Link>
                  </td>
                  <td>
                    <a href={x.href}>
                      {x.kindLabel}
                      <span className="visually-hidden"> for case {x.caseReference}</span> (PDF)
                    </a>
                  </td>
                  <td>{formatLongDate(x.issuedOn)}</td>
                  <td>{x.appealDeadlineOn ? formatLongDate(x.appealDeadlineOn) : "Not worked out"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
