/**
 * Check your answers: every answer with a "Change" link to its step's address, and the dates and
 * warnings worked out from them (lib/cases/intake/preview-referral-dates.ts).
 */
import type { ReactNode } from "react";
import Link from "next/link";
import { SummaryList } from "@/components/SummaryList";
import { WarningText } from "@/components/WarningText";
import type { ReferralDatesPreview } from "@/lib/cases/intake/preview-referral-dates";
import {
  CASE_KIND_LABELS,
  CONTACT_METHOD_LABELS,
  DRS_SCOPE_LABELS,
  FAMILY_PARTY_LABELS,
  ISSUE_CATEGORY_LABELS,
  PARTY_KIND_LABELS,
  PARTY_KINDS_WITH_AUTHORITY,
  REQUESTER_LABELS,
  STAFF_NOTES_LABEL,
  SUMMARY_LABEL,
  labelOf,
} from "@/lib/cases/options";
import { REFERRAL_STEP_TITLES, type ContactFormValues, type ReferralFormValues, type ReferralStep } from "@/lib/cases/intake/referral-schema";
import { formatDate, isIsoDate } from "@/lib/deadlines/calendar";
import { cleanDecisionAnswers, decisionLines } from "@/lib/cases/about/rules";
import { stepPath } from "../paths";

const dateText = (iso: string) => (iso && isIsoDate(iso) ? formatDate(iso) : "");

function Lines({ lines }: { lines: (string | null | false | undefined)[] }) {
  const shown = lines.filter((l): l is string => !!l);
  return (
    <>
      {shown.map((l, i) => (
        <span key={i} style={{ display: "block" }}>
          {l}
        </span>
      ))}
    </>
  );
}

function contactLines(c: ContactFormValues & { organisation?: string }) {
  return [
    c.name,
    c.organisation,
    c.email && `Email: ${c.email}`,
    c.phone && `Phone: ${c.phone}`,
    c.address && `Address: ${c.address}`,
    c.preferredContact && `Prefers: ${CONTACT_METHOD_LABELS[c.preferredContact].toLowerCase()}`,
    c.accessNeeds && `Access needs: ${c.accessNeeds}`,
  ];
}

export function CheckAnswers({
  values,
  localAuthorities,
  preview,
}: {
  values: ReferralFormValues;
  localAuthorities: { id: string; name: string }[];
  preview: ReferralDatesPreview | null;
}) {
  const change = (step: ReferralStep, what: string): ReactNode => (
    <Link href={stepPath(step)}>
      Change<span className="visually-hidden"> {what}</span>
    </Link>
  );
  const drs = values.kind === "DRS";
  const youngPerson = values.familyParty === "YOUNG_PERSON";
  const la = localAuthorities.find((l) => l.id === values.localAuthorityId)?.name ?? "";

  return (
    <>
      <h2 className="h-m">{REFERRAL_STEP_TITLES.who}</h2>
      <SummaryList
        label={REFERRAL_STEP_TITLES.who}
        rows={[
          { key: "Referred by", value: labelOf(REQUESTER_LABELS, values.requestedBy || null), action: change("who", "who referred the case") },
          { key: "Kind of case", value: labelOf(CASE_KIND_LABELS, values.kind || null), action: change("who", "kind of case") },
          { key: "Family side", value: labelOf(FAMILY_PARTY_LABELS, values.familyParty || null), action: change("who", "family side") },
        ]}
      />

      <h2 className="h-m">{REFERRAL_STEP_TITLES.child}</h2>
      <SummaryList
        label={REFERRAL_STEP_TITLES.child}
        rows={[
          { key: "Name", value: values.child.name, action: change("child", youngPerson ? "young person’s name" : "child’s name") },
          { key: "Date of birth", value: dateText(values.child.dateOfBirth), action: change("child", "date of birth") },
          { key: "School, college or setting", value: values.child.setting, action: change("child", "school, college or setting") },
          { key: "EHC plan", value: values.child.hasEhcPlan === "yes" ? "Yes" : values.child.hasEhcPlan === "no" ? "No" : "", action: change("child", "EHC plan") },
        ]}
      />

      <h2 className="h-m">{REFERRAL_STEP_TITLES.decision}</h2>
      {!drs && preview?.lateDecisionWarning && (
        <WarningText>{preview.lateDecisionWarning}</WarningText>
      )}
      <SummaryList
        label={REFERRAL_STEP_TITLES.decision}
        rows={[
          { key: "Local authority", value: la, action: change("decision", "local authority") },
          drs
            ? { key: "What the disagreement is about", value: labelOf(DRS_SCOPE_LABELS, values.drsScope || null), action: change("decision", "what the disagreement is about") }
            : { key: "Decisions disputed", value: <Lines lines={decisionLines(cleanDecisionAnswers(values.disputedDecisions ?? []))} />, action: change("decision", "decisions disputed") },
          { key: "Date the decision was sent", value: dateText(values.decisionSentOn), action: change("decision", "date the decision was sent") },
          ...(values.kind === "MEDIATION"
            ? [
                { key: "Date the local authority was told", value: dateText(values.laNotifiedOn), action: change("decision", "date the local authority was told") },
                ...(preview?.mediationBy ? [{ key: "Mediation must take place by", value: preview.mediationBy.long }] : []),
                ...(preview?.healthNotificationBy ? [{ key: "Local authority to tell the health body by", value: preview.healthNotificationBy.long }] : []),
                ...(preview?.fieldErrors.laNotifiedOn ? [{ key: "Deadlines", value: `We cannot work out the deadlines for this date: ${preview.fieldErrors.laNotifiedOn}` }] : []),
              ]
            : []),
          { key: SUMMARY_LABEL, value: values.summary, action: change("decision", "summary") },
          { key: STAFF_NOTES_LABEL, value: values.staffNotes, action: change("decision", "notes for the mediation team") },
        ]}
      />

      <h2 className="h-m">{REFERRAL_STEP_TITLES.issues}</h2>
      <SummaryList
        label={REFERRAL_STEP_TITLES.issues}
        rows={values.issues.map((issue, i) => ({
          key: `Issue ${i + 1}${issue.category ? `: ${ISSUE_CATEGORY_LABELS[issue.category]}` : ""}`,
          value: issue.description,
          action: change("issues", `issue ${i + 1}`),
        }))}
      />

      <h2 className="h-m">{REFERRAL_STEP_TITLES.parties}</h2>
      <SummaryList
        label={REFERRAL_STEP_TITLES.parties}
        rows={[
          { key: youngPerson ? "Young person" : "Parent or carer", value: <Lines lines={contactLines(values.family)} />, action: change("parties", youngPerson ? "the young person" : "the parent or carer") },
          ...values.parties.map((p, i) => ({
            key: p.kind ? PARTY_KIND_LABELS[p.kind] : `Party ${i + 1}`,
            value: (
              <Lines
                lines={[
                  ...contactLines(p),
                  PARTY_KINDS_WITH_AUTHORITY.includes(p.kind || "PARENT") && p.hasAuthority
                    ? p.hasAuthority === "yes"
                      ? "Has authority to resolve the issues"
                      : "Does not have authority to resolve the issues"
                    : null,
                ]}
              />
            ),
            action: change("parties", `party ${i + 1}`),
          })),
        ]}
      />
    </>
  );
}
