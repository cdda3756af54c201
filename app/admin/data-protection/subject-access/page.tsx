import { requireUser } from "../../../_server/auth";
import { BackLink } from "../../../cases/[id]/_components/Notice";
import { findDataSubjects } from "@/lib/data-protection/find-data-subjects";
import { Checkboxes, Radios } from "@/components/fields";

export const metadata = { title: "Subject access requests" };
export const dynamic = "force-dynamic";

const ROLE: Record<string, string> = { ADMIN: "Admin", CASEWORKER: "Caseworker", MEDIATOR: "Mediator", LA_OFFICER: "LA officer", PARENT: "Family account" };

/**
 * Issue 13 (decision 0028): find the records that may be a person (by email address or name), tick
 * the ones that are them, and download what is held about them as JSON or PDF. A plain GET form:
 * works without JavaScript. ADMIN only (404 for others). The download is audited.
 */
export default async function SubjectAccessPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requireUser("data-protection:manage");
  const { q } = await searchParams;
  const found = q ? await findDataSubjects(user, q) : null;
  return (
    <>
      <BackLink href="/admin/data-protection">Back to data protection</BackLink>
      <h1 className="h-l">Subject access requests</h1>
      <p className="body">
        A person has the right to a copy of the personal data we hold about them. Find their records, tick the ones that are theirs, and download the export. Check it before you send it:
        the mediator&apos;s notes and the case team&apos;s notes are left out (what is said in mediation is confidential and without prejudice), and the export says how many there are.
      </p>
      <form method="get" action="/admin/data-protection/subject-access" role="search">
        <div className="form-group">
          <label className="label" htmlFor="q">
            Email address or name
          </label>
          <span className="hint" id="q-hint">
            An email address finds their account and every case where it is recorded. A name finds every account and party with that name: check each one is them.
          </span>
          <input className="input" id="q" name="q" type="text" defaultValue={q ?? ""} aria-describedby="q-hint" autoComplete="off" />
        </div>
        <button type="submit" className="button button--secondary">
          Find records
        </button>
      </form>
      {q && !found && <p className="body">Enter at least 2 characters.</p>}
      {found && (
        <>
          <h2 className="h-m">Records found</h2>
          {found.accounts.length === 0 && found.parties.length === 0 ? (
            <p className="body" data-testid="no-subjects">
              No account or party matches “{found.q}”.
            </p>
          ) : (
            <form method="get" action="/admin/data-protection/subject-access/export">
              {found.accounts.length > 0 && (
                <Checkboxes
                  name="account"
                  legend="Accounts"
                  hint="Tick the account that is theirs (one at most)."
                  options={found.accounts.map((a) => ({ value: a.id, label: `${a.name}, ${a.email} (${ROLE[a.role] ?? a.role}${a.active ? "" : ", closed"})` }))}
                  defaultValues={found.byEmail ? found.accounts.map((a) => a.id) : []}
                />
              )}
              {found.parties.length > 0 && (
                <Checkboxes
                  name="party"
                  legend="People recorded on cases"
                  hint="Tick each one that is them."
                  options={found.parties.map((p) => ({ value: p.id, label: `${p.name}${p.email ? `, ${p.email}` : ""} – ${p.kindLabel} on case ${p.reference}${p.purged ? " (anonymised)" : ""}` }))}
                  defaultValues={found.byEmail ? found.parties.map((p) => p.id) : []}
                />
              )}
              <Radios
                name="format"
                legend="Format"
                defaultValue="json"
                options={[
                  { value: "json", label: "JSON", hint: "Structured, for the person or another service." },
                  { value: "pdf", label: "PDF", hint: "To read or print." },
                ]}
              />
              <button type="submit" className="button">
                Download the export
              </button>
            </form>
          )}
        </>
      )}
    </>
  );
}
