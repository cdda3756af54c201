import { notFound } from "next/navigation";
import { requireUser } from "../../../../_server/auth";
import { getLaCaseView } from "@/lib/la/get-la-case-view";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { orNotFound } from "../../_shared";
import { BackLink } from "../../_components/Notice";
import { LaAttendeeForm } from "../LaAttendeeForm";

export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

/** R-24 (issue 12): change the LA's attendee, or confirm their authority (their own LA's LA representatives only; 404 otherwise). */
export default async function ChangeLaAttendeePage({ params }: { params: Promise<{ id: string; partyId: string }> }) {
  const { id, partyId } = await params;
  const user = await requireUser("meeting:name-la-attendee", { returnTo: `/cases/${encodeURIComponent(id)}/la-attendee/${encodeURIComponent(partyId)}` });
  const c = await orNotFound(getLaCaseView(user, id));
  const p = c.representatives.find((r) => r.partyId === partyId);
  if (!p || !c.canName) notFound();
  return (
    <>
      <BackLink href={`/cases/${c.caseId}#meeting`} />
      <span className="caption">{c.reference}</span>
      <h1 className="h-l">Change who will attend for the local authority</h1>
      <LaAttendeeForm
        caseId={c.caseId}
        version={c.version}
        partyId={p.partyId}
        title="Change who will attend for the local authority"
        initial={{ name: p.name, organisation: p.organisation ?? "", email: p.email ?? "", hasAuthority: p.hasAuthority === null ? "" : p.hasAuthority ? "yes" : "no" }}
      />
    </>
  );
}
