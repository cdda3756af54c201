/**
 * Public: read and sign (or decline) an agreement by the single-use link emailed to you (issue 11,
 * No account. An unknown link is a 404; a used, expired, replaced or outdated one says so.
 * No JavaScript (decision 0038): the answer posts to this page; a refusal is the page again with
 * the error summary and what was chosen.
 */
import type { GetServerSideProps } from "next";
import type { ActionState } from "@/app/_server/action-chain";
import { publicPage, type FamilyPageProps } from "@/app/_server/pages";
import { signWithTokenForm } from "@/app/sign/_forms/sign-with-token";
import { AgreementTextView } from "@/app/cases/[id]/agreement/AgreementText";
import { FamilyPage } from "@/components/family/FamilyPage";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Checkbox } from "@/components/Checkbox";
import { Radios, TextArea } from "@/components/fields";
import { NotFoundError } from "@/lib/auth/types";
import { getSigningPageWithToken, LINK_MESSAGES } from "@/lib/agreements/sign-with-token";
import type { AgreementText } from "@/lib/agreements/agreement-content";
import { ACCURATE_RECORD_STATEMENT, AGREEMENT_KIND_TITLES } from "@/lib/agreements/wording";
import { HONEYPOT_FIELD } from "@/lib/platform/security/honeypot";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

/** The text to sign, or why the link does not work (worked out on the server: the lib module is server-only). */
type Data = { token: string; signerName: string; text: AgreementText; notWorking: null } | { token: string; notWorking: string };

const NOT_WORKING = "This signing link does not work";

export const getServerSideProps: GetServerSideProps<FamilyPageProps<Data>> = (ctx) => {
  const token = String(ctx.params?.token ?? "");
  return publicPage<Data>(ctx, {
    forms: { default: signWithTokenForm },
    load: async () => {
      const p = await getSigningPageWithToken(token);
      if (!p) throw new NotFoundError("signing link");
      if (p.state !== "OPEN" || !p.text) return { token, notWorking: p.state === "OPEN" ? LINK_MESSAGES.TEXT_CHANGED : LINK_MESSAGES[p.state] };
      return { token, signerName: p.signerName, text: p.text, notWorking: null };
    },
  });
};

export default function SignPage(props: FamilyPageProps<Data>) {
  return (
    <FamilyPage props={props} title={(d) => (d.notWorking !== null ? NOT_WORKING : AGREEMENT_KIND_TITLES[d.text.kind])}>
      {(p, state) => {
        if (p.notWorking !== null)
          return (
            <>
              <h1 className="h-l">{NOT_WORKING}</h1>
              <p className="body">{p.notWorking}</p>
            </>
          );
        const title = AGREEMENT_KIND_TITLES[p.text.kind];
        return (
          <>
            <span className="caption">{p.text.caseReference}</span>
            <h1 className="h-l">{title}</h1>
            <p className="body">{p.signerName}, please read this record of the meeting, then sign it or tell us why you do not want to.</p>
            <AgreementTextView text={p.text} />
            <SignWithTokenForm token={p.token} statement={ACCURATE_RECORD_STATEMENT} state={state} />
          </>
        );
      }}
    </FamilyPage>
  );
}

/** Sign or decline by link: a plain form post to this page. */
function SignWithTokenForm({ token, statement, state }: { token: string; statement: string; state: ActionState | null }) {
  const v = state?.values ?? {};
  const errors = state?.fieldErrors;
  return (
    <form method="post" noValidate>
      <ErrorSummary errors={errors} message={errors ? undefined : state?.message} />
      <input type="hidden" name="token" value={token} />
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor={HONEYPOT_FIELD}>Leave this empty</label>
        <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" />
      </div>
      <Radios
        name="outcome"
        legend="Do you sign this record?"
        options={[
          { value: "SIGNED", label: "Yes, I sign it" },
          { value: "DECLINED", label: "No, I do not want to sign it" },
        ]}
        defaultValue={v.outcome}
        error={errors?.outcome}
      />
      <Checkbox name="confirmed" label={statement} error={errors?.confirmed} defaultChecked={v.confirmed === "yes"} />
      <TextArea name="reason" label="If you do not sign: why" rows={3} defaultValue={v.reason ?? ""} error={errors?.reason} />
      <button type="submit" className="button">
        Send my answer
      </button>
    </form>
  );
}
