// StageWait and Application.lastDecidedAt, kept by the trigger on StageDecision (migration
// 20261209001000_stage_waits): after decisions through the use case (one, several at once) and several
// decisions of one application inserted in one statement (as the seed and the bench generator do), the
// sums equal the LAG over every decision that programme health used to compute per request, and each
// application's lastDecidedAt is its latest decision's time.
import { describe, expect, it } from "vitest";
import { decide } from "@/lib/server/vetting";
import { demoWorld, makePost, ON_TIME, placeApplications, SXRM, VETTING } from "./setup/vetting-fixtures";

const w = demoWorld();

/** Programme × stage rows where the kept sums and a fresh LAG over the decisions disagree (to the millisecond). */
async function staleWaits() {
  return w.db.prisma.$queryRaw<Record<string, unknown>[]>`
    WITH fresh AS (
      SELECT a."programId", sd.stage, count(*)::int AS decided, round(sum(x.seconds)::numeric, 3) AS total, round(max(x.seconds)::numeric, 3) AS longest
      FROM "StageDecision" sd JOIN "Application" a ON a.id = sd."applicationId"
      CROSS JOIN LATERAL (SELECT extract(epoch FROM sd."decidedAt" - coalesce(
        (SELECT max(p."decidedAt") FROM "StageDecision" p WHERE p."applicationId" = sd."applicationId" AND (p."decidedAt", p.id) < (sd."decidedAt", sd.id)),
        a."submittedAt", a."createdAt")) AS seconds) x
      GROUP BY 1, 2
    ), kept AS (
      SELECT "programId", stage, decided, round("totalSeconds"::numeric, 3) AS total, round("longestSeconds"::numeric, 3) AS longest FROM "StageWait"
    )
    (SELECT 'only kept' AS side, * FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh) a)
    UNION ALL
    (SELECT 'only fresh' AS side, * FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept) b)`;
}

async function staleLastDecided() {
  return w.db.prisma.$queryRaw<{ id: string }[]>`
    SELECT a.id FROM "Application" a LEFT JOIN (SELECT "applicationId", max("decidedAt") AS at FROM "StageDecision" GROUP BY 1) m ON m."applicationId" = a.id
    WHERE a."lastDecidedAt" IS DISTINCT FROM m.at`;
}

describe("the stage waits the trigger keeps", () => {
  it("equal the LAG over every decision, through the use case and a bulk insert", async () => {
    expect(await staleWaits()).toEqual([]);
    expect(await staleLastDecided()).toEqual([]);

    const postId = await makePost(w.db.prisma, w.demo, 3, "等待时长岗位");
    const ids = await placeApplications(w.db.prisma, w.demo, postId, SXRM, "PRELIMINARY_REVIEW", 3);
    const before = await w.db.prisma.stageWait.findUnique({ where: { programId_stage: { programId: w.demo.programId, stage: "PRELIMINARY_REVIEW" } } });
    await decide(w.db.prisma, w.s.staff, { applicationIds: ids.slice(0, 2), stage: "PRELIMINARY_REVIEW", outcome: "PASS" }, ON_TIME);
    await decide(w.db.prisma, w.s.staff, { applicationIds: [ids[2]!], stage: "PRELIMINARY_REVIEW", outcome: "FAIL", reason: "学历不符" }, VETTING);
    const after = await w.db.prisma.stageWait.findUniqueOrThrow({ where: { programId_stage: { programId: w.demo.programId, stage: "PRELIMINARY_REVIEW" } } });
    // Submitted 2013-11-09 10:00 (Beijing); decided 2013-11-10 10:00 (twice) and 2013-11-12 10:00: 1 + 1 + 3 days.
    expect(after.decided - (before?.decided ?? 0)).toBe(3);
    expect(after.totalSeconds - (before?.totalSeconds ?? 0)).toBe(5 * 86_400);
    expect(after.longestSeconds).toBeGreaterThanOrEqual(3 * 86_400);

    // Two decisions of one application in one statement: the second waits from the first.
    const [one] = await placeApplications(w.db.prisma, w.demo, postId, SXRM, "PHYSICAL_EXAM", 1);
    const staff = w.demo.userId("staff");
    await w.db.prisma.stageDecision.createMany({
      data: [
        { applicationId: one!, stage: "PHYSICAL_EXAM", outcome: "PASS", decidedById: staff, decidedAt: new Date("2013-11-20T02:00:00Z") },
        { applicationId: one!, stage: "INSPECTION_SHORTLIST", outcome: "PASS", decidedById: staff, decidedAt: new Date("2013-11-27T02:00:00Z") },
      ],
    });
    expect(await staleWaits()).toEqual([]);
    expect(await staleLastDecided()).toEqual([]);
    const app = await w.db.prisma.application.findUniqueOrThrow({ where: { id: one! }, select: { lastDecidedAt: true } });
    expect(app.lastDecidedAt?.toISOString()).toBe("2013-11-27T02:00:00.000Z");
  });
});
