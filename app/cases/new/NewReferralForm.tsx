"use client";
/**
 * The caseworker's new-referral form (issue 4): five question steps, then "Check your answers",
 * then "Create referral". One react-hook-form instance holds every answer (React 19 resets a form
 * after an action, so nothing lives only in the DOM); each step is checked with its own schema from
 * lib/cases/intake/referral-schema, the server checks the whole referral again with the same schemas.
 *
 * The answers are saved on this device (localStorage, one key per user) as they are typed, so a
 * reload or a lost connection loses nothing; the draft is removed once the case is created or the
 * caseworker chooses "Start again".
 */
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { useForm, useWatch, type FieldPath, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { ErrorSummary } from "@/components/ErrorSummary";
import { IDLE_STATE } from "@/components/action-state";
import type { ActionState } from "../../_server/action";
import type { ReferralDatesPreview } from "@/lib/cases/intake/preview-referral-dates";
import {
  REFERRAL_FIELD_ORDER,
  REFERRAL_PAYLOAD_FIELD,
  REFERRAL_STEPS,
  REFERRAL_STEP_TITLES,
  emptyReferral,
  referralStepSchemas,
  stepOfField,
  type ReferralFormValues,
} from "@/lib/cases/intake/referral-schema";
import { isIsoDate } from "@/lib/deadlines/calendar";
import { fieldErrorsFromZod, sortFieldErrors } from "@/lib/platform/validation";
import { createReferralAction, previewReferralDatesAction } from "./actions";
import { CheckAnswers } from "./CheckAnswers";
import { clearDraft, draftKey, flattenErrors, loadDraft, saveDraft, type Stage } from "./form-state";
import { ChildStep, DecisionStep, IssuesStep, PartiesStep, WhoStep } from "./steps";

type LocalAuthority = { id: string; name: string };
type Created = { id: string; reference: string };

const GENERIC_ERROR = "Sorry, something went wrong and the referral was not created. Try again.";

export function NewReferralForm({ userId, localAuthorities, today }: { userId: string; localAuthorities: LocalAuthority[]; today: string }) {
  const key = draftKey(userId);
  // Rendered in the browser only (NewReferralLoader), so the saved draft can be read straight away.
  const [draft] = useState(() => loadDraft(key));
  const schemas = useMemo(() => referralStepSchemas(today), [today]);
  const [stage, setStage] = useState<Stage>(draft?.stage ?? "who");
  // The resolver validates the step on screen only (read through a ref: it is created once).
  const stageRef = useRef<Stage>(draft?.stage ?? "who");
  const resolver = useCallback<Resolver<ReferralFormValues>>(
    (values, context, options) => {
      const step = stageRef.current;
      const schema = step === "check" || step === "done" ? schemas.who : schemas[step];
      return (zodResolver(schema) as unknown as Resolver<ReferralFormValues>)(values, context, options);
    },
    [schemas],
  );
  const form = useForm<ReferralFormValues>({ defaultValues: draft?.values ?? emptyReferral(), resolver, shouldFocusError: false, reValidateMode: "onSubmit" });

  const [restored, setRestored] = useState(draft !== null);
  const [returnToCheck, setReturnToCheck] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState<string>();
  const [created, setCreated] = useState<Created | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [pending, startTransition] = useTransition();

  const headingRef = useRef<HTMLHeadingElement>(null);
  const discardHeadingRef = useRef<HTMLParagraphElement>(null);
  const startAgainRef = useRef<HTMLButtonElement>(null);
  const focusHeading = useRef(false);

  const goTo = useCallback(
    (next: Stage, opts: { focus?: boolean } = {}) => {
      if (next === "parties" && form.getValues("familyParty") === "YOUNG_PERSON" && !form.getValues("family.name")) {
        // The young person is the family party: start from the name given on the child step.
        form.setValue("family.name", form.getValues("child.name"));
      }
      stageRef.current = next;
      focusHeading.current = opts.focus ?? true;
      setMessage(undefined);
      setStage(next);
    },
    [form],
  );

  // Focus moves to the new step's heading (not when the error summary takes focus instead).
  useEffect(() => {
    if (focusHeading.current) {
      focusHeading.current = false;
      headingRef.current?.focus();
    }
  }, [stage]);

  // Save the draft on every change and on every step change.
  useEffect(() => {
    if (stage === "done") return;
    saveDraft(key, { values: form.getValues(), stage });
    return form.subscribe({ formState: { values: true }, callback: ({ values }) => saveDraft(key, { values, stage }) });
  }, [stage, key, form]);

  // Statutory dates, worked out on the server (the holiday data is too heavy for the browser).
  const [kind, decisionSentOnTyped, laNotifiedOnTyped, issues] = useWatch({ control: form.control, name: ["kind", "decisionSentOn", "laNotifiedOn", "issues"] });
  // Only whole dates: until the day, month and year boxes make one, the value is the boxes as typed.
  const decisionSentOn = isIsoDate(decisionSentOnTyped) ? decisionSentOnTyped : "";
  const laNotifiedOn = isIsoDate(laNotifiedOnTyped) ? laNotifiedOnTyped : "";
  const hasHealthIssue = issues.some((i) => i.category === "HEALTH");
  // about health only, the ICB arranges the mediation, on its own 30 days.
  const healthOnly = hasHealthIssue && issues.every((i) => i.category === "HEALTH");
  const [fetched, setFetched] = useState<{ for: string; preview: ReferralDatesPreview | null } | null>(null);
  const previewFor = JSON.stringify([kind, decisionSentOn, laNotifiedOn, hasHealthIssue, healthOnly]);
  const wantPreview = !!(decisionSentOn || laNotifiedOn);
  useEffect(() => {
    if (!wantPreview) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      previewReferralDatesAction({ kind, decisionSentOn, laNotifiedOn, hasHealthIssue, healthOnly })
        .then((p) => {
          if (!cancelled) setFetched({ for: previewFor, preview: p });
        })
        .catch(() => {
          if (!cancelled) setFetched({ for: previewFor, preview: null });
        });
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [wantPreview, previewFor, kind, decisionSentOn, laNotifiedOn, hasHealthIssue, healthOnly]);
  // Only dates for the current answers are shown (never a stale one while the next is fetched).
  const preview = wantPreview && fetched?.for === previewFor ? fetched.preview : null;

  // Creating the case: the server action is called from the submit handler, and its answer handled there.
  const handleResult = (state: ActionState) => {
    if (state.status === "success" && state.data) {
      clearDraft(key);
      setRestored(false);
      setCreated(state.data as Created);
      goTo("done");
      return;
    }
    const fieldErrors = Object.entries(state.fieldErrors ?? {}).filter(([path]) => stepOfField(path));
    setAttempt((a) => a + 1);
    if (fieldErrors.length > 0) {
      for (const [path, text] of fieldErrors) form.setError(path as FieldPath<ReferralFormValues>, { type: "server", message: text });
      const first = REFERRAL_STEPS.find((s) => fieldErrors.some(([path]) => stepOfField(path) === s)) ?? "who";
      setReturnToCheck(true);
      goTo(first, { focus: false });
      return;
    }
    setMessage(state.message ?? GENERIC_ERROR);
  };

  const step = stage === "check" || stage === "done" ? null : stage;
  const stepIndex = step ? REFERRAL_STEPS.indexOf(step) : -1;
  const errors = flattenErrors(form.formState.errors);
  const stepErrors = sortFieldErrors(Object.fromEntries(Object.entries(errors).filter(([path]) => step && stepOfField(path) === step)), REFERRAL_FIELD_ORDER);

  const onContinue = (e: React.FormEvent<HTMLFormElement>) =>
    form.handleSubmit(
      () => {
        form.clearErrors();
        if (returnToCheck || stepIndex === REFERRAL_STEPS.length - 1) goTo("check");
        else goTo(REFERRAL_STEPS[stepIndex + 1] ?? "check");
      },
      () => setAttempt((a) => a + 1),
    )(e);

  /** Every step must pass its own checks before posting; otherwise go to the first that fails. */
  const onCreate = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending) return;
    const values = form.getValues();
    for (const s of REFERRAL_STEPS) {
      const r = schemas[s].safeParse(values);
      if (!r.success) {
        for (const [path, text] of Object.entries(fieldErrorsFromZod(r.error))) form.setError(path as FieldPath<ReferralFormValues>, { type: "client", message: text });
        setReturnToCheck(true);
        setAttempt((a) => a + 1);
        goTo(s, { focus: false });
        return;
      }
    }
    const fd = new FormData();
    fd.set(REFERRAL_PAYLOAD_FIELD, JSON.stringify(values));
    setMessage(undefined);
    startTransition(async () => {
      try {
        const result = await createReferralAction(IDLE_STATE as ActionState, fd);
        startTransition(() => handleResult(result));
      } catch {
        // The connection failed or the server did not answer: the draft is still saved here.
        startTransition(() => handleResult({ status: "error", message: GENERIC_ERROR }));
      }
    });
  };

  const back = () => {
    if (stage === "check") goTo("parties");
    else if (stepIndex > 0) goTo(REFERRAL_STEPS[stepIndex - 1]!);
  };

  const startAgain = () => {
    clearDraft(key);
    form.reset(emptyReferral());
    setRestored(false);
    setReturnToCheck(false);
    setConfirmDiscard(false);
    setCreated(null);
    goTo("who");
  };

  useEffect(() => {
    if (confirmDiscard) discardHeadingRef.current?.focus();
  }, [confirmDiscard]);

  if (stage === "done" && created) {
    return (
      <>
        <div className="panel">
          <h1 ref={headingRef} tabIndex={-1}>
            Referral created
          </h1>
          <p>
            Case reference
            <strong data-testid="case-reference">{created.reference}</strong>
          </p>
        </div>
        <p className="body">The case has been added to the case list with the status “Referred”.</p>
        <p className="body">
          <Link href={`/cases/${created.id}`}>Go to case {created.reference}</Link>
        </p>
        <p className="body">
          <Link href="/cases">Go to the case list</Link>
        </p>
        <button type="button" className="button button--secondary" onClick={startAgain}>
          Log another referral
        </button>
      </>
    );
  }

  const title = stage === "check" ? "Check your answers before creating the referral" : REFERRAL_STEP_TITLES[step!];

  return (
    <>
      {stage !== "who" && (
        <p className="body">
          <button type="button" className="link-button" onClick={back}>
            Back
          </button>
        </p>
      )}
      {restored && (
        <div className="notification" role="status">
          <p className="notification__title">Draft restored</p>
          <p className="notification__body">We have brought back the answers you saved on this device.</p>
        </div>
      )}

      {step && (
        <nav aria-label="Referral steps">
          <ol className="steps">
            {REFERRAL_STEPS.map((s, i) => (
              <li key={s} aria-current={s === step ? "step" : undefined}>
                {i + 1}. {REFERRAL_STEP_TITLES[s]}
              </li>
            ))}
          </ol>
        </nav>
      )}

      <span className="caption">{step ? `New referral: step ${stepIndex + 1} of ${REFERRAL_STEPS.length}` : "New referral"}</span>
      <h1 className="h-l" ref={headingRef} tabIndex={-1}>
        {title}
      </h1>

      {step ? (
        <form noValidate onSubmit={onContinue} aria-label={REFERRAL_STEP_TITLES[step]}>
          <ErrorSummary key={attempt} errors={stepErrors} />
          {step === "who" && <WhoStep form={form} errors={stepErrors} />}
          {step === "child" && <ChildStep form={form} errors={stepErrors} />}
          {step === "decision" && <DecisionStep form={form} errors={stepErrors} localAuthorities={localAuthorities} preview={preview} />}
          {step === "issues" && <IssuesStep form={form} errors={stepErrors} />}
          {step === "parties" && <PartiesStep form={form} errors={stepErrors} />}
          <button type="submit" className="button">
            {returnToCheck ? "Save and check your answers" : "Continue"}
          </button>
        </form>
      ) : (
        <>
          <ErrorSummary key={attempt} message={message} />
          <CheckAnswers values={form.getValues()} localAuthorities={localAuthorities} preview={preview} onChange={(s) => { setReturnToCheck(true); goTo(s); }} />
          <form noValidate onSubmit={onCreate}>
            <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
              {pending ? "Creating referral…" : "Create referral"}
            </button>
          </form>
        </>
      )}

      <section aria-labelledby="start-again-heading" className="inset">
        <h2 id="start-again-heading" className="h-s">
          Your answers are saved on this device
        </h2>
        {confirmDiscard ? (
          <div role="group" aria-labelledby="discard-heading">
            <p className="body" id="discard-heading" ref={discardHeadingRef} tabIndex={-1}>
              <strong>Are you sure you want to start again?</strong> Everything you have entered for this referral will be deleted.
            </p>
            <button type="button" className="button button--warning" onClick={startAgain}>
              Yes, delete my answers and start again
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setConfirmDiscard(false);
                requestAnimationFrame(() => startAgainRef.current?.focus());
              }}
            >
              No, keep my answers
            </button>
          </div>
        ) : (
          <>
            <p className="body">They stay here until you create the referral or sign out, even if you close the page.</p>
            <button type="button" ref={startAgainRef} className="button button--secondary" onClick={() => setConfirmDiscard(true)}>
              Start again
            </button>
          </>
        )}
      </section>
    </>
  );
}
