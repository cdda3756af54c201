import type { CaseStatus } from "@/lib/db/client";
import { FAMILY_STATUS_TEXT, STATUS_LABELS } from "./lifecycle";

export const statusLabel = (s: CaseStatus) => STATUS_LABELS[s];
export const familyStatusText = (s: CaseStatus) => FAMILY_STATUS_TEXT[s];
