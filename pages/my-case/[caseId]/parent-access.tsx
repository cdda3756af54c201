/**
 * R-01 (decision 0022): the young person decides whether the parent(s) recorded on their case may
 * see it. Only the young person on their own case; everyone else (a parent included) gets a 404.
 * No JavaScript (decision 0038): the form posts to this page; a withdrawal is confirmed on the page
 * the post answers with, before anything changes.
 */
import type { GetServerSideProps } from "next";
import { familyPage, type FamilyPageProps } from "@/app/_server/pages";
import type { ActionState } from "@/app/_server/action-chain";
import { changeParentAccessForm } from "@/app/my-case/_forms/parent-access";
import { FamilyPage } from "@/components/family/FamilyPage";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Radios } from "@/components/fields";
import { SummaryList } from "@/components/SummaryList";
import { WarningText } from "@/components/WarningText";
import { familyCaseHref } from "@/lib/family/home/links";
import { getParentAccess, type ParentAccessView } from "@/lib/family/parent-access/get-parent-access";
import { formatLongDate, todayInLondon } from "@/lib/deadlines";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

const TITLE = "Who can see your case";

const DONE: Record<string, string> = {
  given: "Your answer has been saved. Your parent or carer can now see your case.",
  withdrawn: "Your answer has been saved. Your parent or carer can no longer see your case.",
};

type Data = { view: ParentAccessView; done: string | null };

export const getServerSideProps: GetServerSideProps<FamilyPageProps<Data>> = (ctx) => {
  const caseId = String(ctx.params?.caseId ?? "");
  const done = typeof ctx.query.done === "string" && DONE[ctx.query.done] ? ctx.query.done : null;
  return familyPage(ctx, {
    permission: "family:parent-access",
    returnTo: `/my-case/${encodeURIComponent(caseId)}/parent-access`,
    caseId,
    forms: { default: changeParentAccessForm },
    load: async (user, state) => ({ view: await getParentAccess(user, caseId), done: state ? null : done }),
  });
};

const confirming = (state: ActionState | null) => state?.status === "success" && state.data?.confirm === true;

export default function ParentAccessPage(props: FamilyPageProps<Data>) {
  return (
    <FamilyPage props={props} title={(_, state) => (confirming(state) ? `Are you sure? ${TITLE}` : TITLE)}>
      {({ view, done }, state) => {
        const banner = done ? DONE[done] : undefined;
        const who = view.parents.length === 1 ? view.parents[0]!.name : "your parents or carers";
        return (
          <>
            <p className="body">
              <a href={familyCaseHref(view.caseId)}>Back to your case</a>
            </p>
            {banner && (
              <div className="notification notification--success" role="alert" aria-labelledby="parent-access-done-title" data-testid="parent-access-done">
                <h2 className="notification__title" id="parent-access-done-title">
                  Success
                </h2>
                <div className="notification__body">{banner}</div>
              </div>
            )}
            <span className="caption">Case {view.reference}</span>
            <h1 className="h-l">{TITLE}</h1>
            <p className="body">The mediation case is yours: you take part yourself, and you decide whether your parent or carer can see it. You can change your mind at any time.</p>
            {view.parents.length === 0 ? (
              <p className="body" data-testid="no-parent">
                Only you can see your case. No parent or carer is recorded on it. If you would like one to see it, tell your caseworker.
              </p>
            ) : (
              <>
                <h2 className="h-m">Your parent or carer</h2>
                <SummaryList rows={view.parents.map((p) => ({ key: p.name, value: whatTheySee(view, p) }))} label="Your parents or carers, and whether they can see your case" />
                {view.consent && <p className="body">{givenText(view.consent)}</p>}
                <ParentAccessForm caseId={view.caseId} given={view.consent !== null} who={who} state={state} />
              </>
            )}
          </>
        );
      }}
    </FamilyPage>
  );
}

const OPTIONS = [
  { value: "yes", label: "Yes, they can see my case" },
  { value: "no", label: "No, only I can see my case" },
] as const;

/** the young person's yes or no, with a confirmation step before a withdrawal (the post's answer). */
function ParentAccessForm({ caseId, given, who, state }: { caseId: string; given: boolean; who: string; state: ActionState | null }) {
  if (confirming(state)) {
    return (
      <form method="post">
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="canSee" value="no" />
        <input type="hidden" name="confirmed" value="yes" />
        <h2 className="h-m">Are you sure you want to stop {who} seeing your case?</h2>
        <WarningText>From now on, {who} will not be able to see your case. You can let them see it again at any time.</WarningText>
        <div>
          <button type="submit" className="button button--warning">
            Yes, stop them seeing my case
          </button>
          <a href={`/my-case/${encodeURIComponent(caseId)}/parent-access`}>No, go back</a>
        </div>
      </form>
    );
  }
  const errors = state?.fieldErrors;
  const hasFieldErrors = !!errors && Object.keys(errors).length > 0;
  return (
    <form method="post" noValidate>
      <ErrorSummary errors={errors} message={hasFieldErrors ? undefined : state?.message} />
      <input type="hidden" name="caseId" value={caseId} />
      <Radios
        name="canSee"
        legend={`Can ${who} see your case?`}
        hint="If you say yes, they can sign in and see what is happening, the dates, and documents such as the agreement and the certificate. They cannot sign or change anything for you. You can change your mind at any time."
        options={OPTIONS}
        defaultValue={state?.values?.canSee ?? (given ? "yes" : "no")}
        error={errors?.canSee}
      />
      <button type="submit" className="button">
        Save your answer
      </button>
    </form>
  );
}

function whatTheySee(view: ParentAccessView, p: ParentAccessView["parents"][number]): string {
  if (!view.consent) return "Cannot see your case";
  return p.canSignIn ? "Can see your case" : "Can see your case, but cannot sign in yet because we do not have their email address";
}

function givenText(c: NonNullable<ParentAccessView["consent"]>): string {
  const on = formatLongDate(todayInLondon(c.givenAt));
  return c.online ? `You said yes on ${on}.` : `You told us ${c.how ?? ""} on ${on} that they can see your case.`;
}
