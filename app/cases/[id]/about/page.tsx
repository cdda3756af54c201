import { requireUser } from "../../../_server/auth";
import { getCaseAbout } from "@/lib/cases/about/get-case-about";
import { CASE_KIND_LABELS } from "@/lib/cases/options";
import { orNotFound } from "../_shared";
import { BackLink } from "../_components/Notice";
import { AboutForm } from "../_components/AboutForm";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { PageTitle } from "@/components/PageTitle";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
const TITLE = "What the disagreement is about";
export const dynamic = "force-dynamic";

/** Caseworkers and admins only (404 for everyone else): decisions, issues, the EHC plan answer, the ICB. */
export default async function AboutPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("case:update");
  const { id } = await params;
  const c = await orNotFound(getCaseAbout(user, id));
  return (
    <>
      <BackLink href={`/cases/${c.id}`} />
      <span className="caption">
        {c.reference}: {CASE_KIND_LABELS[c.kind]}
      </span>
      <h1 className="h-l">{TITLE}</h1>
      {/* The form renders the title; without it, the page does. */}
      {(!c.open || c.kind === "DRS") && <PageTitle title={TITLE} />}
      {!c.open ? (
        <p className="body">This case is closed, so what it is about can no longer be changed. Re-open it first.</p>
      ) : c.kind === "DRS" ? (
        <p className="body">A disagreement resolution case has no decision under appeal: change what it is about under “Change case details”.</p>
      ) : (
        <AboutForm caseId={c.id} version={c.version} kind={c.kind} initial={c.values} healthBodies={c.healthBodies} title={TITLE} />
      )}
    </>
  );
}
