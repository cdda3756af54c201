import { requireUser } from "../../../_server/auth";
import { getCaseForEdit } from "@/lib/cases/details/get-case-for-edit";
import { CASE_KIND_LABELS } from "@/lib/cases/options";
import { orNotFound } from "../_shared";
import { BackLink } from "../_components/Notice";
import { EditDetailsForm } from "../_components/EditDetailsForm";
import { FORM_TITLE_METADATA } from "@/components/page-title";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

/** Caseworkers and admins only: 404 for everyone else (mediators and LA officers cannot edit referrals). */
export default async function EditCasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("case:update");
  const { id } = await params;
  const c = await orNotFound(getCaseForEdit(user, id));
  return (
    <>
      <BackLink href={`/cases/${c.id}`} />
      <span className="caption">
        {c.reference}: {CASE_KIND_LABELS[c.kind]}
      </span>
      <h1 className="h-l">Change case details</h1>
      <EditDetailsForm caseId={c.id} version={c.version} kind={c.kind} initial={c.values} clockRunning={c.thirtyDayClockRunning} title="Change case details" />
    </>
  );
}
