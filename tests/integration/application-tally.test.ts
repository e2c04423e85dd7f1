// ApplicationTally, the applications counted per post, current stage and status that the Application
// triggers keep in the same transaction (migration 20261209000000_application_tally): after every kind
// of change — nominating, deciding (pass, fail, withdraw, several at once, two officers at the same
// moment), and the changes no use case makes but a fix by hand could (moving an application to another
// post, editing a field that is not counted, deleting one) — the table equals a fresh GROUP BY over the
// applications, row for row; and its readers (the vetting board, programme health) show it.
import { describe, expect, it } from "vitest";
import { nominate } from "@/lib/server/applications";
import { screenPost } from "@/lib/server/eligibility";
import { programHealth } from "@/lib/server/program-health";
import { decide, vettingBoard } from "@/lib/server/vetting";
import { demoWorld, makePost, ON_TIME, placeApplications, SXRM, ZJRM } from "./setup/vetting-fixtures";

const w = demoWorld();

/** Rows of the tally that a fresh count over the applications does not give, and the other way round. */
async function staleRows() {
  return w.db.prisma.$queryRaw<Record<string, unknown>[]>`
    WITH fresh AS (SELECT "postId", "currentStage", status, count(*)::int AS n FROM "Application" GROUP BY 1, 2, 3),
         kept AS (SELECT "postId", "currentStage", status, n FROM "ApplicationTally")
    (SELECT 'only in the tally' AS side, * FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh) a)
    UNION ALL
    (SELECT 'only in the applications' AS side, * FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept) b)`;
}

const tallyOf = async (postId: string) =>
  (await w.db.prisma.applicationTally.findMany({ where: { postId } })).map((t) => `${t.currentStage}/${t.status}=${t.n}`).sort();

describe("the tally the triggers keep", () => {
  it("equals a fresh count after the seed, nominations and decisions, and the board and health read it", async () => {
    expect(await staleRows()).toEqual([]);

    const postId = await makePost(w.db.prisma, w.demo, 2, "计数测试岗位");
    expect(await tallyOf(postId)).toEqual([]);
    const ids = await placeApplications(w.db.prisma, w.demo, postId, SXRM, "PRELIMINARY_REVIEW", 4);
    expect(await tallyOf(postId)).toEqual(["PRELIMINARY_REVIEW/IN_PROGRESS=4"]);

    // Two passes at once, a fail and a withdrawal: each decision moves its application's group.
    await decide(w.db.prisma, w.s.staff, { applicationIds: [ids[0]!, ids[1]!], stage: "PRELIMINARY_REVIEW", outcome: "PASS" }, ON_TIME);
    await decide(w.db.prisma, w.s.staff, { applicationIds: [ids[2]!], stage: "PRELIMINARY_REVIEW", outcome: "FAIL", reason: "学历不符" }, ON_TIME);
    await decide(w.db.prisma, w.s.staff, { applicationIds: [ids[3]!], stage: "PRELIMINARY_REVIEW", outcome: "WITHDRAW", reason: "家庭原因" }, ON_TIME);
    const after = await w.db.prisma.application.groupBy({ by: ["currentStage", "status"], where: { postId }, _count: { _all: true } });
    expect(after.length).toBe(3);
    expect(await tallyOf(postId)).toEqual(after.map((g) => `${g.currentStage}/${g.status}=${g._count._all}`).sort());
    expect(await staleRows()).toEqual([]);

    const board = await vettingBoard(w.db.prisma, w.s.staff, w.demo.programId);
    const onBoard = board.posts.find((p) => p.id === postId)!;
    expect(onBoard.total).toBe(4);
    expect(onBoard.ended.PRELIMINARY_REVIEW).toBe(2);

    const health = await programHealth(w.db.prisma, w.s.staff, w.demo.programId);
    const line = health.posts.find((p) => p.postId === postId)!;
    expect(line).toMatchObject({ applications: 4, approved: 0, headcount: 2 });
    const perStage = health.stageCounts.filter((c) => c.postId === postId);
    expect(perStage.reduce((n, c) => n + c.pendingEndorsement + c.inProgress + c.ended + c.approved, 0)).toBe(4);
  });

  it("counts a nomination through the use case, and two officers deciding at the same moment", async () => {
    const post = await w.db.prisma.post.findFirstOrThrow({ where: { programId: w.demo.programId, title: "眼科医生", rotationBatch: 1 }, select: { id: true } });
    const rows = (await screenPost(w.db.prisma, w.s.nominator, { postId: post.id, q: "" })).page.rows.slice(0, 1);
    for (const r of rows) await nominate(w.db.prisma, w.s.nominator, { postId: post.id, doctorId: r.doctorId, ...(r.verdict === "ELIGIBLE" ? {} : { exceptionReason: "岗位急需" }) }, ON_TIME);
    expect(await staleRows()).toEqual([]);

    const postId = await makePost(w.db.prisma, w.demo, 3, "并发计数岗位");
    const a = await placeApplications(w.db.prisma, w.demo, postId, SXRM, "PRELIMINARY_REVIEW", 3);
    const b = await placeApplications(w.db.prisma, w.demo, postId, ZJRM, "PRELIMINARY_REVIEW", 3);
    await Promise.all([
      decide(w.db.prisma, w.s.staff, { applicationIds: a, stage: "PRELIMINARY_REVIEW", outcome: "PASS" }, ON_TIME),
      decide(w.db.prisma, w.s.admin, { applicationIds: b, stage: "PRELIMINARY_REVIEW", outcome: "FAIL", reason: "材料不全" }, ON_TIME),
    ]);
    expect(await staleRows()).toEqual([]);
    expect((await w.db.prisma.applicationTally.aggregate({ where: { postId }, _sum: { n: true } }))._sum.n).toBe(6);
  });

  it("follows changes made by hand: another post, a field not counted, a deletion; an emptied group goes", async () => {
    const from = await makePost(w.db.prisma, w.demo, 1, "手工调整岗位甲");
    const to = await makePost(w.db.prisma, w.demo, 1, "手工调整岗位乙");
    const [one, two] = await placeApplications(w.db.prisma, w.demo, from, SXRM, "PRELIMINARY_REVIEW", 2);
    await w.db.prisma.application.update({ where: { id: one! }, data: { rank: 1 } });
    expect(await tallyOf(from)).toEqual(["PRELIMINARY_REVIEW/IN_PROGRESS=2"]);
    await w.db.prisma.application.update({ where: { id: one! }, data: { postId: to } });
    expect(await tallyOf(from)).toEqual(["PRELIMINARY_REVIEW/IN_PROGRESS=1"]);
    expect(await tallyOf(to)).toEqual(["PRELIMINARY_REVIEW/IN_PROGRESS=1"]);
    await w.db.prisma.attachment.deleteMany({ where: { applicationId: two! } });
    await w.db.prisma.application.delete({ where: { id: two! } });
    expect(await tallyOf(from)).toEqual([]);
    expect(await staleRows()).toEqual([]);
  });
});
