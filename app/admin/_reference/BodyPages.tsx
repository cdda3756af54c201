/**
 * The pages of /admin/local-authorities and /admin/health-bodies (issue 13, decision 0029): one
 * list (search, in use or deactivated, pages), one page per body (its details to change, and
 * stopping or restarting its use), and "add". Admins only (404 otherwise). The routes' page.tsx
 * files name their kind and render these.
 */
import Link from "next/link";
import { requireUser } from "../../_server/auth";
import { BODY_STATUS_FILTERS, BODY_STATUS_LABELS, bodyListQuery, listReferenceBodies } from "@/lib/admin/reference/list-reference-bodies";
import { getReferenceBody } from "@/lib/admin/reference/get-reference-body";
import { BODY_WORDS, type BodyKind } from "@/lib/admin/reference/body-schema";
import { Pagination } from "@/components/Pagination";
import { SelectField, TextField } from "@/components/fields";
import { SummaryList } from "@/components/SummaryList";
import { Tag } from "@/components/Tag";
import { orNotFound } from "../../cases/[id]/_shared";
import { BackLink, Notice } from "../../cases/[id]/_components/Notice";
import { BodyForm } from "./BodyForm";
import { BodyStatusForm } from "./BodyStatusForm";
import { newSubmissionKey } from "@/lib/platform/idempotency/submission";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function BodyListPage({ kind, searchParams }: { kind: BodyKind; searchParams: SearchParams }) {
  const user = await requireUser("reference-data:manage");
  const w = BODY_WORDS[kind];
  const r = await listReferenceBodies(user, kind, await searchParams);
  const p = r.params;
  const filtered = p.q !== "" || p.status !== "all";
  return (
    <>
      <BackLink href="/admin">Back to administration</BackLink>
      <h1 className="h-l">{w.title}</h1>
      <Link href={`${w.path}/new`} className="button">
        Add {kind === "localAuthority" ? "a local authority" : "an ICB"}
      </Link>
      <form key={bodyListQuery(p, { page: 1 })} method="get" action={w.path} role="search" aria-label={`Search ${w.many}`} className="mb-6">
        <div className="grid gap-x-6 sm:grid-cols-2">
          <TextField name="q" id="q" label="Search" hint="Code or name" type="search" defaultValue={p.q} autoComplete="off" spellCheck={false} />
          <SelectField name="status" id="status" label="Show" defaultValue={p.status} options={BODY_STATUS_FILTERS.map((s) => ({ value: s, label: BODY_STATUS_LABELS[s] }))} />
        </div>
        <button type="submit" className="button button--secondary">
          Search
        </button>
        {filtered && (
          <Link href={w.path} className="inline-block mt-2 ml-4">
            Clear search
          </Link>
        )}
      </form>
      {r.total === 0 ? (
        <p className="body" data-testid="bodies-empty">
          {!r.anyBodies ? `No ${w.many} have been added yet.` : `No ${w.many} match your search.`}
        </p>
      ) : (
        <>
          <table className="table" data-testid="bodies">
            <caption className="visually-hidden">
              {r.total} {r.total === 1 ? w.one : w.many}, by name
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Code</th>
                <th scope="col">Email for notices</th>
                <th scope="col">Cases</th>
              </tr>
            </thead>
            <tbody>
              {r.rows.map((b) => (
                <tr key={b.id}>
                  <td>
                    <Link href={`${w.path}/${b.id}`}>{b.name}</Link> {!b.active && <Tag colour="grey">Deactivated</Tag>}
                  </td>
                  <td>{b.code}</td>
                  <td>{b.noticeEmail ?? "Not recorded"}</td>
                  <td>{b.cases}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={r.page} perPage={r.pageSize} total={r.total} href={(page) => `${w.path}${bodyListQuery(p, { page })}`} />
        </>
      )}
    </>
  );
}

export async function NewBodyPage({ kind }: { kind: BodyKind }) {
  await requireUser("reference-data:manage");
  const w = BODY_WORDS[kind];
  const title = kind === "localAuthority" ? "Add a local authority" : "Add an ICB";
  return (
    <>
      <BackLink href={w.path}>Back to {w.many}</BackLink>
      <h1 className="h-l">{title}</h1>
      <BodyForm kind={kind} title={title} initial={{}} submissionKey={newSubmissionKey()} />
    </>
  );
}

const DONE: Record<string, string> = {
  added: "It has been added.",
  updated: "The details have been saved.",
  deactivated: "It has been deactivated: it is no longer offered for new cases.",
  reactivated: "It is in use again.",
};

export async function BodyPage({ kind, params, searchParams }: { kind: BodyKind; params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const user = await requireUser("reference-data:manage");
  const w = BODY_WORDS[kind];
  const { id } = await params;
  const done = (await searchParams).done;
  const b = await orNotFound(getReferenceBody(user, kind, id));
  const key = Array.isArray(done) ? done[0] : done;
  const message = key && Object.hasOwn(DONE, key) ? DONE[key] : null;
  return (
    <>
      <BackLink href={w.path}>Back to {w.many}</BackLink>
      <span className="caption">{kind === "localAuthority" ? "Local authority" : "ICB"}</span>
      <h1 className="h-l">{b.name}</h1>
      {message && (
        <Notice title="Success" success testId="done-banner">
          <p className="body">{message}</p>
        </Notice>
      )}
      <SummaryList
        label={`${w.one} summary`}
        rows={[
          { key: "Status", value: b.active ? <Tag colour="green">In use</Tag> : <Tag colour="grey">Deactivated</Tag> },
          { key: "Code", value: b.code },
          { key: "Email for notices", value: b.noticeEmail ?? "Not recorded" },
          { key: "Cases", value: String(b.cases) },
        ]}
      />
      <section aria-labelledby="details-title">
        <h2 className="h-m" id="details-title">
          Change the details
        </h2>
        <BodyForm kind={kind} id={b.id} title={`${w.title}: ${b.name}`} initial={b.values} />
      </section>
      <section aria-labelledby="status-title">
        <h2 className="h-m" id="status-title">
          {b.active ? `Stop using this ${w.one}` : `Use this ${w.one} again`}
        </h2>
        <BodyStatusForm kind={kind} id={b.id} name={b.name} active={b.active} cases={b.cases} version={b.version} />
      </section>
    </>
  );
}
