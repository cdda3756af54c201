import { redirect } from "next/navigation";
import { requireUser } from "../../../../_server/auth";
import { previewCorrespondence } from "@/lib/correspondence/preview-correspondence";
import { DomainError } from "@/lib/platform/errors";
import { WarningText } from "@/components/WarningText";
import { orNotFound } from "../../_shared";
import { BackLink, Notice } from "../../_components/Notice";
import { FilledText } from "../_components/FilledText";
import { SendForm } from "../_components/SendForm";
import { correspondenceUrl } from "../urls";
import { newSubmissionKey } from "@/lib/platform/idempotency/submission";

export const metadata = { title: "Check the letter or email before it is sent" };
export const dynamic = "force-dynamic";

/**
 * Issue 13 (decision 0030): step 2 — the email or letter exactly as it will be sent (the same
 * composition as the send), then confirm. A template that uses a field the case does not have yet
 * cannot be sent. The office only (404 for anyone else).
 */
export default async function CorrespondencePreviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ template?: string | string[]; recipient?: string | string[]; changed?: string | string[] }>;
}) {
  const { id } = await params;
  const user = await requireUser("correspondence:send");
  const q = await searchParams;
  const one = (x: string | string[] | undefined) => (Array.isArray(x) ? x[0] : x);
  const choice = { template: one(q.template) ?? "", recipient: one(q.recipient) ?? "" };
  let p;
  try {
    p = await orNotFound(previewCorrespondence(user, id, choice));
  } catch (e) {
    // A choice no longer possible (a party's email removed meanwhile): choose again, with the reason.
    if (e instanceof DomainError) redirect(correspondenceUrl(id, new URLSearchParams(choice).toString()));
    throw e;
  }
  const back = correspondenceUrl(p.case.id, new URLSearchParams(choice).toString());
  const email = p.recipient.channel === "EMAIL";
  return (
    <>
      <BackLink href={back}>Back</BackLink>
      <span className="caption">{p.case.reference}</span>
      <h1 className="h-l">{email ? "Check the email before it is sent" : "Check the letter before it is made"}</h1>
      {one(q.changed) && (
        <Notice title="Important" alert testId="template-changed">
          <p className="body">The template was changed after you saw the preview. This is the new version: check it, then {email ? "send it" : "make the letter"}.</p>
        </Notice>
      )}
      <FilledText
        subject={p.composed.subject}
        paragraphs={p.composed.paragraphs}
        rows={[
          { key: "What", value: p.template.name },
          { key: "To", value: p.recipient.name },
          email ? { key: "By email to", value: p.recipient.email } : { key: "By letter to", value: <span className="whitespace-pre-line">{p.recipient.address}</span> },
        ]}
      />
      {p.missingLabels.length > 0 ? (
        <div data-testid="missing-fields">
          <WarningText>This cannot be sent yet. It uses details the case does not have: {p.missingLabels.join(", ")}. Record them on the case first, or choose something else to send.</WarningText>
          <p className="body">
            <a href={back}>Choose something else</a>
          </p>
        </div>
      ) : (
        <>
          <p className="body">
            {email
              ? "The email is sent as plain text from the service’s address. It is recorded on the case timeline for staff."
              : "The letter is made as a PDF for you to print and post. It is kept with the case for staff, and recorded on the case timeline."}
          </p>
          <SendForm submissionKey={newSubmissionKey()} caseId={p.case.id} template={p.template.key} recipient={p.recipient.value} templateVersion={p.template.version} channel={p.recipient.channel} changeHref={back} />
        </>
      )}
    </>
  );
}
