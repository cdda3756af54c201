/**
 * Every family page of one case (issue 12): the case is loaded through caseScope — a case that is
 * not the family's is a 404 on every page under it — and the sub-navigation to its pages. The
 * meeting, views and parent-access pages are built by their own features.
 */
import type { ReactNode } from "react";
import { requireUser } from "../../_server/auth";
import { orNotFound } from "../../cases/[id]/_shared";
import { getFamilyCaseNav } from "@/lib/family/home/get-family-case-nav";
import { CaseNav } from "./_components/CaseNav";

export default async function FamilyCaseLayout({ children, params }: { children: ReactNode; params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const user = await requireUser("family:workspace", { returnTo: `/my-case/${encodeURIComponent(caseId)}` });
  const nav = await orNotFound(getFamilyCaseNav(user, caseId));
  return (
    <div className="wrap-anywhere">
      <p className="caption">
        {nav.childFirstName ? `${nav.childFirstName}’s case, ` : "Case "}reference {nav.reference}
      </p>
      <CaseNav links={nav.links} label="Pages about this case" />
      {children}
    </div>
  );
}
