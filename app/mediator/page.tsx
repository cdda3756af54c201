import { requireUser } from "../_server/auth";
import { listCases } from "@/lib/cases/list/list-cases";
import type { RawListParams } from "@/lib/cases/list/list-params";
import { HomeCaseList } from "../cases/_components/HomeCaseList";

export const metadata = { title: "My cases" };
export const dynamic = "force-dynamic";

/** The mediator's home: the open cases allocated to them (caseScope), soonest deadline first. */
export default async function MediatorHome({ searchParams }: { searchParams: Promise<RawListParams> }) {
  const user = await requireUser("mediator:workspace");
  const { page } = await searchParams;
  const result = await listCases(user, { page, status: "OPEN", sort: "deadline" });
  return (
    <>
      <h1 className="h-l">My cases</h1>
      <HomeCaseList result={result} basePath="/mediator" captionSuffix="allocated to you" noCasesText="No cases are allocated to you yet. A caseworker will allocate cases to you." />
    </>
  );
}
