/**
 * Scale data (issue 14, decision 0031): `seedScale` fills a database with a national provider's
 * history — LAs skewed as in SEN2 (./scale-plan.ts), every lifecycle stage, meetings, agreements
 * and their agreed actions, certificates, document metadata, about ten timeline entries a case —
 * for benchmarks and for trying the app at 100,000 cases. Written with bulk SQL through `pg`
 * (one multi-row INSERT … SELECT FROM unnest(…) per table per batch), in one transaction, so a
 * failure leaves nothing behind.
 *
 * Safety: refused when NODE_ENV=production, and on a database holding any case other than the
 * demo cases (SM-DEMO-) and scale cases (SM-SCALE-) — `RealDataError`, nothing written. Scale
 * cases already there are refused too (`ScaleDataExistsError`) unless `reset` is given, which
 * deletes them (and only them) first, in the same transaction.
 *
 * The interface (ScaleOptions, ScaleSubjects, ScaleResult, seedScale, scaleSubjects) is what the
 * benchmarks use: keep it (fields may be added, never removed or renamed).
 */
import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { hashPassword } from "@/lib/auth/passwords";
import { addCalendarDays, daysBetween, todayInLondon } from "@/lib/deadlines";
import { CASE_STATUSES, type CaseStatus } from "@/lib/cases/lifecycle/vocabulary";
import {
  caseHistory,
  childFor,
  cutAt,
  DateMemo,
  EARLIEST_REFERRAL,
  emailSlug,
  FIRST_NAMES,
  randomShape,
  randomWorkingDay,
  Rng,
  routeFor,
  scaleLas,
  SURNAMES,
  WeightedPicker,
  type CasePlan,
  type Step,
} from "./scale-plan";

export interface ScaleOptions {
  cases: number; // e.g. 100_000
  seed?: number; // deterministic PRNG seed, default 1
  onProgress?: (done: number, total: number, stage: string) => void;
  /** Delete the scale cases already in the database first (otherwise their presence is refused). */
  reset?: boolean;
  /** Keep the foreign-key checks during the load (slower; the integration test sets it). */
  checkForeignKeys?: boolean;
}
export interface ScaleSubjects {
  password: string; // the staff password of every scale account (bench only)
  caseworkerEmail: string;
  mediatorEmail: string; // a mediator with a realistic allocation load
  laOfficerEmail: string; // an officer of the LARGEST LA
  familyEmail: string; // a family account (parent) with one case whose meeting is booked
  caseWith200EventsId: string; // a case with 200 timeline events, visible to caseworkerEmail
  staffEmails: { caseworkers: string[]; mediators: string[]; laOfficers: string[] }; // >= 10 of each
  familyEmails: string[]; // >= 20 family accounts, each with a case
}
export interface ScaleResult {
  subjects: ScaleSubjects;
  seconds: number;
  counts: Record<string, number>;
}

/** Every scale case's reference starts with this; `reset` deletes exactly those cases. */
export const SCALE_REFERENCE_PREFIX = "SM-SCALE-";
/** Cases the demo seed makes (lib/seed/demo.ts): allowed beside scale data. */
const DEMO_REFERENCE_PREFIX = "SM-DEMO-";
/** The staff password of every scale account (published: scale data is never for a live service). */
export const SCALE_PASSWORD = "scale-password";
/** Staff accounts' domain, and the family accounts' (one per family party with an email). */
export const SCALE_STAFF_DOMAIN = "scale.example";
export const SCALE_FAMILY_DOMAIN = "family.scale.example";
/** Cases written per batch (one INSERT per table per batch): the progress bar moves per batch. */
export const SCALE_BATCH_CASES = Number(process.env.SCALE_BATCH_CASES) || 2_500;
/** The case whose timeline has exactly this many entries (the case page at its heaviest). */
export const LONG_TIMELINE_EVENTS = 200;
/** The first case (SM-SCALE-000001) is the one with the long timeline. */
export const LONG_TIMELINE_REFERENCE = `${SCALE_REFERENCE_PREFIX}000001`;
/** Cases forced to each status (after the first), so that even a small run has every stage. */
const FORCED_PER_STATUS = 2;
const FORCED_STATUSES: readonly CaseStatus[] = CASE_STATUSES;

export class RealDataError extends Error {
  constructor(count: number) {
    super(
      `This database holds ${count} case${count === 1 ? "" : "s"} that are neither demo (${DEMO_REFERENCE_PREFIX}) nor scale (${SCALE_REFERENCE_PREFIX}) cases: ` +
        `scale data is only for a database of test data. Nothing was written.`,
    );
    this.name = "RealDataError";
  }
}
export class ScaleDataExistsError extends Error {
  constructor(count: number) {
    super(`This database already holds ${count} scale cases (${SCALE_REFERENCE_PREFIX}…). Run with --reset to delete them and seed again. Nothing was written.`);
    this.name = "ScaleDataExistsError";
  }
}
export class ScaleDataInProductionError extends Error {
  constructor() {
    super("Scale data cannot be created when NODE_ENV=production.");
    this.name = "ScaleDataInProductionError";
  }
}

// ---------------------------------------------------------------------------------------------
// Bulk rows: one INSERT … SELECT FROM unnest($1::text[], …) per table per batch
// ---------------------------------------------------------------------------------------------

type Value = string | number | boolean | null;

/** A tiny valid PDF shared by every scale document (the bytes are not what is measured). */
const PLACEHOLDER_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const PLACEHOLDER_SHA = createHash("sha256").update(PLACEHOLDER_PDF).digest("hex");

class Rows {
  private data: (string | null)[][];
  constructor(
    readonly table: string,
    /** [column, SQL type]; the type "PDF" is the shared placeholder, given by no value. */
    private readonly cols: readonly (readonly [string, string])[],
    private readonly conflict = "",
  ) {
    this.data = cols.map(() => []);
  }
  get length(): number {
    return this.data[0]!.length;
  }
  add(...values: Value[]): void {
    if (values.length !== this.cols.length) throw new Error(`${this.table}: ${values.length} values for ${this.cols.length} columns`);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      this.data[i]!.push(v === null || v === undefined ? null : String(v));
    }
  }
  /** Its INSERT as a data-modifying CTE (parameters from `$offset + 1`), and empties the buffer; null when empty. */
  take(name: string, offset: number): { cte: string; params: (string | null)[][]; rows: number; counted: boolean } | null {
    const rows = this.length;
    if (rows === 0) return null;
    const params: (string | null)[][] = [];
    const select: string[] = [];
    const unnest: string[] = [];
    this.cols.forEach(([, type], i) => {
      if (type === "PDF") {
        select.push(`decode('${PLACEHOLDER_PDF.toString("base64")}', 'base64')`);
        return;
      }
      params.push(this.data[i]!);
      unnest.push(`$${offset + params.length}::text[]`);
      select.push(`c${params.length}::${type}`);
    });
    const names = this.cols.map(([c]) => `"${c}"`).join(", ");
    const alias = params.map((_, i) => `c${i + 1}`).join(", ");
    this.data = this.cols.map(() => []);
    // Only an insert that may skip rows (ON CONFLICT) returns them, to be counted; the others are counted here.
    const returning = this.conflict ? " RETURNING 1" : "";
    return { cte: `${name} AS (INSERT INTO "${this.table}" (${names}) SELECT ${select.join(", ")} FROM unnest(${unnest.join(", ")}) AS t(${alias}) ${this.conflict}${returning})`, params, rows, counted: !!this.conflict };
  }
}

/**
 * One statement for the whole batch: every table's INSERT as a data-modifying CTE. Sent at once, so
 * the server writes this batch while the next one is generated; foreign keys are checked at the end
 * of the statement, when every row of the batch is in. Resolves to the rows written per table.
 */
function writeBatch(client: pg.ClientBase, t: Tables): Promise<Record<string, number>> {
  const ctes: string[] = [];
  const params: (string | null)[][] = [];
  const counted: string[] = [];
  const written: Record<string, number> = {};
  Object.values(t).forEach((rows, i) => {
    const part = rows.take(`w${i}`, params.length);
    if (!part) return;
    ctes.push(part.cte);
    params.push(...part.params);
    written[rows.table] = part.rows;
    if (part.counted) counted.push(`(SELECT count(*)::int FROM w${i}) AS "${rows.table}:new"`);
  });
  if (ctes.length === 0) return Promise.resolve({});
  return client
    .query<Record<string, number>>(`WITH ${ctes.join(",\n")}\nSELECT ${counted.length > 0 ? counted.join(", ") : "1 AS one"}`, params)
    .then((r) => ({ ...written, ...(counted.length > 0 ? r.rows[0]! : {}) }));
}

function tables() {
  return {
    Case: new Rows("Case", [
      ["id", "text"], ["reference", "text"], ["kind", '"CaseKind"'], ["localAuthorityId", "text"], ["requestedBy", '"Requester"'], ["familyParty", '"FamilyPartyType"'],
      ["disputedDecisions", '"DisputedDecision"[]'], ["healthBodyId", "text"], ["drsScope", '"DrsScope"'], ["decisionSentOn", "date"], ["laNotifiedOn", "date"], ["meetingOn", "date"],
      ["heldOn", "date"], ["agreement", '"Agreement"'], ["summary", "text"], ["staffNotes", "text"], ["status", '"CaseStatus"'], ["statusBeforeClose", '"CaseStatus"'],
      ["allocatedMediatorId", "text"], ["nextDeadlineOn", "date"], ["nextDeadlineName", "text"], ["createdById", "text"], ["createdAt", "timestamptz"], ["updatedAt", "timestamptz"],
      ["appealLodgedOn", "date"], ["appealReference", "text"],
    ] as const),
    Child: new Rows("Child", [["id", "text"], ["caseId", "text"], ["name", "text"], ["dateOfBirth", "date"], ["setting", "text"], ["hasEhcPlan", "boolean"]] as const),
    CaseIssue: new Rows("CaseIssue", [["id", "text"], ["caseId", "text"], ["category", '"IssueCategory"'], ["description", "text"]] as const),
    User: new Rows("User", [["id", "text"], ["email", "text"], ["name", "text"], ["role", '"Role"'], ["updatedAt", "timestamptz"], ["createdAt", "timestamptz"]] as const, "ON CONFLICT (email) DO NOTHING"),
    Party: new Rows("Party", [
      ["id", "text"], ["caseId", "text"], ["kind", '"PartyKind"'], ["name", "text"], ["organisation", "text"], ["email", "text"], ["phone", "text"], ["preferredContact", '"ContactMethod"'],
      ["accessNeeds", "text"], ["consent", '"Consent"'], ["consentOn", "date"], ["consentHow", "text"], ["hasAuthority", "boolean"], ["userId", "text"], ["createdAt", "timestamptz"],
    ] as const),
    CaseEvent: new Rows("CaseEvent", [["id", "text"], ["caseId", "text"], ["at", "timestamptz"], ["actorId", "text"], ["type", "text"], ["summary", "text"], ["rule", "text"], ["data", "jsonb"], ["visibility", '"Visibility"']] as const),
    CaseDeadline: new Rows("CaseDeadline", [["id", "text"], ["caseId", "text"], ["name", "text"], ["rule", "text"], ["triggerOn", "date"], ["dueOn", "date"], ["closedOn", "date"], ["outcome", "text"], ["daysLate", "int"], ["createdAt", "timestamptz"]] as const),
    Meeting: new Rows("Meeting", [
      ["id", "text"], ["caseId", "text"], ["kind", '"MeetingKind"'], ["mode", '"MeetingMode"'], ["partyId", "text"], ["venueId", "text"], ["videoLink", "text"], ["startsAt", "timestamptz"], ["endsAt", "timestamptz"],
      ["status", '"MeetingStatus"'], ["noticeSentOn", "date"], ["mediatorId", "text"], ["createdById", "text"], ["createdAt", "timestamptz"], ["updatedAt", "timestamptz"],
    ] as const),
    MeetingAttendee: new Rows("MeetingAttendee", [["id", "text"], ["caseId", "text"], ["meetingId", "text"], ["partyId", "text"], ["response", '"AttendeeResponse"'], ["respondedAt", "timestamptz"], ["interpreterLanguage", "text"], ["invitedAt", "timestamptz"], ["createdAt", "timestamptz"], ["updatedAt", "timestamptz"]] as const),
    MeetingChange: new Rows("MeetingChange", [["id", "text"], ["caseId", "text"], ["meetingId", "text"], ["kind", '"MeetingChangeKind"'], ["toStartsAt", "timestamptz"], ["toEndsAt", "timestamptz"], ["toPlace", "text"], ["sequence", "int"], ["actorId", "text"], ["at", "timestamptz"]] as const),
    MeetingRecord: new Rows("MeetingRecord", [["id", "text"], ["caseId", "text"], ["meetingId", "text"], ["startedAt", "timestamptz"], ["endedAt", "timestamptz"], ["childViewsHow", '"ChildViewsMethod"[]'], ["childViews", "text"], ["recordedById", "text"], ["createdAt", "timestamptz"], ["updatedAt", "timestamptz"]] as const),
    MeetingRecordAttendee: new Rows("MeetingRecordAttendee", [["id", "text"], ["recordId", "text"], ["partyId", "text"], ["name", "text"], ["capacity", '"AttendanceCapacity"'], ["organisation", "text"], ["hasAuthority", "boolean"], ["position", "int"]] as const),
    Document: new Rows("Document", [
      ["id", "text"], ["caseId", "text"], ["kind", '"DocumentKind"'], ["title", "text"], ["visibility", '"Visibility"'], ["content", "text"], ["contentSha256", "text"], ["pdf", "PDF"], ["pdfSha256", "text"], ["pdfSize", "int"],
      ["fileName", "text"], ["verificationCode", "text"], ["createdAt", "timestamptz"], ["createdById", "text"],
    ] as const),
    Certificate: new Rows("Certificate", [
      ["id", "text"], ["caseId", "text"], ["kind", '"CertificateKind"'], ["triggerOn", "date"], ["dueOn", "date"], ["issuedOn", "date"], ["issuerId", "text"], ["issuerName", "text"], ["decisions", '"DisputedDecision"[]'],
      ["issues", "jsonb"], ["parties", "jsonb"], ["appealDeadlineOn", "date"], ["appealExplanation", "text"], ["documentId", "text"], ["createdById", "text"], ["createdAt", "timestamptz"],
    ] as const),
    CaseAgreement: new Rows("CaseAgreement", [
      ["id", "text"], ["caseId", "text"], ["kind", '"AgreementKind"'], ["status", '"AgreementStatus"'], ["meetingRecordId", "text"], ["agreedOn", "date"], ["whatWasAgreed", "text"], ["whatWasNotAgreed", "text"],
      ["contentSha256", "text"], ["documentId", "text"], ["sealedAt", "timestamptz"], ["createdById", "text"], ["createdAt", "timestamptz"], ["updatedAt", "timestamptz"],
    ] as const),
    AgreementAction: new Rows("AgreementAction", [["id", "text"], ["agreementId", "text"], ["caseId", "text"], ["position", "int"], ["what", "text"], ["responsible", '"AgreedActionParty"'], ["kind", '"AgreedActionKind"'], ["dueOn", "date"], ["howChecked", "text"], ["createdAt", "timestamptz"]] as const),
    AgreementSigner: new Rows("AgreementSigner", [["id", "text"], ["agreementId", "text"], ["caseId", "text"], ["attendeeId", "text"], ["partyId", "text"], ["name", "text"], ["capacity", '"AttendanceCapacity"'], ["position", "int"]] as const),
    AgreementSignature: new Rows("AgreementSignature", [["id", "text"], ["agreementId", "text"], ["signerId", "text"], ["caseId", "text"], ["outcome", '"SignatureOutcome"'], ["method", '"SignatureMethod"'], ["contentSha256", "text"], ["typedName", "text"], ["recordedById", "text"], ["at", "timestamptz"]] as const),
    Obligation: new Rows("Obligation", [
      ["id", "text"], ["caseId", "text"], ["localAuthorityId", "text"], ["sourceActionId", "text"], ["position", "int"], ["what", "text"], ["responsible", '"ObligationResponsible"'], ["dueOn", "date"], ["howChecked", "text"],
      ["status", '"ObligationStatus"'], ["completedOn", "date"], ["createdAt", "timestamptz"], ["updatedAt", "timestamptz"],
    ] as const),
    ObligationUpdate: new Rows("ObligationUpdate", [["id", "text"], ["obligationId", "text"], ["caseId", "text"], ["kind", '"ObligationUpdateKind"'], ["at", "timestamptz"], ["byId", "text"], ["note", "text"], ["sharedWithFamily", "boolean"]] as const),
  };
}
type Tables = ReturnType<typeof tables>;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** 16 Crockford base-32 characters from the id (as lib/platform/documents makes them, but deterministic). */
function verificationCode(id: string): string {
  const h = createHash("sha256").update(`scale-verify:${id}`).digest();
  let out = "";
  for (let i = 0; i < 16; i++) out += CROCKFORD[h[i]! & 31];
  return out;
}
/** An instant on the day `on` (09:00 UTC plus `minutes`): on that Europe/London day (R-63). */
const at = (on: string, minutes = 0) => new Date(Date.parse(`${on}T09:00:00Z`) + minutes * 60_000).toISOString();
const pad = (n: number) => String(n).padStart(6, "0");
const p3 = (n: number) => String(n).padStart(3, "0");
const pgArray = (xs: readonly string[]) => `{${xs.join(",")}}`;

const DECISION_SUMMARY: Record<string, string> = {
  REFUSAL_TO_ASSESS: "The family disagrees with the council's decision not to carry out an EHC needs assessment.",
  NO_PLAN_AFTER_ASSESSMENT: "After the assessment the council decided not to issue an EHC plan; the family believes one is needed.",
  PLAN_CONTENTS_SECTION_B: "The family says section B of the plan does not describe the child's needs.",
  PLAN_CONTENTS_SECTION_F: "The family disagrees with the provision in section F of the plan.",
  PLAN_CONTENTS_SECTION_I: "The family and the council disagree about the school named in section I.",
  PLAN_NO_SCHOOL_NAMED: "The plan names no school; the family wants one named.",
  REFUSAL_TO_REASSESS: "The family disagrees with the council's refusal to re-assess the child's needs.",
  REFUSAL_TO_AMEND: "The family disagrees with the council's decision not to amend the plan after the annual review.",
  CEASE_PLAN: "The council has decided to cease the EHC plan; the family disagrees.",
};
const DRS_SCOPES = ["SETTING_PROVISION", "SEN_DUTIES", "HEALTH_OR_SOCIAL_CARE_PROVISION", "LA_AND_HEALTH_BODY"] as const;
const LANGUAGES = ["Polish", "Urdu", "Romanian", "Arabic", "Bengali", "Portuguese", "Somali", "Turkish"];
const CAPACITY: Record<string, string> = { PARENT: "PARENT", YOUNG_PERSON: "YOUNG_PERSON", LA: "LA_OFFICER", HEALTH: "ICB", SCHOOL: "SCHOOL", SUPPORTER: "SUPPORTER", INTERPRETER: "INTERPRETER" };

interface Staff {
  caseworkers: { id: string; name: string }[];
  mediators: { id: string; name: string }[];
  /** Per LA index: the mediators who cover it (MediatorArea). */
  mediatorsOfLa: number[][];
  venuesOfLa: string[][];
  icbOfLa: string[];
}

interface PartyRow {
  id: string;
  kind: string;
  name: string;
  organisation: string | null;
  email: string | null;
  hasAuthority: boolean | null;
}

// ---------------------------------------------------------------------------------------------
// Accounts, LAs, venues, ICBs (kept across runs; upserted by their natural keys)
// ---------------------------------------------------------------------------------------------

function personName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`;
}

async function seedReference(client: pg.ClientBase, cases: number, rng: Rng): Promise<{ staff: Staff; las: ReturnType<typeof scaleLas>; counts: Record<string, number> }> {
  const las = scaleLas(cases);
  const hash = await hashPassword(SCALE_PASSWORD);
  const counts: Record<string, number> = {};
  const icbCount = Math.max(2, Math.ceil(las.length / 4));
  const icbs = Array.from({ length: icbCount }, (_, i) => ({ id: `scale-icb-${pad(i + 1).slice(3)}`, code: `SCALE-ICB-${pad(i + 1).slice(3)}`, name: `NHS ${las[i % las.length]!.name.split(" ")[0]} Integrated Care Board` }));
  await client.query(
    `INSERT INTO "HealthBody" (id, code, name) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
    [icbs.map((x) => x.id), icbs.map((x) => x.code), icbs.map((x) => x.name)],
  );
  await client.query(
    `INSERT INTO "LocalAuthority" (id, code, name, "noticeEmail") SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, active = true`,
    [las.map((l) => l.id), las.map((l) => l.code), las.map((l) => l.name), las.map((l) => `send@${l.code.toLowerCase()}.${SCALE_STAFF_DOMAIN}`)],
  );
  counts.LocalAuthority = las.length;
  counts.HealthBody = icbs.length;
  const laIds = (await client.query<{ id: string; code: string }>(`SELECT id, code FROM "LocalAuthority" WHERE code = ANY($1::text[])`, [las.map((l) => l.code)])).rows;
  const laIdByCode = new Map(laIds.map((r) => [r.code, r.id]));
  for (const l of las) l.id = laIdByCode.get(l.code)!;

  const nCaseworkers = Math.max(10, Math.round(cases / 5_000));
  const nMediators = Math.max(10, Math.round(cases / 1_700));
  const users: { id: string; email: string; name: string; role: string; la: string | null }[] = [];
  for (let i = 1; i <= nCaseworkers; i++) users.push({ id: `scale-u-cw-${i}`, email: `caseworker.${String(i).padStart(2, "0")}@${SCALE_STAFF_DOMAIN}`, name: personName(rng), role: "CASEWORKER", la: null });
  for (let i = 1; i <= nMediators; i++) users.push({ id: `scale-u-med-${i}`, email: `mediator.${String(i).padStart(2, "0")}@${SCALE_STAFF_DOMAIN}`, name: personName(rng), role: "MEDIATOR", la: null });
  las.forEach((l, j) => {
    // Two officers in the largest tenth of LAs (and everywhere in a small run, so there are ≥ 10).
    const officers = las.length < 10 || j < las.length / 10 ? 2 : 1;
    for (let k = 1; k <= officers; k++) users.push({ id: `scale-u-la-${l.code}-${k}`, email: `officer.${k}.${l.code.toLowerCase()}@${SCALE_STAFF_DOMAIN}`, name: personName(rng), role: "LA_OFFICER", la: l.id });
  });
  await client.query(
    `INSERT INTO "User" (id, email, name, role, "localAuthorityId", "passwordHash", "updatedAt")
     SELECT id, email, name, role::"Role", la, $6, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(id, email, name, role, la)
     ON CONFLICT (email) DO UPDATE SET role = EXCLUDED.role, "localAuthorityId" = EXCLUDED."localAuthorityId", "passwordHash" = EXCLUDED."passwordHash", active = true, "updatedAt" = now()`,
    [users.map((u) => u.id), users.map((u) => u.email), users.map((u) => u.name), users.map((u) => u.role), users.map((u) => u.la), hash],
  );
  counts.StaffUser = users.length;
  const ids = new Map((await client.query<{ id: string; email: string; name: string }>(`SELECT id, email, name FROM "User" WHERE email = ANY($1::text[])`, [users.map((u) => u.email)])).rows.map((r) => [r.email, r]));
  const caseworkers = users.filter((u) => u.role === "CASEWORKER").map((u) => ids.get(u.email)!);
  const mediators = users.filter((u) => u.role === "MEDIATOR").map((u) => ids.get(u.email)!);

  // The panel (decision 0029): each LA covered by three mediators, each mediator by several LAs.
  const mediatorsOfLa = las.map((_, j) => [0, 1, 2].map((k) => (j * 3 + k) % mediators.length));
  const areas = las.flatMap((l, j) => mediatorsOfLa[j]!.map((m) => [mediators[m]!.id, l.id] as const));
  const expires = addCalendarDays(todayInLondon(), 400);
  await client.query(
    `INSERT INTO "MediatorProfile" ("userId", "accreditationBody", "accreditationNumber", "accreditationExpiresOn", "monthlyCapacity")
     SELECT id, 'Civil Mediation Council', 'CMC-' || lpad(n::text, 5, '0'), $2::date, 12 FROM unnest($1::text[]) WITH ORDINALITY AS t(id, n) ON CONFLICT DO NOTHING`,
    [mediators.map((m) => m.id), expires],
  );
  await client.query(`INSERT INTO "MediatorArea" ("userId", "localAuthorityId") SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`, [areas.map((a) => a[0]), areas.map((a) => a[1])]);
  const week = JSON.stringify({ "1": [{ start: "09:00", end: "17:00" }], "2": [{ start: "09:00", end: "17:00" }], "3": [{ start: "09:00", end: "17:00" }], "4": [{ start: "09:00", end: "17:00" }], "5": [{ start: "09:00", end: "15:00" }] });
  await client.query(`INSERT INTO "MediatorAvailability" ("userId", "weeklyHours", "maxJointMeetingsPerDay", "travelMinutes") SELECT id, $2::jsonb, 2, 60 FROM unnest($1::text[]) AS t(id) ON CONFLICT DO NOTHING`, [mediators.map((m) => m.id), week]);
  counts.MediatorArea = areas.length;

  // Two venues per LA, with their access details (decision 0014).
  const venues = las.flatMap((l, j) => [1, 2].map((k) => ({ id: `scale-v-${l.code}-${k}`, la: l.id, name: `${l.name.split(" ")[0]} ${k === 1 ? "Family Centre" : "Community Hall"}`, address: `${10 + j} ${k === 1 ? "Market Street" : "Church Road"}, ${l.name.split(" ")[0]}`, step: k === 1 })));
  await client.query(
    `INSERT INTO "Venue" (id, "localAuthorityId", name, address, "stepFreeAccess", "hearingLoop", parking)
     SELECT id, la, name, address, step, step, true FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[]) AS t(id, la, name, address, step) ON CONFLICT (id) DO NOTHING`,
    [venues.map((v) => v.id), venues.map((v) => v.la), venues.map((v) => v.name), venues.map((v) => v.address), venues.map((v) => v.step)],
  );
  counts.Venue = venues.length;
  const staff: Staff = {
    caseworkers,
    mediators,
    mediatorsOfLa,
    venuesOfLa: las.map((l) => [`scale-v-${l.code}-1`, `scale-v-${l.code}-2`]),
    icbOfLa: las.map((_, j) => icbs[j % icbs.length]!.id),
  };
  return { staff, las, counts };
}

// ---------------------------------------------------------------------------------------------
// One case → its rows
// ---------------------------------------------------------------------------------------------

interface CaseInput {
  n: number;
  la: number;
  plan: CasePlan;
  decisions: string[];
  youngPerson: boolean;
  familyEmail: boolean;
  extraNotes: number;
}

function writeCase(t: Tables, rng: Rng, today: string, staff: Staff, las: ReturnType<typeof scaleLas>, c: CaseInput): void {
  const { n, plan } = c;
  const la = las[c.la]!;
  // Ids sort in the order they are written (zero-padded), so each primary key grows at its right edge.
  const k6 = pad(n);
  const id = `scale-c-${k6}`;
  const reference = `${SCALE_REFERENCE_PREFIX}${pad(n)}`;
  const caseworker = rng.pick(staff.caseworkers);
  const mediator = staff.mediators[rng.pick(staff.mediatorsOfLa[c.la]!)]!;
  const kept = (mark: Step["mark"]) => plan.steps.some((s) => s.mark === mark);
  const allocated = plan.steps.some((s) => s.type === "MEDIATOR_ALLOCATED");
  const preparing = plan.steps.some((s) => s.type === "PREPARATION_STARTED");
  const booked = kept("BOOKED");
  const held = kept("HELD");
  const kind = plan.route === "ADVICE_ONLY" ? "ADVICE_ONLY" : plan.route === "DRS" || plan.route === "DRS_DECLINED" ? "DRS" : "MEDIATION";
  const drs = kind === "DRS";

  // The child and the family.
  const surname = rng.pick(SURNAMES);
  const childFirst = rng.pick(FIRST_NAMES);
  const child = childFor(rng, plan.referredOn);
  const youngPerson = c.youngPerson && child.dateOfBirth <= addCalendarDays(plan.referredOn, -16 * 365 - 4);
  const familyName = youngPerson ? `${childFirst} ${surname}` : `${rng.pick(FIRST_NAMES)} ${surname}`;
  const hasPlan = !drs && !c.decisions.some((d) => d === "REFUSAL_TO_ASSESS" || d === "NO_PLAN_AFTER_ASSESSMENT");
  t.Child.add(`scale-ch-${k6}`, id, `${childFirst} ${surname}`, child.dateOfBirth, child.setting, hasPlan);

  // Parties, in the order a caseworker records them (a second apart).
  const parties: PartyRow[] = [];
  const createdAt = at(plan.referredOn);
  const consentOf = (who: string): { consent: string; on: string | null } => {
    const s = plan.steps.find((x) => x.type === "CONSENT_RECORDED" && x.summary.startsWith(who));
    if (s) return { consent: String(s.data?.consent ?? "GIVEN"), on: s.on };
    const declined = plan.steps.find((x) => x.type === "CASE_WITHDRAWN" || x.type === "ADVICE_ONLY_CHOSEN");
    return who === "The family" && declined ? { consent: "DECLINED", on: declined.on } : { consent: "PENDING", on: null };
  };
  const addParty = (p: PartyRow & { phone?: string | null; consent: { consent: string; on: string | null }; how?: string; accessNeeds?: string | null; userId?: string | null; preferred?: string }) => {
    const pid = `scale-p-${k6}-${p3(parties.length + 1)}`;
    parties.push({ ...p, id: pid });
    t.Party.add(
      pid, id, p.kind, p.name, p.organisation, p.email, p.phone ?? null, p.preferred ?? (p.email ? "EMAIL" : "PHONE"), p.accessNeeds ?? null, p.consent.consent, p.consent.on,
      p.consent.on ? (p.how ?? rng.pick(["by phone", "by email", "by letter"])) : null, p.hasAuthority, p.userId ?? null, new Date(Date.parse(createdAt) + parties.length * 1000).toISOString(),
    );
    return pid;
  };
  const interpreter = rng.chance(0.05) ? rng.pick(LANGUAGES) : null;
  const email = c.familyEmail ? `${emailSlug(familyName).replace(/-/g, ".")}.${n}@${SCALE_FAMILY_DOMAIN}` : null;
  // The id follows from the address, so an account kept from an earlier run (same address) is the same row.
  const familyUserId = email ? `scale-u-f-${sha(email).slice(0, 20)}` : null;
  if (email) t.User.add(familyUserId, email, familyName, "PARENT", new Date().toISOString(), createdAt);
  const familyConsent = consentOf("The family");
  const familyPartyId = addParty({
    id: "", kind: youngPerson ? "YOUNG_PERSON" : "PARENT", name: familyName, organisation: null, email, hasAuthority: null,
    phone: `07700 9${String(n % 100_000).padStart(5, "0")}`, consent: familyConsent, userId: familyUserId,
    accessNeeds: interpreter ? `${interpreter} interpreter for calls and meetings` : rng.chance(0.1) ? "Prefers phone calls to letters" : null,
    preferred: email ? (rng.chance(0.8) ? "EMAIL" : "PHONE") : "PHONE",
  });
  if (youngPerson && rng.chance(0.5)) addParty({ id: "", kind: "PARENT", name: `${rng.pick(FIRST_NAMES)} ${surname}`, organisation: null, email: null, hasAuthority: null, consent: { consent: "PENDING", on: null } });
  if (kind !== "ADVICE_ONLY") {
    const rep = personName(rng);
    if (drs) addParty({ id: "", kind: "SCHOOL", name: rep, organisation: `${child.setting} (headteacher)`, email: `head.${n}@school.${SCALE_STAFF_DOMAIN}`, hasAuthority: null, consent: consentOf("Representative") });
    else addParty({ id: "", kind: "LA", name: rep, organisation: `${la.name} SEND team`, email: `${emailSlug(rep).replace(/-/g, ".")}@${la.code.toLowerCase()}.${SCALE_STAFF_DOMAIN}`, hasAuthority: true, consent: consentOf("Representative") });
    if (plan.health) addParty({ id: "", kind: "HEALTH", name: `Dr ${personName(rng)}`, organisation: "Integrated Care Board", email: `icb.${n}@nhs.${SCALE_STAFF_DOMAIN}`, hasAuthority: true, consent: { consent: "PENDING", on: null } });
    if (!drs && rng.chance(0.25)) addParty({ id: "", kind: "SCHOOL", name: personName(rng), organisation: `${child.setting} (SENCo)`, email: `senco.${n}@school.${SCALE_STAFF_DOMAIN}`, hasAuthority: null, consent: { consent: "PENDING", on: null } });
  }
  if (rng.chance(0.3)) addParty({ id: "", kind: "SUPPORTER", name: personName(rng), organisation: rng.chance(0.6) ? `${la.name.split(" ")[0]} SENDIASS` : null, email: null, hasAuthority: null, consent: { consent: "PENDING", on: null } });
  if (interpreter) addParty({ id: "", kind: "INTERPRETER", name: personName(rng), organisation: `${interpreter} interpreting service`, email: `interpreting.${n}@${SCALE_STAFF_DOMAIN}`, hasAuthority: null, consent: { consent: "PENDING", on: null } });

  // The case row.
  const open = plan.deadlines.filter((d) => d.closedOn === null).sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  const lastOn = plan.steps[plan.steps.length - 1]!.on;
  const firstDecision = c.decisions[0];
  const summary = drs ? "The family and the school disagree about the support in class. There is no EHC plan." : (DECISION_SUMMARY[firstDecision ?? ""] ?? "The family disagrees with the council's decision.");
  t.Case.add(
    id, reference, kind, la.id, plan.selfReferral ? (youngPerson ? "YOUNG_PERSON" : "PARENT") : rng.pick(["PARENT", "PARENT", "PARENT", "IASS", "SCHOOL", "LOCAL_AUTHORITY"]), youngPerson ? "YOUNG_PERSON" : "PARENT",
    pgArray(c.decisions), plan.health ? staff.icbOfLa[c.la]! : null, drs ? rng.pick(DRS_SCOPES) : null, plan.decisionSentOn, plan.laNotifiedOn,
    booked ? plan.meetingOn : null, held ? plan.heldOn : null, held ? (plan.agreement ?? "NONE") : null, summary,
    plan.selfReferral ? "What the family wrote on the website form: we have asked the school many times for more help and nothing has changed." : null,
    plan.status, plan.status === "CLOSED" ? plan.statusBeforeClose : null, allocated ? mediator.id : null, open[0]?.dueOn ?? null, open[0]?.name ?? null,
    plan.selfReferral ? null : caseworker.id, createdAt, at(lastOn, 300), plan.appealLodgedOn && plan.appealLodgedOn <= today ? plan.appealLodgedOn : null,
    plan.appealLodgedOn && plan.appealLodgedOn <= today ? `EH${String(800 + (n % 199)).padStart(3, "0")}/${String(n).padStart(5, "0")}` : null,
  );
  c.decisions.slice(0, 2).forEach((d, i) => t.CaseIssue.add(`scale-i-${k6}-${p3(i + 1)}`, id, "EDUCATION", (DECISION_SUMMARY[d] ?? d).replace(/^The family /, "")));
  if (drs) t.CaseIssue.add(`scale-i-${k6}-1`, id, "EDUCATION", "Reading support and teaching assistant time in class");
  if (plan.health) t.CaseIssue.add(`scale-i-${k6}-h`, id, "HEALTH", "Therapy commissioned by the ICB in section G");

  // Deadlines, as opened and closed along the history.
  plan.deadlines.forEach((d, i) => t.CaseDeadline.add(`scale-d-${k6}-${p3(i + 1)}`, id, d.name, d.rule, d.triggerOn, d.dueOn, d.closedOn, d.outcome, d.daysLate, at(d.triggerOn, 1)));

  // Timeline: every step (and the long case's extra notes), in history order, 2 minutes apart on its day.
  const actor = (a: Step["by"]) => (a === "caseworker" ? caseworker.id : a === "mediator" ? mediator.id : null);
  const steps = plan.steps.filter((s) => !s.silent);
  for (let i = 0; i < c.extraNotes; i++) {
    const on = addCalendarDays(plan.referredOn, Math.floor(((i + 1) * daysBetween(plan.referredOn, today)) / (c.extraNotes + 1)));
    steps.push({ on, by: i % 3 === 0 ? "mediator" : "caseworker", type: "NOTE", summary: `Follow-up call ${i + 1}: the family's questions answered and the next step agreed.`, visibility: "STAFF" });
  }
  steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  let dayOf = "";
  let k = 0;
  steps.forEach((s, i) => {
    k = s.on === dayOf ? k + 1 : 0;
    dayOf = s.on;
    t.CaseEvent.add(`scale-e-${k6}-${p3(i + 1)}`, id, at(s.on, k * 2), actor(s.by), s.type, s.summary, s.rule ?? null, s.data ? JSON.stringify(s.data) : null, s.visibility);
  });

  // Meetings: pre-meetings with the family and the LA, then the joint (or DRS) meeting.
  if (preparing && plan.preMeetings.length > 0 && !drs) {
    const with_ = [familyPartyId, parties.find((p) => p.kind === "LA")?.id].filter((x): x is string => !!x);
    plan.preMeetings.slice(0, with_.length).forEach((on, i) => {
      const mid = `scale-m-${k6}-p${i + 1}`;
      t.Meeting.add(mid, id, "PRE_MEETING", i === 0 ? "PHONE" : "VIDEO", with_[i]!, null, i === 0 ? null : `https://video.${SCALE_STAFF_DOMAIN}/m/${n}-${i}`, at(on, 300), at(on, 345), on <= today ? "HELD" : "SCHEDULED", null, mediator.id, mediator.id, at(plan.preMeetings[0]!, -60), at(on, 360));
    });
  }
  if (booked && plan.meetingOn && plan.bookedOn) {
    const mid = `scale-m-${k6}-j`;
    const venue = rng.chance(0.6) ? rng.pick(staff.venuesOfLa[c.la]!) : null;
    const starts = at(plan.meetingOn, 60);
    const ends = at(plan.meetingOn, 240);
    t.Meeting.add(mid, id, drs ? "DRS_MEETING" : "JOINT_MEETING", venue ? "VENUE" : "VIDEO", null, venue, venue ? null : `https://video.${SCALE_STAFF_DOMAIN}/m/${n}`, starts, ends, held ? "HELD" : "SCHEDULED", plan.bookedOn, mediator.id, mediator.id, at(plan.bookedOn, 30), held ? at(plan.meetingOn, 300) : at(plan.bookedOn, 30));
    t.MeetingChange.add(`scale-mc-${k6}`, id, mid, "BOOKED", starts, ends, venue ? "Venue" : "Video call", 0, mediator.id, at(plan.bookedOn, 30));
    parties.forEach((p, i) => {
      const response = held ? "ACCEPTED" : rng.pick(["ACCEPTED", "ACCEPTED", "INVITED", "TENTATIVE"]);
      t.MeetingAttendee.add(`scale-ma-${k6}-${p3(i + 1)}`, id, mid, p.id, response, response === "INVITED" ? null : at(plan.bookedOn!, 120), p.kind === "INTERPRETER" ? interpreter : null, p.email ? at(plan.bookedOn!, 31) : null, at(plan.bookedOn!, 30), at(plan.bookedOn!, 120));
    });
    if (held && plan.heldOn) {
      const rid = `scale-mr-${k6}`;
      t.MeetingRecord.add(rid, id, mid, starts, ends, pgArray([rng.pick(["WRITTEN_STATEMENT", "SPOKEN_TO_BEFOREHAND", "DRAWING", "ATTENDED"])]), "Wants help with reading and to sit near the front.", mediator.id, at(plan.heldOn, 420), at(plan.heldOn, 420));
      const attendees = parties.filter((p) => p.kind !== "PARENT" || !youngPerson);
      attendees.forEach((p, i) => t.MeetingRecordAttendee.add(`scale-ra-${k6}-${p3(i + 1)}`, rid, p.id, p.name, CAPACITY[p.kind] ?? "OTHER", p.organisation, p.kind === "LA" || p.kind === "HEALTH" ? true : null, i));
      if (kept("SEALED")) {
        const aid = `scale-a-${k6}`;
        const did = `scale-doc-a-${k6}`;
        const agreementKind = drs ? "OUTCOME_STATEMENT" : "AGREEMENT";
        const whatWasAgreed = plan.actions.map((a) => a.what).join("; ") || "The parties agreed the actions below.";
        const content = JSON.stringify({ kind: agreementKind, caseReference: reference, agreedOn: plan.heldOn, whatWasAgreed, actions: plan.actions.map((a) => ({ what: a.what, responsible: a.responsible, dueOn: a.dueOn })) });
        const contentSha = sha(content);
        t.Document.add(did, id, agreementKind, drs ? "Outcome statement" : "Mediation agreement", "SHARED", content, contentSha, null, PLACEHOLDER_SHA, PLACEHOLDER_PDF.length, `${reference}-${drs ? "outcome-statement" : "mediation-agreement"}-v1.pdf`, verificationCode(did), at(plan.heldOn, 480), mediator.id);
        t.CaseAgreement.add(aid, id, agreementKind, "SEALED", rid, plan.heldOn, whatWasAgreed, plan.agreement === "PARTIAL" ? "The number of therapy hours was not agreed." : null, contentSha, did, at(plan.heldOn, 480), mediator.id, at(plan.heldOn, 400), at(plan.heldOn, 480));
        attendees.forEach((p, i) => {
          const sid = `scale-as-${k6}-${p3(i + 1)}`;
          t.AgreementSigner.add(sid, aid, id, `scale-ra-${k6}-${p3(i + 1)}`, p.id, p.name, CAPACITY[p.kind] ?? "OTHER", i);
          t.AgreementSignature.add(`scale-sg-${k6}-${p3(i + 1)}`, aid, sid, id, "SIGNED", "IN_PERSON", contentSha, p.name, mediator.id, at(plan.heldOn!, 450 + i));
        });
        for (const a of plan.actions) {
          const actId = `scale-aa-${k6}-${p3(a.position + 1)}`;
          t.AgreementAction.add(actId, aid, id, a.position, a.what, a.responsible, a.kind, a.dueOn, a.howChecked, at(plan.heldOn, 400));
          const done = plan.steps.some((s) => s.mark === "OBLIGATION_DONE" && s.position === a.position);
          const oid = `scale-o-${k6}-${p3(a.position + 1)}`;
          t.Obligation.add(oid, id, la.id, actId, a.position, a.what, a.responsible, a.dueOn, a.howChecked, done ? "DONE" : "OPEN", done ? a.doneOn : null, at(plan.heldOn, 480), done ? at(a.doneOn, 60) : at(plan.heldOn, 480));
          if (done) t.ObligationUpdate.add(`scale-ou-${k6}-${p3(a.position + 1)}`, oid, id, "DONE", at(a.doneOn, 60), caseworker.id, "Done: confirmed by the family.", true);
        }
      }
    }
  }

  // The certificate, with its sealed PDF (metadata; the bytes are a shared placeholder).
  if (kept("CERTIFICATE") && plan.certificate) {
    const cert = plan.certificate;
    const did = `scale-doc-c-${k6}`;
    const issuer = cert.kind === "AFTER_MEDIATION" ? mediator : caseworker;
    const namedParties = parties.filter((p) => ["PARENT", "YOUNG_PERSON", "LA", "HEALTH"].includes(p.kind)).map((p) => ({ role: p.kind === "LA" ? "Local authority" : p.kind === "HEALTH" ? "Integrated care board" : p.kind === "YOUNG_PERSON" ? "Young person" : "Parent", name: p.name }));
    const issues = c.decisions.slice(0, 2).map((d) => ({ category: "Education", description: (DECISION_SUMMARY[d] ?? d).replace(/^The family /, "") }));
    const content = JSON.stringify({ kind: cert.kind, caseReference: reference, issuedOn: cert.issuedOn, parties: namedParties, issues, appealDeadlineOn: cert.appealDeadlineOn });
    const title = cert.kind === "AFTER_MEDIATION" ? "Certificate after mediation" : "Mediation advice certificate (the family did not go on to mediation)";
    t.Document.add(did, id, "CERTIFICATE", title, "SHARED", content, sha(content), null, PLACEHOLDER_SHA, PLACEHOLDER_PDF.length, `${reference}-mediation-certificate-v1.pdf`, verificationCode(did), at(cert.issuedOn, 240), issuer.id);
    t.Certificate.add(`scale-cert-${k6}`, id, cert.kind, cert.triggerOn, cert.dueOn, cert.issuedOn, issuer.id, issuer.name, pgArray(c.decisions), JSON.stringify(issues), JSON.stringify(namedParties), cert.appealDeadlineOn, cert.appealExplanation, did, issuer.id, at(cert.issuedOn, 240));
  }
}

// ---------------------------------------------------------------------------------------------
// The cases: which LA, which route, when; a few forced to each stage
// ---------------------------------------------------------------------------------------------

function planCase(rng: Rng, dm: DateMemo, today: string, spanFrom: string, n: number): { plan: CasePlan; decisions: string[]; extraNotes: number; forced: boolean } {
  const forcedIndex = n - 2; // SM-SCALE-000002 … : FORCED_PER_STATUS of each status
  const forcedStatus = n === 1 ? "MONITORING" : forcedIndex >= 0 && forcedIndex < FORCED_STATUSES.length * FORCED_PER_STATUS ? FORCED_STATUSES[forcedIndex % FORCED_STATUSES.length]! : null;
  const build = (shape: ReturnType<typeof randomShape>, referredOn: string) => {
    const { steps, plan } = caseHistory(rng, dm, shape, referredOn);
    const cut = cutAt(dm, steps, today);
    return { plan: { ...plan, ...cut } as CasePlan, decisions: shape.decisions as string[] };
  };
  if (forcedStatus) {
    const recentFrom = addCalendarDays(today, -220);
    for (let attempt = 0; attempt < 2_000; attempt++) {
      const shape = { ...randomShape(rng, routeFor(forcedStatus), 1), health: false, selfReferral: false, appeal: false, agreement: forcedStatus === "MONITORING" ? ("FULL" as const) : forcedStatus === "CERTIFICATE_ISSUED" ? ("NONE" as const) : randomShape(rng).agreement };
      const from = forcedStatus === "CLOSED" ? spanFrom : recentFrom;
      const r = build(shape, randomWorkingDay(rng, dm, from, today));
      if (r.plan.status === forcedStatus) {
        const events = r.plan.steps.filter((s) => !s.silent).length;
        return { ...r, extraNotes: n === 1 ? Math.max(0, 200 - events) : 0, forced: true };
      }
    }
  }
  const shape = randomShape(rng);
  const r = build(shape, randomWorkingDay(rng, dm, spanFrom, today));
  return { ...r, extraNotes: 0, forced: false };
}

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

async function withClient<T>(databaseUrl: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end();
  }
}

/** Cases that are neither demo nor scale cases: real data, which scale data must never sit beside. */
async function countRealCases(client: pg.ClientBase): Promise<number> {
  const r = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Case" WHERE reference NOT LIKE $1 AND reference NOT LIKE $2`, [`${DEMO_REFERENCE_PREFIX}%`, `${SCALE_REFERENCE_PREFIX}%`]);
  return r.rows[0]!.n;
}

/**
 * The cases of a database that are neither demo nor scale cases (0 when it has no tables yet):
 * what the command line checks before it applies any migration, so that a real database is not
 * even migrated by it.
 */
export async function countRealCasesAt(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('"Case"')::text AS t`);
    return exists.rows[0]!.t ? countRealCases(client) : 0;
  });
}

/**
 * Deletes the scale cases and everything that belongs to them, their certificates and sealed
 * documents included (kept from a case's deletion elsewhere on purpose: onDelete Restrict).
 * Accounts, LAs and venues stay (audit rows may name the accounts; the audit trail is append-only,
 * decision 0026, and is not touched); the next seed upserts them. With the foreign-key triggers
 * off (`replica`), each table that refers to a case is emptied of the scale cases' rows in one
 * set-based DELETE — minutes faster at 100,000 cases than the cascade, row by row, it replaces.
 */
async function deleteScaleCases(client: pg.ClientBase, replica: boolean): Promise<number> {
  const like = `${SCALE_REFERENCE_PREFIX}%`;
  await client.query(`CREATE TEMP TABLE scale_doomed ON COMMIT DROP AS SELECT id FROM "Case" WHERE reference LIKE $1`, [like]);
  await client.query(`ALTER TABLE scale_doomed ADD PRIMARY KEY (id)`);
  if (replica) {
    // Every table below a case, found from the foreign keys (breadth first from "Case"), emptied
    // of the rows that belong to the doomed cases, the deepest first.
    const fks = (
      await client.query<{ child: string; col: string; parent: string }>(
        `SELECT c.conrelid::regclass::text AS child, a.attname AS col, c.confrelid::regclass::text AS parent
           FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
          WHERE c.contype = 'f' AND c.conrelid <> c.confrelid AND c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())`,
      )
    ).rows;
    const cond = new Map<string, string>([['"Case"', "id IN (SELECT id FROM scale_doomed)"]]);
    const order: string[] = [];
    for (let level = ['"Case"']; level.length > 0; ) {
      const next: string[] = [];
      for (const parent of level)
        for (const fk of fks.filter((f) => f.parent === parent && !cond.has(f.child))) {
          cond.set(fk.child, `"${fk.col}" IN (SELECT id FROM ${parent} WHERE ${cond.get(parent)})`);
          order.push(fk.child);
          next.push(fk.child);
        }
      level = next;
    }
    for (const table of order.reverse()) await client.query(`DELETE FROM ${table} WHERE ${cond.get(table)}`);
  } else {
    await client.query(`DELETE FROM "Certificate" WHERE "caseId" IN (SELECT id FROM scale_doomed)`);
    await client.query(`DELETE FROM "Document" WHERE "caseId" IN (SELECT id FROM scale_doomed)`);
  }
  const r = await client.query(`DELETE FROM "Case" WHERE id IN (SELECT id FROM scale_doomed)`);
  return r.rowCount ?? 0;
}

/**
 * Drops the indexes of `tables` that back no constraint (primary keys and unique constraints stay,
 * so duplicates are still refused during the load) and returns their definitions, to be run again.
 */
async function dropSecondaryIndexes(client: pg.ClientBase, tables: string[]): Promise<string[]> {
  const r = await client.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()))
        AND i.indexdef NOT LIKE 'CREATE UNIQUE%'`,
    [tables],
  );
  for (const ix of r.rows) await client.query(`DROP INDEX "${ix.name.replace(/"/g, '""')}"`);
  return r.rows.map((ix) => ix.def);
}

/**
 * After a reset and the new load: family accounts of an earlier run that no case refers to now
 * (another --seed or --cases gives other names), unless something else (an audit row) names them.
 * With the foreign-key triggers on, so what belongs to them (sign-in links) goes too. Accounts the
 * new cases use again (same address) were kept, not deleted and made again.
 */
async function deleteStaleFamilyAccounts(client: pg.ClientBase, replica: boolean): Promise<number> {
  if (replica) await client.query("SET LOCAL session_replication_role = origin");
  await client.query("SAVEPOINT family_accounts");
  return client
    .query(
      `DELETE FROM "User" u WHERE u.email LIKE $1 AND u.role = 'PARENT'
          AND NOT EXISTS (SELECT 1 FROM "Party" p WHERE p."userId" = u.id) AND NOT EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a."actorId" = u.id)`,
      [`%@${SCALE_FAMILY_DOMAIN}`],
    )
    .then(
      async (r) => {
        await client.query("RELEASE SAVEPOINT family_accounts");
        return r.rowCount ?? 0;
      },
      async () => {
        await client.query("ROLLBACK TO SAVEPOINT family_accounts");
        return 0;
      },
    );
}

export async function seedScale(databaseUrl: string, options: ScaleOptions): Promise<ScaleResult> {
  if (process.env.NODE_ENV === "production") throw new ScaleDataInProductionError();
  if (!Number.isInteger(options.cases) || options.cases < 1 || options.cases > 999_999) throw new RangeError("cases must be a whole number from 1 to 999,999");
  const started = performance.now();
  const total = options.cases;
  const progress = options.onProgress ?? (() => {});
  const counts: Record<string, number> = {};
  await withClient(databaseUrl, async (client) => {
    await client.query("BEGIN");
    try {
      // Nothing is written before both checks (and the lock keeps a case from arriving in between).
      await client.query(`LOCK TABLE "Case" IN SHARE ROW EXCLUSIVE MODE`);
      const real = await countRealCases(client);
      if (real > 0) throw new RealDataError(real);
      const existing = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Case" WHERE reference LIKE $1`, [`${SCALE_REFERENCE_PREFIX}%`])).rows[0]!.n;
      if (existing > 0 && !options.reset) throw new ScaleDataExistsError(existing);
      await client.query(`SET LOCAL synchronous_commit = off`);
      // The rows are generated consistent with each other, so the foreign-key triggers are skipped
      // for the load where the role may (a superuser, e.g. the embedded server): twice as fast.
      // `checkForeignKeys` keeps them on for the load (the integration test does, so a dangling id
      // fails it); a reset uses them off either way (see deleteScaleCases).
      let replica = false;
      await client.query("SAVEPOINT replica");
      await client.query("SET LOCAL session_replication_role = replica").then(
        async () => {
          replica = true;
          await client.query("RELEASE SAVEPOINT replica");
        },
        () => client.query("ROLLBACK TO SAVEPOINT replica"),
      );
      if (existing > 0) {
        progress(0, total, "deleting the previous scale cases");
        counts.deletedCases = await deleteScaleCases(client, replica);
      }
      if (replica && options.checkForeignKeys) await client.query("SET LOCAL session_replication_role = origin");
      const rng = new Rng(options.seed ?? 1);
      const dm = new DateMemo();
      const today = todayInLondon();
      const ref = await seedReference(client, total, rng);
      Object.assign(counts, ref.counts);
      const { staff, las } = ref;
      // History: as many years as the LAs' yearly requests take to make `cases`, from 2016 at the earliest (R-64).
      const perYear = las.reduce((s, l) => s + l.annual, 0);
      const years = total / perYear;
      const byYears = addCalendarDays(today, -Math.round(years * 365.25));
      const spanFrom = byYears > EARLIEST_REFERRAL ? byYears : EARLIEST_REFERRAL;
      counts.historyDays = daysBetween(spanFrom, today);
      const laPicker = new WeightedPicker(las.map((l) => l.annual));
      const t = tables();
      // Secondary indexes are dropped for the load and built again at the end, in this transaction:
      // one sort per index is far faster than a million single inserts into it (trigram GIN above all).
      const indexes = await dropSecondaryIndexes(client, Object.values(t).map((r) => r.table));
      progress(0, total, "cases");
      // Batch k is written by the server while batch k + 1 is generated here.
      let writing: Promise<void> = Promise.resolve();
      for (let from = 1; from <= total; from += SCALE_BATCH_CASES) {
        const to = Math.min(total, from + SCALE_BATCH_CASES - 1);
        for (let n = from; n <= to; n++) {
          const p = planCase(rng, dm, today, spanFrom, n);
          writeCase(t, rng, today, staff, las, {
            n,
            la: n === 1 ? 0 : laPicker.pick(rng),
            plan: p.plan,
            decisions: p.decisions,
            youngPerson: !p.forced && rng.chance(0.2),
            familyEmail: p.forced || rng.chance(0.92),
            extraNotes: p.extraNotes,
          });
        }
        await writing;
        writing = writeBatch(client, t).then((written) => {
          for (const [table, rows] of Object.entries(written)) counts[table] = (counts[table] ?? 0) + rows;
          progress(to, total, "cases");
        });
      }
      await writing;
      progress(total, total, "building indexes");
      await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
      for (const def of indexes) await client.query(def);
      // After the indexes are back: deleting an account checks the tables that may refer to it.
      if (existing > 0) counts.deletedFamilyAccounts = await deleteStaleFamilyAccounts(client, replica);
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    }
    // As a database in use would be: statistics gathered for the planner.
    progress(total, total, "analysing");
    const analysed = [...Object.values(tables()).map((r) => r.table), "LocalAuthority", "Venue", "MediatorArea"];
    await client.query(`ANALYZE ${analysed.map((n) => `"${n}"`).join(", ")}`);
  });
  // Family accounts: one per family party with an email; "new" are those not kept from an earlier run.
  counts.FamilyUser = counts.User ?? 0;
  counts.FamilyUserNew = counts["User:new"] ?? 0;
  delete counts.User;
  delete counts["User:new"];
  const subjects = await scaleSubjects(databaseUrl);
  return { subjects, seconds: (performance.now() - started) / 1000, counts };
}

/** The accounts and records the benchmarks sign in as and open, on a database already seeded. */
export async function scaleSubjects(databaseUrl: string): Promise<ScaleSubjects> {
  return withClient(databaseUrl, async (client) => {
    const staff = await client.query<{ email: string; role: string }>(`SELECT email, role::text AS role FROM "User" WHERE email LIKE $1 AND active ORDER BY email`, [`%@${SCALE_STAFF_DOMAIN}`]);
    const of = (role: string) => staff.rows.filter((r) => r.role === role).map((r) => r.email);
    const largest = await client.query<{ email: string }>(
      `SELECT u.email FROM (SELECT "localAuthorityId" AS la, count(*) AS n FROM "Case" WHERE reference LIKE $1 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1) l
         JOIN "User" u ON u."localAuthorityId" = l.la AND u.role = 'LA_OFFICER' AND u.email LIKE $2 ORDER BY u.email LIMIT 1`,
      [`${SCALE_REFERENCE_PREFIX}%`, `%@${SCALE_STAFF_DOMAIN}`],
    );
    const family = await client.query<{ email: string; status: string }>(
      `SELECT u.email, c.status::text AS status FROM "Case" c JOIN "Party" p ON p."caseId" = c.id AND p.kind = 'PARENT' JOIN "User" u ON u.id = p."userId"
        WHERE c.reference LIKE $1 AND c."familyParty" = 'PARENT' AND c.reference <= $2 ORDER BY c.reference`,
      [`${SCALE_REFERENCE_PREFIX}%`, `${SCALE_REFERENCE_PREFIX}000200`],
    );
    const long = await client.query<{ id: string }>(`SELECT id FROM "Case" WHERE reference = $1`, [LONG_TIMELINE_REFERENCE]);
    const booked = family.rows.find((r) => r.status === "MEETING_SCHEDULED");
    if (!booked || !long.rows[0] || !largest.rows[0]) throw new Error("This database holds no scale data (run npm run seed:scale first).");
    return {
      password: SCALE_PASSWORD,
      caseworkerEmail: of("CASEWORKER")[0]!,
      mediatorEmail: of("MEDIATOR")[0]!,
      laOfficerEmail: largest.rows[0].email,
      familyEmail: booked.email,
      caseWith200EventsId: long.rows[0].id,
      staffEmails: { caseworkers: of("CASEWORKER"), mediators: of("MEDIATOR"), laOfficers: of("LA_OFFICER") },
      familyEmails: family.rows.slice(0, 24).map((r) => r.email),
    };
  });
}
