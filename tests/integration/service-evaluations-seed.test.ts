// The demo's annual assessment (prisma/seed/service-evaluations.ts) on a real database, on top of the
// Wanzhou cohort: who is assessed, the sheets in progress, nothing gradable yet, a second run that
// changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAssessment } from "@/lib/server/evaluations";
import { buildScope } from "@/lib/server/organization-tree";
import { seedDemoData } from "@/prisma/seed";
import { seedServiceCohort } from "@/prisma/seed/service-cohort";
import { assessedYear, seedServiceEvaluations } from "@/prisma/seed/service-evaluations";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const NOW = new Date("2026-12-03T09:00:00+08:00");
let rows = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  await seedServiceCohort(db.prisma, NOW);
  rows = await seedServiceEvaluations(db.prisma, "Demo@2026", NOW);
}, 180_000);

afterAll(async () => {
  await db?.drop();
});

describe("the demo's annual assessment", () => {
  it("assesses the year half gone: this year from July, else the last", () => {
    expect(assessedYear("2026-12-03")).toBe(2026);
    expect(assessedYear("2026-07-01")).toBe(2026);
    expect(assessedYear("2026-06-30")).toBe(2025);
  });

  it("lists the cohort for 2026: the eight in service assessed, 蒋波 (arriving in December) not, 秦露 (arriving in January) not listed", async () => {
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { username: "wz-admin" } });
    const a = await db.prisma.assessment.findFirstOrThrow({ select: { id: true, year: true } });
    expect(a.year).toBe(2026);
    const view = await getAssessment(db.prisma, await buildScope(db.prisma, admin), a.id);
    expect(view.subjects.filter((s) => s.assessed)).toHaveLength(8);
    expect(view.subjects.filter((s) => !s.assessed).map((s) => s.doctorName)).toEqual(["蒋波"]);
    expect(view.subjects.map((s) => s.doctorName)).not.toContain("秦露");
    expect(view.quota).toBe(1);
    // Bureau: seven submitted, one draft; 分水: two submitted, one draft; nothing graded, no ranking yet.
    const bureau = view.subjects.flatMap((s) => s.sheets.filter((sh) => sh.party === "BUREAU"));
    expect(bureau.filter((sh) => sh.submitted)).toHaveLength(7);
    const receiving = view.subjects.flatMap((s) => s.sheets.filter((sh) => sh.party === "RECEIVING_UNIT" && sh.points));
    expect(receiving.map((sh) => sh.submitted).sort()).toEqual([false, true, true]);
    expect(view.ranking).toEqual([]);
    expect(view.status).toBe("SCORING");
    expect(rows).toBe(11);
  });

  it("adds the parties' accounts: a supervisor for each other centre, a nominator for each hospital", async () => {
    const users = await db.prisma.user.findMany({ where: { username: { startsWith: "wz-" } }, select: { username: true, role: true } });
    expect(users.filter((u) => u.role === "RECEIVING_SUPERVISOR")).toHaveLength(5);
    expect(users.filter((u) => u.role === "HOSPITAL_NOMINATOR")).toHaveLength(3);
  });

  it("a second run changes nothing", async () => {
    expect(await seedServiceEvaluations(db.prisma, "Demo@2026", NOW)).toBe(0);
    expect(await db.prisma.assessmentScore.count()).toBe(11);
  });
});

describe("the demo's end-of-service form and rater link", () => {
  it("谭晓宇's form is being filled (summary and the dispatching unit's opinion in); a six-party 2014 assessment has an open rater link; a second run changes nothing", async () => {
    const { seedDemoRoundClosing } = await import("@/prisma/seed/round-notice");
    const { seedDemoRound } = await import("@/prisma/seed/round");
    const { seedServiceEndEvaluations } = await import("@/prisma/seed/service-end-evaluations");
    await seedDemoRound(db.prisma);
    await seedDemoRoundClosing(db.prisma);
    expect(await seedServiceEndEvaluations(db.prisma, NOW)).toBe(4);
    const form = await db.prisma.serviceEvaluation.findFirstOrThrow({ select: { status: true, summary: true, dispatchingOpinion: true, receivingOpinion: true, dispatch: { select: { doctor: { select: { name: true } } } } } });
    expect(form).toMatchObject({ status: "FILLING", dispatchingOpinion: expect.stringContaining("同意"), receivingOpinion: null, dispatch: { doctor: { name: "谭晓宇" } } });
    expect(form.summary).toContain("全脱产在岗");
    const link = await db.prisma.raterLink.findFirstOrThrow({ select: { party: true, usedAt: true, revokedAt: true, subject: { select: { assessment: { select: { year: true, schemeId: true } } } } } });
    expect(link).toMatchObject({ party: "MENTORED_STAFF", usedAt: null, revokedAt: null, subject: { assessment: { year: 2014, schemeId: "scheme_six_party" } } });
    expect(await seedServiceEndEvaluations(db.prisma, NOW)).toBe(0);
  }, 180_000);
});
