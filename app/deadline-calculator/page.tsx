import type { Metadata } from "next";
import { Checkbox } from "@/components/Checkbox";
import { ErrorSummary } from "@/components/ErrorSummary";
import { TextField } from "@/components/fields";
import { SummaryList } from "@/components/SummaryList";
import { HOLIDAY_YEAR_RANGE, todayInLondon } from "@/lib/deadlines";
import { calculateDeadlines, type CalculatedDate, type CalculatorResult } from "@/lib/deadlines/calculator";

/**
 * Public deadline calculator for families (issue 3). No sign-in and no client code of its own: a
 * plain GET form posts back to this page, which validates the query string on the server and shows
 * either the dates or GOV.UK-style errors. Results are shareable and work with the back button.
 */

const TITLE = "Work out your mediation and appeal deadlines";
/** The first date the calculator supports (bank holidays are held from this year, R-64). */
const EARLIEST = `${HOLIDAY_YEAR_RANGE.first}-01-01`;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

async function readCalculator(
  searchParams: SearchParams,
): Promise<{ today: string; values: { decision: string; certificate: string; sectionIOnly: boolean }; result: CalculatorResult | null }> {
  const params = await searchParams;
  const today = todayInLondon();
  const decision = single(params.decision);
  const certificate = single(params.certificate);
  const sectionIOnly = single(params.sectionIOnly);
  const submitted = decision !== undefined || certificate !== undefined;
  return {
    today,
    values: { decision: decision ?? "", certificate: certificate ?? "", sectionIOnly: sectionIOnly === "yes" },
    result: submitted ? calculateDeadlines({ decision, certificate, sectionIOnly }, today) : null,
  };
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { result } = await readCalculator(searchParams);
  return {
    title: result && !result.ok ? `Error: ${TITLE}` : TITLE,
    description: "Work out the last day to contact a mediation adviser and the deadline for a SEND Tribunal appeal.",
  };
}

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

export default async function DeadlineCalculatorPage({ searchParams }: { searchParams: SearchParams }) {
  const { today, values, result } = await readCalculator(searchParams);
  const errors = result && !result.ok ? result.errors : undefined;
  const dates = result && result.ok ? result : null;

  return (
    <>
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
        <TextField
          name="decision"
          type="date"
          label="Date the decision letter was sent"
          hint="Use the date the local authority sent its decision. It is usually at the top of the letter."
          min={EARLIEST}
          max={today}
          defaultValue={values.decision}
          error={errors?.decision}
        />
        <TextField
          name="certificate"
          type="date"
          label="Date on your mediation certificate (optional)"
          hint="A mediation adviser or mediator gives you a certificate if you decide not to have mediation, or after mediation. Leave this empty if you do not have one yet."
          min={EARLIEST}
          max={today}
          defaultValue={values.certificate}
          error={errors?.certificate}
        />
        <Checkbox
          name="sectionIOnly"
          label="My disagreement is only about the school or college named in the plan"
          hint="Tick this if you only disagree with the school, college or type of school named in section I of the EHC plan, or that no school is named."
          defaultChecked={values.sectionIOnly}
        />
        <button type="submit" className="button">
          Work out my dates
        </button>
      </form>
    </>
  );
}
