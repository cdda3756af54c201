import type { ReactNode } from "react";

/** GOV.UK "warning text": an icon plus bold text, announced as a warning to screen readers. */
export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="warning-text">
      <span className="warning-text__icon" aria-hidden="true">
        !
      </span>
      <span>
        <span className="visually-hidden">Warning: </span>
        {children}
      </span>
    </div>
  );
}
