import Link from "next/link";
import { requireUser } from "../../_server/auth";
import { listUsers, USER_STATUS_FILTERS, USER_STATUS_LABELS, userListQuery } from "@/lib/admin/users/list-users";
import { STAFF_ROLE_LABELS, STAFF_ROLE_VALUES } from "@/lib/admin/users/store";
import { Pagination } from "@/components/Pagination";
import { SelectField, TextField } from "@/components/fields";
import { Tag } from "@/components/Tag";
import { BackLink } from "../../cases/[id]/_components/Notice";

export const metadata = { title: "Users" };
export const dynamic = "force-dynamic";

/**
 * Issue 13 (decision 0027): the staff accounts — searched by name or email, filtered by role and by
 * whether they are active (a GET form: works without JavaScript, a view can be shared). Family
 * accounts are not listed: they are made and linked through their case. Admins only (404 else).
 */
export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireUser("user:manage");
  const r = await listUsers(admin, await searchParams);
  const p = r.params;
  const filtered = p.q !== "" || p.role !== null || p.status !== "active";
  return (
    <>
      <BackLink href="/admin">Back to administration</BackLink>
      <h1 className="h-l">Users</h1>
      <p className="body">Staff of the mediation service and of local authorities. Families sign in with a link sent to the email address on their case.</p>
      <Link href="/admin/users/new" className="button">
        Invite a user
      </Link>
      <form key={userListQuery(p, { page: 1 })} method="get" action="/admin/users" role="search" aria-label="Filter users" className="mb-6">
        <TextField name="q" id="q" label="Search" hint="Name or email address" type="search" defaultValue={p.q} autoComplete="off" spellCheck={false} />
        <div className="grid gap-x-6 sm:grid-cols-2">
          <SelectField name="role" id="role" label="Role" defaultValue={p.role ?? ""} options={[{ value: "", label: "All roles" }, ...STAFF_ROLE_VALUES.map((r) => ({ value: r, label: STAFF_ROLE_LABELS[r] }))]} />
          <SelectField name="status" id="status" label="Show" defaultValue={p.status} options={USER_STATUS_FILTERS.map((s) => ({ value: s, label: USER_STATUS_LABELS[s] }))} />
        </div>
        <button type="submit" className="button button--secondary">
          Apply filters
        </button>
        <Link href="/admin/users" className="inline-block mt-2">
          Clear filters
        </Link>
      </form>
      {r.total === 0 ? (
        <p className="body" data-testid="users-empty">
          {filtered ? "No users match these filters." : "No active users."}
        </p>
      ) : (
        <>
          <table className="table" data-testid="users">
            <caption className="visually-hidden">
              {r.total} user{r.total === 1 ? "" : "s"}, by name
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {r.rows.map((u) => (
                <tr key={u.id}>
                  <td>
                    <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
                    <span className="hint break-all">{u.email}</span>
                  </td>
                  <td>
                    {STAFF_ROLE_LABELS[u.role]}
                    {u.localAuthority && <span className="hint">{u.localAuthority}</span>}
                    {u.safeguardingLead && <span className="hint">Safeguarding lead</span>}
                  </td>
                  <td>{!u.active ? <Tag colour="grey">Deactivated</Tag> : !u.passwordSet ? <Tag colour="yellow">Invited</Tag> : <Tag colour="green">Active</Tag>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={r.page} perPage={r.pageSize} total={r.total} href={(page) => `/admin/users${userListQuery(p, { page })}`} />
        </>
      )}
    </>
  );
}
