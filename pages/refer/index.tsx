/**
 * The public self-referral: ask for mediation, no sign-in. No JavaScript (decision 0038): the form
 * posts to this page; a refusal is the page again with the error summary ("Error: " in the title)
 * and what was typed. Each rendering of the form carries a new submission key (decision 0035).
 */
import type { GetServerSideProps } from "next";
import { publicPage, type FamilyPageProps } from "@/app/_server/pages";
import { selfReferralForm } from "@/app/refer/_forms/self-referral";
import { SelfReferralForm } from "@/app/refer/SelfReferralForm";
import { FamilyPage } from "@/components/family/FamilyPage";
import { listLocalAuthoritiesForIntake } from "@/lib/cases/intake/local-authorities";
import { newSubmissionKey } from "@/lib/platform/idempotency/submission";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type Data = { localAuthorities: { id: string; name: string }[]; submissionKey: string };

export const getServerSideProps: GetServerSideProps<FamilyPageProps<Data>> = (ctx) =>
  publicPage<Data>(ctx, {
    forms: { default: selfReferralForm },
    load: async () => ({ localAuthorities: (await listLocalAuthoritiesForIntake()).map((la) => ({ id: la.id, name: la.name })), submissionKey: newSubmissionKey() }),
  });

export default function ReferPage(props: FamilyPageProps<Data>) {
  return (
    <FamilyPage props={props} title={() => "Ask for mediation"}>
      {(d, state) => (
        <div className="grid-2">
          <div>
            <h1 className="h-l">Ask for mediation</h1>
            <p className="body">
              Use this form if you disagree with a decision your local council made about a child’s special educational needs (SEN) or an education, health and care (EHC) plan.
            </p>
            <p className="body">Mediation is free. It is a meeting with the council, led by an independent mediator, to try to agree. You do not have to take part.</p>
            <p className="body">It takes about 5 minutes. We will email you a reference number and a caseworker will contact you.</p>
            <SelfReferralForm localAuthorities={d.localAuthorities} submissionKey={d.submissionKey} state={state} />
          </div>
          <aside aria-labelledby="help-heading">
            <h2 className="h-s" id="help-heading">
              Before you start
            </h2>
            <p className="body">If you want to appeal to the Tribunal, you usually need to contact a mediation adviser within 2 months of the date on the decision letter.</p>
            <p className="body">Have the council’s decision letter with you if you can. It is fine if you do not.</p>
          </aside>
        </div>
      )}
    </FamilyPage>
  );
}
