import { listLocalAuthoritiesForIntake } from "@/lib/cases/intake/local-authorities";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { SelfReferralForm } from "./SelfReferralForm";
import { newSubmissionKey } from "@/lib/platform/idempotency/submission";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

export default async function ReferPage() {
  const localAuthorities = await listLocalAuthoritiesForIntake();
  return (
    <div className="grid-2">
      <div>
        <h1 className="h-l">Ask for mediation</h1>
        <p className="body">
          Use this form if you disagree with a decision your local council made about a child’s special educational needs (SEN) or an education, health and care (EHC) plan.
        </p>
        <p className="body">Mediation is free. It is a meeting with the council, led by an independent mediator, to try to agree. You do not have to take part.</p>
        <p className="body">It takes about 5 minutes. We will email you a reference number and a caseworker will contact you.</p>
        <SelfReferralForm localAuthorities={localAuthorities} submissionKey={newSubmissionKey()} />
      </div>
      <aside aria-labelledby="help-heading">
        <h2 className="h-s" id="help-heading">
          Before you start
        </h2>
        <p className="body">If you want to appeal to the Tribunal, you usually need to contact a mediation adviser within 2 months of the date on the decision letter.</p>
        <p className="body">Have the council’s decision letter with you if you can. It is fine if you do not.</p>
      </aside>
    </div>
  );
}
