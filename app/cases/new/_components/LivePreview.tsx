"use client";
/**
 * What the decision step works out from its answers: the R-04 section I note, the R-10 late
 * decision warning and the deadlines. Rendered on the server from the saved answers, so
 * without JavaScript they show once the step is posted (and on check your answers); with
 * JavaScript they follow the boxes as they are typed (the dates from the server, where the
 * bank-holiday data lives).
 */
import { useEffect, useRef, useState, type RefObject } from "react";
import { WarningText } from "@/components/WarningText";
import { isSectionIOnly } from "@/lib/cases/about/rules";
import type { ReferralDatesPreview } from "@/lib/cases/intake/preview-referral-dates";
import { isIsoDate } from "@/lib/deadlines/calendar";
import { datePartsFrom, joinDateParts } from "@/lib/platform/dates/date-input";
import { previewReferralDatesAction } from "../actions";

export type PreviewContext = { kind: string; hasHealthIssue: boolean; healthOnly: boolean };

/** Calls `read` with the enclosing form's answers whenever one of them changes. */
function useFormAnswers<T>(ref: RefObject<HTMLElement | null>, read: (fd: FormData) => T, onChange: (v: T) => void) {
  const latest = useRef({ read, onChange });
  useEffect(() => {
    latest.current = { read, onChange };
  });
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const handle = () => latest.current.onChange(latest.current.read(new FormData(form)));
    form.addEventListener("input", handle);
    form.addEventListener("change", handle);
    return () => {
      form.removeEventListener("input", handle);
      form.removeEventListener("change", handle);
    };
  }, [ref]);
}

export function LiveSectionINote({ initial }: { initial: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(initial);
  useFormAnswers(ref, (fd) => isSectionIOnly(fd.getAll("disputedDecisions").map(String)), setShown);
  return (
    <div ref={ref}>
      {shown && (
        <p className="inset" data-testid="section-i-note">
          If the family disagrees only about the school or college named in the plan (section I), they do not need a mediation certificate to appeal. They can still choose mediation.
        </p>
      )}
    </div>
  );
}

/** One request per set of answers, shared by the warning and the deadlines. */
const requests = new Map<string, Promise<ReferralDatesPreview | null>>();
function fetchPreview(key: string, input: Parameters<typeof previewReferralDatesAction>[0]) {
  let p = requests.get(key);
  if (!p) {
    p = previewReferralDatesAction(input).catch(() => null);
    requests.set(key, p);
    if (requests.size > 50) requests.delete(requests.keys().next().value!);
  }
  return p;
}

const wholeDate = (fd: FormData, name: string) => {
  const parts = datePartsFrom(Object.fromEntries([...fd.entries()].map(([k, v]) => [k, String(v)])), name);
  const joined = parts ? joinDateParts(parts) : "";
  return isIsoDate(joined) ? joined : "";
};

/** The preview for the dates as typed now (the server's, for the saved answers, until one changes). */
function useLivePreview(ref: RefObject<HTMLElement | null>, initial: ReferralDatesPreview | null, context: PreviewContext) {
  const [preview, setPreview] = useState(initial);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const current = useRef("");
  useFormAnswers(
    ref,
    (fd) => ({ decisionSentOn: wholeDate(fd, "decisionSentOn"), laNotifiedOn: wholeDate(fd, "laNotifiedOn") }),
    (dates) => {
      const input = { ...context, ...dates };
      const key = JSON.stringify(input);
      if (key === current.current) return;
      current.current = key;
      clearTimeout(timer.current);
      if (!dates.decisionSentOn && !dates.laNotifiedOn) {
        setPreview(null);
        return;
      }
      timer.current = setTimeout(() => {
        void fetchPreview(key, input).then((p) => {
          if (current.current === key) setPreview(p);
        });
      }, 200);
    },
  );
  useEffect(() => () => clearTimeout(timer.current), []);
  return preview;
}

export function LiveDecisionWarning({ initial, context }: { initial: ReferralDatesPreview | null; context: PreviewContext }) {
  const ref = useRef<HTMLDivElement>(null);
  const preview = useLivePreview(ref, initial, context);
  return (
    <div ref={ref} aria-live="polite" data-testid="decision-warning">
      {preview?.lateDecisionWarning && <WarningText>{preview.lateDecisionWarning}</WarningText>}
    </div>
  );
}

/** The statutory dates worked out on the server (lib/deadlines), announced politely as they change. */
export function LiveDeadlinePreview({ initial, context }: { initial: ReferralDatesPreview | null; context: PreviewContext }) {
  const ref = useRef<HTMLDivElement>(null);
  const preview = useLivePreview(ref, initial, context);
  return (
    <div ref={ref} aria-live="polite" data-testid="deadline-preview">
      {preview?.mediationBy && (
        <div className="inset">
          <p className="body">
            Mediation must take place by <strong>{preview.mediationBy.long}</strong> (30 days after the local authority was told).
          </p>
          {preview.healthNotificationBy && (
            <p className="body">
              The local authority must tell the health commissioning body by <strong>{preview.healthNotificationBy.long}</strong> (3 working days).
            </p>
          )}
        </div>
      )}
      {preview?.fieldErrors.laNotifiedOn && <p className="body">We cannot work out the deadlines for this date: {preview.fieldErrors.laNotifiedOn}</p>}
    </div>
  );
}
