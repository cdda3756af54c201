/**
 * The dashboard's CSV (issue 12, lib/la/export-la-deadlines.ts): the header, every row of the
 * filters on screen (all pages, the same order and values), cells safe from spreadsheet formulas,
 * an audit row naming the filters and the count; nothing and no audit row for anyone else.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { NotFoundError } from "@/lib/auth/types";
import { addCalendarDays, dbDateFromIso, todayInLondon } from "@/lib/deadlines";
import { csvCell, toCsv } from "@/lib/platform/csv";
import { CSV_HEADER, exportLaDeadlines } from "@/lib/la/export-la-deadlines";
import { listLaDeadlines } from "@/lib/la/list-la-deadlines";
import { makeLa, makeUser, uid } from "../helpers";
import { la, laOfficer, makeCase, otherLa, refusal, setUpCaseFixtures } from "../cases/fixtures";
import { parseCsv } from "../../csv";

setUpCaseFixtures();

const NOW = new Date("2026-03-02T12:00:00Z");
const TODAY = todayInLondon(NOW);


describe("csvCell and toCsv", () => {
  it("puts a ' before text a spreadsheet would run as a formula, quotes what must be, and keeps numbers as numbers", () => {
    expect(["=1+1", "+44 1632", "-cmd", "@SUM(A1)", "\tx", "\rx"].map(csvCell)).toEqual(["'=1+1", "'+44 1632", "'-cmd", "'@SUM(A1)", "'\tx", `"'\rx"`]);
    expect(csvCell('He said "no", twice')).toBe('"He said ""no"", twice"');
    expect(csvCell("=HYPERLINK(\"http://x\",\"a\")")).toBe('"\'=HYPERLINK(""http://x"",""a"")"');
    expect([csvCell(-2), csvCell(0), csvCell(null), csvCell("Łukasz")]).toEqual(["-2", "0", "", "Łukasz"]);
    expect(toCsv(["a", "b"], [[1, "x,y"]])).toBe('\uFEFFa,b\r\n1,"x,y"\r\n');
  });
});

describe("exportLaDeadlines", () => {
  let monitoring: { id: string; reference: string };
  beforeAll(async () => {
    monitoring = await makeCase({ status: "MONITORING", agreement: "FULL" });
    const rows = Array.from({ length: 28 }, (_, i) => ({
      caseId: monitoring.id,
      localAuthorityId: la.id,
      what: i === 0 ? '=HYPERLINK("http://evil.example","Click")' : `Action ${String(i).padStart(2, "0")}, with a comma`,
      responsible: "LA" as const,
      dueOn: dbDateFromIso(addCalendarDays(TODAY, i - 2)),
      howChecked: "Checked",
      position: i,
      sourceActionId: `a-${uid()}`,
    }));
    await db().obligation.createMany({ data: rows });
    await makeCase({ status: "ALLOCATED", deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: addCalendarDays(TODAY, -20) } });
    await makeCase({ laId: otherLa.id, status: "ALLOCATED", deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: addCalendarDays(TODAY, -25) } });
  });

  it("has the header and every row of the filters, all pages, as the screen shows them; audited with the filters", async () => {
    const csv = await exportLaDeadlines(laOfficer, { kind: "action" }, "198.51.100.4", NOW);
    const [header, ...lines] = parseCsv(csv.body);
    expect(header).toEqual([...CSV_HEADER]);
    expect(csv.rows).toBe(28);
    expect(lines).toHaveLength(28);
    expect(csv.fileName).toBe("outstanding-deadlines-2026-03-02.csv");

    // The screen's two pages, in the same order, with the same values.
    const one = await listLaDeadlines(laOfficer, { kind: "action" }, NOW);
    const two = await listLaDeadlines(laOfficer, { kind: "action", page: 2 }, NOW);
    const screen = [...one.rows, ...two.rows];
    expect(one.total).toBe(28);
    expect(lines.map((l) => l[0])).toEqual(screen.map((r) => r.reference));
    expect(lines.map((l) => l[4])).toEqual(screen.map((r) => (r.what.startsWith("=") ? `'${r.what}` : r.what)));
    expect(lines.map((l) => l[6])).toEqual(screen.map((r) => r.dueOn));
    expect(lines.map((l) => Number(l[7]))).toEqual(screen.map((r) => r.workingDaysLeft));
    // Due Saturday 28 February: on Monday 2 March it is 1 working day overdue.
    expect(lines[0]).toEqual([monitoring.reference, "", "Monitoring", "Agreed action", `'=HYPERLINK("http://evil.example","Click")`, "Local authority", "2026-02-28", "-1", "Overdue", "", ""]);
    // No other kind, and no text cell a spreadsheet would run.
    expect(lines.every((l) => l[3] === "Agreed action")).toBe(true);
    expect(lines.flat().filter((cell) => /^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && !/^-\d+$/.test(cell)))).toEqual([]);

    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "la.deadlines_exported", actorId: laOfficer.id }, orderBy: { at: "desc" } });
    expect(audit).toMatchObject({ entityType: "LocalAuthority", entityId: la.id, ip: "198.51.100.4", after: { kind: "ACTION", status: null, due: "ALL", rows: 28 } });
  });

  it("follows the other filters too, and never holds another LA's rows", async () => {
    const overdue = parseCsv((await exportLaDeadlines(laOfficer, { due: "overdue" }, null, NOW)).body).slice(1);
    expect(overdue.map((l) => l[6]).every((d) => d! < TODAY)).toBe(true);
    expect(overdue).toHaveLength((await listLaDeadlines(laOfficer, { due: "overdue" }, NOW)).total);
    const all = parseCsv((await exportLaDeadlines(laOfficer, {}, null, NOW)).body).slice(1);
    expect(all).toHaveLength((await listLaDeadlines(laOfficer, {}, NOW)).total);
    const theirs = await db().case.findMany({ where: { localAuthorityId: otherLa.id }, select: { reference: true } });
    expect(all.some((l) => theirs.some((t) => t.reference === l[0]))).toBe(false);
    expect(all.filter((l) => l[3] === "Mediation not held yet").map((l) => l[10])).toEqual(["No meeting booked"]);
  });

  it("anyone but an LA officer: 404 and no audit row; an officer with no LA: the header only", async () => {
    for (const role of ["CASEWORKER", "ADMIN", "MEDIATOR", "PARENT"] as const) {
      const u = await makeUser(role);
      expect(await refusal(exportLaDeadlines(u, {}, null, NOW))).toBeInstanceOf(NotFoundError);
      expect(await db().auditEvent.count({ where: { actorId: u.id } })).toBe(0);
    }
    const none = await makeUser("LA_OFFICER");
    expect(parseCsv((await exportLaDeadlines(none, {}, null, NOW)).body)).toEqual([[...CSV_HEADER]]);
    const empty = await makeUser("LA_OFFICER", { localAuthorityId: (await makeLa()).id });
    expect((await exportLaDeadlines(empty, {}, null, NOW)).rows).toBe(0);
  });
});
