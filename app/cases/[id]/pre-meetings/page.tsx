import Link from "next/link";
import { requireUser } from "../../../_server/auth";
import { getPreMeetings, type PartyPreMeetings, type PreMeetingView } from "@/lib/meetings/pre-meetings/get-pre-meetings";
import { PRE_MEETING_MODE_LABELS, type PreMeetingMode } from "@/lib/meetings/pre-meetings/pre-meeting-rules";
import { describeParty } from "@/lib/cases/options";
import { formatLongDate } from "@/lib/deadlines/calendar";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { PageTitle } from "@/components/PageTitle";
import { Tag } from "@/components/Tag";
import { WarningText } from "@/components/WarningText";
import { orNotFound } from "../_shared";
import { BackLink, Notice } from "../_components/Notice";
import { BookPreMeetingForm, ChangePreMeetingButton } from "./PreMeetingForms";
import { newSubmissionKey } from "@/lib/platform/idempotency/submission";

/** The booking form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

const TITLE = "Pre-meetings";
const DONE: Record<string, string> = { booked: "The pre-meeting has been booked.", held: "The pre-meeting has been recorded as held.", cancel: "The pre-meeting has been cancelled." };
const STATE_TAG = { HELD: { colour: "green", text: "Held" }, BOOKED: { colour: "blue", text: "Booked" }, NOT_YET: { colour: "grey", text: "Not yet" } } as const;
const STATUS_TEXT: Record<PreMeetingView["status"], string> = { SCHEDULED: "Booked", HELD: "Held", CANCELLED: "Cancelled" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Issue 10: the mediator meets each party to the disagreement alone before the joint meeting — by
 * a visit, a phone call or a video call. Each party's pre-meetings, booking one, recording it held
 * and cancelling it. The allocated mediator, caseworkers and admins only (404 for anyone else).
 */
export default async function PreMeetingsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("meeting:manage");
  const { id } = await params;
  const q = await searchParams;
  const p = await orNotFound(getPreMeetings(user, id));
  const done = one(q.done);
  const message = done && Object.hasOwn(DONE, done) ? DONE[done] : null;
  const bookable = p.parties.filter((x) => x.state !== "BOOKED");
  return (
    <>
      <BackLink href={`/cases/${p.case.id}`} />
      <span className="caption">
        {p.case.reference}: {p.case.statusLabel}
      </span>
      <h1 className="h-l">{TITLE}</h1>
      {message && (
        <Notice title="Success" success testId="done-banner">
          <p className="body">{message}</p>
          {done === "booked" && one(q.outside) === "1" && <p className="body">It is outside the mediator&apos;s usual working hours (or on a day they do not work). Check they can make it.</p>}
        </Notice>
      )}
      <p className="body">
        Before the joint meeting the mediator meets each party on their own, by a visit, a phone call or a video call. These are not bound by the 5 working days&apos; notice of the joint
        meeting.
      </p>
      <p className="body">
        Mediator: {p.mediator?.name ?? "not allocated yet"}
        {p.jointMeeting ? `. Joint meeting: ${formatLongDate(p.jointMeeting.date)} at ${p.jointMeeting.startTime}` : ""}.
      </p>

      <section aria-labelledby="parties-title">
        <h2 className="h-m" id="parties-title">
          Each party
        </h2>
        {p.parties.length === 0 ? (
          <p className="body">No parties to the disagreement are recorded yet.</p>
        ) : (
          <ul className="list-none p-0" data-testid="pre-meeting-parties">
            {p.parties.map((party) => (
              <PartyItem key={party.id} caseId={p.case.id} party={party} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="book-title">
        <h2 className="h-m" id="book-title">
          Book a pre-meeting
        </h2>
        {p.refusal ? (
          <>
            <PageTitle title={TITLE} />
            <p className="body" data-testid="refusal">
              {p.refusal}
            </p>
          </>
        ) : bookable.length === 0 ? (
          <>
            <PageTitle title={TITLE} />
            <p className="body">{p.parties.length === 0 ? "Add the parties to the case first." : "Every party has a pre-meeting booked. To change a time, cancel it and book again."}</p>
          </>
        ) : (
          <>
            {p.hours && (
              <p className="hint" data-testid="mediator-hours">
                {p.hours.recorded ? "The mediator's working hours" : "The mediator has not recorded their working hours; assumed"}: {p.hours.lines.join(", ") || "none"}. A time
                outside them can still be booked.
              </p>
            )}
            {p.jointMeeting && <WarningText>A pre-meeting must end before the joint meeting on {formatLongDate(p.jointMeeting.date)}.</WarningText>}
            <BookPreMeetingForm submissionKey={newSubmissionKey()} caseId={p.case.id} title={TITLE} parties={bookable.map((x) => ({ value: x.id, label: describeParty(x) }))} />
          </>
        )}
      </section>
      <p className="body mt-6">
        <Link href={`/cases/${p.case.id}`}>Back to the case</Link>
      </p>
    </>
  );
}

function PartyItem({ caseId, party }: { caseId: string; party: PartyPreMeetings }) {
  const tag = STATE_TAG[party.state];
  return (
    <li className="border-l-4 border-border pl-4 mb-5" data-testid={`pre-meetings-${party.id}`}>
      <h3 className="h-s mb-1">
        {describeParty(party)} <Tag colour={tag.colour}>{tag.text}</Tag>
      </h3>
      {party.organisation && <p className="hint mb-1">{party.organisation}</p>}
      {party.meetings.length === 0 ? (
        <p className="body">No pre-meeting booked yet.</p>
      ) : (
        <ul className="body">
          {party.meetings.map((m) => (
            <li key={m.id} className="mb-2">
              <strong>{STATUS_TEXT[m.status]}:</strong> {formatLongDate(m.date)}, {m.startTime} to {m.endTime}, {PRE_MEETING_MODE_LABELS[m.mode as PreMeetingMode] ?? m.mode}
              {m.mode === "VISIT" && m.address ? ` at ${m.address}` : ""}
              {m.mode === "VIDEO" && m.videoLink ? (
                <>
                  {" "}
                  (<a href={m.videoLink}>video link</a>)
                </>
              ) : null}
              {m.status === "SCHEDULED" && (
                <div className="mt-2">
                  {m.canMarkHeld && <ChangePreMeetingButton caseId={caseId} meetingId={m.id} change="held" label="Mark as held" hiddenLabel={`: pre-meeting with ${party.name}`} />}
                  <ChangePreMeetingButton caseId={caseId} meetingId={m.id} change="cancel" label="Cancel" hiddenLabel={`the pre-meeting with ${party.name}`} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
