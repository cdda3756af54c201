"use server";
/**
 * Server actions for the case page and everything done from it. Each goes through `runAction`
 * (zod → session → permission → lib command, which re-authorizes, scope-checks and writes its
 * timeline entry and audit row in one transaction), then redirects back to the case with a
 * success banner (`?done=`). Errors come back as ActionState with the submitted values.
 */
import { redirect } from "next/navigation";
import { z } from "zod";
import { formValues, runAction, type ActionState } from "../../_server/action";
import { allocateMediator, previewTransition, transitionCase, updateCaseDetails } from "@/lib/cases/commands";
import { addParty, recordConsent, updateParty } from "@/lib/cases/parties";
import { getTransition } from "@/lib/cases/lifecycle";
import { DEADLINE_LABELS, dueDateFor } from "@/lib/cases/case-deadlines";
import { DESTRUCTIVE_TRANSITIONS, type CaseDetailsValues } from "@/lib/cases/queries";
import { formatLongDate } from "@/lib/deadlines";

const OUT_OF_DATE = "This page is out of date. Go back to the case and try again.";
const envelope = {
  caseId: z.string({ error: OUT_OF_DATE }).min(1, OUT_OF_DATE),
  version: z.coerce.number({ error: OUT_OF_DATE }).int(OUT_OF_DATE).positive(OUT_OF_DATE),
};

const caseUrl = (caseId: string, done: string) => `/cases/${encodeURIComponent(caseId)}?done=${done}`;

/** Only the inputs the transition table names; checkboxes ("yes" or absent) become booleans. */
function transitionInput(name: string, values: Record<string, string>): Record<string, string | boolean> {
  const t = getTransition(name);
  const out: Record<string, string | boolean> = {};
  for (const spec of [...(t?.requires ?? []), ...(t?.accepts ?? [])]) {
    if (spec.type === "boolean") out[spec.name] = values[spec.name] === "yes";
    else if (values[spec.name] !== undefined) out[spec.name] = values[spec.name]!;
  }
  return out;
}

const transitionSchema = z.looseObject({ ...envelope, name: z.string().min(1), step: z.enum(["check", "confirm", "edit"]).optional() });

/**
 * A lifecycle transition. Destructive ones (withdraw, close, not proceeding, no mediation) take two
 * steps: "check" validates without saving and asks for confirmation; "confirm" saves.
 */
export async function transitionAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const values = formValues(fd);
  return runAction(fd, {
    schema: transitionSchema,
    permission: "case:transition",
    handler: async (v, { user, ip }) => {
      const input = transitionInput(v.name, values);
      if ((DESTRUCTIVE_TRANSITIONS as readonly string[]).includes(v.name) && v.step !== "confirm") {
        if (v.step === "edit") return { status: "idle" as const };
        const plan = await previewTransition(user, v.caseId, v.name, v.version, input);
        const starts = plan.triggerDate ? plan.starts.map((n) => `${DEADLINE_LABELS[n]} ${formatLongDate(dueDateFor(n, plan.triggerDate!))}`) : [];
        return { status: "success" as const, data: { confirm: true, starts } };
      }
      await transitionCase(user, v.caseId, v.name, v.version, input, ip);
      redirect(caseUrl(v.caseId, v.name));
    },
  });
}

export async function allocateAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    schema: z.object({ ...envelope, mediatorId: z.string().optional() }),
    permission: "case:allocate",
    handler: async (v, { user, ip }) => {
      const r = await allocateMediator(user, v.caseId, v.mediatorId ?? "", v.version, ip);
      redirect(caseUrl(v.caseId, r.transition));
    },
  });
}

const DETAIL_KEYS: (keyof CaseDetailsValues)[] = [
  "summary",
  "decisionSentOn",
  "disputedDecision",
  "drsScope",
  "laNotifiedOn",
  "childName",
  "childDateOfBirth",
  "childSetting",
  "childHasEhcPlan",
];

export async function updateDetailsAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const values = formValues(fd);
  return runAction(fd, {
    schema: z.looseObject(envelope),
    permission: "case:update",
    handler: async (v, { user, ip }) => {
      const patch: Partial<CaseDetailsValues> = {};
      for (const k of DETAIL_KEYS) if (values[k] !== undefined) patch[k] = values[k];
      await updateCaseDetails(user, v.caseId, v.version, patch, ip);
      redirect(caseUrl(v.caseId, "details"));
    },
  });
}

const PARTY_KEYS = ["kind", "name", "organisation", "email", "phone", "address", "preferredContact", "accessNeeds", "hasAuthority"] as const;

function partyInput(values: Record<string, string>) {
  const out: Record<string, string> = {};
  for (const k of PARTY_KEYS) if (values[k] !== undefined) out[k] = values[k]!;
  return out;
}

export async function addPartyAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const values = formValues(fd);
  return runAction(fd, {
    schema: z.looseObject(envelope),
    permission: "case:update",
    handler: async (v, { user, ip }) => {
      await addParty(user, v.caseId, v.version, partyInput(values), ip);
      redirect(caseUrl(v.caseId, "partyAdded"));
    },
  });
}

export async function updatePartyAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const values = formValues(fd);
  return runAction(fd, {
    schema: z.looseObject({ ...envelope, partyId: z.string().min(1, OUT_OF_DATE) }),
    permission: "case:update",
    handler: async (v, { user, ip }) => {
      const { kind: _ignored, ...input } = partyInput(values);
      void _ignored;
      await updateParty(user, v.caseId, v.partyId, v.version, input, ip);
      redirect(caseUrl(v.caseId, "partyUpdated"));
    },
  });
}

export async function recordConsentAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    schema: z.object({ ...envelope, partyId: z.string().min(1, OUT_OF_DATE), consent: z.string().optional(), consentOn: z.string().optional(), consentHow: z.string().optional() }),
    permission: "case:update",
    handler: async (v, { user, ip }) => {
      await recordConsent(user, v.caseId, v.partyId, v.version, { consent: v.consent ?? "", consentOn: v.consentOn, consentHow: v.consentHow }, ip);
      redirect(caseUrl(v.caseId, "consent"));
    },
  });
}
