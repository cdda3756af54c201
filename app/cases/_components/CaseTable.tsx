"use client";
import Link from "next/link";
import { Tag, type TagColour } from "@/components/Tag";
import { formatDate } from "@/lib/deadlines/calendar";
import type { DeadlineState } from "@/lib/cases/deadlines/state";
import type { CaseListRow } from "@/lib/cases/list/list-cases";
import type { CaseKind } from "@/lib/cases/lifecycle";

/** Colour is never the only signal: every tag also says its state in words. */
const STATE_COLOUR: Record<DeadlineState, TagColour> = { OVERDUE: "red", WILL_BE_MISSED: "red", DUE_SOON: "yellow", ON_TRACK: "green" };

/** Shown under the reference for the kinds that are not a mediation case. */
const KIND_NOTE: Partial<Record<CaseKind, string>> = { ADVICE_ONLY: "Advice only", DRS: "Disagreement resolution" };

/**
 * The case list as a table: one row per case, the next statutory deadline with its state.
 * A client component for speed only (issue 14, decision 0041): its props are the rows' text
 * (CaseListRow, already decided on the server through the scope), so the page's React payload
 * carries ~50 rows of data rather than their markup a second time. Nothing here runs in the
 * browser that the HTML does not already show.
 */
export function CaseTable({ rows, caption }: { rows: readonly CaseListRow[]; caption: string }) {
  return (
    <table className="table">
      <caption className="h-s text-left">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Reference</th>
          <th scope="col">Child</th>
          <th scope="col">Local authority</th>
          <th scope="col">Status</th>
          <th scope="col">Mediator</th>
          <th scope="col">Next deadline</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <Link href={`/cases/${r.id}`}>{r.reference}</Link>
              {KIND_NOTE[r.kind] && <span className="block text-secondary">{KIND_NOTE[r.kind]}</span>}
            </th>
            <td>{r.childName ?? <span className="text-secondary">Not recorded</span>}</td>
            <td>{r.localAuthorityName}</td>
            <td>{r.statusLabel}</td>
            <td>{r.mediatorName ?? <span className="text-secondary">Not allocated</span>}</td>
            <td>
              {r.nextDeadlineOn && r.deadlineState ? (
                <>
                  <span className="block text-secondary">{r.nextDeadlineLabel}</span>
                  <span className="block mb-1">{formatDate(r.nextDeadlineOn)}</span>
                  <Tag colour={STATE_COLOUR[r.deadlineState]}>{r.deadlineStateLabel}</Tag>
                </>
              ) : (
                <span className="text-secondary">No deadline running</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
