import Link from "next/link";
import { requireUser } from "../../_server/auth";
import { listAuditEvents, type AuditRow } from "@/lib/platform/audit/list-audit-events";
import { auditQueryString, hasAuditFilters, type RawAuditParams } from "@/lib/platform/audit/audit-filter";
import { AUDIT_ACTION_OPTIONS } from "@/lib/platform/audit/action-text";
import { Pagination } from "@/components/Pagination";
import { ErrorSummary } from "@/components/ErrorSummary";
import { DateInput, SelectField, TextField } from "@/components/fields";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { formatInstant } from "../../cases/[id]/_shared";

export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

const TITLE = "Audit trail";

/**
 * Issue 13: the audit trail for admins (`audit:read`, 404 for anyone else) — every change, and
 * every time a signed-in user viewed a case, downloaded a document or exported data. Filtered by a
 * GET form (works without JavaScript, every view has a URL), newest first, a page at a time, and
 * downloadable as CSV with the same filters (./export/route.ts).
 */
export default async function AuditTrailPage({ searchParams }: { searchParams: Promise<RawAuditParams> }) {
  const user = await requireUser("audit:read");
  const list = await listAuditEvents(user, await searchParams);
  const { params, errors } = list;
  const query = auditQueryString(params);
  return (
    <>
      <ErrorSummary errors={errors} title={TITLE} />
      <p className="body">
        <Link href="/admin">Back to administration</Link>
      </p>
      <h1 className="h-l">{TITLE}</h1>
      <p className="body">
        Every change made in the service, and every time someone signed in viewed a case, downloaded a document or exported data. Nobody can change or delete these records, in the service or
        in its database.
      </p>
      <form key={query} method="get" action="/admin/audit" role="search" aria-label="Filter the audit trail" className="mb-6">
        <div className="grid gap-x-6 sm:grid-cols-2">
          <TextField name="case" id="case" label="Case reference" hint="For example, SM-DEMO-00001" defaultValue={params.case} autoComplete="off" spellCheck={false} />
          <TextField name="user" id="user" label="Who: email address" hint="The person who did it" type="email" defaultValue={params.user} autoComplete="off" spellCheck={false} />
        </div>
        <SelectField name="action" id="action" label="What happened" defaultValue={params.action ?? ""} options={[{ value: "", label: "Anything" }, ...AUDIT_ACTION_OPTIONS]} />
        <div className="grid gap-x-6 sm:grid-cols-2">
          <DateInput name="from" legend="From" hint="The first day to include" defaultValue={params.from} error={errors.from} />
          <DateInput name="to" legend="To" hint="The last day to include" defaultValue={params.to} error={errors.to} />
        </div>
        <button type="submit" className="button button--secondary">
          Apply filters
        </button>
        <Link href="/admin/audit" className="inline-block mt-2">
          Clear filters
        </Link>
      </form>

      {list.unknownCase && (
        <p className="body" data-testid="unknown-case">
          No case has the reference {params.case}.
        </p>
      )}
      {list.unknownUser && (
        <p className="body" data-testid="unknown-user">
          No user has the email address {params.user}.
        </p>
      )}
      {list.where && list.total === 0 && (
        <p className="body" data-testid="no-audit-events">
          {hasAuditFilters(params) ? "Nothing in the audit trail matches these filters." : "Nothing has been recorded yet."}
        </p>
      )}
      {list.total > 0 && (
        <>
          <p className="body">
            <a href={`/admin/audit/export${query}`} data-testid="export-csv">
              Download {list.total === 1 ? "this event" : `these ${list.total} events`} as a spreadsheet (CSV)
            </a>
          </p>
          <table className="table" data-testid="audit-events">
            <caption className="visually-hidden">
              {list.total === 1 ? "1 event" : `${list.total} events`} in the audit trail, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What happened</th>
                <th scope="col">Case</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <AuditEventRow key={r.id} r={r} />
              ))}
            </tbody>
          </table>
          <Pagination page={list.page} perPage={list.perPage} total={list.total} href={(page) => `/admin/audit${auditQueryString(params, { page })}`} />
        </>
      )}
    </>
  );
}

const json = (v: unknown) => (v === null || v === undefined ? "Nothing recorded" : JSON.stringify(v, null, 2));

function AuditEventRow({ r }: { r: AuditRow }) {
  const when = formatInstant(r.at.toISOString());
  return (
    <tr data-testid="audit-event">
      <td>{when}</td>
      <td>
        {r.actor ? (
          <>
            {r.actor.name}
            <br />
            <span className="hint break-all">{r.actor.email}</span>
          </>
        ) : (
          "No signed-in user (a background job or a visitor)"
        )}
      </td>
      <td>
        {r.actionText}
        <details className="details mt-2">
          <summary>
            Details<span className="visually-hidden"> of {r.actionText.toLowerCase()}, {when}</span>
          </summary>
          <dl className="summary-list">
            <div>
              <dt>Record</dt>
              <dd className="break-all">
                {r.entityType} {r.entityId}
              </dd>
            </div>
            <div>
              <dt>Action name</dt>
              <dd>{r.action}</dd>
            </div>
            {r.ip && (
              <div>
                <dt>IP address</dt>
                <dd>{r.ip}</dd>
              </div>
            )}
            <div>
              <dt>Before</dt>
              <dd>
                <pre className="whitespace-pre-wrap break-all text-sm">{json(r.before)}</pre>
              </dd>
            </div>
            <div>
              <dt>After</dt>
              <dd>
                <pre className="whitespace-pre-wrap break-all text-sm">{json(r.after)}</pre>
              </dd>
            </div>
          </dl>
        </details>
      </td>
      <td>{r.case ? r.case.reference ? <Link href={`/cases/${encodeURIComponent(r.case.id)}`}>{r.case.reference}</Link> : "A case since deleted" : "None"}</td>
    </tr>
  );
}
