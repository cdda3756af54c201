import Link from "next/link";
import { notFound } from "next/navigation";
import { familyCaseHref } from "@/lib/family/home/links";
import { requireUser } from "../../../_server/auth";
import { NotFoundError } from "@/lib/auth/types";
import { getParentAccess, type ParentAccessView } from "@/lib/family/parent-access/get-parent-access";
import { SummaryList } from "@/components/SummaryList";
import { PageTitle } from "@/components/PageTitle";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { formatLongDate, todayInLondon } from "@/lib/deadlines";
import { ParentAccessForm } from "./ParentAccessForm";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

const TITLE = "Who can see your case";

const DONE: Record<string, string> = {
  given: "Your answer has been saved. Your parent or carer can now see your case.",
  withdrawn: "Your answer has been saved. Your parent or carer can no longer see your case.",
};

/**
 * R-01 (decision 0022): the young person decides whether the parent(s) recorded on their case may
 * see it. Only the young person on their own case; everyone else (a parent included) gets a 404.
 */
export default async function ParentAccessPage({ params, searchParams }: { params: Promise<{ caseId: string }>; searchParams: Promise<{ done?: string | string[] }> }) {
  const { caseId } = await params;
  const user = await requireUser("family:parent-access", { returnTo: `/my-case/${encodeURIComponent(caseId)}/parent-access` });
  const view = await getParentAccess(user, caseId).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const { done } = await searchParams;
  const banner = typeof done === "string" ? DONE[done] : undefined;
  const who = view.parents.length === 1 ? view.parents[0]!.name : "your parents or carers";

  return (
    <>
      <p className="body">
        <Link href={familyCaseHref(caseId)}>Back to your case</Link>
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
        <>
          <PageTitle title={TITLE} />
          <p className="body" data-testid="no-parent">
            Only you can see your case. No parent or carer is recorded on it. If you would like one to see it, tell your caseworker.
          </p>
        </>
      ) : (
        <>
          <h2 className="h-m">Your parent or carer</h2>
          <SummaryList rows={view.parents.map((p) => ({ key: p.name, value: whatTheySee(view, p) }))} label="Your parents or carers, and whether they can see your case" />
          {view.consent && <p className="body">{givenText(view.consent)}</p>}
          <ParentAccessForm caseId={view.caseId} given={view.consent !== null} who={who} title={TITLE} />
        </>
      )}
    </>
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
