import { requireUser } from "../_server/auth";
import { countCasesInScope } from "@/lib/cases/queries";
import Link from "next/link";

export const metadata = { title: "My cases" };
export const dynamic = "force-dynamic";

export default async function MediatorHome() {
  const user = await requireUser("mediator:workspace");
  const count = await countCasesInScope(user);
  return (
    <>
      <h1 className="h-l">My cases</h1>
      {count === 0 ? (
        <p className="body">No cases are allocated to you yet. A caseworker will allocate cases to you.</p>
      ) : (
        <p className="body">
          You have {count} allocated {count === 1 ? "case" : "cases"}. <Link href="/cases">See your cases</Link>.
        </p>
      )}
    </>
  );
}
