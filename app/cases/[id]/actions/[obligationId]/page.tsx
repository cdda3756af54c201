import Link from "next/link";
import { requireUser } from "../../../../_server/auth";
import { getObligation } from "@/lib/obligations/get-obligation";
import { RESPONSIBLE_LABELS, UPDATE_KIND_LABELS } from "@/lib/obligations/rules";
import { SummaryList } from "@/components/SummaryList";
import { Tag } from "@/components/Tag";
import { formatInstant, orNotFound } from "../../_shared";
import { BackLink, Notice } from "../../_components/Notice";
import { ObligationTag } from "../../_components/AgreedActions";

export const metadata = { title: "Agreed action" };
export const dynamic = "force-dynamic";

const DONE: Record<string, string> = {
  progress: "The progress has been recorded.",
  done: "The action has been recorded as done.",
  closed: "The action has been closed with your reason.",
};

/**
 * One agreed action (issue 11, R-40): what, who, by when, how it is checked, its status and its
 * history; links to record progress, mark it done or close it with a reason. Staff and the LA
 * officer of the case's LA (404 for anyone else).
 */
export default async function ObligationPage({ params, searchParams }: { params: Promise<{ id: string; obligationId: string }>; searchParams: Promise<{ done?: string | string[] }> }) {
  const { id, obligationId } = await params;
  const user = await requireUser("case:list", { returnTo: `/cases/${encodeURIComponent(id)}/actions/${encodeURIComponent(obligationId)}` });
  const { done } = await searchParams;
  const p = await orNotFound(getObligation(user, id, obligationId));
  const o = p.obligation;
  const key = Array.isArray(done) ? done[0] : done;
  const success = key && Object.hasOwn(DONE, key) ? DONE[key] : null;
  const base = `/cases/${p.case.id}/actions/${o.id}`;
  return (
    <>
      <BackLink href={`/cases/${p.case.id}#agreed-actions`} />
      <span className="caption">{p.case.reference}</span>
      <h1 className="h-l">Agreed action</h1>
      {success && (
        <Notice title="Success" success testId="done-banner">
          <p className="body">{success}</p>
        </Notice>
      )}
      <SummaryList
        label="The agreed action"
        rows={[
          { key: "What was agreed", value: <span className="whitespace-pre-line">{o.what}</span> },
          { key: "Who is responsible", value: RESPONSIBLE_LABELS[o.responsible] },
          { key: "How it will be checked", value: <span className="whitespace-pre-line">{o.howChecked}</span> },
          { key: "Status", value: <><ObligationTag o={o} /> <span className="block mt-1">{o.statusText}</span></> },
          ...(o.closedReason ? [{ key: "Why it was closed", value: <span className="whitespace-pre-line">{o.closedReason}</span> }] : []),
        ]}
      />
      {p.canUpdate && o.status === "OPEN" && (
        <div data-testid="obligation-actions">
          <Link href={`${base}/progress`} className="button button--secondary mr-4">
            Record progress
          </Link>
          <Link href={`${base}/done`} className="button mr-4">
            Mark as done
          </Link>
          <Link href={`${base}/close`} className="button button--secondary">
            Close with a reason
          </Link>
        </div>
      )}
      <section aria-labelledby="history-title">
        <h2 className="h-m" id="history-title">
          History
        </h2>
        {p.history.length === 0 ? (
          <p className="body">Nothing has been recorded on this action yet.</p>
        ) : (
          <ol className="list-none p-0" data-testid="obligation-history">
            {p.history.map((h) => (
              <li key={h.id} className="border-l-4 border-border pl-4 mb-4">
                <p className="mb-1">
                  <strong>{UPDATE_KIND_LABELS[h.kind]}</strong> {h.sharedWithFamily ? <Tag colour="green">Shared with the family</Tag> : <Tag colour="grey">Not shared with the family</Tag>}
                </p>
                <p className="body mb-1 whitespace-pre-line">{h.note}</p>
                {h.evidence && <p className="body mb-1 break-all">Evidence: {h.evidence}</p>}
                <p className="hint mb-0!">
                  <time dateTime={h.at}>{formatInstant(h.at)}</time>
                  {h.byName ? ` by ${h.byName}` : ""}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
