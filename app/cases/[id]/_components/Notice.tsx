import Link from "next/link";
import type { ReactNode } from "react";

/** GOV.UK-style notification banner. `success` and `alert` banners are announced (role="alert"). */
export function Notice({ title, children, success = false, alert = false, testId }: { title: string; children: ReactNode; success?: boolean; alert?: boolean; testId?: string }) {
  return (
    <div className={`notification${success ? " notification--success" : ""}`} role={success || alert ? "alert" : "region"} aria-labelledby={`${testId ?? "notice"}-title`} data-testid={testId}>
      <h2 className="notification__title" id={`${testId ?? "notice"}-title`}>
        {title}
      </h2>
      <div className="notification__body">{children}</div>
    </div>
  );
}

export function BackLink({ href, children = "Back to the case" }: { href: string; children?: ReactNode }) {
  return (
    <p className="body">
      <Link href={href}>{children}</Link>
    </p>
  );
}
