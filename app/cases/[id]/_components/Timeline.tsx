"use client";
/**
 * The case page's timeline (issue 14, decision 0041): rendered from its entries' text rather than
 * as a server component. A server component's markup travels twice — as the page's HTML and again,
 * element by element, in the inlined React payload (~500 bytes an entry); this component's props
 * are only the entries' text (~150 bytes an entry), and the HTML is the same. What an entry says is
 * decided on the server (getCaseDetail: the shared view has no staff entries, reasons or rule ids,
 * R-80); this only lays it out.
 */
import { Tag } from "@/components/Tag";

export type TimelineRow = {
  id: string;
  /** ISO instant, for <time dateTime>. */
  at: string;
  /** The instant in UK time, worked out on the server. */
  when: string;
  summary: string;
  /** Shown with a "Staff only" tag (full view only). */
  staffOnly: boolean;
  /** "Reason: …" (full view only). */
  detail: string | null;
  by: string | null;
  /** Staff only: the rule the entry comes from. */
  rule: string | null;
};

export function Timeline({ rows }: { rows: readonly TimelineRow[] }) {
  return (
    <ol className="list-none p-0" data-testid="timeline">
      {rows.map((e) => (
        <li key={e.id} className="border-l-4 border-border pl-4 mb-4">
          <p className="mb-1">
            <strong>{e.summary}</strong>
            {e.staffOnly && (
              <>
                {" "}
                <Tag colour="grey">Staff only</Tag>
              </>
            )}
          </p>
          {e.detail && <p className="mb-1">Reason: {e.detail}</p>}
          <p className="hint mb-0!">
            <time dateTime={e.at}>{e.when}</time>
            {e.by ? ` by ${e.by}` : ""}
            {e.rule ? ` (${e.rule})` : ""}
          </p>
        </li>
      ))}
    </ol>
  );
}
