import { notFound } from "next/navigation";
import { requireUser } from "../../../_server/auth";
import { getLaCaseView } from "@/lib/la/get-la-case-view";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { orNotFound } from "../_shared";
import { BackLink } from "../_components/Notice";
import { LaAttendeeForm } from "./LaAttendeeForm";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

/** R-24 (issue 12): the LA officer of the case's own LA names who will attend for the LA (404 for everyone else). */
export default async function NameLaAttendeePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser("meeting:name-la-attendee", { returnTo: `/cases/${encodeURIComponent(id)}/la-attendee` });
  const c = await orNotFound(getLaCaseView(user, id));
  if (!c.canName) notFound();
  return (
    <>
      <BackLink href={`/cases/${c.caseId}#meeting`} />
      <span className="caption">{c.reference}</span>
      <h1 className="h-l">Who will attend for the local authority</h1>
      <LaAttendeeForm caseId={c.caseId} version={c.version} initial={{}} title="Who will attend for the local authority" />
    </>
  );
}
