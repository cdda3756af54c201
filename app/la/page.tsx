import Link from "next/link";
import { requireUser } from "../_server/auth";
import { countCasesInScope } from "@/lib/cases/queries";

export const metadata = { title: "Deadlines and actions" };
export const dynamic = "force-dynamic";

export default async function LaHome() {
  const user = await requireUser("la:workspace");
  const count = await countCasesInScope(user);
  return (
    <>
      <h1 className="h-l">Deadlines and actions</h1>
      {count === 0 ? (
        <p className="body">There are no mediation cases for your local authority yet.</p>
      ) : (
        <p className="body">
          Your local authority has {count} mediation {count === 1 ? "case" : "cases"}. <Link href="/cases">See the cases and their deadlines</Link>.
        </p>
      )}
    </>
  );
}
