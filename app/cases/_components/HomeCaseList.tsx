import Link from "next/link";
import { Pagination } from "@/components/Pagination";
import type { CaseListResult } from "@/lib/cases/list/list-cases";
import { CaseTable } from "./CaseTable";
import { caseCountText } from "./case-count";

/**
 * A role home's case list (/mediator, /la): the user's open cases in scope, soonest deadline
 * first, with the deadline tags, and a way into the full filterable list at /cases.
 */
export function HomeCaseList({ result, basePath, noCasesText, captionSuffix }: { result: CaseListResult; basePath: string; noCasesText: string; captionSuffix: string }) {
  if (!result.anyCasesInScope) return <p className="body">{noCasesText}</p>;
  if (result.total === 0) {
    return (
      <>
        <p className="body">There are no open cases at the moment.</p>
        <p className="body">
          <Link href="/cases?status=ALL">See closed cases</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p className="body">
        Open cases, soonest deadline first. <Link href="/cases">Search and filter cases</Link>
      </p>
      <CaseTable rows={result.rows} caption={`${caseCountText(result.total)} ${captionSuffix}`} />
      <Pagination page={result.page} perPage={result.pageSize} total={result.total} href={(page) => (page > 1 ? `${basePath}?page=${page}` : basePath)} />
    </>
  );
}
