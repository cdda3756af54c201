/**
 * Sign the agreement while signed in (issue 12, R-40; decision 0019): the text exactly as it is
 * signed, then the answer. Only for a signer asked to sign who has not signed yet; otherwise the
 * page says there is nothing to sign. No JavaScript (decision 0038): the form posts to this page.
 */
import type { GetServerSideProps } from "next";
import { familyPage, type FamilyPageProps } from "@/app/_server/pages";
import type { ActionState } from "@/app/_server/action-chain";
import { signAgreementForm } from "@/app/my-case/_forms/agreement";
import { FamilyPage } from "@/components/family/FamilyPage";
import { FamilyAgreementText } from "@/components/family/FamilyAgreementText";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Checkbox } from "@/components/Checkbox";
import { Radios, TextArea } from "@/components/fields";
import { getFamilyAgreement, type FamilyAgreementPage } from "@/lib/family/agreement/get-family-agreement";
import { familyCaseHref } from "@/lib/family/home/links";
import { FAMILY_PAGE_TEXT } from "@/lib/family/home/wording";
import { ACCURATE_RECORD_STATEMENT } from "@/lib/agreements/wording";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type Data = { p: FamilyAgreementPage };

export const getServerSideProps: GetServerSideProps<FamilyPageProps<Data>> = (ctx) => {
  const caseId = String(ctx.params?.caseId ?? "");
  return familyPage(ctx, {
    permission: "family:workspace",
    returnTo: `/my-case/${encodeURIComponent(caseId)}/agreement/sign`,
    caseId,
    forms: { default: signAgreementForm },
    load: async (user) => ({ p: await getFamilyAgreement(user, caseId) }),
  });
};

const signTitle = (p: FamilyAgreementPage) => (p.signing ? `Sign the ${p.signing.title.toLowerCase()}` : "Nothing to sign");

export default function FamilySign(props: FamilyPageProps<Data>) {
  return (
    <FamilyPage props={props} title={({ p }) => signTitle(p)}>
      {({ p }, state) => {
        if (!p.signing) {
          return (
            <>
              <h1 className="h-l">Nothing to sign</h1>
              <p className="body">{p.signedWaiting ? FAMILY_PAGE_TEXT.signedThanks : FAMILY_PAGE_TEXT.nothingToSign}</p>
              <p className="body">
                <a href={familyCaseHref(p.id, "AGREEMENT")}>Back to the agreement</a>
              </p>
            </>
          );
        }
        return (
          <>
            <h1 className="h-l">{signTitle(p)}</h1>
            <p className="body">{FAMILY_PAGE_TEXT.signIntro}</p>
            {p.signing.declinedBefore && <p className="inset">{FAMILY_PAGE_TEXT.declinedBefore}</p>}
            <FamilyAgreementText text={p.signing.text} />
            <SignForm caseId={p.id} agreementId={p.signing.agreementId} contentSha256={p.signing.contentSha256} statement={ACCURATE_RECORD_STATEMENT} state={state} />
          </>
        );
      }}
    </FamilyPage>
  );
}

/** Sign or do not sign, while signed in (issue 12): a plain form post to this page. */
function SignForm({ caseId, agreementId, contentSha256, statement, state }: { caseId: string; agreementId: string; contentSha256: string; statement: string; state: ActionState | null }) {
  const v = state?.values ?? {};
  const errors = state?.fieldErrors;
  return (
    <form method="post" noValidate>
      <ErrorSummary errors={errors} message={errors ? undefined : state?.message} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="agreementId" value={agreementId} />
      <input type="hidden" name="contentSha256" value={contentSha256} />
      <Radios
        name="outcome"
        legend="Do you want to sign it?"
        options={[
          { value: "SIGNED", label: "Yes, I sign it" },
          { value: "DECLINED", label: "No, I do not want to sign it" },
        ]}
        defaultValue={v.outcome}
        error={errors?.outcome}
      />
      <Checkbox name="confirmed" label={statement} hint="Tick this box if you sign it." error={errors?.confirmed} defaultChecked={v.confirmed === "yes"} />
      <TextArea name="reason" label="If you do not sign it, tell us why" rows={3} defaultValue={v.reason ?? ""} error={errors?.reason} />
      <button type="submit" className="button">
        Send my answer
      </button>
    </form>
  );
}
