import { requireUser } from "../../../../../_server/auth";
import { getPartyForEdit } from "@/lib/cases/parties/get-party-for-edit";
import { PARTY_KIND_LABELS, type PartyKindValue } from "@/lib/cases/options";
import { orNotFound } from "../../../_shared";
import { BackLink } from "../../../_components/Notice";
import { ConsentForm } from "../../../_components/ConsentForm";
import { FORM_TITLE_METADATA } from "@/components/page-title";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

/** Caseworkers and admins only (404 for everyone else). */
export default async function ConsentPage({ params }: { params: Promise<{ id: string; partyId: string }> }) {
  const user = await requireUser("case:update");
  const { id, partyId } = await params;
  const { case: c, party: p } = await orNotFound(getPartyForEdit(user, id, partyId));
  return (
    <>
      <BackLink href={`/cases/${c.id}`} />
      <span className="caption">
        {c.reference}: {p.name}, {(PARTY_KIND_LABELS[p.kind as PartyKindValue] ?? p.kind).toLowerCase()}
      </span>
      <h1 className="h-l">Record consent</h1>
      <ConsentForm
        caseId={c.id}
        version={c.version}
        partyId={p.id}
        name={p.name}
        title="Record consent"
        initial={{ consent: p.consent, consentOn: p.consentOn ?? "", consentHow: p.consentHow ?? "" }}
      />
    </>
  );
}
