// One doctor's timeline (issue 16) on the demo's Wanzhou cohort: the doctor in service sees his
// nomination, decisions, dispatch, leave, confirmed logs and paid allowances month by month; each
// reader sees what the policy lets them see elsewhere; out of scope is "not found"; a batch reason
// stays the bureau's; the API answers the same entries in the caller's language.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareTimeline, monthKeyOf } from "@/lib/domain/doctor-timeline";
import { isAppError } from "@/lib/errors";
import { issueApiToken } from "@/lib/server/api-tokens";
import { doctorTimeline } from "@/lib/server/doctor-timeline";
import { buildScope } from "@/lib/server/organization-tree";
import { seedDemoData } from "@/prisma/seed";
import { seedDemoRound } from "@/prisma/seed/round";
import { seedServiceAllowances } from "@/prisma/seed/service-allowances";
import { seedServiceCohort } from "@/prisma/seed/service-cohort";
import { seedServiceLeave } from "@/prisma/seed/service-leave";
import { seedServiceWorklogs } from "@/prisma/seed/service-worklogs";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const NOW = new Date("2026-12-03T09:00:00+08:00");

beforeAll(async () => {
  db = await createTestDatabase();
  // The route handlers use the app's PrismaClient (lib/db.ts): this test's database.
  (globalThis as { prisma?: unknown }).prisma = db.prisma;
  await seedDemoData(db.prisma);
  await seedDemoRound(db.prisma);
  await seedServiceCohort(db.prisma, NOW);
  await seedServiceLeave(db.prisma, NOW);
  await seedServiceWorklogs(db.prisma, NOW);
  await seedServiceAllowances(db.prisma, NOW);
}, 300_000);

afterAll(async () => {
  await db?.drop();
});

const scopeOf = async (username: string) => buildScope(db.prisma, await db.prisma.user.findUniqueOrThrow({ where: { username } }));
const wzDoctor = () => db.prisma.doctor.findFirstOrThrow({ where: { name: "谭晓宇" }, select: { id: true } });
const codeOf = async (read: Promise<unknown>) => read.then(() => "ok", (error: unknown) => (isAppError(error) ? error.code : String(error)));

describe("the doctor's own timeline", () => {
  it("holds his nomination and its decisions, the dispatch, leave, his confirmed logs and the allowances paid, oldest first", async () => {
    const { id } = await wzDoctor();
    const timeline = await doctorTimeline(db.prisma, await scopeOf("wz-doctor"), id);
    expect(timeline.doctor.name).toBe("谭晓宇");
    const kinds = new Set(timeline.events.map((e) => e.kind));
    for (const kind of ["application", "decision", "dispatch", "logs", "payment"] as const) expect(kinds, kind).toContain(kind);
    expect([...timeline.events].sort(compareTimeline)).toEqual(timeline.events);

    // Hand-counted from the records: one line per month of confirmed logs, one per month of payments.
    const dispatches = await db.prisma.dispatch.findMany({ where: { doctorId: id }, select: { id: true } });
    const logs = await db.prisma.workLog.findMany({ where: { dispatchId: { in: dispatches.map((d) => d.id) }, status: "CONFIRMED" }, select: { periodStart: true, outpatients: true } });
    const logMonths = new Set(logs.map((l) => monthKeyOf(l.periodStart)));
    const logEvents = timeline.events.filter((e) => e.kind === "logs");
    expect(logEvents).toHaveLength(logMonths.size);
    expect(logEvents.reduce((n, e) => n + (e.kind === "logs" ? e.count : 0), 0)).toBe(logs.length);
    expect(logEvents.reduce((n, e) => n + (e.kind === "logs" ? e.outpatients : 0), 0)).toBe(logs.reduce((n, l) => n + l.outpatients, 0));

    const paid = await db.prisma.allowanceLine.findMany({ where: { dispatchId: { in: dispatches.map((d) => d.id) }, status: "PAID" }, select: { amountFen: true, paidOn: true } });
    const payments = timeline.events.filter((e) => e.kind === "payment");
    expect(payments.length).toBeGreaterThan(0);
    expect(payments.reduce((n, e) => n + (e.kind === "payment" ? e.amountFen : 0), 0)).toBe(paid.reduce((n, l) => n + l.amountFen, 0));
    expect(payments.reduce((n, e) => n + (e.kind === "payment" ? e.count : 0), 0)).toBe(paid.length);
    expect(new Set(payments.map((e) => (e.kind === "payment" ? e.month : ""))).size).toBe(new Set(paid.map((l) => monthKeyOf(l.paidOn!))).size);

    // Every entry links to its record.
    for (const e of timeline.events) expect(e.href).toMatch(/^\/(applications|dispatches|programs|evaluations)\//);
  });
});

describe("who sees whose timeline", () => {
  it("the programme's bureau sees it; another city's bureau, hospital and doctor do not; the receiving unit and finance have no registry", async () => {
    const { id } = await wzDoctor();
    expect((await doctorTimeline(db.prisma, await scopeOf("wz-admin"), id)).events.length).toBeGreaterThan(0);
    // The receiving unit meets its doctors on its own pages (/receiving), not in the registry.
    expect(await codeOf(doctorTimeline(db.prisma, await scopeOf("wz-receiver"), id))).toBe("forbidden");
    expect(await codeOf(doctorTimeline(db.prisma, await scopeOf("staff"), id))).toBe("notFound");
    expect(await codeOf(doctorTimeline(db.prisma, await scopeOf("nominator"), id))).toBe("notFound");
    expect(await codeOf(doctorTimeline(db.prisma, await scopeOf("doctor"), id))).toBe("notFound");
    expect(await codeOf(doctorTimeline(db.prisma, await scopeOf("finance"), id))).toBe("forbidden");
  });

  it("a reason given for a batch reaches the bureau's staff only; the unit sees the decision without it", async () => {
    const staff = await db.prisma.user.findUniqueOrThrow({ where: { username: "staff" } });
    const nominator = await scopeOf("nominator");
    const app = await db.prisma.application.findFirstOrThrow({ where: { nominatingOrgId: nominator.user.organizationId }, select: { id: true, doctorId: true, currentStage: true } });
    await db.prisma.stageDecision.create({ data: { applicationId: app.id, stage: app.currentStage, outcome: "PASS", reason: "批量审核：诸暨市人民医院名额已满", reasonStaffOnly: true, decidedById: staff.id } });
    const decisionOf = (t: Awaited<ReturnType<typeof doctorTimeline>>) => t.events.find((e) => e.kind === "decision" && e.reason === null && e.outcome === "PASS" && e.stage === app.currentStage);
    const forUnit = await doctorTimeline(db.prisma, nominator, app.doctorId);
    expect(forUnit.events.some((e) => e.kind === "decision" && e.reason?.includes("诸暨"))).toBe(false);
    expect(decisionOf(forUnit)).toBeDefined();
    const forStaff = await doctorTimeline(db.prisma, await scopeOf("staff"), app.doctorId);
    expect(forStaff.events.some((e) => e.kind === "decision" && e.reason?.includes("诸暨"))).toBe(true);
  });
});

describe("GET /api/v1/doctors/{doctorId}/timeline", () => {
  it("answers the entries in words in the caller's language, with the record's own fields; out of scope 404", async () => {
    const { id } = await wzDoctor();
    const route = await import("@/app/api/v1/doctors/[doctorId]/timeline/route");
    // Tokens are issued by the admin of the user's bureau.
    const token = async (username: string, issuer: string) => {
      const user = await db.prisma.user.findUniqueOrThrow({ where: { username } });
      return (await issueApiToken(db.prisma, await scopeOf(issuer), { userId: user.id, name: "timeline test" })).token;
    };
    const call = async (username: string, lang?: string) => {
      const issuer = username.startsWith("wz-") ? "wz-admin" : "admin";
      const headers: Record<string, string> = { authorization: `Bearer ${await token(username, issuer)}` };
      if (lang) headers["accept-language"] = lang;
      const response = await route.GET(new NextRequest(`http://localhost/api/v1/doctors/${id}/timeline`, { headers }), { params: Promise.resolve({ doctorId: id }) });
      if (response.status >= 500) console.error(await response.clone().text());
      return { status: response.status, json: (await response.json()) as { events: { kind: string; summary: string; kindLabel: string; details: Record<string, unknown>; at: string }[] } };
    };
    const zh = await call("wz-doctor");
    expect(zh.status).toBe(200);
    const payment = zh.json.events.find((e) => e.kind === "payment")!;
    expect(payment.summary).toMatch(/^发放补助 \d+ 笔，合计 ¥[\d,]+\.\d{2}$/);
    expect(payment.kindLabel).toBe("补助发放");
    expect(typeof payment.details.amountFen).toBe("number");
    const dispatch = zh.json.events.find((e) => e.kind === "dispatch")!;
    expect(dispatch.summary).not.toMatch(/[A-Z_]{4,}/);
    const en = await call("wz-doctor", "en");
    expect(en.json.events.find((e) => e.kind === "payment")!.summary).toMatch(/payments?, ¥[\d,]+\.\d{2} in all$/);
    expect((await call("nominator")).status).toBe(404);
  });
});
