"use server";
/**
 * Server actions of the case page and everything done from it. Each is the one chain
 * (app/_server/action.ts) around one lib command, which validates, re-authorizes, scope-checks and
 * writes its timeline entry and audit row in one transaction; then back to the case with a success
 * banner (`?done=`). Errors come back as ActionState with the submitted values.
 */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../_server/action";
import { getTransition, isDestructive } from "@/lib/cases/lifecycle";
import { transitionCase, transitionInputFromForm } from "@/lib/cases/transition/transition-case";
import { previewTransition } from "@/lib/cases/transition/preview-transition";
import { AlreadyDoneError } from "@/lib/cases/transition/apply-transition";
import { allocateMediator } from "@/lib/cases/allocation/allocate-mediator";
import { updateCaseDetails } from "@/lib/cases/details/update-case-details";
import { DETAIL_KEYS, type CaseDetailsValues } from "@/lib/cases/details/details-schema";
import { addParty } from "@/lib/cases/parties/add-party";
import { updateParty } from "@/lib/cases/parties/update-party";
import { recordConsent } from "@/lib/cases/parties/record-consent";
import { updateCaseAbout } from "@/lib/cases/about/update-case-about";
import { aboutFromForm } from "@/lib/cases/about/about-schema";
import { bookJointMeeting } from "@/lib/meetings/book-joint-meeting";
import { cancelJointMeeting } from "@/lib/meetings/cancel-joint-meeting";

const caseUrl = (caseId: string, done: string) => `/cases/${encodeURIComponent(caseId)}?done=${done}`;
/** Issue 9 item 15: the same action posted again (Back, then submit) shows the case, saying it was already done. */
const alreadyUrl = (caseId: string, transition: string) => `/cases/${encodeURIComponent(caseId)}?already=${transition}`;

/** Only the fields a command takes, from the posted values. */
const pick = <K extends string>(values: Record<string, string>, keys: readonly K[]) =>
  Object.fromEntries(keys.filter((k) => values[k] !== undefined).map((k) => [k, values[k]])) as Partial<Record<K, string>>;

/**
 * A lifecycle transition. One that ends the mediation route (its row has a `confirm` text) takes
 * two steps: "check" validates without saving and asks for confirmation; "confirm" saves. One
 * with `confirmWhenStarting` asks only when this time it starts a deadline (R-23: a meeting booked
 * after the last day); otherwise "check" saves at once.
 */
export async function transitionAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "case:transition",
    run: async (v, { user, ip }) => {
      const name = v.name ?? "";
      const input = transitionInputFromForm(name, v);
      const t = getTransition(name);
      if (t && (isDestructive(t) || t.confirmWhenStarting) && v.step !== "confirm") {
        if (v.step === "edit") return { status: "idle" as const };
        const preview = await previewTransition(user, v.caseId ?? "", name, v.version ?? "", input).catch((e: unknown) => {
          if (e instanceof AlreadyDoneError) redirect(alreadyUrl(e.caseId, e.transition));
          throw e;
        });
        if (isDestructive(t) || preview.plan.starts.length > 0) return { status: "success" as const, data: { confirm: true, starts: preview.starts, warnings: preview.warnings } };
      }
      // Issue 10: cancelling the joint meeting also cancels it for everyone invited (a queued job).
      let r;
      if (name === "cancelMeeting") {
        r = await cancelJointMeeting(user, { caseId: v.caseId ?? "", expectedVersion: v.version ?? "", reason: typeof input.reason === "string" ? input.reason : "" }, ip);
      } else {
        r = await transitionCase(user, v.caseId ?? "", name, v.version ?? "", input, ip);
      }
      if (r.alreadyDone) redirect(alreadyUrl(r.caseId, r.transition));
      // A meeting booked after day 30 is saved, and the banner says the deadline will be missed.
      redirect(caseUrl(r.caseId, name === "scheduleMeeting" && r.warnings.length > 0 ? "meetingAfterDeadline" : name));
    },
  });
}

export async function allocateAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "case:allocate",
    run: async (v, { user, ip }) => {
      const r = await allocateMediator(user, v.caseId ?? "", v.mediatorId ?? "", v.version ?? "", ip);
      redirect(r.alreadyDone ? alreadyUrl(r.caseId, r.transition) : caseUrl(r.caseId, r.transition));
    },
  });
}

export async function updateDetailsAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "case:update",
    run: async (v, { user, ip }) => {
      await updateCaseDetails(user, v.caseId ?? "", v.version ?? "", pick(v, DETAIL_KEYS) as Partial<CaseDetailsValues>, ip);
      redirect(caseUrl(v.caseId ?? "", "details"));
    },
  });
}

export async function updateAboutAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "case:update",
    run: async (v, { user, ip }) => {
      const r = await updateCaseAbout(user, v.caseId ?? "", v.version ?? "", aboutFromForm(v), ip);
      redirect(caseUrl(r.caseId, r.healthDeadline === "STARTED" ? "aboutHealthStarted" : "about"));
    },
  });
}

/** Issue 10: book (or move) the joint meeting at a time chosen on "find a time". */
export async function bookMeetingAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "case:transition",
    run: async (v, { user, ip }) => {
      const [date = "", startTime = ""] = (v.slot ?? "").split(" ");
      const where = v.where ?? "";
      const mode = where === "VIDEO" || where === "PHONE" ? where : "VENUE";
      const r = await bookJointMeeting(
        user,
        {
          caseId: v.caseId ?? "",
          expectedVersion: v.version ?? "",
          date: v.slot ? date : (v.date ?? ""),
          startTime: v.slot ? startTime : (v.startTime ?? ""),
          durationMinutes: v.length ?? "",
          mode,
          venueId: mode === "VENUE" ? where : "",
          videoLink: v.videoLink ?? "",
          shortNoticeAgreed: v.shortNoticeAgreed === "yes",
          lateReason: v.lateReason ?? "",
          confirmAfterLastDay: v.confirmAfterLastDay === "yes",
        } as Parameters<typeof bookJointMeeting>[1],
        ip,
      );
      // The invitations are a job queued with the booking (lib/meetings/send-meeting-invitations.ts).
      redirect(caseUrl(r.caseId, r.afterDeadline ? "meetingBookedAfterDeadline" : r.moved ? "meetingMoved" : "meetingBooked"));
    },
  });
}

const PARTY_KEYS = ["name", "organisation", "email", "phone", "address", "preferredContact", "accessNeeds", "hasAuthority"] as const;

export async function addPartyAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "case:update",
    run: async (v, { user, ip }) => {
      await addParty(user, v.caseId ?? "", v.version ?? "", pick(v, ["kind", ...PARTY_KEYS]), ip);
      redirect(caseUrl(v.caseId ?? "", "partyAdded"));
    },
  });
}

export async function updatePartyAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "case:update",
    run: async (v, { user, ip }) => {
      await updateParty(user, v.caseId ?? "", v.partyId ?? "", v.version ?? "", pick(v, PARTY_KEYS), ip);
      redirect(caseUrl(v.caseId ?? "", "partyUpdated"));
    },
  });
}

export async function recordConsentAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "case:update",
    run: async (v, { user, ip }) => {
      await recordConsent(user, v.caseId ?? "", v.partyId ?? "", v.version ?? "", { consent: v.consent ?? "", consentOn: v.consentOn, consentHow: v.consentHow }, ip);
      redirect(caseUrl(v.caseId ?? "", "consent"));
    },
  });
}
