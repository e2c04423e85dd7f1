// The service lists through /api/v1 (issue 15), on real PostgreSQL with the demo's cohort in service:
// the dispatch list, the leave queue, the workload totals, finance's month of allowances and the
// annual assessments each sort in SQL by their own whitelisted columns, both ways, in pages of the
// size asked for that never overlap; and refuse an unknown sort key, direction or page size (422),
// where the pages themselves quietly drop them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "@/lib/auth/policy";
import { issueApiToken } from "@/lib/server/api-tokens";
import { loadServiceAllowances, loadServiceCohort, loadServiceEvaluations, loadServiceLeave, loadServiceWorklogs } from "@/prisma/seed";
import { apiCaller, apiTestDatabase, type Json } from "./setup/api";
import type { TestDatabase } from "./setup/db";

let db: TestDatabase;
const scopes: Record<string, Scope> = {};
const tokens: Record<string, string> = {};
const USERS = ["wz-admin", "wz-receiver"];
const call = apiCaller(
  {
    "dispatches/list": () => import("@/app/api/v1/dispatches/list/route"),
    leave: () => import("@/app/api/v1/leave/route"),
    workload: () => import("@/app/api/v1/workload/route"),
    "allowances/due": () => import("@/app/api/v1/allowances/due/route"),
    assessments: () => import("@/app/api/v1/assessments/route"),
  },
  tokens,
);

beforeAll(async () => {
  db = await apiTestDatabase(USERS, scopes);
  const everywhere = { ...scopes["wz-admin"]!, subtreeIds: (await db.prisma.organization.findMany({ select: { id: true } })).map((o) => o.id) };
  for (const username of USERS) tokens[username] = (await issueApiToken(db.prisma, everywhere, { userId: scopes[username]!.user.id, name: "test" })).token;
  await loadServiceCohort(db.prisma);
  await loadServiceLeave(db.prisma);
  await loadServiceWorklogs(db.prisma);
  await loadServiceEvaluations(db.prisma);
  await loadServiceAllowances(db.prisma);
  // Setting the scene: more leave waiting on the receiving unit (one per dispatch of its doctors) and
  // two more years of the assessment, so that each list has rows enough to sort.
  const receiver = scopes["wz-receiver"]!.user;
  const dispatches = await db.prisma.dispatch.findMany({ where: { receivingOrgId: receiver.organizationId! }, select: { id: true }, orderBy: { id: "asc" } });
  const filer = (await db.prisma.user.findFirstOrThrow({ where: { username: "wz-admin" } })).id;
  await db.prisma.leaveRequest.createMany({
    data: dispatches.flatMap((d, i) => [
      { dispatchId: d.id, kind: "PERSONAL" as const, startDate: new Date(Date.UTC(2027, 0, 2 + i)), endDate: new Date(Date.UTC(2027, 0, 2 + i + (i % 3))), days: 1 + (i % 3), reason: "家中有事", filedById: filer, filedAt: new Date(Date.UTC(2026, 10, 1, i % 5)) },
    ]),
  });
  const assessment = await db.prisma.assessment.findFirstOrThrow({ select: { programId: true, schemeId: true, openedById: true, year: true } });
  await db.prisma.assessment.createMany({ data: [1, 2].map((n) => ({ programId: assessment.programId, schemeId: assessment.schemeId, openedById: assessment.openedById, year: assessment.year - n, status: n === 1 ? ("FINALISED" as const) : ("SCORING" as const) })) });
}, 600_000);

afterAll(async () => {
  await db?.drop();
});

type Value = string | number | null;
const cmp = (a: Value, b: Value) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

/** `file`'s rows sorted by `key` both ways (as `value` reads them), pages of 20 that are the first rows of 100, and the refusals. */
async function checkList(file: string, user: string, key: string, value: (row: Json) => Value, extra = "") {
  const get = async (query: string) => {
    const { status, json } = await call(file, "GET", user, { url: `/${file}?${query}${extra}` });
    expect(status, `${file}?${query}`).toBe(200);
    return json;
  };
  const rowsOf = (json: Json) => (json.rows ?? json.items) as Json[];
  const asc = rowsOf(await get(`sort=${key}&dir=asc&size=100`)).map(value);
  expect(asc.length, `${file} ${key}: rows enough to sort`).toBeGreaterThan(2);
  expect(asc, `${file} ${key} ascending`).toEqual([...asc].sort(cmp));
  const descending = rowsOf(await get(`sort=${key}&dir=desc&size=100`)).map(value);
  expect(descending, `${file} ${key} descending`).toEqual([...descending].sort((a, b) => cmp(b, a)));
  expect(new Set(descending)).toEqual(new Set(asc));

  const all = await get(`sort=${key}&dir=desc&size=100`);
  const first = await get(`sort=${key}&dir=desc&size=20`);
  expect(rowsOf(first).length).toBe(Math.min(20, all.total));
  expect(first.pageCount).toBe(Math.max(1, Math.ceil(all.total / 20)));
  const second = await get(`sort=${key}&dir=desc&size=20&page=2`);
  expect([...rowsOf(first), ...rowsOf(second)].map((r) => r.id ?? r.name)).toEqual(rowsOf(all).slice(0, 40).map((r) => r.id ?? r.name));

  for (const bad of ["sort=id", `sort=${encodeURIComponent('name"; DROP TABLE "User"; --')}`, `sort=${key}&dir=sideways`, "size=7"]) {
    const { status, json } = await call(file, "GET", user, { url: `/${file}?${bad}${extra}` });
    expect(status, `${file}?${bad} is refused`).toBe(422);
    expect(json.error.code).toBe("validation");
  }
}

describe("the service lists sort and page in SQL, and refuse what they do not know", () => {
  it("dispatches: doctor, first and last day", async () => {
    await checkList("dispatches/list", "wz-admin", "doctor", (r) => r.doctor.name, "&ended=1");
    await checkList("dispatches/list", "wz-admin", "startDate", (r) => r.startDate, "&ended=1");
    await checkList("dispatches/list", "wz-admin", "lastDay", (r) => r.lastDay, "&ended=1");
  });

  it("the leave queue: filed, first day, days, doctor", async () => {
    await checkList("leave", "wz-receiver", "filedAt", (r) => r.filedAt);
    await checkList("leave", "wz-receiver", "startDate", (r) => r.startDate);
    await checkList("leave", "wz-receiver", "days", (r) => r.days);
    await checkList("leave", "wz-receiver", "doctor", (r) => r.doctorName);
  });

  it("workload per doctor: outpatients, logs, name", async () => {
    await checkList("workload", "wz-admin", "outpatients", (r) => r.outpatients, "&by=doctor");
    await checkList("workload", "wz-admin", "logs", (r) => r.logs, "&by=doctor");
    await checkList("workload", "wz-admin", "name", (r) => r.name, "&by=doctor");
  });

  it("finance's month: amount, due date, payer", async () => {
    await checkList("allowances/due", "wz-admin", "amount", (r) => r.amountFen);
    await checkList("allowances/due", "wz-admin", "dueDate", (r) => r.dueDate);
    await checkList("allowances/due", "wz-admin", "payer", (r) => r.payer);
  });

  it("assessments: year, status (scoring before finalised)", async () => {
    await checkList("assessments", "wz-admin", "year", (r) => r.year);
    // A status sorts in the order of its workflow (the enum's order), not alphabetically.
    await checkList("assessments", "wz-admin", "status", (r) => ["SCORING", "FINALISED"].indexOf(r.status));
  });
});
