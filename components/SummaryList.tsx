import type { ReactNode } from "react";

export function SummaryList({ rows, label }: { rows: { key: string; value: ReactNode; action?: ReactNode }[]; label?: string }) {
  return (
    <dl className="summary-list" aria-label={label}>
      {rows.map((r) => (
        <div key={r.key}>
          <dt>{r.key}</dt>
          <dd>{r.value === null || r.value === undefined || r.value === "" ? <span className="hint">Not recorded</span> : r.value}</dd>
          {r.action && <dd className="actions">{r.action}</dd>}
        </div>
      ))}
    </dl>
  );
}
