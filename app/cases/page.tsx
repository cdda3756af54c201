import { requireUser } from "../_server/auth";

export const metadata = { title: "Cases" };
export const dynamic = "force-dynamic";

export default async function CasesPage() {
  await requireUser("case:list");
  return (
    <>
      <h1 className="h-l">Cases</h1>
      <p className="body">There are no cases to show yet.</p>
    </>
  );
}
