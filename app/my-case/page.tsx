/**
 * The family's home (issue 12): one case → straight to it; two or more (siblings) → choose one.
 * Each case is its own card linking to its own pages: nothing of one case is shown inside another.
 */
import { redirect } from "next/navigation";
import { requireUser } from "../_server/auth";
import { listMyCases } from "@/lib/cases/list/list-my-cases";
import { SummaryList } from "@/components/SummaryList";
import { PageTitle } from "@/components/PageTitle";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { FAMILY_PAGE_TEXT } from "@/lib/family/home/wording";
import { familyCaseHref } from "@/lib/family/home/links";

export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

export default async function MyCase() {
  const user = await requireUser("family:workspace");
  const cases = await listMyCases(user);
  if (cases.length === 1) redirect(familyCaseHref(cases[0]!.id));
  if (cases.length === 0) {
    return (
      <>
        <PageTitle title="Your case" />
        <h1 className="h-l">Your case</h1>
        <p className="body">{FAMILY_PAGE_TEXT.empty}</p>
      </>
    );
  }
  return (
    <>
      <PageTitle title={FAMILY_PAGE_TEXT.homeTitle} />
      <h1 className="h-l">{FAMILY_PAGE_TEXT.homeTitle}</h1>
      <p className="body">{FAMILY_PAGE_TEXT.chooserIntro}</p>
      <ul className="list-none p-0" data-testid="case-chooser">
        {cases.map((c) => (
          <li key={c.id} className="border-t border-border pt-4 mb-6 wrap-anywhere">
            <h2 className="h-m mt-0">
              <a href={familyCaseHref(c.id)}>{c.childFirstName ? `${c.childFirstName}’s case` : `Case ${c.reference}`}</a>
            </h2>
            <SummaryList
              label={`About case ${c.reference}`}
              rows={[
                { key: "Reference", value: c.reference },
                { key: "Local authority", value: c.localAuthority.name },
                { key: "Where it is", value: c.family.text },
              ]}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
