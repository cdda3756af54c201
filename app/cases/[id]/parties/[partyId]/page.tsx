import Link from "next/link";
import { requireUser } from "../../../../_server/auth";
import { getPartyForEdit } from "@/lib/cases/parties/get-party-for-edit";
import { CONSENT_LABELS, PARTY_KIND_LABELS, type PartyKindValue } from "@/lib/cases/options";
import { formatLongDate } from "@/lib/deadlines";
import { SummaryList } from "@/components/SummaryList";
import { orNotFound } from "../../_shared";
import { BackLink } from "../../_components/Notice";
import { PartyForm } from "../../_components/PartyForm";
import { FORM_TITLE_METADATA } from "@/components/page-title";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

/** Caseworkers and admins only (404 for everyone else): contact details, access needs, authority; consent has its own page. */
export default async function PartyPage({ params }: { params: Promise<{ id: string; partyId: string }> }) {
  const user = await requireUser("case:update");
  const { id, partyId } = await params;
  const { case: c, party: p } = await orNotFound(getPartyForEdit(user, id, partyId));
  const s = (x: string | null) => x ?? "";
  return (
    <>
      <BackLink href={`/cases/${c.id}`} />
      <span className="caption">
        {c.reference}: {PARTY_KIND_LABELS[p.kind as PartyKindValue] ?? p.kind}
      </span>
      <h1 className="h-l">{p.name}</h1>
      <h2 className="h-m">Agreement to take part</h2>
      <SummaryList
        rows={[
          {
            key: "Answer",
            value: `${CONSENT_LABELS[p.consent]}${p.consentOn ? ` (told us ${p.consentHow ? `${p.consentHow} ` : ""}on ${formatLongDate(p.consentOn)})` : ""}`,
            action: (
              <Link href={`/cases/${c.id}/parties/${p.id}/consent`}>
                Record consent<span className="visually-hidden"> for {p.name}</span>
              </Link>
            ),
          },
        ]}
      />
      <h2 className="h-m">Contact details</h2>
      <PartyForm
        caseId={c.id}
        version={c.version}
        partyId={p.id}
        kind={p.kind}
        title="Change a party's details"
        initial={{
          name: p.name,
          organisation: s(p.organisation),
          email: s(p.email),
          phone: s(p.phone),
          address: s(p.address),
          preferredContact: p.preferredContact,
          accessNeeds: s(p.accessNeeds),
          hasAuthority: p.hasAuthority === null ? "" : p.hasAuthority ? "yes" : "no",
        }}
      />
    </>
  );
}
