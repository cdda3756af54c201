/**
 * The family's overview of one case (issue 12): what happens next, where the case is (the stages
 * with Done / Now / Not yet), the key dates with how each was worked out, and a short link to what
 * was agreed. Shared facts only: lib/family/home/get-family-overview.ts. No JavaScript
 * (decision 0038).
 */
import type { GetServerSideProps } from "next";
import { familyPage, type FamilyPageProps } from "@/app/_server/pages";
import { FamilyPage } from "@/components/family/FamilyPage";
import { SummaryList } from "@/components/SummaryList";
import { Tag, type TagColour } from "@/components/Tag";
import { getFamilyOverview, type FamilyOverview } from "@/lib/family/home/get-family-overview";
import { familyCaseHref } from "@/lib/family/home/links";
import { FAMILY_PAGE_TEXT, STAGE_STATE_LABELS, familyDate, type StageState } from "@/lib/family/home/wording";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

const TAG_COLOURS: Record<StageState, TagColour> = { DONE: "green", NOW: "blue", NOT_YET: "grey" };

export const getServerSideProps: GetServerSideProps<FamilyPageProps<FamilyOverview>> = (ctx) => {
  const caseId = String(ctx.params?.caseId ?? "");
  return familyPage(ctx, {
    permission: "family:workspace",
    returnTo: `/my-case/${encodeURIComponent(caseId)}`,
    caseId,
    load: (user) => getFamilyOverview(user, caseId),
  });
};

export default function FamilyCaseOverview(props: FamilyPageProps<FamilyOverview>) {
  return (
    <FamilyPage props={props} title={() => "Your case"}>
      {(o) => (
        <>
          <h1 className="h-l">Your case</h1>
          <p className="body">{FAMILY_PAGE_TEXT.overviewIntro}</p>
          <p className="lead" data-testid="family-status">
            {o.statusText}
          </p>

          <section aria-labelledby="next-step" data-testid="next-step">
            <h2 className="h-m" id="next-step">
              What happens next
            </h2>
            <div className="inset">
              <p className="body">{o.nextStep.text}</p>
              <SummaryList
                rows={[
                  ...(o.nextStep.who ? [{ key: "Who does this", value: o.nextStep.who }] : []),
                  ...(o.nextStep.date ? [{ key: o.nextStep.date.label, value: familyDate(o.nextStep.date.on) }] : []),
                ]}
              />
              {o.nextStep.link && (
                <p className="body">
                  <a href={o.nextStep.link.href} className="button">
                    {o.nextStep.link.label}
                  </a>
                </p>
              )}
            </div>
          </section>

          <section aria-labelledby="where-we-are">
            <h2 className="h-m" id="where-we-are">
              Where we are
            </h2>
            <ol className="list-none p-0 m-0 mb-8 border-t border-border" data-testid="stages">
              {o.stages.map((s) => (
                <li key={s.id} className="flex flex-wrap justify-between items-center gap-2 py-3 border-b border-border" data-testid="stage" data-state={s.state} aria-current={s.state === "NOW" ? "step" : undefined}>
                  <span>{s.name}</span>
                  <Tag colour={TAG_COLOURS[s.state]}>{STAGE_STATE_LABELS[s.state]}</Tag>
                </li>
              ))}
            </ol>
          </section>

          <section aria-labelledby="key-dates" data-testid="key-dates">
            <h2 className="h-m" id="key-dates">
              Key dates
            </h2>
            {o.keyDates.length === 0 ? (
              <p className="body">{FAMILY_PAGE_TEXT.noKeyDates}</p>
            ) : (
              <>
                <p className="body">{FAMILY_PAGE_TEXT.keyDatesIntro}</p>
                <SummaryList
                  rows={o.keyDates.map((d) => ({
                    key: d.label,
                    value: (
                      <>
                        {d.on ? familyDate(d.on) : "See your certificate"}
                        {d.explanation && (
                          <details className="mt-2">
                            <summary>{FAMILY_PAGE_TEXT.howWorkedOut}</summary>
                            <p className="body mt-2" data-testid="date-explanation">
                              {d.explanation}
                            </p>
                          </details>
                        )}
                      </>
                    ),
                  }))}
                />
              </>
            )}
            {o.sectionIOnly && <p className="body">{FAMILY_PAGE_TEXT.sectionIOnly}</p>}
          </section>

          <section aria-labelledby="agreed">
            <h2 className="h-m" id="agreed">
              What was agreed
            </h2>
            <p className="body">
              <a href={familyCaseHref(o.id, "AGREEMENT")}>{o.hasAgreedActions ? "See what was agreed and if it has been done" : "The agreement and your certificate"}</a>
            </p>
          </section>
        </>
      )}
    </FamilyPage>
  );
}
