/**
 * The statutory deadlines a case can have: for each, its rule, its label and how its due date is
 * worked out from its trigger (day 0) — always by the date engine (lib/deadlines). Pure.
 */
import {
  certificateDueDate,
  explainCertificateDueDate,
  explainHealthNotificationDueDate,
  explainMediationDeadline,
  healthNotificationDueDate,
  mediationDeadline,
  type CertificateKind,
  type DeadlineExplanation,
} from "@/lib/deadlines";
import type { DeadlineName } from "../lifecycle/vocabulary";

export interface DeadlineDefinition {
  /** The rule it comes from (stored on the deadline row). */
  rule: string;
  /** What it is, before its date: "Mediation must take place by". */
  label: string;
  description: string;
  /** the certificate it is for, if it is a certificate deadline. */
  certificate?: CertificateKind;
}

export const DEADLINES: Record<DeadlineName, DeadlineDefinition> = {
  MEDIATION_30_DAY: {
    rule: "R-20",
    label: "Mediation must take place by",
    description: "Mediation must take place within 30 days of the LA being told",
  },
  HEALTH_NOTIFICATION: {
    rule: "R-21",
    label: "LA to tell the health body by",
    description: "LA must tell the health commissioning body within 3 working days",
  },
  CERTIFICATE_ADVICE_ONLY: {
    rule: "R-11",
    label: "Certificate (no mediation) due by",
    description: "Certificate within 3 working days of being told the family does not want (or withdraws from) mediation (R-11, R-12, R-30)",
    certificate: "ADVICE_ONLY",
  },
  CERTIFICATE_AFTER_MEDIATION: {
    rule: "R-30",
    label: "Certificate (after mediation) due by",
    description: "Certificate within 3 working days of the mediation meeting",
    certificate: "AFTER_MEDIATION",
  },
  CERTIFICATE_NOT_ARRANGED: {
    rule: "R-23",
    label: "Certificate (could not be arranged) due by",
    description: "Certificate within 3 working days of being told mediation cannot take place within 30 days (R-23, R-30)",
    certificate: "NOT_ARRANGED",
  },
};

/** The due date of a named deadline from its trigger (day 0). Throws DeadlineInputError. */
export function dueDateFor(name: DeadlineName, triggerOn: string): string {
  switch (name) {
    case "MEDIATION_30_DAY":
      return mediationDeadline(triggerOn);
    case "HEALTH_NOTIFICATION":
      return healthNotificationDueDate(triggerOn);
    case "CERTIFICATE_ADVICE_ONLY":
    case "CERTIFICATE_AFTER_MEDIATION":
    case "CERTIFICATE_NOT_ARRANGED":
      return certificateDueDate(triggerOn);
  }
}

/** How the due date was worked out, in plain English (from the date engine). */
export function explainDeadline(name: DeadlineName, triggerOn: string): DeadlineExplanation {
  switch (name) {
    case "MEDIATION_30_DAY":
      return explainMediationDeadline(triggerOn);
    case "HEALTH_NOTIFICATION":
      return explainHealthNotificationDueDate(triggerOn);
    default:
      // Certificates say what triggered them (e.g. "the family said it does not want mediation"), R-30.
      return explainCertificateDueDate(triggerOn, DEADLINES[name].certificate);
  }
}
