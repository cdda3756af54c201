import { notFound } from "next/navigation";
import { requireUser } from "../../_server/auth";
import { getCaseSummary } from "@/lib/cases/queries";
import { NotFoundError } from "@/lib/auth/types";
import { SummaryList } from "@/components/SummaryList";
import { statusLabel } from "@/lib/cases/labels";

export const dynamic = "force-dynamic";

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("case:list");
  const { id } = await params;
  const c = await getCaseSummary(user, id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return (
    <>
      <span className="caption">Case</span>
      <h1 className="h-l">{c.reference}</h1>
      <SummaryList
        rows={[
          { key: "Local authority", value: c.localAuthority.name },
          { key: "Status", value: statusLabel(c.status) },
          { key: "Mediator", value: c.allocatedMediator?.name },
        ]}
      />
    </>
  );
}
