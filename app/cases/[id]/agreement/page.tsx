import Link from "next/link";
import { requireUser } from "../../../_server/auth";
import { PageTitle } from "@/components/PageTitle";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { SummaryList } from "@/components/SummaryList";
import { Tag } from "@/components/Tag";
import { formatDate } from "@/lib/deadlines";
import { getAgreementPage } from "@/lib/agreements/get-agreement-page";
import { AGREED_ACTION_KIND_LABELS, RESPONSIBLE_LABELS } from "@/lib/agreements/action-kinds";
import { AGREEMENT_KIND_TITLES, CAPACITY_LABELS, STATUS_LABELS } from "@/lib/agreements/wording";
import { orNotFound } from "../_shared";
import { BackLink, Notice } from "../_components/Notice";
import { AgreementTextForm, ButtonForm } from "./AgreementForms";
import { newSubmissionKey } from "@/lib/platform/idempotency/submission";
import { SUBMISSION_KEY_FIELD } from "@/lib/platform/idempotency/field";

export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

const DONE: Record<string, string> = {
  started: "The draft has been started.",
  saved: "The text has been saved.",
  actionSaved: "The action has been saved.",
  actionRemoved: "The action has been removed.",
  ready: "Everyone who attended can now sign.",
  signed: "The signature has been recorded.",
  declined: "The refusal to sign has been recorded, with the reason.",
  linkSent: "The signing link has been emailed.",
  sealed: "Everyone has signed: the document has been sealed and each party told that their copy is ready.",
  correction: "A new version has been started from the sealed one. It needs everyone's signatures again.",
};

const STATE_TAGS = { SIGNED: <Tag colour="green">Signed</Tag>, DECLINED: <Tag colour="red">Declined</Tag>, WAITING: <Tag colour="grey">Not signed yet</Tag> } as const;

/**
 * Issue 11: the allocated mediator (or a caseworker) drafts the agreement or DRS outcome
 * statement with the parties, then collects everyone's signature in the room or by link.
 * Staff only: the LA and the family get the sealed document, never the draft (404 here).
 */
export default async function AgreementPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const user = await requireUser("agreement:draft");
  const { id } = await params;
  const { done } = await searchParams;
  const p = await orNotFound(getAgreementPage(user, id));
  const title = p.agreement ? AGREEMENT_KIND_TITLES[p.agreement.kind] : p.case.kind === "DRS" ? AGREEMENT_KIND_TITLES.OUTCOME_STATEMENT : AGREEMENT_KIND_TITLES.AGREEMENT;
  const a = p.agreement;
  const base = `/cases/${p.case.id}/agreement`;
  return (
    <>
      <PageTitle title={title} />
      <BackLink href={`/cases/${p.case.id}`} />
      <span className="caption">{p.case.reference}</span>
      <h1 className="h-l">{title}</h1>
      {done && DONE[done] && (
        <Notice title="Success" success testId="done-banner">
          <p className="body">{DONE[done]}</p>
        </Notice>
      )}
      {!a && !p.canStart && <p className="body">An agreement can be written after the meeting is recorded as held with a full or partial agreement. A DRS meeting always ends with an outcome statement.</p>}
      {!a && p.canStart && (
        <>
          <p className="body">Write down, with the parties, what was agreed and the actions. Everyone who attended the meeting will be asked to sign it.</p>
          <ButtonForm kind="start" fields={{ caseId: p.case.id }} label="Start the draft" />
        </>
      )}
      {a && (
        <>
          <SummaryList
            label="About this version"
            rows={[
              { key: "Status", value: STATUS_LABELS[a.status] },
              { key: "Version", value: String(a.version) },
              { key: "Date of the agreement", value: formatDate(a.agreedOn) },
              { key: "Text fingerprint (SHA-256)", value: <span className="code">{a.contentSha256}</span> },
              ...(a.documentId ? [{ key: "Sealed document", value: <a href={`/documents/${a.documentId}`}>Download the signed PDF</a> }] : []),
            ]}
          />
          {(a.status === "SEALED" || a.status === "SUPERSEDED") && (
            <>
              <p className="body">Signed by everyone and sealed: it cannot be changed. A correction is a new version that everyone signs again.</p>
              {a.status === "SEALED" && <ButtonForm kind="correct" fields={{ caseId: p.case.id, agreementId: a.id }} label="Start a corrected version" secondary />}
            </>
          )}
          <h2 className="h-m">The text</h2>
          {a.status === "DRAFT" || a.status === "AWAITING_SIGNATURES" ? (
            <>
              {a.status === "AWAITING_SIGNATURES" && <p className="body">Changing the text now means everyone must sign again.</p>}
              <AgreementTextForm
                fields={{ caseId: p.case.id, agreementId: a.id, expectedRevision: String(a.revision) }}
                initial={{ agreedOn: a.agreedOn, whatWasAgreed: a.whatWasAgreed, whatWasNotAgreed: a.whatWasNotAgreed ?? "" }}
                partial={p.case.agreement === "PARTIAL"}
              />
            </>
          ) : (
            <>
              <h3 className="h-s">What was agreed</h3>
              <p className="body pre-wrap">{a.whatWasAgreed}</p>
              {a.whatWasNotAgreed && (
                <>
                  <h3 className="h-s">What was not agreed</h3>
                  <p className="body pre-wrap">{a.whatWasNotAgreed}</p>
                </>
              )}
            </>
          )}
          <h2 className="h-m">Actions</h2>
          {a.actions.length === 0 && <p className="body">No actions yet.</p>}
          {a.actions.map((x, i) => (
            <div key={x.id} className="mb-6">
              <SummaryList
                label={`Action ${i + 1}`}
                rows={[
                  { key: `Action ${i + 1}`, value: x.what },
                  { key: "Who is responsible", value: RESPONSIBLE_LABELS[x.responsible] },
                  { key: "Kind", value: AGREED_ACTION_KIND_LABELS[x.kind] },
                  { key: "Due", value: <>{x.dueText} <span className="hint">({x.dueRule})</span></> },
                  ...(x.overrideDueOn ? [{ key: "Agreed different date (R-44)", value: `${formatDate(x.overrideDueOn)}, agreed in writing by ${x.overrideAgreedBy} on ${formatDate(x.overrideAgreedOn!)}` }] : []),
                  { key: "How it will be checked", value: x.howChecked },
                ]}
              />
              {(a.status === "DRAFT" || a.status === "AWAITING_SIGNATURES") && (
                <p className="body">
                  <Link href={`${base}/action/${x.id}`}>
                    Change<span className="visually-hidden"> action {i + 1}</span>
                  </Link>{" "}
                  <ButtonForm kind="remove" fields={{ caseId: p.case.id, agreementId: a.id, expectedRevision: String(a.revision), actionId: x.id }} label={<>Remove<span className="visually-hidden"> action {i + 1}</span></>} secondary />
                </p>
              )}
            </div>
          ))}
          {(a.status === "DRAFT" || a.status === "AWAITING_SIGNATURES") && (
            <p className="body">
              <Link href={`${base}/action/new`} className="button button--secondary">
                Add an action
              </Link>
            </p>
          )}
          <h2 className="h-m">Signatures</h2>
          <p className="body">Everyone who attended the meeting signs (R-40).</p>
          <table className="table">
            <caption className="visually-hidden">Who must sign</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Attended as</th>
                <th scope="col">Status</th>
                <th scope="col">Sign</th>
              </tr>
            </thead>
            <tbody>
              {a.signers.map((s) => (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td>{CAPACITY_LABELS[s.capacity] ?? s.capacity}</td>
                  <td>{STATE_TAGS[s.state]}</td>
                  <td>
                    {a.status === "AWAITING_SIGNATURES" && s.state !== "SIGNED" && (
                      <>
                        <Link href={`${base}/sign/${s.id}`}>
                          Sign in the room<span className="visually-hidden"> for {s.name}</span>
                        </Link>{" "}
                        {s.hasEmail && <ButtonForm kind="link" fields={{ caseId: p.case.id, agreementId: a.id, signerId: s.id, [SUBMISSION_KEY_FIELD]: newSubmissionKey() }} label={<>Email a signing link<span className="visually-hidden"> to {s.name}</span></>} secondary />}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {a.status === "DRAFT" && <ButtonForm kind="request" fields={{ caseId: p.case.id, agreementId: a.id, expectedRevision: String(a.revision) }} label="The text is ready: ask everyone to sign" />}
        </>
      )}
    </>
  );
}
