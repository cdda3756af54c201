import Link from "next/link";
import { familyCaseHref } from "@/lib/family/home/links";
import { notFound } from "next/navigation";
import { requireUser } from "../../../_server/auth";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { Tag } from "@/components/Tag";
import { NotFoundError } from "@/lib/auth/types";
import { listMyFamilyViews, type FamilyViews } from "@/lib/family/views/list-family-views";
import { formatFileSize } from "@/lib/family/views/rules";
import { formatInstant } from "../../../cases/[id]/_shared";
import { SendViewsForm, ShareItemForm } from "./ViewsForms";
import { newSubmissionKey } from "@/lib/platform/idempotency/submission";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

const TITLE = "Your views and your child’s views";

const DONE: Record<string, string> = {
  sent: "Thank you. Your mediator can now read what you sent.",
  shared: "It has been shared with the case team.",
  removed: "The document has been removed.",
};

/**
 * Issue 12: the family tells the mediator what they would like from mediation and
 * what their child thinks, and uploads documents. Their own case only (another case: 404). What
 * they send is for the allocated mediator; the case team sees it only if the family shares it; the
 * local authority never (decision 0021).
 */
export default async function FamilyViewsPage({ params, searchParams }: { params: Promise<{ caseId: string }>; searchParams: Promise<{ done?: string | string[]; error?: string | string[] }> }) {
  const { caseId } = await params;
  const user = await requireUser("family-views:send", { returnTo: `/my-case/${encodeURIComponent(caseId)}/views` });
  const { done, error } = await searchParams;
  let data: FamilyViews;
  try {
    data = await listMyFamilyViews(user, caseId);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const success = typeof done === "string" ? DONE[done] : undefined;
  return (
    <>
      <p className="body">
        <Link href={familyCaseHref(caseId)}>Back to your case</Link>
      </p>
      <span className="caption">Case {data.reference}</span>
      <h1 className="h-l">{TITLE}</h1>
      {success && (
        <div className="notification notification--success" role="alert" aria-labelledby="done-title" data-testid="done-banner">
          <h2 className="notification__title" id="done-title">
            Success
          </h2>
          <div className="notification__body">
            <p className="body">{success}</p>
          </div>
        </div>
      )}
      <p className="body">Tell your mediator what you would like from mediation, and what your child thinks. You can also send documents, such as letters or reports.</p>
      <p className="body">
        Only your mediator sees what you send, unless you choose to share it with the mediation service’s case team. The local authority does not see it.
      </p>
      <SendViewsForm submissionKey={newSubmissionKey()} caseId={data.caseId} title={TITLE} requestTooLarge={error === "too-large"} />

      <h2 className="h-m" id="sent-title">
        What you have sent
      </h2>
      {data.submissions.length === 0 && data.uploads.length === 0 ? (
        <p className="body">You have not sent anything yet.</p>
      ) : (
        <>
          {data.uploads.length > 0 && (
            <section aria-labelledby="uploads-title">
              <h3 className="h-s" id="uploads-title">
                Documents
              </h3>
              <ul className="list-none p-0" data-testid="my-uploads">
                {data.uploads.map((u) => (
                  <li key={u.id} className="border-l-4 border-border pl-4 mb-5" data-testid="my-upload">
                    <p className="mb-1 break-words">
                      <a href={u.href}>{u.fileName}</a> {u.sharedAt ? <Tag colour="blue">Shared with the case team</Tag> : <Tag colour="grey">Mediator only</Tag>}
                    </p>
                    <p className="hint mb-2">
                      {u.typeLabel}, {formatFileSize(u.size)}. Sent on {formatInstant(u.at)}.
                    </p>
                    {!u.sharedAt && (
                      <>
                        <ShareItemForm caseId={data.caseId} kind="upload" id={u.id} describe={u.fileName} />
                        <Link href={`/my-case/${encodeURIComponent(data.caseId)}/views/remove/${encodeURIComponent(u.id)}`} className="inline-block">
                          Remove<span className="visually-hidden"> {u.fileName}</span>
                        </Link>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {data.submissions.length > 0 && (
            <section aria-labelledby="views-sent-title">
              <h3 className="h-s" id="views-sent-title">
                Your views
              </h3>
              <ul className="list-none p-0" data-testid="my-views">
                {data.submissions.map((s) => (
                  <li key={s.id} className="border-l-4 border-border pl-4 mb-5" data-testid="my-view">
                    <p className="mb-1">
                      Sent on {formatInstant(s.at)} {s.sharedAt ? <Tag colour="blue">Shared with the case team</Tag> : <Tag colour="grey">Mediator only</Tag>}
                    </p>
                    {s.views && <Said label="Your views" text={s.views} />}
                    {s.childViews && <Said label="Your child’s views" text={s.childViews} />}
                    {s.childViewsHow && <Said label="How you found out" text={s.childViewsHow} />}
                    {!s.sharedAt && <ShareItemForm caseId={data.caseId} kind="views" id={s.id} describe={`your views sent on ${formatInstant(s.at)}`} />}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </>
  );
}

function Said({ label, text }: { label: string; text: string }) {
  return (
    <>
      <p className="mb-0 font-bold">{label}</p>
      <p className="body whitespace-pre-line break-words">{text}</p>
    </>
  );
}
