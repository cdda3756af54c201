import Link from "next/link";
import { requireUser } from "../_server/auth";
import { adminOverview } from "@/lib/admin/queries";
import { ReferenceDataLinks } from "./_reference/ReferenceDataLinks";

export const metadata = { title: "Administration" };
export const dynamic = "force-dynamic";

const ROLE_LABEL: Record<string, string> = { ADMIN: "Admins", CASEWORKER: "Caseworkers", MEDIATOR: "Mediators", LA_OFFICER: "LA officers", PARENT: "Family users" };

export default async function AdminHome() {
  const user = await requireUser("admin:access");
  const o = await adminOverview(user);
  return (
    <>
      <h1 className="h-l">Administration</h1>
      <p className="body">
        <Link href="/admin/jobs">Failed jobs</Link>: emails, reminders and alerts the app could not send in the background.
      </p>
      <p className="body">
        <Link href="/admin/users">Users</Link>: invite staff, change their role, deactivate them, unlock their sign-in, name safeguarding leads.
      </p>
      <p className="body">
        <Link href="/admin/audit">Audit trail</Link>: who changed or viewed what, and when, with a download as a spreadsheet.
      </p>
      <ReferenceDataLinks />
      <p className="body">
        <Link href="/admin/templates">Letter and email templates</Link>: the standard letters and emails caseworkers send from a case.
      </p>
      <p className="body">
        <Link href="/admin/data-protection">Data protection</Link>: subject access, cases due to be anonymised, legal holds and erasure requests.
      </p>
      <h2 className="h-m">Users</h2>
      {o.users.length === 0 ? (
        <p className="body">No users yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Active users by role</caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Active users</th>
            </tr>
          </thead>
          <tbody>
            {o.users.map((u) => (
              <tr key={u.role}>
                <td>{ROLE_LABEL[u.role] ?? u.role}</td>
                <td>{u._count._all}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="h-m">Local authorities</h2>
      {o.las.length === 0 ? (
        <p className="body">No local authorities yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Local authorities and their cases</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Name</th>
              <th scope="col">Cases</th>
            </tr>
          </thead>
          <tbody>
            {o.las.map((la) => (
              <tr key={la.id}>
                <td>{la.code}</td>
                <td>{la.name}</td>
                <td>{la._count.cases}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="h-m">Recent activity</h2>
      {o.recentAudit.length === 0 ? (
        <p className="body">Nothing has happened yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">The last 10 audit events</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {o.recentAudit.map((a) => (
              <tr key={a.id}>
                <td>{a.at.toLocaleString("en-GB", { timeZone: "Europe/London" })}</td>
                <td>{a.actor?.name ?? "Someone not signed in"}</td>
                <td>
                  {a.action} ({a.entityType})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
