/**
 * Public deadline calculator for families (issue 3). No sign-in and no JavaScript (decision 0038):
 * a plain GET form posts back to this page, which validates the query string on the server and
 * shows either the dates or GOV.UK-style errors. Results are shareable and work with the back
 * button. Dates are typed in day, month and year boxes (`decision-day`, …); a link with a whole
 * ISO date (`?decision=2025-02-03`) still works.
 */
import type { GetServerSideProps } from "next";
import Head from "next/head";
import { publicPage, type FamilyPageProps } from "@/app/_server/pages";
import { FamilyPage } from "@/components/family/FamilyPage";
import { Checkbox } from "@/components/Checkbox";
import { ErrorSummary } from "@/components/ErrorSummary";
import { DateInput } from "@/components/fields";
import { SummaryList } from "@/components/SummaryList";
import { ERROR_TITLE_PREFIX } from "@/components/page-title";
import { todayInLondon } from "@/lib/deadlines";
import { CALCULATOR_MESSAGES, calculateDeadlines, type CalculatedDate, type CalculatorField, type CalculatorResult } from "@/lib/deadlines/calculator";
import { dateValueProblem, withJoinedDates } from "@/lib/platform/dates/date-input";
import { boundedQuery } from "@/lib/platform/security/input-bounds";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

const TITLE = "Work out your mediation and appeal deadlines";

type Data = { values: Record<string, string | undefined>; sectionIOnly: boolean; result: CalculatorResult | null };

/** How the messages name each date, and the calculator's own "not a real date" message for it. */
const DATE_FIELDS: Record<CalculatorField, { label: string; notReal: string }> = {
  decision: { label: "The date the decision letter was sent", notReal: CALCULATOR_MESSAGES.decisionNotReal },
  certificate: { label: "The date on your mediation certificate", notReal: CALCULATOR_MESSAGES.certificateNotReal },
};

/**
 * The query parameters the calculator reads, each at most 40 characters (issue 9 item 8): a longer
 * value is refused as "not a real date" and never shown back; other parameters are ignored.
 */
const QUERY_NAMES = ["decision", "certificate"].flatMap((n) => [n, `${n}-day`, `${n}-month`, `${n}-year`]).concat("sectionIOnly");
const QUERY_VALUE_MAX = 40;

function readCalculator(params: Record<string, string | string[] | undefined>): Data {
  const today = todayInLondon();
  // The boxes joined under each date's name: an ISO date, "" or the boxes as typed.
  const values = withJoinedDates(boundedQuery(params, QUERY_NAMES, QUERY_VALUE_MAX));
  const { decision, certificate } = values;
  const sectionIOnly = values.sectionIOnly;
  const submitted = decision !== undefined || certificate !== undefined;
  const result = submitted ? calculateDeadlines({ decision, certificate, sectionIOnly }, today) : null;
  if (result && !result.ok) {
    // Boxes that make no real date: say what is missing or why (issue 8 item 3).
    const errors = { ...result.errors };
    for (const field of ["decision", "certificate"] as const) {
      const problem = errors[field] === DATE_FIELDS[field].notReal && dateValueProblem(values[field] ?? "", DATE_FIELDS[field].label);
      if (problem) errors[field] = problem;
    }
    return { values, sectionIOnly: sectionIOnly === "yes", result: { ok: false, errors } };
  }
  return { values, sectionIOnly: sectionIOnly === "yes", result };
}

export const getServerSideProps: GetServerSideProps<FamilyPageProps<Data>> = (ctx) => publicPage<Data>(ctx, { load: async () => readCalculator(ctx.query) });

function DateValue({ item }: { item: CalculatedDate }) {
  return (
    <>
      <p className="body">
        <strong>{item.longDate}</strong>
        {item.hasPassed && " – this date has passed"}
      </p>
      <p className="body">{item.summary}</p>
      <p className="body">How we worked this out: {item.explanation}</p>
    </>
  );
}

export default function DeadlineCalculatorPage(props: FamilyPageProps<Data>) {
  return (
    <FamilyPage props={props} title={({ result }) => (result && !result.ok ? `${ERROR_TITLE_PREFIX}${TITLE}` : TITLE)}>
      {(d) => <Calculator {...d} />}
    </FamilyPage>
  );
}

function Calculator({ values, sectionIOnly, result }: Data) {
  const errors = result && !result.ok ? result.errors : undefined;
  const dates = result && result.ok ? result : null;
  return (
    <>
      <Head>
        <meta name="description" key="description" content="Work out the last day to contact a mediation adviser and the deadline for a SEND Tribunal appeal." />
      </Head>
      <ErrorSummary errors={errors} />
      <h1 className="h-l">{TITLE}</h1>
      <p className="lead">
        After a decision from your local authority about special educational needs, there are time limits for contacting a mediation adviser and for
        appealing to the SEND Tribunal. Enter your dates to see them.
      </p>

      {dates && (
        <section aria-labelledby="your-dates">
          <h2 className="h-m" id="your-dates">
            Your dates
          </h2>
          {dates.sectionIOnly && (
            <div className="inset" data-testid="section-i-note">
              <p className="body">
                Your disagreement is only about the school or college named in the plan (section I). You can appeal to the SEND Tribunal without contacting
                a mediation adviser or having a mediation certificate first. You can still choose mediation if you want to.
              </p>
            </div>
          )}
          <SummaryList rows={dates.dates.map((item) => ({ key: item.label, value: <DateValue item={item} /> }))} />
          {dates.appealMayMoveLater && (
            <div className="inset" data-testid="no-certificate-note">
              <p className="body">You have not entered a mediation certificate date.</p>
              <p className="body">
                Once you have a mediation certificate, your appeal deadline may move later. It will be 1 month after the date on the certificate, if that is
                later than the date shown above. Come back and enter the certificate date to check.
              </p>
            </div>
          )}
          <h2 className="h-m">Check these dates before you rely on them</h2>
          <p className="body">
            These dates are worked out from the rules. Check them with your mediation adviser or your local SEND Information, Advice and Support Service
            (IASS).
          </p>
          <p className="body">
            The appeal deadline moves later if it falls on a weekend or bank holiday (to the next working day), between 25 December and 1 January (to the
            first working day after 1 January) or in August (to the first working day after 31 August). These rules apply to the appeal deadline only. The
            date for contacting a mediation adviser never moves.
          </p>
        </section>
      )}

      <h2 className="h-m">{dates ? "Try different dates" : "Enter your dates"}</h2>
      <form method="get" action="/deadline-calculator" noValidate>
        <DateInput
          name="decision"
          legend="Date the decision letter was sent"
          hint="Use the date the local authority sent its decision. It is usually at the top of the letter."
          example="3 2 2025"
          values={values}
          error={errors?.decision}
        />
        <DateInput
          name="certificate"
          legend="Date on your mediation certificate (optional)"
          hint="A mediation adviser or mediator gives you a certificate if you decide not to have mediation, or after mediation. Leave this empty if you do not have one yet."
          example="29 4 2025"
          values={values}
          error={errors?.certificate}
        />
        <Checkbox
          name="sectionIOnly"
          label="My disagreement is only about the school or college named in the plan"
          hint="Tick this if you only disagree with the school, college or type of school named in section I of the EHC plan, or that no school is named."
          defaultChecked={sectionIOnly}
        />
        <button type="submit" className="button">
          Work out my dates
        </button>
      </form>
    </>
  );
}
