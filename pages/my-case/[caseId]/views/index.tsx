/**
 * Issue 12: the family tells the mediator what they would like from mediation and
 * what their child thinks, and uploads documents. Their own case only (another case: 404). What
 * they send is for the allocated mediator; the case team sees it only if the family shares it; the
 * local authority never (decision 0021). No JavaScript (decision 0038): both forms post to this
 * page (a multipart post for the document); a post too large to read comes back from proxy.ts as
 * `?error=too-large`.
 */
import type { GetServerSideProps } from "next";
import { familyPage, type FamilyPageProps } from "@/app/_server/pages";
import { FORM_FIELD } from "@/components/family/form-field";
import type { ActionState } from "@/app/_server/action-chain";
import { sendViewsForm, shareItemForm } from "@/app/my-case/_forms/views";
import { FamilyPage } from "@/components/family/FamilyPage";
import { ErrorSummary } from "@/components/ErrorSummary";
import { FileField, TextArea } from "@/components/fields";
import { Checkbox } from "@/components/Checkbox";
import { SubmissionKeyField } from "@/components/SubmissionKeyField";
import { Tag } from "@/components/Tag";
import { formatInstant } from "@/lib/platform/dates/format-instant";
import { newSubmissionKey } from "@/lib/platform/idempotency/submission";
import { familyCaseHref } from "@/lib/family/home/links";
import { listMyFamilyViews, type FamilyViews } from "@/lib/family/views/list-family-views";
import { formatFileSize, VIEWS_MESSAGES } from "@/lib/family/views/rules";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

const TITLE = "Your views and your child’s views";

const DONE: Record<string, string> = {
  sent: "Thank you. Your mediator can now read what you sent.",
  shared: "It has been shared with the case team.",
  removed: "The document has been removed.",
};

type Data = { data: FamilyViews; done: string | null; requestTooLarge: boolean; submissionKey: string };

export const getServerSideProps: GetServerSideProps<FamilyPageProps<Data>> = (ctx) => {
  const caseId = String(ctx.params?.caseId ?? "");
  const done = typeof ctx.query.done === "string" && DONE[ctx.query.done] ? ctx.query.done : null;
  return familyPage(ctx, {
    permission: "family-views:send",
    returnTo: `/my-case/${encodeURIComponent(caseId)}/views`,
    caseId,
    forms: {
      send: sendViewsForm,
      // Which item the refusal is about, so its message shows beside that item's button.
      share: async (caller, fd) => ({ ...(await shareItemForm(caller, fd)), data: { share: String(fd.get("id") ?? "") } }),
    },
    load: async (user, state) => ({
      data: await listMyFamilyViews(user, caseId),
      done: state ? null : done,
      requestTooLarge: !state && ctx.query.error === "too-large",
      // A new key each time the form is shown: a double click or a retry of this one form creates one record.
      submissionKey: newSubmissionKey(),
    }),
  });
};

export default function FamilyViewsPage(props: FamilyPageProps<Data>) {
  return (
    <FamilyPage props={props} title={() => TITLE}>
      {({ data, done, requestTooLarge, submissionKey }, state) => {
        const success = done ? DONE[done] : undefined;
        const shareState = state?.data && "share" in state.data ? state : null;
        const sendState = shareState ? null : state;
        return (
          <>
            <p className="body">
              <a href={familyCaseHref(data.caseId)}>Back to your case</a>
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
            <SendViewsForm submissionKey={submissionKey} caseId={data.caseId} requestTooLarge={requestTooLarge} state={sendState} />

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
                              <ShareItemForm caseId={data.caseId} kind="upload" id={u.id} describe={u.fileName} state={shareState?.data?.share === u.id ? shareState : null} />
                              <a href={`/my-case/${encodeURIComponent(data.caseId)}/views/remove/${encodeURIComponent(u.id)}`} className="inline-block">
                                Remove<span className="visually-hidden"> {u.fileName}</span>
                              </a>
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
                          {!s.sharedAt && <ShareItemForm caseId={data.caseId} kind="views" id={s.id} describe={`your views sent on ${formatInstant(s.at)}`} state={shareState?.data?.share === s.id ? shareState : null} />}
                        </li>
                      ))}
                    </ul>
                  </section>
                )}
              </>
            )}
          </>
        );
      }}
    </FamilyPage>
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

/**
 * Issue 12: their views, their child's views and how they found them out, a document, and
 * whether to share with the case team. A plain multipart form post to this page.
 */
function SendViewsForm({ caseId, requestTooLarge, submissionKey, state }: { caseId: string; requestTooLarge: boolean; submissionKey: string; state: ActionState | null }) {
  const v = state?.values ?? {};
  const errors = requestTooLarge ? { file: VIEWS_MESSAGES.tooLarge } : state?.fieldErrors;
  const fileError = errors?.file;
  return (
    <form method="post" encType="multipart/form-data" noValidate>
      <input type="hidden" name={FORM_FIELD} value="send" />
      <SubmissionKeyField value={submissionKey} />
      <ErrorSummary errors={errors} message={requestTooLarge || (errors && Object.keys(errors).length > 0) ? undefined : state?.message} />
      <input type="hidden" name="caseId" value={caseId} />
      <TextArea
        name="views"
        label="What you would like from mediation, and your views"
        hint="For example, what you disagree with, what you would like to happen, and anything that matters to you."
        rows={6}
        defaultValue={v.views ?? ""}
        error={errors?.views}
      />
      <TextArea
        name="childViews"
        label="Your child's views"
        hint="What your child thinks or feels about their education, health or care, in their words if you can."
        rows={6}
        defaultValue={v.childViews ?? ""}
        error={errors?.childViews}
      />
      <TextArea
        name="childViewsHow"
        label="How you found out your child's views (optional)"
        hint="For example, you talked with them, they wrote or drew something, or someone who knows them well asked."
        rows={2}
        defaultValue={v.childViewsHow ?? ""}
        error={errors?.childViewsHow}
      />
      <FileField
        name="file"
        label="Upload a document (optional)"
        hint="A PDF, JPG or PNG file, smaller than 10 MB. For example, a letter, a report, or a picture your child drew."
        error={fileError}
        accept="application/pdf,.pdf,image/jpeg,.jpg,.jpeg,image/png,.png"
        className="max-w-full"
      />
      <Checkbox
        name="share"
        label="Also share this with the mediation service's case team"
        hint="Your mediator always sees what you send. If you tick this, the caseworkers who arrange your mediation can see it too. The local authority never sees it."
        defaultChecked={v.share === "yes"}
      />
      <button type="submit" className="button">
        Send to your mediator
      </button>
    </form>
  );
}

/** Share one thing already sent with the case team: a deliberate act, audited. */
function ShareItemForm({ caseId, kind, id, describe, state }: { caseId: string; kind: "views" | "upload"; id: string; describe: string; state: ActionState | null }) {
  return (
    <form method="post" className="inline-block mr-4">
      {state?.status === "error" && state.message && (
        <p className="error-message" role="alert">
          <span className="visually-hidden">Error:</span> {state.message}
        </p>
      )}
      <input type="hidden" name={FORM_FIELD} value="share" />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button button--secondary">
        Share with the case team<span className="visually-hidden"> {describe}</span>
      </button>
    </form>
  );
}
