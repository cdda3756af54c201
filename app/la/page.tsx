import { requireUser } from "../_server/auth";
import { listCases } from "@/lib/cases/list/list-cases";
import type { RawListParams } from "@/lib/cases/list/list-params";
import { HomeCaseList } from "../cases/_components/HomeCaseList";

export const metadata = { title: "Deadlines and actions" };
export const dynamic = "force-dynamic";

/** The LA officer's home: their local authority's open cases (caseScope), soonest deadline first. */
export default async function LaHome({ searchParams }: { searchParams: Promise<RawListParams> }) {
  const user = await requireUser("la:workspace");
  const { page } = await searchParams;
  const result = await listCases(user, { page, status: "OPEN", sort: "deadline" });
  return (
    <>
      <h1 className="h-l">Deadlines and actions</h1>
      <HomeCaseList result={result} basePath="/la" captionSuffix="for your local authority" noCasesText="There are no mediation cases for your local authority yet." />
    </>
  );
}
