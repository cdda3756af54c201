/**
 * The family's home (issue 12): one case → straight to it; two or more (siblings) → choose one.
 * Each case is its own card linking to its own pages: nothing of one case is shown inside another.
 * No JavaScript (decision 0038).
 */
import type { GetServerSideProps } from "next";
import { familyPage, PageRedirect, type FamilyPageProps } from "@/app/_server/pages";
import { FamilyPage } from "@/components/family/FamilyPage";
import { SummaryList } from "@/components/SummaryList";
import { listMyCases } from "@/lib/cases/list/list-my-cases";
import { FAMILY_PAGE_TEXT } from "@/lib/family/home/wording";
import { familyCaseHref } from "@/lib/family/home/links";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type Data = { cases: Awaited<ReturnType<typeof listMyCases>> };

export const getServerSideProps: GetServerSideProps<FamilyPageProps<Data>> = (ctx) =>
  familyPage(ctx, {
    permission: "family:workspace",
    returnTo: null,
    caseId: null,
    load: async (user) => {
      const cases = await listMyCases(user);
      if (cases.length === 1) throw new PageRedirect(familyCaseHref(cases[0]!.id));
      return { cases };
    },
  });

export default function MyCase(props: FamilyPageProps<Data>) {
  return (
    <FamilyPage props={props} title={({ cases }) => (cases.length === 0 ? "Your case" : FAMILY_PAGE_TEXT.homeTitle)}>
      {({ cases }) =>
        cases.length === 0 ? (
          <>
            <h1 className="h-l">Your case</h1>
            <p className="body">{FAMILY_PAGE_TEXT.empty}</p>
          </>
        ) : (
          <>
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
        )
      }
    </FamilyPage>
  );
}
