/**
 * Issue 12: the family's meeting page — when and where, add it to a calendar, who will be there,
 * and their answer (GOV.UK patterns, plain English, for a phone). Their own case only (404 for any
 * other). Shared facts only: lib/family/meeting/get-family-meeting.ts. No JavaScript
 * (decision 0038).
 */
import type { GetServerSideProps } from "next";
import { familyPage, type FamilyPageProps } from "@/app/_server/pages";
import { FamilyPage } from "@/components/family/FamilyPage";
import { formatLongDate, MEETING_NOTICE_WORKING_DAYS } from "@/lib/deadlines";
import { getFamilyMeeting, type FamilyMeetingPage } from "@/lib/family/meeting/get-family-meeting";
import { FAMILY_ANSWER_LABELS } from "@/lib/family/meeting/family-answer";
import { SummaryList } from "@/components/SummaryList";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type Data = { p: FamilyMeetingPage; answered: boolean };

export const getServerSideProps: GetServerSideProps<FamilyPageProps<Data>> = (ctx) => {
  const caseId = String(ctx.params?.caseId ?? "");
  return familyPage(ctx, {
    permission: "family:workspace",
    returnTo: `/my-case/${caseId}/meeting`,
    caseId,
    load: async (user) => {
      const p = await getFamilyMeeting(user, caseId);
      return { p, answered: ctx.query.answered === "1" && !!p.mine?.answer };
    },
  });
};

export default function FamilyMeeting(props: FamilyPageProps<Data>) {
  return (
    <FamilyPage props={props} title={() => "Your meeting"}>
      {({ p, answered }) => {
        const name = p.case.kind === "DRS" ? "disagreement resolution meeting" : "mediation meeting";
        return (
          <>
            <p className="body">
              <a href={`/my-case/${p.case.id}`}>Back to your case</a>
            </p>
            {answered ? (
              <div className="panel" data-testid="answer-confirmation">
                <h1>Answer sent</h1>
                <p className="m-0">Thank you for telling us. The {p.case.kind === "DRS" ? "facilitator" : "mediator"} can see your answer.</p>
              </div>
            ) : (
              <>
                <span className="caption">Case {p.case.reference}</span>
                <h1 className="h-l">Your {name}</h1>
              </>
            )}
            {p.state === "BOOKED" && p.meeting ? <Booked p={p} name={name} /> : <NotBooked p={p} name={name} />}
          </>
        );
      }}
    </FamilyPage>
  );
}

function Booked({ p, name }: { p: FamilyMeetingPage; name: string }) {
  const m = p.meeting!;
  const mine = p.mine;
  return (
    <>
      <section aria-labelledby="when-title">
        <h2 className="h-m" id="when-title">
          When and where
        </h2>
        <SummaryList
          rows={[
            { key: "When", value: `${m.when} (UK time)` },
            {
              key: "Where",
              value:
                m.mode === "VENUE" && m.venue ? (
                  <>
                    <span className="block">{m.venue.name}</span>
                    <span className="block whitespace-pre-line">{m.venue.address}</span>
                  </>
                ) : m.mode === "VIDEO" ? (
                  m.videoLink ? (
                    <>
                      <span className="block">By video call. Join with this link:</span>
                      <a href={m.videoLink} className="break-all">
                        {m.videoLink}
                      </a>
                    </>
                  ) : (
                    "By video call. We will send you the link before the meeting."
                  )
                ) : (
                  "By phone. We will tell you how to join the call before the meeting."
                ),
            },
          ]}
        />
        {m.venue && (
          <>
            <h3 className="h-s">Getting in</h3>
            <ul className="list-disc pl-6" data-testid="venue-access">
              {m.venue.access.map((line) => (
                <li key={line} className="mb-1">
                  {line}
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="body">
          <a href={`/my-case/${p.case.id}/meeting/invite.ics`} download className="button button--secondary" data-testid="add-to-calendar">
            Add to your calendar
          </a>
        </p>
      </section>

      <section aria-labelledby="who-title">
        <h2 className="h-m" id="who-title">
          Who will be there
        </h2>
        <ul className="list-none p-0" data-testid="meeting-people">
          {p.people.map((person, i) => (
            <li key={i} className="mb-3">
              <strong>{person.you ? `${person.name} (you)` : person.name}</strong>
              <span className="block">
                {person.role}
                {person.organisation ? `, ${person.organisation}` : ""}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="answer-title">
        <h2 className="h-m" id="answer-title">
          Your answer
        </h2>
        {!mine ? (
          <p className="body" data-testid="not-invited">
            You can see this meeting because it is about your case, but the invitation is for someone else. If you think you should be invited too, contact us.
          </p>
        ) : mine.answer ? (
          <>
            <SummaryList
              label="Your answer"
              rows={[
                { key: "You told us", value: FAMILY_ANSWER_LABELS[mine.answer] },
                ...(mine.needs.interpreterLanguage ? [{ key: "Interpreter", value: mine.needs.interpreterLanguage }] : []),
                ...(mine.needs.adjustments ? [{ key: "What would help you", value: <span className="whitespace-pre-line">{mine.needs.adjustments}</span> }] : []),
                ...(mine.needs.supporterName ? [{ key: "Bringing someone to support you", value: mine.needs.supporterName }] : []),
              ]}
            />
            {p.canAnswer && (
              <p className="body">
                <a href={`/my-case/${p.case.id}/meeting/answer`}>Change your answer</a>
              </p>
            )}
          </>
        ) : (
          <>
            <p className="body">{mine.noted ?? `Please tell us if you can come to the ${name}, or if you need anything to help you take part.`}</p>
            {p.canAnswer && (
              <p className="body">
                <a href={`/my-case/${p.case.id}/meeting/answer`} className="button">
                  {mine.noted ? "Change your answer" : "Answer the invitation"}
                </a>
              </p>
            )}
          </>
        )}
      </section>
    </>
  );
}

function NotBooked({ p, name }: { p: FamilyMeetingPage; name: string }) {
  const notice = `We will tell you the date, time and place at least ${MEETING_NOTICE_WORKING_DAYS} working days before, unless you agree to a shorter time. We will email you, and it will show on this page.`;
  return (
    <section aria-labelledby="status-title" data-testid="no-meeting">
      {p.state === "CANCELLED" && (
        <>
          <h2 className="h-m" id="status-title">
            Your meeting was cancelled
          </h2>
          <p className="body">
            The {name} on {p.pastWhen} has been cancelled. We will contact you about what happens next.
          </p>
          {p.open && <p className="body">{notice}</p>}
        </>
      )}
      {p.state === "HELD" && (
        <>
          <h2 className="h-m" id="status-title">
            Your meeting has taken place
          </h2>
          <p className="body">The {name} took place on {p.pastWhen}.</p>
        </>
      )}
      {p.state === "NONE" && (
        <>
          <h2 className="h-m" id="status-title">
            Your meeting has not been booked yet
          </h2>
          {p.open ? (
            <>
              {/* mediation must take place within 30 days of the LA being told (the case's open deadline). */}
              {p.mediateBy && <p className="body">The {name} must take place by {formatLongDate(p.mediateBy)}.</p>}
              {/* R-22: the family gets at least 5 working days' notice of the date and place. */}
              <p className="body">{notice}</p>
            </>
          ) : (
            <p className="body">There is no meeting for this case.</p>
          )}
        </>
      )}
    </section>
  );
}
