/**
 * For /cases/[id]/pre-meetings (issue 10): each party to the disagreement with where their
 * pre-meeting stands — held, booked (when, how) or not yet — and every pre-meeting booked with
 * them; whether one can be booked now and, if not, why; the joint meeting (pre-meetings come
 * before it); and the mediator's working hours (outside them is allowed, but worth knowing). For
 * the allocated mediator, caseworkers and admins: anyone else gets a 404.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { todayInLondon } from "@/lib/deadlines";
import { STATUS_LABELS } from "@/lib/cases/lifecycle";
import { findCaseOrThrow } from "@/lib/cases/store";
import { availabilityOf } from "../availability";
import { hhmm, londonWallClock } from "../london-time";
import { WEEK, WEEKDAY_NAMES } from "../my-availability";
import { NOT_MET_ALONE, PRE_MEETING_STATUSES } from "./pre-meeting-rules";

export type PreMeetingView = {
  id: string;
  status: "SCHEDULED" | "HELD" | "CANCELLED";
  mode: string;
  date: string;
  startTime: string;
  endTime: string;
  address: string | null;
  videoLink: string | null;
  /** Booked and started: it can be recorded as held. */
  canMarkHeld: boolean;
};

export type PartyPreMeetings = {
  id: string;
  name: string;
  kind: string;
  organisation: string | null;
  /** HELD once any pre-meeting with them was held; else BOOKED while one is booked; else NOT_YET. */
  state: "HELD" | "BOOKED" | "NOT_YET";
  meetings: PreMeetingView[];
};

export async function getPreMeetings(user: SessionUser, caseId: string, now = new Date()) {
  authorize(user, "meeting:manage");
  const c = await findCaseOrThrow(user, caseId, {
    id: true,
    reference: true,
    kind: true,
    status: true,
    allocatedMediator: { select: { id: true, name: true } },
  });
  const [parties, joint] = await Promise.all([
    db().party.findMany({
      where: { caseId: c.id, kind: { notIn: [...NOT_MET_ALONE] as ("SUPPORTER" | "INTERPRETER")[] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        kind: true,
        organisation: true,
        meetings: {
          where: { kind: "PRE_MEETING" },
          orderBy: { startsAt: "desc" },
          select: { id: true, status: true, mode: true, startsAt: true, endsAt: true, address: true, videoLink: true },
        },
      },
    }),
    db().meeting.findFirst({ where: { caseId: c.id, kind: { in: ["JOINT_MEETING", "DRS_MEETING"] }, status: "SCHEDULED" }, select: { startsAt: true } }),
  ]);
  const today = todayInLondon(now);
  const availability = c.allocatedMediator ? await availabilityOf(db(), c.allocatedMediator.id, today, today) : null;
  const refusal = !c.allocatedMediator
    ? "Allocate a mediator first: pre-meetings are with them."
    : !PRE_MEETING_STATUSES.includes(c.status)
      ? `This case is at “${STATUS_LABELS[c.status]}”. Pre-meetings are held before the joint meeting, so none can be booked now.`
      : null;
  const jointAt = joint ? londonWallClock(joint.startsAt) : null;
  return {
    case: { id: c.id, reference: c.reference, kind: c.kind, statusLabel: STATUS_LABELS[c.status] },
    mediator: c.allocatedMediator,
    refusal,
    jointMeeting: jointAt ? { date: jointAt.date, startTime: hhmm(jointAt.minutes) } : null,
    /** "Monday 09:00 to 17:00, …", and whether the mediator recorded them (else the defaults). */
    hours: availability
      ? {
          recorded: availability.recorded,
          lines: WEEK.flatMap((d) => (availability.hours[d] ?? []).map((w) => `${WEEKDAY_NAMES[d]} ${w.start} to ${w.end}`)),
        }
      : null,
    parties: parties.map((p): PartyPreMeetings => {
      const meetings = p.meetings.map((m): PreMeetingView => {
        const s = londonWallClock(m.startsAt);
        return {
          id: m.id,
          status: m.status,
          mode: m.mode,
          date: s.date,
          startTime: hhmm(s.minutes),
          endTime: hhmm(londonWallClock(m.endsAt).minutes),
          address: m.address,
          videoLink: m.videoLink,
          canMarkHeld: m.status === "SCHEDULED" && m.startsAt <= now,
        };
      });
      const state = meetings.some((m) => m.status === "HELD") ? "HELD" : meetings.some((m) => m.status === "SCHEDULED") ? "BOOKED" : "NOT_YET";
      return { id: p.id, name: p.name, kind: p.kind, organisation: p.organisation, state, meetings };
    }),
  };
}

export type PreMeetingsPage = Awaited<ReturnType<typeof getPreMeetings>>;
