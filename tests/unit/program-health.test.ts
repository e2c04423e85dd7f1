import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { ratioStanding, secondsToDays } from "@/lib/domain/program-health";
import type { ProgramHealth } from "@/lib/server/program-health";
import { HEALTH_TABLE_IDS, healthTables } from "@/lib/server/program-health-tables";

describe("ratioStanding", () => {
  it.each([
    [3, 4, "over"],
    [3, 3, "full"],
    [3, 2, "under"],
    [3, 0, "under"],
    [0, 0, "full"],
    [0, 1, "over"],
    [null, 5, "noCap"],
  ] as const)("cap %s, %s passed: %s", (cap, passed, standing) => {
    expect(ratioStanding(cap, passed)).toBe(standing);
  });
});

describe("secondsToDays", () => {
  it.each([
    [0, 0],
    [86_400, 1],
    [4 * 86_400 / 3, 1.3],
    [8 * 86_400 / 3, 2.7],
    [86_400 * 0.05, 0.1],
    [86_400 * 0.04, 0],
    [null, null],
    [Number.NaN, null],
  ] as const)("%s seconds are %s days", (seconds, days) => {
    expect(secondsToDays(seconds)).toBe(days);
  });
});

// Every table's words exist in both catalogues, and every column the table names is in its rows:
// the page and the export read the same definitions.
const sample: ProgramHealth = {
  program: { id: "p", name: "项目", year: 2026, status: "IN_SERVICE" },
  posts: [{ postId: "a", title: "岗位", receivingOrg: "医院", rotationBatch: 1, headcount: 2, applications: 3, approved: 1, dispatched: 1 }],
  stageCounts: [
    { postId: null, postTitle: null, stage: "APPROVAL", pendingEndorsement: 0, inProgress: 1, ended: 0, approved: 1 },
    { postId: "a", postTitle: "岗位", stage: "APPROVAL", pendingEndorsement: 0, inProgress: 1, ended: 0, approved: 1 },
  ],
  ratios: [{ postId: "a", postTitle: "岗位", stage: "REPORT_LIST", ratio: 2, headcount: 2, cap: 4, passed: 5, standing: "over" }],
  quotas: [{ postTitle: "岗位", unitName: "单位", minimum: 2, nominated: 1, state: "short" }],
  durations: [{ stage: "REGISTRATION", waitingOn: "unit", waitingNow: 1, avgWaitDays: 2.5, longestWaitDays: 3, decided: 0, avgDecisionDays: null, longestDecisionDays: null }],
  dispatches: [{ dispatchId: "d", doctorName: "医生", dispatchingUnit: "单位", receivingOrg: "医院", postTitle: "岗位", startDate: "2026-01-05", lastDay: "2027-01-04", status: "ACTIVE" }],
  leave: [{ dispatchId: "d", doctorName: "医生", receivingOrg: "医院", homeLeaveDays: 10, spouseVisitDays: 0, sickDays: 1, personalDays: 0, pendingRequests: 0, absences: 1 }],
  workload: {
    months: [{ month: "2026-01", logs: 1, outpatients: 5, operations: 1, lectures: 0, newTechniques: 1, newDepartments: 0, traineesHosted: 0, juniorsMentored: 0, examsPassed: 0 }],
    total: { month: "", logs: 1, outpatients: 5, operations: 1, lectures: 0, newTechniques: 1, newDepartments: 0, traineesHosted: 0, juniorsMentored: 0, examsPassed: 0 },
  },
  allowances: [{ month: "2026-01", dispatchingUnitFen: 1_000_050, bureauFinanceFen: 0, fundPoolFen: 0, dueFen: 1_000_050, paidFen: 0 }],
  grades: [{ year: 2026, excellent: 1, competent: 0, basicallyCompetent: 0, incompetent: 0, notGraded: 0, notAssessed: 0 }],
};

function catalogue(locale: string): Record<string, unknown> {
  const dir = path.join(process.cwd(), "messages", locale);
  const files = ["health.json", "programs.json", "dispatches.json"];
  return Object.assign({}, ...files.map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Record<string, unknown>));
}

describe("healthTables", () => {
  it.each(["zh-CN", "en"])("%s: every table in words, every column in its rows", (locale) => {
    const missing: string[] = [];
    const t = createTranslator({ locale, messages: catalogue(locale), onError: (e) => missing.push(e.message) });
    const tables = healthTables(sample, (key, values) => t(key as never, values as never));
    expect(missing).toEqual([]);
    expect(tables.map((x) => x.id)).toEqual([...HEALTH_TABLE_IDS]);
    for (const table of tables) {
      expect(table.rows.length, table.id).toBeGreaterThan(0);
      for (const column of table.columns) expect(table.rows[0], `${table.id}.${column.key}`).toHaveProperty(column.key);
      for (const s of table.chart.series) expect(table.chart.rows[0], `${table.id} chart ${s.key}`).toHaveProperty(s.key === "range" ? "from" : s.key);
    }
  });

  it("writes money in yuan, totals and stage totals as the table shows them", () => {
    const t = createTranslator({ locale: "zh-CN", messages: catalogue("zh-CN") });
    const tables = new Map(healthTables(sample, (key, values) => t(key as never, values as never)).map((x) => [x.id, x]));
    expect(tables.get("allowances")!.rows[0]).toMatchObject({ month: "2026-01", dispatchingUnitYuan: 10000.5 });
    expect(tables.get("workload")!.rows.map((r) => r.month)).toEqual(["2026-01", "合计"]);
    expect(tables.get("workload")!.chart.rows.map((r) => r.month)).toEqual(["2026-01"]);
    expect(tables.get("stages")!.rows.map((r) => r.post)).toEqual(["全部岗位", "岗位"]);
    expect(tables.get("stages")!.chart.rows).toHaveLength(1);
    expect(tables.get("ratios")!.rows[0]).toMatchObject({ ratio: "1:2", standing: "超出比例" });
    expect(tables.get("dispatches")!.chart.rows[0]).toMatchObject({ from: 20458, to: 20823 });
  });
});
