import Link from "next/link";
import { requireUser } from "../_server/auth";
import { can } from "@/lib/auth/policy";
import { hasActiveFilters, listQueryString, type RawListParams } from "@/lib/cases/list/list-params";
import { listCases } from "@/lib/cases/list/list-cases";
import { listFilterOptions } from "@/lib/cases/list/list-filter-options";
import { Pagination } from "@/components/Pagination";
import { CaseFilters } from "./_components/CaseFilters";
import { CaseTable } from "./_components/CaseTable";
import { caseCountText } from "./_components/case-count";

export const metadata = { title: "Cases" };
export const dynamic = "force-dynamic";

/** The caseworker's workspace (issue 4): every case in the user's scope, filtered by a GET form. */
export default async function CasesPage({ searchParams }: { searchParams: Promise<RawListParams> }) {
  const user = await requireUser("case:list");
  const [result, options] = await Promise.all([listCases(user, await searchParams), listFilterOptions(user)]);
  const { params } = result;
  return (
    <>
      <h1 className="h-l">Cases</h1>
      {can(user, "case:create") && (
        <Link href="/cases/new" className="button">
          New referral
        </Link>
      )}
      <CaseFilters params={params} options={options} />
      {result.total === 0 ? (
        !result.anyCasesInScope ? (
          <p className="body">There are no cases yet.</p>
        ) : (
          <>
            <p className="body">{hasActiveFilters(params) ? "No cases match these filters." : "There are no open cases."}</p>
            <p className="body">
              {hasActiveFilters(params) ? <Link href="/cases">Clear filters</Link> : <Link href="/cases?status=ALL">Show closed cases too</Link>}
            </p>
          </>
        )
      ) : (
        <>
          <CaseTable rows={result.rows} caption={caseCountText(result.total)} />
          <Pagination page={result.page} perPage={result.pageSize} total={result.total} href={(page) => `/cases${listQueryString(params, { page })}`} />
        </>
      )}
    </>
  );
}
